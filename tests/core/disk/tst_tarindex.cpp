// The tar index against GNU tar: archives it writes in each format, with folders, links and long
// names, listed as `tar -t` lists them with the data where tar puts it; then headers built here
// for what tar does not write (signed checksums, base-256 and pax sizes, global headers) and
// hostile ones (no end, too many members, names and headers too long), each with its refusal.
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/ByteSource.h"
#include "disk/TarIndex.h"

#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

using namespace cvmi;
using namespace cvmi::disk;
using cvmi::test::readFile;
using cvmi::test::sh;

namespace {

// One header as POSIX ustar writes it; `size` is written in octal unless `rawSize` is given.
QByteArray header(const QByteArray& name, quint64 size, char type = '0',
                  const QByteArray& rawSize = {})
{
    QByteArray h(512, '\0');
    std::memcpy(h.data(), name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    std::memcpy(h.data() + 100, "0000644", 7);
    if (rawSize.isEmpty())
        std::snprintf(h.data() + 124, 12, "%011llo", static_cast<unsigned long long>(size));
    else
        std::memcpy(h.data() + 124, rawSize.constData(), 12);
    h[156] = type;
    std::memcpy(h.data() + 257,
                "ustar\0"
                "00",
                8);
    std::memset(h.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : h)
        sum += uchar(c);
    std::snprintf(h.data() + 148, 8, "%06o", sum);
    h[155] = ' ';
    return h;
}

QByteArray padded(const QByteArray& data)
{
    return data + QByteArray((512 - data.size() % 512) % 512, '\0');
}

QByteArray member(const QByteArray& name, const QByteArray& data, char type = '0')
{
    return header(name, quint64(data.size()), type) + padded(data);
}

QByteArray paxRecord(const QByteArray& key, const QByteArray& value)
{
    const QByteArray body = ' ' + key + '=' + value + '\n';
    qsizetype length = body.size() + 1;
    while (QByteArray::number(length).size() + body.size() != length)
        ++length;
    return QByteArray::number(length) + body;
}

const QByteArray kEnd(1024, '\0');

bool list(const QByteArray& tar, QList<TarMember>* members, Error* error)
{
    MemoryByteSource source(tar, QStringLiteral("t.ova"));
    return indexTar(source, members, error);
}

QString refusal(const QByteArray& tar)
{
    QList<TarMember> members;
    Error error;
    return list(tar, &members, &error) ? QStringLiteral("listed") : error.code;
}

} // namespace

class TestTarIndex : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void matchesTar_data();
    void matchesTar();
    void builtHeaders();
    void hostile();
    void firstFile();

private:
    QTemporaryDir m_dir;
};

void TestTarIndex::matchesTar_data()
{
    QTest::addColumn<QString>("format");
    for (const char* format : {"ustar", "gnu", "pax", "oldgnu", "posix"})
        QTest::newRow(format) << QString::fromLatin1(format);
}

void TestTarIndex::matchesTar()
{
    QFETCH(QString, format);
    const QString dir = test::scratchFolder(m_dir, format);
    const QString longDir = QStringLiteral("folder-with-a-long-name-0123456789-0123456789");
    const QString longFile =
        QStringLiteral("file-with-a-long-name-0123456789-0123456789-0123456789-x");
    QVERIFY(sh(dir, QStringLiteral("mkdir -p t/%1 && cd t && echo one > a.ovf && "
                                   "head -c 70000 /dev/urandom > disk.vmdk && : > empty && "
                                   "ln -s a.ovf link && ln a.ovf hard && mkfifo fifo && "
                                   "head -c 1000 /dev/urandom > %1/%2 && "
                                   "tar --format=%3 -cf ../t.tar a.ovf disk.vmdk empty link hard "
                                   "fifo %1 && tar -tf ../t.tar > ../names")
                        .arg(longDir, longFile, format)));
    const QByteArray tar = readFile(dir + QStringLiteral("/t.tar"));
    QList<TarMember> members;
    Error error;
    QVERIFY2(list(tar, &members, &error), qPrintable(error.message));
    QStringList ours;
    for (const TarMember& m : members)
        ours << QString::fromUtf8(m.name);
    QStringList tars = QString::fromUtf8(readFile(dir + QStringLiteral("/names")))
                           .split(u'\n', Qt::SkipEmptyParts);
    for (QString& name : tars)
        if (name.endsWith(u'/'))
            name.chop(1); // tar shows folders with a slash; headers may keep it or not
    for (QString& name : ours)
        if (name.endsWith(u'/'))
            name.chop(1);
    QCOMPARE(ours, tars);
    // Regular files hold their bytes where the index says; the others are flagged.
    for (const TarMember& m : members) {
        const QString path = dir + QStringLiteral("/t/") + QString::fromUtf8(m.name);
        const bool regular = m.name == "a.ovf" || m.name == "disk.vmdk" || m.name == "empty" ||
                             m.name.endsWith("-x");
        QCOMPARE(m.regular, regular);
        if (regular)
            QCOMPARE(tar.mid(qsizetype(m.dataOffset), qsizetype(m.size)), readFile(path));
    }
}

void TestTarIndex::builtHeaders()
{
    QList<TarMember> members;
    Error error;
    // A pax size overrides the header's; global headers and long link names are passed over;
    // a base-256 size; the ustar prefix; "./" removed; the end of the file ends the archive.
    const QByteArray pax = paxRecord("path", "./pax/named.vmdk") + paxRecord("size", "600") +
                           paxRecord("mtime", "1.5");
    QByteArray base256(12, '\0');
    base256[0] = char(0x80);
    base256[11] = 3;
    QByteArray prefixed = header("name.vmdk", 2);
    std::memcpy(prefixed.data() + 345, "some/prefix", 11);
    std::memset(prefixed.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : prefixed)
        sum += uchar(c);
    std::snprintf(prefixed.data() + 148, 8, "%06o", sum);
    prefixed[155] = ' ';
    const QByteArray tar = member("g", paxRecord("comment", "x"), 'g') + member("x", pax, 'x') +
                           header("short", 0) + padded(QByteArray(600, 'p')) +
                           member("K", "target", 'K') + header("b256", 0, '0', base256) +
                           padded("abc") + prefixed + padded("pp") + member("./dir/", {}, '5');
    QVERIFY2(list(tar, &members, &error), qPrintable(error.message));
    QCOMPARE(members.size(), 4);
    QCOMPARE(members[0].name, QByteArray("pax/named.vmdk"));
    QCOMPARE(members[0].size, quint64(600));
    QCOMPARE(tar.mid(qsizetype(members[0].dataOffset), 600), QByteArray(600, 'p'));
    QCOMPARE(members[1].name, QByteArray("b256"));
    QCOMPARE(members[1].size, quint64(3));
    QCOMPARE(members[2].name, QByteArray("some/prefix/name.vmdk"));
    QCOMPARE(members[3].name, QByteArray("dir/"));
    QVERIFY(!members[3].regular);

    // Old writers summed the header as signed chars.
    QByteArray high = header("\xe9t\xe9.ovf", 0);
    std::memset(high.data() + 148, ' ', 8);
    int signedSum = 0;
    for (char c : high)
        signedSum += static_cast<signed char>(c);
    std::snprintf(high.data() + 148, 8, "%06o", unsigned(signedSum));
    QVERIFY2(list(high + kEnd, &members, &error), qPrintable(error.message));
    QCOMPARE(members.size(), 1);

    // A lone zero block ends it too, whatever follows.
    QVERIFY(
        list(member("a", "1") + QByteArray(512, '\0') + QByteArray(512, 'x'), &members, &error));
    QCOMPARE(members.size(), 1);
}

void TestTarIndex::hostile()
{
    QByteArray many;
    for (int i = 0; i <= kTarMaxHeaders; ++i)
        many += header("f" + QByteArray::number(i), 0);
    QCOMPARE(refusal(many), QStringLiteral("ova_bad_tar"));
    QCOMPARE(refusal(member("L", QByteArray(kTarMaxNameBytes + 1, 'n'), 'L') + member("a", "")),
             QStringLiteral("ova_bad_tar"));
    QCOMPARE(refusal(header("x", quint64(kTarMaxPaxBytes) + 1, 'x') +
                     QByteArray(kTarMaxPaxBytes + 512, 'x')),
             QStringLiteral("ova_bad_tar"));
    for (const QByteArray& records :
         {QByteArray("5 a=b\n"), QByteArray("99 path=x\n"), QByteArray("x path=y\n"),
          QByteArray("9 pathxx\n"), paxRecord("size", "-1"),
          paxRecord("size", "99999999999999999999")})
        QCOMPARE(refusal(member("x", records, 'x') + member("a", "")),
                 QStringLiteral("ova_bad_tar"));
    QCOMPARE(refusal(header("a", 1000) + QByteArray(512, 'd')), QStringLiteral("ova_truncated"));
    QCOMPARE(refusal(member("a", "1") + QByteArray(100, 'h')), QStringLiteral("ova_truncated"));
    QCOMPARE(refusal(header("a", 0, '0', "12345678x012")), QStringLiteral("ova_bad_tar"));
    // Every byte of a header changed in turn: refused or listed, never more than it holds.
    const QByteArray good = member("a.ovf", "<Envelope/>") + member("d.vmdk", "KDMV") + kEnd;
    for (qsizetype i = 0; i < 1024; ++i) {
        QByteArray bad = good;
        bad[i] = char(bad[i] ^ 0x5a);
        QList<TarMember> members;
        Error error;
        if (list(bad, &members, &error))
            QVERIFY(members.size() <= 2);
    }
}

void TestTarIndex::firstFile()
{
    const QByteArray pax = member("./PaxHeaders/a.ovf", paxRecord("path", "a.ovf"), 'x');
    const QByteArray tar = member("dir/", {}, '5') + pax + member("a.ovf", "<x/>") + kEnd;
    QCOMPARE(firstTarFileName(tar, quint64(tar.size())), QByteArray("a.ovf"));
    QCOMPARE(firstTarFileName(member("L", "long.ovf", 'L') + member("l", "<x/>"), 100000),
             QByteArray("long.ovf"));
    QCOMPARE(firstTarFileName(tar.left(700), quint64(tar.size())), QByteArray());
    QCOMPARE(firstTarFileName(QByteArray(512, '\0'), 512), QByteArray());
}

QTEST_GUILESS_MAIN(TestTarIndex)
#include "tst_tarindex.moc"

// PeHeader: the architecture read from a PE header, and headers that are truncated or point
// outside the file.
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"
#include "inspect/GuestPath.h"
#include "inspect/Inspector.h"
#include "inspect/PeHeader.h"
#include "inspect/TskGuestFs.h"
#include "inspect/TskImage.h"

#include <QFile>
#include <QtTest>
#include <cstring>

using namespace cvmi;
using namespace cvmi::inspect;

namespace {
QString windowsFixture(const QString& name)
{
    return test::fixtureDir() + QStringLiteral("/windows/") + name;
}

// A disk opened the way the inspector opens it: container reader, TSK view, first partition.
struct OpenedDisk {
    std::unique_ptr<disk::DiskImage> disk;
    std::unique_ptr<TskImage> tsk;
    DiskLayout layout;
    std::unique_ptr<TskGuestFs> fs;
};

bool openDisk(const QString& name, OpenedDisk* opened)
{
    Error error;
    opened->disk = disk::openDiskImage(windowsFixture(name), &error);
    if (!opened->disk) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    opened->tsk = TskImage::open(*opened->disk, &error);
    if (!opened->tsk || !readDiskLayout(*opened->tsk, &opened->layout, &error) ||
        opened->layout.partitions.isEmpty()) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    const PartitionInfo& partition = opened->layout.partitions.first();
    opened->fs =
        TskGuestFs::open(opened->tsk->handle(), partition.start, &error, partition.filesystem);
    if (!opened->fs) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.message));
        return false;
    }
    return true;
}

// A PE header as the linkers write it, for the parser tests: DOS header, e_lfanew = 0x80,
// "PE\0\0", COFF header with `machine`.
QByteArray peImage(uint16_t machine, uint32_t lfanew = 0x80)
{
    QByteArray bytes(512, '\0');
    bytes[0] = 'M';
    bytes[1] = 'Z';
    for (int i = 0; i < 4; ++i)
        bytes[0x3c + i] = char((lfanew >> (8 * i)) & 0xff);
    if (uint64_t(lfanew) + 24 <= uint64_t(bytes.size())) {
        std::memcpy(bytes.data() + lfanew, "PE\0\0", 4);
        bytes[int(lfanew) + 4] = char(machine & 0xff);
        bytes[int(lfanew) + 5] = char(machine >> 8);
    }
    return bytes;
}

} // namespace

class TestPeHeader : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void peHeader_data();
    void peHeader();
    void peHeaderTruncated();
};

void TestPeHeader::initTestCase()
{
    QVERIFY2(QFile::exists(windowsFixture(QStringLiteral(".windows-done"))),
             "run the fixtures.windows test first (ctest -R fixtures.windows)");
}

void TestPeHeader::peHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("architecture");
    QTest::newRow("x86_64") << peImage(0x8664) << true << QStringLiteral("x86_64");
    QTest::newRow("i386") << peImage(0x14c) << true << QStringLiteral("i386");
    QTest::newRow("arm64") << peImage(0xaa64) << true << QStringLiteral("arm64");
    QTest::newRow("armnt") << peImage(0x1c4) << true << QStringLiteral("arm");
    QTest::newRow("other") << peImage(0x5064) << true << QStringLiteral("other:0x5064");
    QTest::newRow("lfanew past the end")
        << peImage(0x8664, 0x1000) << false << QStringLiteral("unknown");
    QTest::newRow("lfanew overflowing")
        << peImage(0x8664, 0xfffffff0u) << false << QStringLiteral("unknown");
    QByteArray noSignature = peImage(0x8664);
    noSignature[0x81] = 'X';
    QTest::newRow("no PE signature") << noSignature << false << QStringLiteral("unknown");
    QTest::newRow("ELF") << QByteArray("\x7f"
                                       "ELF\x02\x01\x01",
                                       7)
                                .leftJustified(512, '\0')
                         << false << QStringLiteral("unknown");
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("unknown");
    QTest::newRow("garbage") << QByteArray(4096, '\xff') << false << QStringLiteral("unknown");
    // The real thing, as lld-link wrote it into the fixture.
    QTest::newRow("fixture ntoskrnl (i386)") << QByteArray() << true << QStringLiteral("i386");
}

void TestPeHeader::peHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(QString, architecture);
    if (QByteArrayView(QTest::currentDataTag()).startsWith("fixture")) {
        OpenedDisk d;
        QVERIFY(openDisk(QStringLiteral("win10-x86.raw"), &d));
        const auto kernel =
            GuestPath::readFile(*d.fs, QStringLiteral("/Windows/System32/ntoskrnl.exe"), 4096);
        QVERIFY(kernel);
        bytes = *kernel;
    }
    const PeHeaderInfo info = parsePeHeader(bytes);
    QCOMPARE(info.valid, valid);
    QCOMPARE(info.architecture, architecture);
}

void TestPeHeader::peHeaderTruncated()
{
    // Every prefix of a valid header: unknown until the whole COFF Machine field is there, and
    // never a read past the end (ASan builds check that).
    const QByteArray full = peImage(0x8664);
    const int needed = 0x80 + 4 + 20;
    for (int length = 0; length <= full.size(); ++length) {
        const QByteArray prefix = full.left(length); // a copy, so ASan sees its real end
        const PeHeaderInfo info = parsePeHeader(prefix);
        QCOMPARE(info.valid, length >= needed);
        QCOMPARE(info.architecture,
                 length >= needed ? QStringLiteral("x86_64") : QStringLiteral("unknown"));
    }
}

QTEST_GUILESS_MAIN(TestPeHeader)
#include "tst_peheader.moc"

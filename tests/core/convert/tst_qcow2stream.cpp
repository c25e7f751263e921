// The streaming qcow2 converter on sources made by real tools: every stream passes
// `qemu-img check` (no errors, no leaks) and `qemu-img compare` against its source, reads back
// through our own qcow2 reader as the source does, is the same whatever the thread count, and
// stops or fails cleanly.
#include "ConvertSupport.h"
#include "convert/Qcow2Layout.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <sys/stat.h>

using namespace cvmi;
using namespace cvmi::test;

class TestQcow2Stream : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString out(const QString& name) const { return m_dir.filePath(name); }

    static QByteArray sha(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        return hash.result().toHex();
    }

    // Our reader: the converted disk reads exactly as the source, every byte.
    static void compareWithOurReader(const QString& source, const QString& converted)
    {
        Error error;
        auto a = disk::openDiskImage(source, &error);
        QVERIFY2(a, qPrintable(error.message));
        auto b = disk::openDiskImage(converted, &error);
        QVERIFY2(b, qPrintable(error.message));
        QCOMPARE(b->format(), QStringLiteral("qcow2"));
        QCOMPARE(b->virtualSize(), convert::Qcow2Layout::qcow2Size(a->virtualSize()));
        QVERIFY(b->findings().isEmpty());
        QByteArray x(4 << 20, '\0'), y(4 << 20, '\0');
        for (uint64_t at = 0; at < a->virtualSize(); at += uint64_t(x.size())) {
            const size_t n = size_t(std::min<uint64_t>(uint64_t(x.size()), a->virtualSize() - at));
            QVERIFY2(a->read(at, x.data(), n, &error), qPrintable(error.message));
            QVERIFY2(b->read(at, y.data(), n, &error), qPrintable(error.message));
            if (std::memcmp(x.constData(), y.constData(), n) != 0)
                QFAIL(qPrintable(QStringLiteral("differs in the 4 MiB at %1").arg(at)));
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("format");
        QTest::newRow("raw ext4") << "fs.raw"
                                  << "raw";
        QTest::newRow("raw mixed") << "mixed.raw"
                                   << "raw";
        QTest::newRow("qcow2 compressed") << "fs.qcow2"
                                          << "qcow2";
        QTest::newRow("vmdk streamOptimized") << "fs-stream.vmdk"
                                              << "vmdk";
        QTest::newRow("vhd dynamic") << "mixed.vhd"
                                     << "vpc";
    }
    void roundTrip()
    {
        QFETCH(QString, source);
        QFETCH(QString, format);
        const QString src = convertFixture(source);
        const QString dst = out(source + QStringLiteral(".qcow2"));
        Error error;
        const qint64 length = convertToFile(src, dst, &error);
        QVERIFY2(length > 0, qPrintable(error.message));
        QCOMPARE(QFileInfo(dst).size(), length);

        const ToolResult check = runQemuImg(
            {QStringLiteral("check"), QStringLiteral("-f"), QStringLiteral("qcow2"), dst});
        QVERIFY2(check.exitCode == 0, check.output.constData());
        QVERIFY2(check.output.contains("No errors were found on the image."),
                 check.output.constData());
        QVERIFY2(!check.output.contains("leaked"), check.output.constData());
        const ToolResult compare =
            runQemuImg({QStringLiteral("compare"), QStringLiteral("-f"), format,
                        QStringLiteral("-F"), QStringLiteral("qcow2"), src, dst});
        QVERIFY2(compare.exitCode == 0, compare.output.constData());
        compareWithOurReader(src, dst);

        // Less than the source holds: holes and zeros left out, the rest compressed. A source
        // compressed already (by qemu-img, with the same zlib) comes out about as large.
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(src).constData(), &st), 0);
        qInfo("%s: %lld bytes in the file (%lld allocated), %lld in the stream", qPrintable(source),
              qlonglong(st.st_size), qlonglong(st.st_blocks) * 512, length);
        if (format == QStringLiteral("raw") || format == QStringLiteral("vpc"))
            QVERIFY(length < qint64(st.st_blocks) * 512 * 7 / 10);
        else
            QVERIFY(double(length) < 1.05 * double(st.st_size));
    }

    // The same bytes with 1 or 3 compressing threads: a resumed upload regenerates the stream
    // and compares its parts with those sent before.
    void deterministic()
    {
        Error error;
        const QString one = out(QStringLiteral("one.qcow2"));
        const QString three = out(QStringLiteral("three.qcow2"));
        QVERIFY(convertToFile(convertFixture(QStringLiteral("mixed.raw")), one, &error, 1) > 0);
        QVERIFY(convertToFile(convertFixture(QStringLiteral("mixed.raw")), three, &error, 3) > 0);
        QCOMPARE(sha(one), sha(three));
        // Another level is another stream, and says so in its identity.
        auto image = disk::openDiskImage(convertFixture(QStringLiteral("fs.raw")), &error);
        QVERIFY(image);
        convert::Qcow2Stream six(*image, {6, 1});
        QVERIFY(six.identity().contains(QStringLiteral("zlib=6")));
        QVERIFY(six.identity().startsWith(QStringLiteral("qcow2-stream/1 ")));
    }

    void stopEndsRead()
    {
        Error error;
        auto image = disk::openDiskImage(convertFixture(QStringLiteral("fs.raw")), &error);
        QVERIFY(image);
        convert::Qcow2Stream stream(*image, {6, 2});
        QByteArray buffer(65536, '\0');
        QVERIFY(stream.read(buffer.data(), buffer.size()) > 0);
        stream.stop();
        qint64 n = 0;
        for (int i = 0; i < 100000 && n >= 0; ++i) // bytes already laid out may still come
            n = stream.read(buffer.data(), buffer.size());
        QCOMPARE(n, qint64(-1));
        QCOMPARE(stream.error().code, QStringLiteral("convert.stopped"));
    }

    // A qcow2 cut short: its tables open, its data cannot be read. The stream fails with the
    // reader's reason, no hang, no stream claimed complete.
    void truncatedSourceFails()
    {
        const QString cut = out(QStringLiteral("cut.qcow2"));
        QVERIFY(QFile::copy(convertFixture(QStringLiteral("fs.qcow2")), cut));
        QVERIFY(QFile::resize(cut, QFileInfo(cut).size() / 2));
        Error error;
        QCOMPARE(convertToFile(cut, out(QStringLiteral("cut-out.qcow2")), &error), qint64(-1));
        QCOMPARE(error.code, QStringLiteral("convert.read"));
        QVERIFY2(error.message.contains(QStringLiteral("convert")), qPrintable(error.message));
    }

    // Progress: the source's total is known early and read reaches it exactly.
    void progressCounts()
    {
        Error error;
        auto image = disk::openDiskImage(convertFixture(QStringLiteral("mixed.vhd")), &error);
        QVERIFY(image);
        convert::Qcow2Stream stream(*image, {6, 2});
        QByteArray buffer(1 << 20, '\0');
        while (stream.read(buffer.data(), buffer.size()) > 0) {
        }
        QVERIFY(stream.atEnd());
        QVERIFY(stream.sourceBytesToRead() > 0);
        QCOMPARE(stream.sourceBytesRead(), stream.sourceBytesToRead());
        QVERIFY(stream.sourceBytesToRead() <= qint64(image->virtualSize()));
    }
};

QTEST_GUILESS_MAIN(TestQcow2Stream)
#include "tst_qcow2stream.moc"

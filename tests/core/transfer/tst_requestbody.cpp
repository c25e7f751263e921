// RequestBody: a range of a file read in the pieces curl asks for gives exactly the range's bytes
// and their CRC-64 (any piece size, odd offsets, the last short range); rewind() starts it over
// with a fresh CRC; a file that shrank is a read error with the reason, never short data; a
// missing file or a name that is not UTF-8; MemoryBody.
#include "transfer/RequestBody.h"

#include "RandomFile.h"

#include "util/Crc64.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace cvmi;
using transfer::FileRangeBody;
using transfer::MemoryBody;
using transfer::RequestBody;
using transfer::SourceFile;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// Everything the body gives, read `piece` bytes at a time as curl's callback would; a read
// error ends it (*failed set).
QByteArray drain(RequestBody& body, qint64 piece, bool* failed)
{
    QByteArray out;
    QByteArray buffer(int(piece), Qt::Uninitialized);
    *failed = false;
    for (;;) {
        const qint64 n = body.read(buffer.data(), piece);
        if (n < 0) {
            *failed = true;
            return out;
        }
        if (n == 0)
            return out;
        out.append(buffer.constData(), n);
    }
}

} // namespace

class TestRequestBody : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QByteArray m_file;

    std::unique_ptr<SourceFile> open(const QByteArray& path)
    {
        Error error;
        auto source = SourceFile::open(util::NativePath::fromBytes(path), &error);
        if (!source)
            qWarning().noquote() << error.message;
        return source;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path =
            test::writeRandomFile(m_dir->filePath(QStringLiteral("disk.raw")), 2 * MiB + 77, 5);
        QVERIFY(!m_path.isEmpty());
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_file = f.readAll();
    }

    void cleanup() { m_dir.reset(); }

    void rangesInAnyPieces_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<qint64>("piece");
        QTest::newRow("whole file, curl's 512 KiB") << qint64(0) << 2 * MiB + 77 << 512 * 1024LL;
        QTest::newRow("odd offset, odd pieces") << qint64(123) << MiB + 5 << qint64(65537);
        QTest::newRow("short last range") << 2 * MiB << qint64(77) << 512 * 1024LL;
        QTest::newRow("one byte at a time") << qint64(1000) << qint64(300) << qint64(1);
    }
    void rangesInAnyPieces()
    {
        QFETCH(qint64, offset);
        QFETCH(qint64, length);
        QFETCH(qint64, piece);
        const auto source = open(QFile::encodeName(m_path));
        QVERIFY(source);
        FileRangeBody body(*source, offset, length);
        QCOMPARE(body.length(), length);
        bool failed = true;
        const QByteArray got = drain(body, piece, &failed);
        QVERIFY(!failed);
        QCOMPARE(got, m_file.mid(offset, length));
        QVERIFY(body.complete());
        QCOMPARE(body.crc64(), util::Crc64::compute(got));
    }

    void rewindStartsOverWithAFreshCrc()
    {
        const auto source = open(QFile::encodeName(m_path));
        QVERIFY(source);
        FileRangeBody body(*source, 10, MiB);
        char buffer[4096];
        QCOMPARE(body.read(buffer, sizeof buffer), qint64(sizeof buffer));
        QVERIFY(!body.complete());
        body.rewind();
        bool failed = true;
        QCOMPARE(drain(body, 300000, &failed), m_file.mid(10, MiB));
        QCOMPARE(body.crc64(), util::Crc64::compute(m_file.mid(10, MiB)));
    }

    void fileThatShrankIsAnError()
    {
        const auto source = open(QFile::encodeName(m_path));
        QVERIFY(source);
        QVERIFY(QFile::resize(m_path, MiB));
        FileRangeBody body(*source, MiB / 2, MiB);
        bool failed = false;
        const QByteArray got = drain(body, 65536, &failed);
        QVERIFY(failed);
        QCOMPARE(got.size(), MiB / 2); // what there was, then the error: never padded
        QVERIFY(!body.complete());
        QVERIFY2(body.error().contains(QLatin1String("ended early")), qPrintable(body.error()));
        char byte = 0;
        QCOMPARE(body.read(&byte, 1), qint64(-1)); // and it stays an error
    }

    void missingFileAndNonUtf8Name()
    {
        Error error;
        QVERIFY(!SourceFile::open(util::NativePath::fromBytes(QFile::encodeName(
                                      m_dir->filePath(QStringLiteral("gone.raw")))),
                                  &error));
        QCOMPARE(error.code, QStringLiteral("upload.file"));
        QVERIFY2(error.message.contains(QLatin1String("gone.raw")), qPrintable(error.message));

        const QByteArray name = QFile::encodeName(m_dir->path()) + "/disk\xff.raw";
        QVERIFY(::rename(QFile::encodeName(m_path).constData(), name.constData()) == 0);
        const auto source = open(name);
        QVERIFY(source);
        FileRangeBody body(*source, 0, 100);
        bool failed = true;
        QCOMPARE(drain(body, 64, &failed), m_file.left(100));
    }

    void memoryBody()
    {
        const QByteArray xml = QByteArrayLiteral("<CompleteMultipartUpload/>");
        MemoryBody body(xml);
        bool failed = true;
        QCOMPARE(drain(body, 5, &failed), xml);
        QVERIFY(!failed);
        body.rewind();
        QCOMPARE(drain(body, 100, &failed), xml);
    }
};

QTEST_GUILESS_MAIN(TestRequestBody)
#include "tst_requestbody.moc"

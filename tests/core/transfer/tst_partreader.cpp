// PartReader on small files made at test time: the parts come in order with their bytes, offset,
// CRC-64 and (when asked) base64 MD5, parts larger than the 1 MiB hashing chunk and the short
// last part included; a resume's parts that do not start at 0; `ready` once per part; read-ahead
// bounded by the buffer pool; a file that shrank or is missing ends with a read error on the part
// concerned and nothing after it; a file name that is not UTF-8; stop() while the reader waits
// for a buffer does not hang.
#include "transfer/PartReader.h"

#include "RandomFile.h"

#include "util/Crc64.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <memory>

using namespace cvmi;
using transfer::BufferPool;
using transfer::PartBuffer;
using transfer::PartRange;
using transfer::PartReader;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr int kWaitMs = 10000;

// The next part, waiting up to `ms` for the reader; nullptr when none came.
PartBuffer* next(PartReader& reader, int ms = kWaitMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (PartBuffer* b = reader.take())
            return b;
        if (timer.elapsed() > ms)
            return nullptr;
        QThread::msleep(1);
    }
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

quint64 crcOf(const QByteArray& data)
{
    util::Crc64 crc;
    crc.update(data);
    return crc.value();
}

// Whether `b` is part `range` of `file`, read whole and hashed right.
bool isPart(const PartBuffer* b, const PartRange& range, const QByteArray& file, bool md5)
{
    const QByteArray expected = file.mid(range.offset, range.length);
    const QByteArray expectedMd5 =
        md5 ? QCryptographicHash::hash(expected, QCryptographicHash::Md5).toBase64() : QByteArray();
    return b && b->readError.isEmpty() && b->number == range.number && b->offset == range.offset &&
           b->data == expected && b->crc64 == crcOf(expected) && b->contentMd5 == expectedMd5;
}

} // namespace

class TestPartReader : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path; // 3 MiB + 77 bytes
    QByteArray m_file;

    // Reads `parts` of m_path through a pool of `buffers` and checks each against the file.
    void readsAll(const QList<PartRange>& parts, bool md5, int buffers)
    {
        BufferPool pool(buffers);
        std::atomic_int ready = 0;
        PartReader reader(m_path, parts, pool, md5, [&] { ++ready; });
        for (const PartRange& range : parts) {
            PartBuffer* b = next(reader);
            QVERIFY2(isPart(b, range, m_file, md5), qPrintable(QString::number(range.number)));
            pool.release(b);
        }
        QCOMPARE(ready.load(), int(parts.size()));
        QVERIFY(!next(reader, 50));
        QVERIFY(pool.highWater() <= buffers);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path =
            test::writeRandomFile(m_dir->filePath(QStringLiteral("disk.raw")), 3 * MiB + 77, 11);
        QVERIFY(!m_path.isEmpty());
        m_file = contents(m_path);
        QCOMPARE(m_file.size(), 3 * MiB + 77);
    }

    void cleanup() { m_dir.reset(); }

    void partsInOrderWithTheShortLast()
    {
        readsAll({{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}, {4, 3 * MiB, 77}}, false, 4);
    }

    void md5WhenAsked() { readsAll({{1, 0, 2 * MiB}, {2, 2 * MiB, MiB + 77}}, true, 2); }

    void resumedPartsAcrossHashChunks()
    {
        // Not from the start, odd offsets, parts over the 1 MiB hashing chunk: the CRC and MD5
        // are over each part's bytes, chunk after chunk.
        readsAll({{3, 123, 2 * MiB + 5}, {9, 2 * MiB + 128, MiB - 51}}, true, 1);
    }

    void readAheadIsBoundedByThePool()
    {
        BufferPool pool(2);
        const QList<PartRange> parts = {{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}};
        PartReader reader(m_path, parts, pool, false, [] {});
        PartBuffer* first = next(reader);
        PartBuffer* second = next(reader);
        QVERIFY(isPart(first, parts.at(0), m_file, false));
        QVERIFY(isPart(second, parts.at(1), m_file, false));
        // Both buffers are out: the third part waits for one.
        QVERIFY(!next(reader, 200));
        pool.release(first);
        PartBuffer* third = next(reader);
        QVERIFY(isPart(third, parts.at(2), m_file, false));
        pool.release(second);
        pool.release(third);
        QCOMPARE(pool.highWater(), 2);
    }

    void fileThatShrankEndsWithAReadError()
    {
        // Planned for 3 MiB + 77 bytes; the file is cut to 1.5 MiB before the reader starts.
        QVERIFY(QFile::resize(m_path, MiB + MiB / 2));
        BufferPool pool(4);
        std::atomic_int ready = 0;
        const QList<PartRange> parts = {{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}};
        PartReader reader(m_path, parts, pool, false, [&] { ++ready; });
        PartBuffer* whole = next(reader);
        QVERIFY(isPart(whole, parts.at(0), m_file, false));
        PartBuffer* cut = next(reader);
        QVERIFY(cut);
        QCOMPARE(cut->number, 2);
        QVERIFY2(cut->readError.contains(QLatin1String("ended early")), qPrintable(cut->readError));
        // Nothing is read after the error.
        QVERIFY(!next(reader, 200));
        QCOMPARE(ready.load(), 2);
        pool.release(whole);
        pool.release(cut);
    }

    void missingFileEndsWithAReadError()
    {
        const QString missing = m_dir->filePath(QStringLiteral("gone.raw"));
        BufferPool pool(2);
        PartReader reader(missing, {{1, 0, MiB}, {2, MiB, MiB}}, pool, true, [] {});
        PartBuffer* b = next(reader);
        QVERIFY(b);
        QCOMPARE(b->number, 1);
        QVERIFY(!b->readError.isEmpty());
        QVERIFY2(b->readError.contains(QLatin1String("gone.raw")), qPrintable(b->readError));
        QVERIFY(!next(reader, 200));
        pool.release(b);
    }

    void fileNameThatIsNotUtf8()
    {
        const QByteArray name = QFile::encodeName(m_dir->path()) + "/disk\xff.raw";
        QFile::remove(QFile::decodeName(name)); // the decoded name is another file
        QVERIFY(::rename(QFile::encodeName(m_path).constData(), name.constData()) == 0);
        BufferPool pool(1);
        const PartRange range{1, MiB, MiB};
        PartReader reader(util::NativePath::fromBytes(name), {range}, pool, false, [] {});
        PartBuffer* b = next(reader);
        QVERIFY2(isPart(b, range, m_file, false), b ? qPrintable(b->readError) : "no part");
        pool.release(b);
    }

    void stopWhileWaitingForABuffer()
    {
        BufferPool pool(1);
        QElapsedTimer timer;
        timer.start();
        PartBuffer* first = nullptr;
        {
            PartReader reader(m_path, {{1, 0, MiB}, {2, MiB, MiB}}, pool, false, [] {});
            first = next(reader);
            QVERIFY(first);
            // The reader now waits in acquire() for the only buffer, which the test holds: the
            // destructor stops the pool and joins.
            QTest::qWait(50);
        }
        QVERIFY(timer.elapsed() < kWaitMs);
        pool.release(first);
    }
};

QTEST_GUILESS_MAIN(TestPartReader)
#include "tst_partreader.moc"

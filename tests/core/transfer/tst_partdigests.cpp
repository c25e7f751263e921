// PartDigests on small files made at test time: the Content-MD5 of each part comes in order,
// parts larger than the 1 MiB hashing chunk and the short last part included, parts of a resume
// that do not start at 0; `ready` once per part; at most `ahead` digests wait; a file that shrank
// ends with a read error on the part concerned and nothing after it; destroying it while it
// waits for room does not hang.
#include "transfer/PartDigests.h"

#include "RandomFile.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace cvmi;
using transfer::PartDigest;
using transfer::PartDigests;
using transfer::PartRange;
using transfer::SourceFile;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr int kWaitMs = 10000;

std::optional<PartDigest> next(PartDigests& digests, int ms = kWaitMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (auto d = digests.take())
            return d;
        if (timer.elapsed() > ms)
            return std::nullopt;
        QThread::msleep(1);
    }
}

QByteArray md5Of(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toBase64();
}

} // namespace

class TestPartDigests : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path; // 3 MiB + 77 bytes
    QByteArray m_file;
    std::unique_ptr<SourceFile> m_source;

    void digestsAll(const QList<PartRange>& parts, int ahead)
    {
        std::atomic_int ready = 0;
        PartDigests digests(*m_source, parts, ahead, [&] { ++ready; });
        for (const PartRange& range : parts) {
            const auto d = next(digests);
            QVERIFY(d);
            QCOMPARE(d->number, range.number);
            QVERIFY2(d->readError.isEmpty(), qPrintable(d->readError));
            QCOMPARE(d->contentMd5, md5Of(m_file.mid(range.offset, range.length)));
        }
        QCOMPARE(ready.load(), int(parts.size()));
        QVERIFY(!next(digests, 50));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path =
            test::writeRandomFile(m_dir->filePath(QStringLiteral("disk.raw")), 3 * MiB + 77, 11);
        QVERIFY(!m_path.isEmpty());
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_file = f.readAll();
        Error error;
        m_source = SourceFile::open(util::NativePath::fromBytes(QFile::encodeName(m_path)), &error);
        QVERIFY2(m_source, qPrintable(error.message));
    }

    void cleanup()
    {
        m_source.reset();
        m_dir.reset();
    }

    void partsInOrderWithTheShortLast()
    {
        digestsAll({{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}, {4, 3 * MiB, 77}}, 4);
    }

    void resumedPartsAcrossHashChunks()
    {
        digestsAll({{3, 123, 2 * MiB + 5}, {9, 2 * MiB + 128, MiB - 51}}, 1);
    }

    void atMostAheadWait()
    {
        std::atomic_int ready = 0;
        PartDigests digests(*m_source, {{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}}, 2,
                            [&] { ++ready; });
        QTRY_COMPARE_WITH_TIMEOUT(ready.load(), 2, kWaitMs);
        QTest::qWait(100);
        QCOMPARE(ready.load(), 2); // the third waits until one is taken
        QVERIFY(digests.take());
        QTRY_COMPARE_WITH_TIMEOUT(ready.load(), 3, kWaitMs);
    }

    void fileThatShrankEndsWithAReadError()
    {
        QVERIFY(QFile::resize(m_path, MiB + MiB / 2));
        PartDigests digests(*m_source, {{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}}, 4, [] {});
        const auto whole = next(digests);
        QVERIFY(whole && whole->readError.isEmpty());
        const auto cut = next(digests);
        QVERIFY(cut);
        QCOMPARE(cut->number, 2);
        QVERIFY2(cut->readError.contains(QLatin1String("ended early")), qPrintable(cut->readError));
        QVERIFY(!next(digests, 200));
    }

    void destroyedWhileWaitingForRoom()
    {
        QElapsedTimer timer;
        timer.start();
        {
            PartDigests digests(*m_source, {{1, 0, MiB}, {2, MiB, MiB}, {3, 2 * MiB, MiB}}, 1,
                                [] {});
            QVERIFY(next(digests));
            QTest::qWait(50);
        }
        QVERIFY(timer.elapsed() < kWaitMs);
    }

    void singleRangeOnTheCallingThread()
    {
        QString error;
        QCOMPARE(PartDigests::contentMd5(*m_source, {1, 0, m_file.size()}, &error), md5Of(m_file));
        QVERIFY(error.isEmpty());
        QVERIFY(PartDigests::contentMd5(*m_source, {1, 0, m_file.size() + 1}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("ended early")));
    }
};

QTEST_GUILESS_MAIN(TestPartDigests)
#include "tst_partdigests.moc"

// BufferPool: the part buffers are bounded, and a taker waits for one to be returned.
#include "transfer/BufferPool.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

class TestBufferPool : public QObject {
    Q_OBJECT

private slots:
    void bufferPoolIsBounded()
    {
        BufferPool pool(2);
        PartBuffer* a = pool.acquire();
        PartBuffer* b = pool.acquire();
        QVERIFY(a && b && a != b);
        std::atomic_bool got = false;
        PartBuffer* c = nullptr;
        std::thread t([&] {
            c = pool.acquire(); // blocks until a buffer comes back
            got = true;
        });
        QTest::qWait(100);
        QVERIFY(!got);
        pool.release(a);
        t.join();
        QCOMPARE(c, a); // reused, not a third allocation
        QCOMPARE(pool.highWater(), 2);
        std::thread stopper([&] { QCOMPARE(pool.acquire(), nullptr); });
        QTest::qWait(50);
        pool.stop();
        stopper.join();
        pool.release(b);
        pool.release(c);
    }
};

QTEST_GUILESS_MAIN(TestBufferPool)
#include "tst_bufferpool.moc"

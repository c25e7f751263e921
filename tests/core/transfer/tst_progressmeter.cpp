// ProgressMeter: the smoothed speed and the time left.
#include "transfer/ProgressMeter.h"

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

class TestProgressMeter : public QObject {
    Q_OBJECT

private slots:
    void progressMeter()
    {
        ProgressMeter m;
        m.start(0, 0);
        QVERIFY(m.due(0));
        QVERIFY(!m.due(50));
        QVERIFY(m.due(100));
        QCOMPARE(m.etaSeconds(100), -1);
        m.sample(1000, 1000);
        QCOMPARE(m.bytesPerSecond(), 1000.0);
        m.sample(2000, 4000); // 3000 B/s this second: smoothed, not jumped
        QVERIFY(m.bytesPerSecond() > 1000 && m.bytesPerSecond() < 3000);
        QVERIFY(m.etaSeconds(10000) > 0);
        QCOMPARE(m.etaSeconds(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestProgressMeter)
#include "tst_progressmeter.moc"

// ui/controllers/UploadController without a window, against the in-process emulator: an upload
// runs to Done with the file's CRC-64 and puts the object (with its import URL) into the session;
// pause and resume change the phase and still complete; an upload stopped for later is offered
// for resumption and continues with the parts already sent; cancel leaves nothing behind; wrong
// keys end in Failed with COS's reason.
#include "CloudTestSupport.h"
#include "FileCrc.h"
#include "RandomFile.h"

#include "WizardSession.h"
#include "controllers/UploadController.h"

#include "transfer/UploadEngine.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using transfer::UploadJob;
using transfer::UploadProgress;
using transfer::UploadResult;
using ui::UploadController;
using Phase = UploadController::Phase;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr qint64 MiB = 1024 * 1024;

} // namespace

class TestUploadController : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;

    QString makeFile(const QString& name, qint64 size)
    {
        return test::writeRandomFile(m_dir->filePath(name), size, 7);
    }

    void setAccount(ui::WizardSession& session, const QString& key = kKey)
    {
        session.setAccount(credentials(kId, key), kRegion, endpointsFor(*m_emulator));
        session.setBucket(kBucket);
    }

    // What the Upload page would run: 1 MiB parts, two at a time, the test's record folder.
    UploadJob jobFor(const ui::WizardSession& session, const QString& path, qint64 rate = 0)
    {
        UploadJob job;
        job.filePath = path;
        job.destination.dialect = transfer::Dialect::Cos;
        job.destination.bucket = kBucket;
        job.destination.key = QStringLiteral("images/disk.raw");
        job.destination.region = session.region();
        job.destination.endpoints = session.endpoints();
        job.credentials = session.credentials();
        job.checkpointDir = m_dir->filePath(QStringLiteral("checkpoints"));
        job.partSize = MiB;
        job.concurrency = 2;
        job.rateLimitBytesPerSecond = rate;
        return job;
    }

    static bool waitForPhase(const UploadController& controller, Phase phase)
    {
        return QTest::qWaitFor([&] { return controller.phase() == phase; }, kTimeoutMs);
    }

private slots:
    void initTestCase() { captureLogs(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion, false, &error));
    }

    void cleanup()
    {
        m_emulator.reset();
        m_dir.reset();
    }

    void uploadRunsToDone()
    {
        const QString path = makeFile(QStringLiteral("disk.raw"), 3 * MiB + 123);
        ui::WizardSession session;
        setAccount(session);
        UploadController controller(&session);
        QSignalSpy phases(&controller, &UploadController::phaseChanged);
        QSignalSpy succeeded(&controller, &UploadController::succeeded);
        QCOMPARE(controller.phase(), Phase::Ready);
        QVERIFY(!controller.isBusy());

        controller.start(jobFor(session, path));
        QVERIFY(controller.isBusy());
        QCOMPARE(controller.phase(), Phase::Uploading);
        QVERIFY(succeeded.wait(kTimeoutMs));
        QCOMPARE(controller.phase(), Phase::Done);
        QVERIFY(!controller.isBusy());
        QVERIFY(!controller.isResolving());

        const auto result = qvariant_cast<UploadResult>(succeeded.last().at(0));
        QVERIFY(result.ok);
        QCOMPARE(result.crc64, test::fileCrc(path));
        QVERIFY(session.hasUpload());
        QCOMPARE(session.upload().crc64, test::fileCrc(path));
        QCOMPARE(session.upload().key, QStringLiteral("images/disk.raw"));
        QCOMPARE(session.upload().size, 3 * MiB + 123);
        // A private bucket: the import gets a signed link, and the note says why.
        QVERIFY(session.upload().importUrlSigned);
        QVERIFY(!succeeded.last().at(1).toString().isEmpty());
        QCOMPARE(controller.lastProgress().partsDone, 4);
        QCOMPARE(controller.lastProgress().state, transfer::UploadState::Finished);
        QCOMPARE(qvariant_cast<Phase>(phases.last().at(0)), Phase::Done);
        // Nothing is offered once done, even for the same job.
        controller.refreshOffer(jobFor(session, path), nullptr);
        QVERIFY(!controller.offer());
    }

    void pauseAndResume()
    {
        const QString path = makeFile(QStringLiteral("disk.raw"), 4 * MiB);
        ui::WizardSession session;
        setAccount(session);
        UploadController controller(&session);
        QSignalSpy succeeded(&controller, &UploadController::succeeded);
        controller.start(jobFor(session, path, 2 * MiB));
        controller.pause();
        QCOMPARE(controller.phase(), Phase::Paused);
        controller.pause(); // twice is once
        QCOMPARE(controller.phase(), Phase::Paused);
        controller.resume();
        QCOMPARE(controller.phase(), Phase::Uploading);
        QVERIFY(succeeded.wait(kTimeoutMs));
        QCOMPARE(controller.phase(), Phase::Done);
    }

    void stoppedForLaterIsOffered()
    {
        const QString path = makeFile(QStringLiteral("disk.raw"), 6 * MiB);
        ui::WizardSession session;
        setAccount(session);
        UploadController controller(&session);
        QSignalSpy progress(&controller, &UploadController::progressChanged);
        // Slow enough to stop after the first parts and before the last.
        controller.start(jobFor(session, path, 2 * MiB));
        QVERIFY(
            QTest::qWaitFor([&] { return controller.lastProgress().partsDone >= 2; }, kTimeoutMs));
        controller.stopForLater();
        QVERIFY(!controller.isBusy());
        QCOMPARE(controller.phase(), Phase::Ready);

        QString error;
        controller.refreshOffer(jobFor(session, path), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(controller.offer());
        QVERIFY(controller.offer()->partsDone() >= 2);
        QCOMPARE(controller.offer()->partsTotal(), 6);

        QSignalSpy succeeded(&controller, &UploadController::succeeded);
        controller.start(jobFor(session, path));
        QVERIFY(!controller.offer()); // taken up by the run
        QVERIFY(succeeded.wait(kTimeoutMs));
        const auto result = qvariant_cast<UploadResult>(succeeded.last().at(0));
        QVERIFY(result.partsReused >= 2);
        QCOMPARE(result.partsReused + result.partsUploaded, 6);
        QCOMPARE(result.crc64, test::fileCrc(path));
    }

    void cancelLeavesNothing()
    {
        const QString path = makeFile(QStringLiteral("disk.raw"), 6 * MiB);
        ui::WizardSession session;
        setAccount(session);
        UploadController controller(&session);
        QSignalSpy stopped(&controller, &UploadController::stopped);
        const UploadJob job = jobFor(session, path, 2 * MiB);
        controller.start(job);
        QVERIFY(
            QTest::qWaitFor([&] { return controller.lastProgress().partsDone >= 1; }, kTimeoutMs));
        controller.cancel();
        QCOMPARE(controller.phase(), Phase::Cancelling);
        QVERIFY(stopped.wait(kTimeoutMs));
        QVERIFY(qvariant_cast<UploadResult>(stopped.last().at(0)).cancelled);
        QCOMPARE(controller.phase(), Phase::Ready);
        QCOMPARE(controller.lastProgress().partsDone, 0);
        QVERIFY(!session.hasUpload());
        QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
        QVERIFY(!transfer::UploadEngine::pending(job));
        controller.refreshOffer(job, nullptr);
        QVERIFY(!controller.offer());
    }

    void wrongKeyFails()
    {
        const QString path = makeFile(QStringLiteral("disk.raw"), 2 * MiB);
        ui::WizardSession session;
        setAccount(session, QStringLiteral("not-the-key"));
        UploadController controller(&session);
        QSignalSpy stopped(&controller, &UploadController::stopped);
        controller.start(jobFor(session, path));
        QVERIFY(stopped.wait(kTimeoutMs));
        const auto result = qvariant_cast<UploadResult>(stopped.last().at(0));
        QVERIFY(!result.ok);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.cloudError.code, QStringLiteral("SignatureDoesNotMatch"));
        QCOMPARE(controller.phase(), Phase::Failed);
        QVERIFY(!session.hasUpload());
        controller.reset();
        QCOMPARE(controller.phase(), Phase::Ready);
    }
};

QTEST_MAIN(TestUploadController)
#include "tst_uploadcontroller.moc"

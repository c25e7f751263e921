// The Upload page against the in-process emulator, driven as a user would (clicking Start, Pause,
// Resume, Cancel, closing the window): a few-MiB file in 1 MiB parts arrives with the file's
// CRC-64 and the session gets its URL; pause then resume completes; cancel leaves no multipart
// upload and no checkpoint; an upload interrupted by an engine destroyed mid-way is offered and
// resumed with only the missing parts; wrong credentials are explained; bad object keys are
// refused; a non-importable image needs a confirmation; closing during an upload asks and keeps
// the checkpoint; and no secret reaches a log line or the screen.
#include "../AccessibilityAudit.h"
#include "../DragDrop.h"
#include "../WidgetLookup.h"
#include "CloudTestSupport.h"
#include "FileCrc.h"
#include "RandomFile.h"
#include "TestSupport.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "pages/AccountPage.h"
#include "pages/ConversionTexts.h"
#include "pages/FormPage.h"
#include "pages/UploadPage.h"
#include "pages/UploadPageTexts.h"
#include "transfer/ConvertedUpload.h"
#include "widgets/DropZone.h"
#include "widgets/ReportView.h"
#include "widgets/UploadDestination.h"
#include "widgets/UploadProgressPanel.h"

#include "settings/AppSettings.h"
#include "transfer/UploadEngine.h"
#include "util/Crc64.h"

#include "util/Units.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QTest>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using test::child;
using test::nextTabStop;
using transfer::UploadEngine;
using transfer::UploadProgress;
using transfer::UploadResult;
using ui::UploadPage;
using Question = UploadPage::Question;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr qint64 MiB = 1024 * 1024;

UploadResult resultOf(const QSignalSpy& spy)
{
    return qvariant_cast<UploadResult>(spy.last().at(0));
}

// Every text the page shows.
QString visibleText(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts.append(label->text() + label->toolTip());
    for (const QLineEdit* edit : root->findChildren<QLineEdit*>())
        texts.append(edit->displayText());
    for (const QComboBox* box : root->findChildren<QComboBox*>()) {
        for (int i = 0; i < box->count(); ++i)
            texts.append(box->itemText(i));
    }
    return texts.join(u'\n');
}

} // namespace

class TestUploadPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<settings::AppSettings> m_settings;
    QList<Question> m_asked;
    QStringList m_questionTexts;
    bool m_answer = true;

    QString makeFile(const QString& name, qint64 size, quint32 seed = 1)
    {
        return test::writeRandomFile(m_dir->filePath(name), size, seed);
    }

    void setAccount(ui::WizardSession& session, const QString& key = kKey)
    {
        session.setAccount(credentials(kId, key), kRegion, endpointsFor(*m_emulator));
        session.setBucket(kBucket);
    }

    // A page with the session's account, the settings (1 MiB parts) and the test's checkpoint
    // folder; `file` uploaded as if dropped on the page.
    void preparePage(UploadPage& page, const QString& file)
    {
        page.setSettings(m_settings.get());
        page.setCheckpointDir(m_dir->filePath(QStringLiteral("checkpoints")));
        page.setAsker([this](Question q, const QString& text, const QString& detail) {
            m_asked.append(q);
            m_questionTexts.append(text + u'\n' + detail);
            return m_answer;
        });
        if (!file.isEmpty())
            page.setFile(file);
        page.initializePage();
        page.show();
        waitForCheck(page);
    }

    // The file's check ends before Start is offered.
    static void waitForCheck(const UploadPage& page)
    {
        QVERIFY(QTest::qWaitFor(
            [&page] {
                return !child<QLabel>(&page, "checkVerdict")->text().startsWith(u"Checking");
            },
            kTimeoutMs));
    }

    void setRate(qint64 bytesPerSecond)
    {
        Error error;
        QVERIFY2(m_settings->setRateLimit(bytesPerSecond, &error), qPrintable(error.message));
    }

    static bool logged(const QString& text)
    {
        QMutexLocker lock(&capturedLogMutex());
        for (const QString& line : capturedLog()) {
            if (line.startsWith(QStringLiteral("cvmi.ui.upload: ")) && line.contains(text))
                return true;
        }
        return false;
    }

    static int partsDone(const QSignalSpy& progress)
    {
        return progress.isEmpty() ? 0
                                  : qvariant_cast<UploadProgress>(progress.last().at(0)).partsDone;
    }

    // The page's job for this file, uploaded until `parts` parts are confirmed and then left as
    // when the program is closed mid-upload (the engine destroyed). False on a timeout.
    bool interruptUpload(ui::WizardSession& session, const QString& path, int parts,
                         transfer::UploadJob* job)
    {
        {
            UploadPage first(&session);
            preparePage(first, path);
            *job = first.currentJob();
        }
        // Sent as it is, to the file's own name, whatever the estimate proposed for the page.
        job->conversion = transfer::Conversion::None;
        job->destination.key = QFileInfo(path).fileName();
        UploadEngine engine(*job);
        QSignalSpy progress(&engine, &UploadEngine::progressChanged);
        engine.start();
        return QTest::qWaitFor([&] { return partsDone(progress) >= parts; }, kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        captureLogs();
        QLoggingCategory::setFilterRules(
            QStringLiteral("cvmi.cloud*.debug=true\ncvmi.transfer*.debug=true"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion, false, &error));
        m_settings = std::make_unique<settings::AppSettings>(
            m_dir->filePath(QStringLiteral("settings.ini")));
        Error settingsError;
        QVERIFY(m_settings->setPartSize(MiB, &settingsError));
        QVERIFY(m_settings->setConcurrency(2, &settingsError));
        m_asked.clear();
        m_questionTexts.clear();
        m_answer = true;
    }

    void cleanup()
    {
        m_emulator.reset();
        m_dir.reset();
    }

    void accountPageLeadsHere()
    {
        ui::ImportWizard wizard;
        QCOMPARE(wizard.accountPage()->nextId(), int(ui::ImportWizard::PageUpload));
        QCOMPARE(wizard.page(ui::ImportWizard::PageUpload), wizard.uploadPage());
        // FormPage (another page of the wizard) loads its catalogue on a worker when constructed;
        // destroying it before that ends trips Qt 6.4's assertion on a dead continuation
        // context. Reported; until it is fixed, let the load finish.
        QTest::qWait(500);
    }

    void uploadCompletes()
    {
        const QString path = makeFile(QStringLiteral("disk.raw"), 3 * MiB + 4321);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        QCOMPARE(page.findChild<ui::UploadDestination*>()->key(), QStringLiteral("disk.raw"));
        QCOMPARE(page.findChild<ui::UploadDestination*>()->bucket(), kBucket);
        QVERIFY(!page.hasResumeOffer());
        QVERIFY(!page.isComplete());
        QVERIFY(child<QPushButton>(&page, "startUpload")->isEnabled());

        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QSignalSpy progress(&page, &UploadPage::progressShown);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(page.isBusy());
        QVERIFY(child<QPushButton>(&page, "pauseUpload")->isVisible());
        QVERIFY(!child<QLineEdit>(&page, "objectKey")->isEnabled());
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.partsUploaded, 4);
        QVERIFY(!progress.isEmpty());

        const auto info = m_emulator->objectInfo(kBucket, QStringLiteral("disk.raw"));
        QVERIFY(info);
        QCOMPARE(info->crc64, test::fileCrc(path));
        QCOMPARE(page.phase(), UploadPage::Phase::Done);
        QVERIFY(page.isComplete());
        QVERIFY(!page.isBusy());
        QVERIFY(session.hasUpload());
        QCOMPARE(session.upload().objectUrl, r.objectUrl);
        QVERIFY(r.objectUrl.endsWith(QStringLiteral("/disk.raw")));
        QCOMPARE(session.upload().crc64, info->crc64);
        QCOMPARE(session.upload().size, 3 * MiB + 4321);
        QCOMPARE(session.upload().bucket, kBucket);
        QCOMPARE(session.upload().key, QStringLiteral("disk.raw"));
        QCOMPARE(session.upload().region, kRegion);
        QVERIFY(child<QLabel>(&page, "uploadResult")->isVisible());
        QVERIFY(
            child<QLabel>(&page, "uploadResult")->text().contains(QString::number(info->crc64)));
        QVERIFY(child<QLabel>(&page, "uploadResult")->text().contains(r.objectUrl));
        QCOMPARE(child<QProgressBar>(&page, "uploadProgressBar")->value(), 1000);
        QVERIFY(!UploadEngine::pending(page.currentJob()));
        QVERIFY(!visibleText(&page).contains(kKey));
    }

    void progressText()
    {
        UploadProgress p;
        p.bytesSent = 12 * MiB;
        p.totalBytes = 48 * MiB;
        p.partsDone = 12;
        p.partsTotal = 48;
        p.bytesPerSecond = 4 * MiB;
        p.etaSeconds = 150;
        p.state = transfer::UploadState::Uploading;
        QCOMPARE(ui::UploadProgressPanel::permille(p), 250);
        const QString text = ui::UploadProgressPanel::describe(p);
        QVERIFY2(text.contains(QStringLiteral("2 min 30 s")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("12 of 48 parts")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("/s")), qPrintable(text));
        QCOMPARE(cvmi::formatDuration(7300), QStringLiteral("2 h 1 min"));
    }

    void pauseThenResume()
    {
        setRate(2 * MiB);
        const QString path = makeFile(QStringLiteral("pause.raw"), 6 * MiB, 2);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QSignalSpy progress(&page, &UploadPage::progressShown);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(partsDone(progress) >= 1, kTimeoutMs);
        QTest::mouseClick(child<QPushButton>(&page, "pauseUpload"), Qt::LeftButton);
        QCOMPARE(page.phase(), UploadPage::Phase::Paused);
        QVERIFY(child<QPushButton>(&page, "resumeUpload")->isVisible());
        QVERIFY(!child<QPushButton>(&page, "pauseUpload")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() &&
                                     qvariant_cast<UploadProgress>(progress.last().at(0)).state ==
                                         transfer::UploadState::Paused,
                                 kTimeoutMs);
        const int pausedAt = partsDone(progress);
        QTest::qWait(700);
        QCOMPARE(partsDone(progress), pausedAt);
        QVERIFY(finished.isEmpty());
        QVERIFY(child<QLabel>(&page, "uploadProgressDetail")->text().contains(u"paused"));

        QTest::mouseClick(child<QPushButton>(&page, "resumeUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(resultOf(finished).ok);
        QCOMPARE(m_emulator->objectInfo(kBucket, QStringLiteral("pause.raw"))->crc64,
                 test::fileCrc(path));
        QVERIFY(page.isComplete());
    }

    void cancelDeletesEverything()
    {
        setRate(2 * MiB);
        const QString path = makeFile(QStringLiteral("cancel.raw"), 8 * MiB, 3);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QSignalSpy progress(&page, &UploadPage::progressShown);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(partsDone(progress) >= 1, kTimeoutMs);
        QCOMPARE(m_emulator->pendingUploads(kBucket).size(), 1);
        // Random bytes are no disk image: Start asked "Upload anyway" first.
        QCOMPARE(m_asked, QList<Question>{Question::UploadNotImportable});
        m_asked.clear();

        // Saying no keeps the upload going.
        m_answer = false;
        QTest::mouseClick(child<QPushButton>(&page, "cancelUpload"), Qt::LeftButton);
        QCOMPARE(m_asked, QList<Question>{Question::CancelUpload});
        QVERIFY2(m_questionTexts.last().contains(QStringLiteral("deleted")),
                 qPrintable(m_questionTexts.last()));
        QCOMPARE(page.phase(), UploadPage::Phase::Uploading);

        m_answer = true;
        QTest::mouseClick(child<QPushButton>(&page, "cancelUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(resultOf(finished).cancelled);
        QCOMPARE(page.phase(), UploadPage::Phase::Ready);
        QVERIFY(!page.isComplete());
        QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
        QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("cancel.raw")));
        QVERIFY(!UploadEngine::pending(page.currentJob()));
        QVERIFY(!page.hasResumeOffer());
        QVERIFY(
            child<QLabel>(&page, "uploadMessage")->text().contains(QStringLiteral("cancelled")));
        QVERIFY(!session.hasUpload());
    }

    void earlierUploadIsOffered()
    {
        setRate(3 * MiB);
        const QString path = makeFile(QStringLiteral("resume.raw"), 7 * MiB + 99, 4);
        ui::WizardSession session;
        setAccount(session);
        transfer::UploadJob job;
        QVERIFY(interruptUpload(session, path, 2, &job));
        QVERIFY(UploadEngine::pending(job));
        const transfer::Checkpoints checkpoints(job.checkpointDir);
        Error error;
        const auto checkpoint =
            checkpoints.load(path, transfer::Checkpoints::destinationKey(job.destination), &error);
        QVERIFY(checkpoint);
        const int already = int(checkpoint->parts.size());
        QVERIFY(already >= 2 && already < 8);

        setRate(0);
        UploadPage page(&session);
        preparePage(page, path);
        QVERIFY(page.hasResumeOffer());
        QVERIFY(child<QLabel>(&page, "resumeOffer")->isVisible());
        const QString offer = child<QLabel>(&page, "resumeOffer")->text();
        QVERIFY2(offer.contains(QStringLiteral("%1 of 8 parts already uploaded").arg(already)),
                 qPrintable(offer));
        QVERIFY(child<QPushButton>(&page, "startOverUpload")->isVisible());
        QCOMPARE(child<QPushButton>(&page, "startUpload")->text(),
                 QStringLiteral("&Resume Upload"));

        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QVERIFY(r.partsReused >= already);
        QCOMPARE(r.partsReused + r.partsUploaded, 8);
        QCOMPARE(m_emulator->objectInfo(kBucket, QStringLiteral("resume.raw"))->crc64,
                 test::fileCrc(path));
        QVERIFY(child<QLabel>(&page, "uploadMessage")->text().contains(QStringLiteral("reused")));
    }

    // A record of a start whose answer never came (the program died in between) holds no parts:
    // no resume is offered, and the plain upload first aborts what that start left.
    void unconfirmedStartIsNotOffered()
    {
        setRate(3 * MiB);
        const QString path = makeFile(QStringLiteral("unconfirmed.raw"), 7 * MiB, 6);
        ui::WizardSession session;
        setAccount(session);
        transfer::UploadJob job;
        QVERIFY(interruptUpload(session, path, 1, &job));
        // Back to the record as it was written before the Initiate's answer.
        const transfer::Checkpoints checkpoints(job.checkpointDir);
        const QString destination = transfer::Checkpoints::destinationKey(job.destination);
        Error error;
        auto record = checkpoints.load(path, destination, &error);
        QVERIFY(record);
        record->uploadId.clear();
        record->parts.clear();
        record->startedAt = QDateTime::currentSecsSinceEpoch() - 30;
        QVERIFY(checkpoints.save(*record, &error));
        QCOMPARE(m_emulator->pendingUploads(kBucket).size(), 1);

        setRate(0);
        UploadPage page(&session);
        preparePage(page, path);
        QVERIFY(!page.hasResumeOffer());
        QVERIFY(!child<QPushButton>(&page, "startOverUpload")->isVisible());
        QCOMPARE(child<QPushButton>(&page, "startUpload")->text(), QStringLiteral("&Start Upload"));
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.partsReused, 0);
        QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
        QVERIFY(!UploadEngine::pending(job));
    }

    void startOverDiscardsTheEarlierUpload()
    {
        setRate(3 * MiB);
        const QString path = makeFile(QStringLiteral("over.raw"), 6 * MiB, 5);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        {
            UploadEngine engine(page.currentJob());
            QSignalSpy progress(&engine, &UploadEngine::progressChanged);
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(partsDone(progress) >= 1, kTimeoutMs);
        }
        QVERIFY(UploadEngine::pending(page.currentJob()));
        setRate(0);
        page.initializePage();
        QCOMPARE(page.findChild<ui::UploadDestination*>()->bucket(), kBucket);
        QVERIFY(page.hasResumeOffer());
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startOverUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.partsReused, 0);
        QCOMPARE(r.partsUploaded, 6);
        QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
    }

    void wrongCredentialsAreExplained()
    {
        const QString path = makeFile(QStringLiteral("denied.raw"), 2 * MiB, 6);
        ui::WizardSession session;
        setAccount(session, QStringLiteral("not-the-secret-key"));
        UploadPage page(&session);
        preparePage(page, path);
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QCOMPARE(page.phase(), UploadPage::Phase::Failed);
        const QString message = child<QLabel>(&page, "uploadMessage")->text();
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.contains(QStringLiteral("What to do:")), qPrintable(message));
        QVERIFY(child<QPushButton>(&page, "retryUpload")->isVisible());
        QVERIFY(child<QLineEdit>(&page, "objectKey")->isEnabled());
        QVERIFY(!page.isComplete());
        QVERIFY(!session.hasUpload());
        QVERIFY(!visibleText(&page).contains(QStringLiteral("not-the-secret-key")));
    }

    void keyValidation()
    {
        QVERIFY(!ui::UploadPageTexts::keyProblem({}).isEmpty());
        QVERIFY(ui::UploadPageTexts::keyProblem(QStringLiteral("/images/a.raw"))
                    .contains(QStringLiteral("\"images/a.raw\"")));
        QVERIFY(ui::UploadPageTexts::keyProblem(QString(850, u'a')).isEmpty());
        QVERIFY(!ui::UploadPageTexts::keyProblem(QString(851, u'a')).isEmpty());
        // 426 two-byte characters are 852 bytes although only 426 characters.
        QVERIFY(!ui::UploadPageTexts::keyProblem(QString(426, QChar(0xe9))).isEmpty());
        QVERIFY(ui::UploadPageTexts::keyProblem(QStringLiteral("镜像/centos 7.qcow2")).isEmpty());

        const QString path = makeFile(QStringLiteral("key.raw"), MiB, 7);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        QVERIFY(child<QPushButton>(&page, "startUpload")->isEnabled());
        child<QLineEdit>(&page, "objectKey")->clear();
        QVERIFY(!child<QPushButton>(&page, "startUpload")->isEnabled());
        QVERIFY(child<QLabel>(&page, "objectKeyProblem")->isVisible());
        QTest::keyClicks(child<QLineEdit>(&page, "objectKey"), QStringLiteral("/x.raw"));
        QVERIFY(!child<QPushButton>(&page, "startUpload")->isEnabled());
        child<QLineEdit>(&page, "objectKey")->clear();
        QTest::keyClicks(child<QLineEdit>(&page, "objectKey"), QStringLiteral("images/x.raw"));
        QVERIFY(child<QPushButton>(&page, "startUpload")->isEnabled());
        QVERIFY(!child<QLabel>(&page, "objectKeyProblem")->isVisible());
        // The user's key is kept when another file is dropped.
        page.setFile(makeFile(QStringLiteral("other.raw"), MiB, 8));
        QCOMPARE(page.findChild<ui::UploadDestination*>()->key(), QStringLiteral("images/x.raw"));
    }

    void notImportableNeedsConfirmation()
    {
        const QString path = makeFile(QStringLiteral("bad.raw"), MiB, 9);
        ui::WizardSession session;
        setAccount(session);
        session.setImagePath(path);
        ui::InspectionResult refused;
        refused.facts.error = Error::make(QStringLiteral("image.unreadable"), QStringLiteral("x"));
        session.setInspection(refused);
        UploadPage page(&session);
        preparePage(page, {}); // the checked image, as the page opens
        QCOMPARE(page.filePath(), path);
        QVERIFY(child<QLabel>(&page, "notImportableWarning")->isVisible());

        m_answer = false;
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QCOMPARE(m_asked, QList<Question>{Question::UploadNotImportable});
        QVERIFY(!page.isBusy());
        QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("bad.raw")));

        m_answer = true;
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(resultOf(finished).ok);
    }

    void closingDuringUploadAsks()
    {
        setRate(2 * MiB);
        const QString path = makeFile(QStringLiteral("close.raw"), 8 * MiB, 10);
        ui::ImportWizard wizard;
        setAccount(*wizard.session());
        UploadPage* page = wizard.uploadPage();
        preparePage(*page, path);
        wizard.show();
        QSignalSpy progress(page, &UploadPage::progressShown);
        QTest::mouseClick(child<QPushButton>(page, "startUpload"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(partsDone(progress) >= 1, kTimeoutMs);
        m_asked.clear(); // "Upload anyway" for the random bytes

        m_answer = false; // keep uploading
        QVERIFY(!wizard.close());
        QVERIFY(wizard.isVisible());
        QCOMPARE(m_asked, QList<Question>{Question::CloseDuringUpload});
        QVERIFY(page->isBusy());

        m_answer = true; // continue later
        const transfer::UploadJob job = page->currentJob();
        wizard.reject();
        QVERIFY(!wizard.isVisible());
        QVERIFY(!page->isBusy());
        QVERIFY(UploadEngine::pending(job));
        QCOMPARE(m_emulator->pendingUploads(kBucket).size(), 1);
        QVERIFY(page->hasResumeOffer());
    }

    void tabOrderAndNames()
    {
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, makeFile(QStringLiteral("tab.raw"), MiB, 11));
        QCOMPARE(nextTabStop(child<QComboBox>(&page, "uploadBucket")),
                 child<QLineEdit>(&page, "objectKey"));
        for (const QWidget* w :
             {static_cast<QWidget*>(child<QComboBox>(&page, "uploadBucket")),
              static_cast<QWidget*>(child<QLineEdit>(&page, "objectKey")),
              static_cast<QWidget*>(child<QProgressBar>(&page, "uploadProgressBar"))})
            QVERIFY(!w->accessibleName().isEmpty());
        // No mnemonic clashes with the wizard's Back (B), Next (N), Finish (F) or among the page's.
        QSet<QChar> seen;
        for (const QPushButton* b : page.findChildren<QPushButton*>()) {
            const qsizetype amp = b->text().indexOf(u'&');
            if (amp < 0)
                continue;
            const QChar key = b->text().at(amp + 1).toLower();
            QVERIFY2(!QStringLiteral("bnfh").contains(key), qPrintable(b->text()));
            QVERIFY2(!seen.contains(key), qPrintable(b->text()));
            seen.insert(key);
        }
    }

    // Random bytes named like a VMDK, dropped on the page's empty area: checked before anything
    // else, refused, and uploaded only after an explicit "Upload anyway", which is logged and
    // kept with the uploaded object.
    void droppedFileIsCheckedFirst()
    {
        const QString path = makeFile(QStringLiteral("random.vmdk"), 2 * MiB, 12);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, {});
        page.resize(900, 720);
        QVERIFY(test::dropAt(&page, QPoint(450, 712), path)); // below everything
        QCOMPARE(page.filePath(), path);
        QCOMPARE(session.imagePath(), path);
        QVERIFY(session.isChecking());
        QVERIFY(!child<QPushButton>(&page, "startUpload")->isEnabled());
        QVERIFY(child<QLabel>(&page, "checkVerdict")->text().startsWith(u"Checking"));
        waitForCheck(page);
        QVERIFY(session.hasInspection());
        QVERIFY(!session.imageImportable());
        const QString verdict = child<QLabel>(&page, "checkVerdict")->text();
        QVERIFY2(verdict.startsWith(QStringLiteral("Not importable")), qPrintable(verdict));
        QVERIFY(child<QLabel>(&page, "notImportableWarning")->isVisible());
        QVERIFY(child<QPushButton>(&page, "startUpload")->isEnabled());

        // See the Check: the whole report, in a window of its own.
        QVERIFY(child<QPushButton>(&page, "seeCheck")->isVisible());
        QTest::mouseClick(child<QPushButton>(&page, "seeCheck"), Qt::LeftButton);
        auto* dialog = page.findChild<QDialog*>(QStringLiteral("checkReportDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChild<ui::ReportView*>()->hasReport());
        const QStringList reportProblems =
            test::accessibilityProblems(dialog, QStringLiteral("check report"));
        QVERIFY2(reportProblems.isEmpty(), qPrintable(reportProblems.join(u'\n')));
        dialog->reject();

        m_answer = false;
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QCOMPARE(m_asked, QList<Question>{Question::UploadNotImportable});
        QVERIFY2(m_questionTexts.last().contains(verdict), qPrintable(m_questionTexts.last()));
        QVERIFY(!page.isBusy());
        QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("random.vmdk")));
        QVERIFY(logged(QStringLiteral("do not upload")));

        m_answer = true;
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(resultOf(finished).ok);
        QVERIFY(logged(QStringLiteral("upload anyway")));
        QCOMPARE(session.upload().filePath, path);
        QCOMPARE(session.upload().checkOverride, verdict);
        QVERIFY(child<QLabel>(&page, "uploadMessage")->text().contains(u"although the check said"));
    }

    // The form's OS values follow the file actually uploaded: a CentOS image checked first,
    // then random bytes dropped here, leave no CentOS in the form (the user's own choices stay).
    void formFollowsTheDroppedFile()
    {
        const QString centos = makeFile(QStringLiteral("centos7.qcow2"), MiB, 20);
        ui::ImportWizard wizard;
        ui::WizardSession& session = *wizard.session();
        setAccount(session);
        session.setImagePath(centos);
        ui::InspectionResult checked;
        checked.facts.path = centos;
        checked.report.form.osType = QStringLiteral("CentOS");
        checked.report.form.osVersion = QStringLiteral("7");
        checked.report.form.architecture = QStringLiteral("x86_64");
        checked.report.form.imageName = QStringLiteral("centos-7-x86_64");
        session.setInspection(checked);
        ui::FormPage* form = wizard.formPage();
        QCOMPARE(form->form().osType, QStringLiteral("CentOS"));
        QCOMPARE(form->form().architecture, QStringLiteral("x86_64"));

        UploadPage* page = wizard.uploadPage();
        preparePage(*page, makeFile(QStringLiteral("random.vmdk"), MiB, 21));
        QVERIFY(session.hasInspection() && !session.imageImportable());
        QVERIFY(form->form().osType.isEmpty());
        QVERIFY(form->form().osVersion.isEmpty());
        QVERIFY(form->form().architecture.isEmpty());
        QCOMPARE(form->form().imageName, QStringLiteral("random"));
        QTest::qWait(500); // FormPage's catalogue load (see accountPageLeadsHere)
    }

    // Another file chosen after an upload (here, or on the Image page) clears the old file's
    // progress, result and object: no "100%" stays on screen for the new one.
    void newFileResetsProgress()
    {
        const QString first = makeFile(QStringLiteral("first.raw"), 2 * MiB, 13);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, first);
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(resultOf(finished).ok);
        QCOMPARE(child<QProgressBar>(&page, "uploadProgressBar")->value(), 1000);
        QVERIFY(child<ui::UploadProgressPanel>(&page, "uploadProgress")->isVisible());

        page.setFile(makeFile(QStringLiteral("second.raw"), MiB, 14));
        QCOMPARE(page.phase(), UploadPage::Phase::Ready);
        QVERIFY(!session.hasUpload());
        QVERIFY(!child<ui::UploadProgressPanel>(&page, "uploadProgress")->isVisible());
        QCOMPARE(child<QProgressBar>(&page, "uploadProgressBar")->value(), 0);
        QVERIFY(!child<QLabel>(&page, "uploadResult")->isVisible());
        QVERIFY(child<QLabel>(&page, "uploadMessage")->text().isEmpty());
        waitForCheck(page);

        // The same when another file was chosen on the Image page meanwhile (Back, drop, Next).
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(child<QProgressBar>(&page, "uploadProgressBar")->value(), 1000);
        const QString third = makeFile(QStringLiteral("third.raw"), MiB, 15);
        session.checkImage(third);
        page.initializePage();
        QCOMPARE(page.filePath(), third);
        QVERIFY(!child<ui::UploadProgressPanel>(&page, "uploadProgress")->isVisible());
        QVERIFY(!session.hasUpload());
        waitForCheck(page);
    }

    // A folder dropped on the page is searched: none says so, one is taken, several are listed.
    void droppedFolderIsSearched()
    {
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, {});
        page.resize(900, 720);
        auto* zone = child<ui::DropZone>(&page, "dropZone");
        QSignalSpy searched(zone, &ui::DropZone::folderSearched);

        const QString none = m_dir->filePath(QStringLiteral("none"));
        QVERIFY(QDir().mkpath(none));
        makeFile(QStringLiteral("none/notes.txt"), 100, 16);
        QVERIFY(test::dropAt(&page, QPoint(450, 712), none));
        QVERIFY(searched.wait(kTimeoutMs));
        const QString problem = searched.last().at(1).toString();
        QVERIFY2(problem.contains(QStringLiteral("No disk image in")) &&
                     problem.contains(
                         QStringLiteral(".qcow2 .vmdk .vhd .vhdx .vdi .ova .raw .img in 1 files")),
                 qPrintable(problem));
        QCOMPARE(child<QLabel>(zone, "dropDetail")->text(), problem);
        QVERIFY(page.filePath().isEmpty());

        const QString one = m_dir->filePath(QStringLiteral("one"));
        QVERIFY(QDir().mkpath(one + QStringLiteral("/exports")));
        const QString disk = makeFile(QStringLiteral("one/exports/disk.raw"), MiB, 17);
        QVERIFY(test::dropAt(&page, QPoint(450, 712), one));
        QVERIFY(searched.wait(kTimeoutMs));
        QCOMPARE(page.filePath(), disk);
        QCOMPARE(session.imagePath(), disk);
        waitForCheck(page);

        const QString several = m_dir->filePath(QStringLiteral("several"));
        QVERIFY(QDir().mkpath(several));
        makeFile(QStringLiteral("several/a.qcow2"), 4096, 18);
        const QString second = makeFile(QStringLiteral("several/b.vhd"), 4096, 19);
        QVERIFY(test::dropAt(&page, QPoint(450, 712), several));
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QDialog*>(QStringLiteral("chooseImageDialog")),
                                 kTimeoutMs);
        auto* dialog = page.findChild<QDialog*>(QStringLiteral("chooseImageDialog"));
        auto* list = child<QListWidget>(dialog, "foundImages");
        QCOMPARE(list->count(), 2);
        const QStringList listProblems =
            test::accessibilityProblems(dialog, QStringLiteral("choose image"));
        QVERIFY2(listProblems.isEmpty(), qPrintable(listProblems.join(u'\n')));
        QCOMPARE(page.filePath(), disk); // nothing chosen yet
        list->setCurrentRow(1);
        dialog->accept();
        QCOMPARE(page.filePath(), second);
        waitForCheck(page);
    }

    // Issue 16: "Send as compressed qcow2" is on by default for a sparse raw disk (the estimate
    // saves far more than 10 %), the key gets .qcow2 and the job converts; the user's choice
    // stands against a later estimate, and a key of the user's own changes only its extension.
    void convertIsProposedForASparseDisk()
    {
        const QString path = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        auto* check = child<QCheckBox>(&page, "convertCheck");
        auto* destination = page.findChild<ui::UploadDestination*>();
        QTRY_VERIFY_WITH_TIMEOUT(session.sendEstimate().isValid(), kTimeoutMs);
        const convert::Qcow2Estimate estimate = *session.sendEstimate().estimate;
        QVERIFY(estimate.worthConverting());
        QVERIFY(check->isVisible() && check->isEnabled());
        QVERIFY(check->isChecked());
        QCOMPARE(destination->key(), QStringLiteral("mbr-ext4.qcow2"));
        QCOMPARE(page.currentJob().conversion, transfer::Conversion::Qcow2);
        const QString note = child<QLabel>(&page, "convertNote")->text();
        const auto nbsp = [](QString size) {
            return size.replace(u' ', QChar::Nbsp);
        };
        QVERIFY2(note.contains(nbsp(formatBytes(estimate.estimatedBytes))) &&
                     note.contains(nbsp(formatBytes(estimate.fileSize))),
                 qPrintable(note));

        // Off: the file's own name again, sent as it is.
        check->setFocus();
        QTest::keyClick(check, Qt::Key_Space);
        QVERIFY(!check->isChecked());
        QCOMPARE(destination->key(), QStringLiteral("mbr-ext4.raw"));
        QCOMPARE(page.currentJob().conversion, transfer::Conversion::None);
        // A new estimate of the same file leaves the user's choice alone.
        session.setSendEstimate(session.sendEstimate());
        QVERIFY(!check->isChecked());

        // The answer is kept: the next page does not propose it again, until the user says yes.
        QVERIFY(!m_settings->proposeConversion());
        {
            UploadPage next(&session);
            preparePage(next, path);
            QTRY_VERIFY_WITH_TIMEOUT(session.sendEstimate().isValid(), kTimeoutMs);
            auto* box = child<QCheckBox>(&next, "convertCheck");
            QVERIFY(!box->isChecked());
            QCOMPARE(next.findChild<ui::UploadDestination*>()->key(),
                     QStringLiteral("mbr-ext4.raw"));
            box->setFocus();
            QTest::keyClick(box, Qt::Key_Space);
            QVERIFY(m_settings->proposeConversion());
        }

        // A key of the user's own: only its extension follows the choice.
        destination->setKey(QStringLiteral("images/centos7"));
        QTest::keyClick(check, Qt::Key_Space);
        QVERIFY(check->isChecked());
        QCOMPARE(destination->key(), QStringLiteral("images/centos7.qcow2"));
        QCOMPARE(page.currentJob().destination.key, QStringLiteral("images/centos7.qcow2"));
        QTest::keyClick(check, Qt::Key_Space);
        QCOMPARE(destination->key(), QStringLiteral("images/centos7.raw"));
        QTest::keyClick(check, Qt::Key_Space);
        QCOMPARE(destination->key(), QStringLiteral("images/centos7.qcow2"));
    }

    // Issue 16 through the page: the sparse disk converted on the way into a qcow2 that qemu-img
    // reads as the same disk, its progress told in source bytes while the length is unknown, the
    // session's object the .qcow2 one with its format. Needs the converting engine (core/transfer).
    void convertedUploadCompletes()
    {
        const QString path = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        QTRY_VERIFY_WITH_TIMEOUT(session.sendEstimate().isValid(), kTimeoutMs);
        QVERIFY(child<QCheckBox>(&page, "convertCheck")->isChecked());
        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QSignalSpy progress(&page, &UploadPage::progressShown);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(!child<QCheckBox>(&page, "convertCheck")->isEnabled());
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const qint64 fileSize = QFileInfo(path).size();
        QCOMPARE(r.format, QStringLiteral("qcow2"));
        QCOMPARE(r.sourceBytes, fileSize);
        QVERIFY2(r.size < fileSize / 2, qPrintable(QString::number(r.size)));
        bool unknownLength = false;
        for (const auto& args : progress) {
            const auto p = qvariant_cast<UploadProgress>(args.at(0));
            QVERIFY(p.converting);
            unknownLength = unknownLength || p.totalBytes < 0;
        }
        QVERIFY(unknownLength);

        const QString key = QStringLiteral("mbr-ext4.qcow2");
        const auto info = m_emulator->objectInfo(kBucket, key);
        QVERIFY(info);
        QCOMPARE(info->size, r.size);
        QVERIFY(session.upload().converted);
        QCOMPARE(session.upload().format, QStringLiteral("qcow2"));
        QCOMPARE(session.upload().key, key);
        QVERIFY(session.upload().objectUrl.endsWith(u"/mbr-ext4.qcow2"));
        QCOMPARE(session.upload().sourceBytes, fileSize);
        const QString message = child<QLabel>(&page, "uploadMessage")->text();
        QVERIFY2(message.startsWith(u"Uploaded as a compressed qcow2 and verified"),
                 qPrintable(message));
        QCOMPARE(child<QProgressBar>(&page, "uploadProgressBar")->value(), 1000);

        // The object is the disk: qemu-img reads it as a qcow2 with the same guest content.
        QProcess compare;
        compare.start(QStringLiteral("qemu-img"),
                      {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                       QStringLiteral("-F"), QStringLiteral("qcow2"), path,
                       m_emulator->objectPath(kBucket, key)});
        QVERIFY(compare.waitForFinished(kTimeoutMs));
        QVERIFY2(compare.exitCode() == 0, compare.readAllStandardOutput().constData());
    }

    // Issue 18: a VHDX is not imported as it is, so it always goes up converted: the checkbox
    // is on and cannot be turned off, the key ends in .qcow2 whatever the user's settings say,
    // the note says why, and the object is the same disk.
    void vhdxIsAlwaysConverted()
    {
        const QString raw = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
        const QString vhdx = m_dir->filePath(QStringLiteral("hyper-v.vhdx"));
        QVERIFY(test::runTool(
            QStringLiteral("qemu-img"),
            {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("vhdx"), raw, vhdx}));
        m_settings->setProposeConversion(false); // the user declined the proposal before
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, vhdx);
        auto* check = child<QCheckBox>(&page, "convertCheck");
        QTRY_VERIFY_WITH_TIMEOUT(check->isChecked(), kTimeoutMs);
        QVERIFY(!check->isEnabled());
        QCOMPARE(page.findChild<ui::UploadDestination*>()->key(), QStringLiteral("hyper-v.qcow2"));
        QCOMPARE(page.currentJob().conversion, transfer::Conversion::Qcow2);
        const QString note = child<QLabel>(&page, "convertNote")->text();
        QVERIFY2(note.contains(u"does not import VHDX as it is"), qPrintable(note));
        QTRY_VERIFY_WITH_TIMEOUT(session.sendEstimate().isValid() || !session.isEstimating(),
                                 kTimeoutMs);
        QVERIFY(check->isChecked()); // an estimate does not turn it off

        QSignalSpy finished(&page, &UploadPage::uploadFinished);
        QTest::mouseClick(child<QPushButton>(&page, "startUpload"), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        const UploadResult r = resultOf(finished);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.format, QStringLiteral("qcow2"));
        QCOMPARE(session.upload().key, QStringLiteral("hyper-v.qcow2"));
        QProcess compare;
        compare.start(QStringLiteral("qemu-img"),
                      {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                       QStringLiteral("-F"), QStringLiteral("qcow2"), raw,
                       m_emulator->objectPath(kBucket, QStringLiteral("hyper-v.qcow2"))});
        QVERIFY(compare.waitForFinished(kTimeoutMs));
        QVERIFY2(compare.exitCode() == 0, compare.readAllStandardOutput().constData());
    }

    // Random bytes do not compress and have no holes: converting would save nothing, so the
    // checkbox stays off and the key is the file's name.
    void convertIsNotProposedWhenItSavesLittle()
    {
        const QString path = makeFile(QStringLiteral("random.img"), 4 * MiB, 31);
        ui::WizardSession session;
        setAccount(session);
        UploadPage page(&session);
        preparePage(page, path);
        QTRY_VERIFY_WITH_TIMEOUT(session.sendEstimate().path == path && !session.isEstimating(),
                                 kTimeoutMs);
        QVERIFY2(session.sendEstimate().isValid(), qPrintable(session.sendEstimate().error));
        QVERIFY(!session.sendEstimate().estimate->worthConverting());
        QVERIFY(!child<QCheckBox>(&page, "convertCheck")->isChecked());
        QCOMPARE(page.findChild<ui::UploadDestination*>()->key(), QStringLiteral("random.img"));
        QCOMPARE(page.currentJob().conversion, transfer::Conversion::None);
    }

    // The keys a conversion choice gives, the user's own included (transfer/ConvertedUpload.h,
    // which names them for the page and the CLI).
    void convertedKeys()
    {
        struct T {
            static QString keyFor(const QString& key, const QString& file, bool convert)
            {
                return transfer::keyForConversion(key, file, convert);
            }
            static bool keyLooksConverted(const QString& key, const QString& file)
            {
                return transfer::keyLooksConverted(key, file);
            }
        };
        const QString raw = QStringLiteral("centos.raw");
        QCOMPARE(T::keyFor(raw, raw, true), QStringLiteral("centos.qcow2"));
        QCOMPARE(T::keyFor(QStringLiteral("centos.qcow2"), raw, false), raw);
        QCOMPARE(T::keyFor(QStringLiteral("a/b.vmdk"), QStringLiteral("b.VMDK"), true),
                 QStringLiteral("a/b.qcow2"));
        QCOMPARE(T::keyFor(QStringLiteral("img/c.v2"), raw, true),
                 QStringLiteral("img/c.v2.qcow2"));
        QCOMPARE(T::keyFor(QStringLiteral("img.d/disk"), raw, true),
                 QStringLiteral("img.d/disk.qcow2"));
        QCOMPARE(T::keyFor(QStringLiteral("disk.qcow2"), QStringLiteral("disk"), false),
                 QStringLiteral("disk"));
        // A qcow2 keeps its name either way.
        const QString qcow2 = QStringLiteral("d.qcow2");
        QCOMPARE(T::keyFor(qcow2, qcow2, true), qcow2);
        QCOMPARE(T::keyFor(qcow2, qcow2, false), qcow2);
        QVERIFY(T::keyLooksConverted(QStringLiteral("x/centos.QCOW2"), raw));
        QVERIFY(!T::keyLooksConverted(qcow2, qcow2));
        QVERIFY(!T::keyLooksConverted(raw, raw));
    }

    // An earlier upload is resumed as it was made: sent as it is (here, for a disk the estimate
    // would convert), or converted (for random bytes it would not), whatever the default says.
    void resumeKeepsTheEarlierChoice()
    {
        setRate(3 * MiB);
        const QString disk = m_dir->filePath(QStringLiteral("sparse.raw"));
        QVERIFY(QFile::copy(test::baseDisk(QStringLiteral("mbr-ext4.raw")), disk));
        ui::WizardSession session;
        setAccount(session);
        transfer::UploadJob job;
        QVERIFY(interruptUpload(session, disk, 2, &job));
        setRate(0);
        session.setResumeTarget({disk, kBucket, QStringLiteral("sparse.raw"), kRegion, 2, 0, {}});
        {
            UploadPage page(&session);
            preparePage(page, disk);
            QTRY_VERIFY_WITH_TIMEOUT(session.sendEstimate().isValid(), kTimeoutMs);
            QVERIFY(session.sendEstimate().estimate->worthConverting());
            QVERIFY(page.hasResumeOffer());
            QVERIFY(!child<QCheckBox>(&page, "convertCheck")->isChecked());
            QCOMPARE(page.currentJob().destination.key, QStringLiteral("sparse.raw"));
            QCOMPARE(page.currentJob().conversion, transfer::Conversion::None);
        }

        // A record of a converted upload of random bytes.
        const QString random = makeFile(QStringLiteral("noise.img"), 3 * MiB, 32);
        ui::WizardSession other;
        setAccount(other);
        UploadPage page(&other);
        preparePage(page, random);
        QTRY_VERIFY_WITH_TIMEOUT(other.sendEstimate().path == random && !other.isEstimating(),
                                 kTimeoutMs);
        QVERIFY(!child<QCheckBox>(&page, "convertCheck")->isChecked());
        transfer::UploadJob converted = page.currentJob();
        converted.destination.key = QStringLiteral("noise.qcow2");
        transfer::Checkpoint record;
        Error error;
        const auto identity = transfer::FileIdentityReader::read(converted.filePath, &error);
        QVERIFY2(identity, qPrintable(error.message));
        record.file = *identity;
        record.destination = transfer::Checkpoints::destinationKey(converted.destination);
        record.uploadId = QStringLiteral("earlier-upload");
        record.partSize = MiB;
        record.conversion = transfer::Conversion::Qcow2; // the record says how it was made
        record.parts.insert(2, {QStringLiteral("\"etag\""), 1, MiB});
        QVERIFY2(transfer::Checkpoints(converted.checkpointDir).save(record, &error),
                 qPrintable(error.message));
        other.setResumeTarget({random, kBucket, QStringLiteral("noise.qcow2"), kRegion, 1, 0, {}});
        page.initializePage();
        QVERIFY(page.hasResumeOffer());
        QVERIFY(child<QCheckBox>(&page, "convertCheck")->isChecked());
        QCOMPARE(page.currentJob().destination.key, QStringLiteral("noise.qcow2"));
        QCOMPARE(page.currentJob().conversion, transfer::Conversion::Qcow2);
        QVERIFY(child<QPushButton>(&page, "startUpload")->text().contains(u"Resume"));
    }

    // While converting, the object's length is unknown (totalBytes -1): the bar follows the
    // source read, and the line says both what was read and what was sent.
    void convertingProgress()
    {
        UploadProgress p;
        p.converting = true;
        p.totalBytes = -1;
        p.sourceBytesTotal = 4096 * MiB;
        p.sourceBytesRead = 1024 * MiB;
        p.bytesSent = 300 * MiB;
        p.partsDone = 3;
        p.partsTotal = 0;
        p.bytesPerSecond = 4 * MiB;
        p.etaSeconds = 90;
        p.state = transfer::UploadState::Uploading;
        QCOMPARE(ui::UploadProgressPanel::permille(p), 250);
        const QString text = ui::UploadProgressPanel::describe(p);
        QVERIFY2(text.startsWith(QStringLiteral("read %1 of %2 · sent %3 as compressed qcow2")
                                     .arg(formatBytes(1024 * MiB), formatBytes(4096 * MiB),
                                          formatBytes(300 * MiB))),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("3 parts done")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 min 30 s")), qPrintable(text));

        // Before the map is walked, and at the end, when the length is known.
        UploadProgress start = p;
        start.sourceBytesTotal = -1;
        start.sourceBytesRead = 0;
        QCOMPARE(ui::UploadProgressPanel::permille(start), 0);
        QVERIFY(ui::UploadProgressPanel::describe(start).startsWith(u"reading the image's map"));
        // All read, not all sent (the reader runs ahead by the parts in flight): not 100 % yet.
        UploadProgress allRead = p;
        allRead.sourceBytesRead = allRead.sourceBytesTotal;
        QCOMPARE(ui::UploadProgressPanel::permille(allRead), 990);
        UploadProgress done = p;
        done.sourceBytesRead = done.sourceBytesTotal;
        done.totalBytes = done.bytesSent = 800 * MiB;
        done.partsDone = done.partsTotal = 8;
        done.state = transfer::UploadState::Finished;
        QCOMPARE(ui::UploadProgressPanel::permille(done), 1000);
        const QString doneText = ui::UploadProgressPanel::describe(done);
        QVERIFY2(
            doneText.contains(
                QStringLiteral("sent %1 of %1 as compressed qcow2").arg(formatBytes(800 * MiB))),
            qPrintable(doneText));
        QVERIFY2(doneText.contains(QStringLiteral("8 of 8 parts")), qPrintable(doneText));

        // Stopped before the stream's end: the parts sent, of a count not known yet.
        QCOMPARE(ui::UploadPageTexts::stopped(p), QStringLiteral("Stopped after 3 parts."));
        QCOMPARE(ui::UploadPageTexts::stopped(done), QStringLiteral("Stopped after 8 of 8 parts."));

        // On the page's own panel.
        ui::UploadProgressPanel panel;
        panel.showProgress(p);
        QCOMPARE(panel.findChild<QProgressBar*>(QStringLiteral("uploadProgressBar"))->value(), 250);
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("uploadProgressDetail"))->text(), text);
    }

    void cleanupTestCase()
    {
        const QStringList leaked =
            leakedLines(allSecrets() << QStringLiteral("not-the-secret-key"));
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u'\n')));
    }
};

QTEST_MAIN(TestUploadPage)
#include "tst_uploadpage.moc"

#include "pages/UploadPage.h"
#include "ui_UploadPage.h"

#include "ImportWizard.h"
#include "TextTints.h"
#include "WizardSession.h"
#include "dialogs/UploadQuestionBox.h"
#include "pages/UploadPageCheck.h"
#include "pages/UploadPageTexts.h"
#include "widgets/DropZone.h"
#include "widgets/UploadDestination.h"
#include "widgets/UploadProgressPanel.h"

#include "cloud/CosClient.h"
#include "settings/AppSettings.h"
#include "transfer/ConvertedUpload.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStyle>

#include <utility>

namespace cvmi::ui {

using transfer::UploadJob;
using transfer::UploadProgress;
using transfer::UploadResult;

UploadPage::UploadPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_upload(new UploadController(session, this)),
      m_ui(std::make_unique<Ui::UploadPage>())
{
    setObjectName(QStringLiteral("uploadPage"));
    setTitle(ImportWizard::pageTitle(tr("Upload the image to COS")));
    m_ask = [this](Question question, const QString& text, const QString& detail) {
        return askUploadQuestion(this, question, text, detail);
    };
    setUpForm();
    setUpConversion();

    connect(m_ui->dropZone, &DropZone::fileChosen, this, &UploadPage::setFile);
    connect(m_ui->uploadDestination, &UploadDestination::changed, this, &UploadPage::refreshOffer);
    connect(m_ui->startUpload, &QPushButton::clicked, this, &UploadPage::start);
    connect(m_ui->startOverUpload, &QPushButton::clicked, this, &UploadPage::startOver);
    connect(m_ui->pauseUpload, &QPushButton::clicked, this, &UploadPage::pause);
    connect(m_ui->resumeUpload, &QPushButton::clicked, this, &UploadPage::resume);
    connect(m_ui->cancelUpload, &QPushButton::clicked, this, &UploadPage::cancelUpload);
    connect(m_ui->retryUpload, &QPushButton::clicked, this, &UploadPage::retry);
    connect(m_ui->skipUpload, &QPushButton::clicked, this, &UploadPage::skip);
    connect(m_check, &UploadPageCheck::stateChanged, this, [this] {
        updateWarning();
        updateState();
    });
    connect(m_upload, &UploadController::phaseChanged, this, [this] {
        if (m_upload->isResolving())
            m_ui->uploadProgress->showStatus(
                tr("Verified. Checking whether the bucket is public…"));
        updateState();
        emit completeChanged();
    });
    connect(m_upload, &UploadController::progressChanged, this, &UploadPage::onProgress);
    connect(m_upload, &UploadController::stopped, this, &UploadPage::showStopped);
    connect(m_upload, &UploadController::succeeded, this, &UploadPage::showSuccess);
    connect(m_upload, &UploadController::bucketsListed, m_ui->uploadDestination,
            &UploadDestination::addBuckets);
    updateState();
}

// The controller's engine stops its thread and keeps the checkpoint: an upload running when the
// window closes resumes the next time.
UploadPage::~UploadPage() = default;

// The layout and texts are in UploadPage.ui; what a form cannot say is set here.
void UploadPage::setUpForm()
{
    m_ui->setupUi(this);
    m_check = new UploadPageCheck(m_session, m_ui->checkVerdict, m_ui->seeCheck, this);
    // A file may be dropped anywhere on the page, not only on the zone at its top.
    m_ui->dropZone->acceptDropsOn(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    m_ui->pageLayout->setContentsMargins(margin, 4, margin, 0);
    m_ui->dropZone->setTexts(tr("Drop the image to upload here, or keep the checked one"),
                             tr("The file checked on the first page is uploaded unless you choose "
                                "another."),
                             tr("In %1. Drop another file to upload that one instead."));
    m_ui->dropZone->browseButton()->setAccessibleName(tr("Choose the file to upload"));
    setTextTint(m_ui->notImportableWarning, TextTint::Error);
    setTabOrder(m_ui->dropZone->browseButton(), m_ui->seeCheck);
    setTabOrder(m_ui->seeCheck, m_ui->uploadDestination->firstTabStop());
}

void UploadPage::setSettings(settings::AppSettings* settings)
{
    m_upload->setSettings(settings);
}

void UploadPage::setCheckpointDir(const QString& dir)
{
    m_upload->setCheckpointDir(dir);
    refreshOffer();
}

QString UploadPage::checkpointDir() const
{
    return m_upload->checkpointDir();
}

void UploadPage::setAsker(Asker asker)
{
    m_ask = std::move(asker);
}

bool UploadPage::ask(Question question, const UploadPageTexts::Words& words)
{
    return m_ask && m_ask(question, words.text, words.detail);
}

void UploadPage::initializePage()
{
    // Reached through Next: the upload is what the user came for (a skip is chosen here again).
    m_session->setUploadSkipped(false);
    // Back and Next again must not disturb an upload that runs or is done.
    if (isBusy())
        return;
    // The file to upload is the session's image, wherever it was chosen last; an upload done
    // for another file is over (its progress and result go).
    const QString image = m_session->imagePath().isEmpty()
                              ? QString()
                              : QFileInfo(m_session->imagePath()).absoluteFilePath();
    if (phase() == Phase::Done && image == m_filePath)
        return;
    if (image != m_filePath)
        forgetLastUpload();
    m_filePath = image;
    m_check->setFile(m_filePath);
    m_focusDefaultOnEntry = true;
    applyResumeTarget();
    showFile();
    fillBuckets();
}

void UploadPage::applyResumeTarget()
{
    const InterruptedUpload& target = m_session->resumeTarget();
    if (!target.isOf(m_filePath) || target.id() == m_appliedResumeTarget)
        return;
    m_appliedResumeTarget = target.id();
    // Its bucket only in its own region: the account's region decides where the upload goes.
    m_ui->uploadDestination->choose(
        target.region == m_session->region() ? target.bucket : QString(), target.key);
    // Continued as it was made: converted when its key says so (matchOfferConversion).
    m_convertChosen = true;
    m_ui->convertCheck->setChecked(
        transfer::keyLooksConverted(target.key, QFileInfo(m_filePath).fileName()));
}

void UploadPage::cleanupPage()
{
    // QWizard's default resets the page's fields when going Back; the choices and an upload in
    // progress stay, as the user left them.
}

void UploadPage::setFile(const QString& path)
{
    if (path.isEmpty() || isBusy())
        return;
    m_filePath = QFileInfo(path).absoluteFilePath();
    forgetLastUpload();
    m_check->setFile(m_filePath); // the file becomes the session's image and is checked
    showFile();
}

void UploadPage::forgetLastUpload()
{
    if (isBusy())
        return;
    if (phase() == Phase::Done)
        m_session->clearUpload();
    m_ui->uploadResult->clear();
    m_ui->uploadMessage->clear();
    m_upload->reset();
    m_convertChosen = false; // the next file's estimate decides again
    // The bar and its figures were the previous file's: no "100%" stays for the new one.
    m_ui->uploadProgress->showProgress(m_upload->lastProgress());
    m_ui->uploadProgress->showStatus({});
}

void UploadPage::showFile()
{
    if (!m_filePath.isEmpty())
        m_ui->dropZone->showFile(m_filePath);
    const QString fileName = QFileInfo(m_filePath).fileName();
    m_ui->uploadDestination->proposeKey(
        transfer::keyForConversion(fileName, fileName, converting()));
    updateConversionDefault();
    showConversionNote();
    updateWarning();
    refreshOffer();
}

void UploadPage::updateWarning()
{
    const bool refused = m_check->state() == UploadPageCheck::State::Refused;
    m_ui->notImportableWarning->setVisible(refused);
    m_ui->notImportableWarning->setText(refused ? UploadPageTexts::notImportableWarning()
                                                : QString());
}

void UploadPage::fillBuckets()
{
    m_ui->uploadDestination->resetBuckets(m_session->bucket());
    refreshOffer();
    // The other buckets of the region, for an upload somewhere else than the account's choice.
    m_upload->listBuckets();
}

UploadJob UploadPage::currentJob() const
{
    UploadJob job = m_upload->jobFor(m_filePath, m_ui->uploadDestination->bucket(),
                                     m_ui->uploadDestination->key());
    job.conversion = converting() ? transfer::Conversion::Qcow2 : transfer::Conversion::None;
    return job;
}

void UploadPage::refreshOffer()
{
    m_ui->resumeOffer->clear();
    if (m_ui->uploadDestination->isComplete() && QFileInfo(m_filePath).isFile()) {
        QString error;
        m_upload->refreshOffer(currentJob(), &error);
        m_ui->resumeOffer->setText(error);
    } else {
        m_upload->refreshOffer({}, nullptr);
    }
    const std::optional<transfer::Checkpoint>& offer = m_upload->offer();
    matchOfferConversion();
    if (offer) {
        m_ui->resumeOffer->setText(UploadPageTexts::resumeOffer(
            *offer, offer->fileChangedSince(m_filePath), m_ui->uploadDestination->bucket()));
    } else if (m_session->resumeTarget().isOf(m_filePath) && !isBusy() && phase() == Phase::Ready &&
               m_session->hasAccount() && m_session->resumeTarget().region != m_session->region()) {
        m_ui->resumeOffer->setText(UploadPageTexts::resumeInOtherRegion(m_session->resumeTarget()));
    }
    updateState();
}

bool UploadPage::confirmNotImportable()
{
    return m_check->confirm(
        [this](const UploadPageTexts::Words& words) {
            return ask(Question::UploadNotImportable, words);
        },
        &m_checkOverride);
}

void UploadPage::start()
{
    if (!isBusy() && confirmNotImportable())
        launch(false);
}

void UploadPage::startOver()
{
    if (!isBusy() && confirmNotImportable())
        launch(true);
}

void UploadPage::retry()
{
    launch(false);
}

void UploadPage::launch(bool restart)
{
    if (isBusy())
        return;
    if (!m_session->hasAccount()) {
        m_ui->uploadMessage->setText(tr("Connect an account on the Account page first."));
        return;
    }
    if (const QString problem = m_ui->uploadDestination->keyProblem(); !problem.isEmpty()) {
        m_ui->uploadMessage->setText(problem);
        return;
    }
    if (!QFileInfo(m_filePath).isFile()) {
        m_ui->uploadMessage->setText(
            tr("\"%1\" is not a file that can be read. Drop the image on the page or use Browse…")
                .arg(m_filePath));
        return;
    }
    UploadJob job = currentJob();
    job.restart = restart;
    m_ui->uploadMessage->clear();
    m_ui->uploadResult->clear();
    m_ui->resumeOffer->clear();
    m_upload->start(job, m_checkOverride);
    m_ui->uploadProgress->showProgress(m_upload->lastProgress());
    m_ui->uploadProgress->showStatus(restart ? tr("Starting over…") : tr("Starting…"));
    m_ui->pauseUpload->setFocus(Qt::OtherFocusReason);
}

void UploadPage::onProgress(const UploadProgress& progress)
{
    if (phase() != Phase::Cancelling)
        m_ui->uploadProgress->showProgress(progress);
    emit progressShown(progress);
}

void UploadPage::pause()
{
    if (!isBusy() || phase() != Phase::Uploading)
        return;
    m_upload->pause();
    m_ui->resumeUpload->setFocus(Qt::OtherFocusReason);
}

void UploadPage::resume()
{
    if (!isBusy() || phase() != Phase::Paused)
        return;
    m_upload->resume();
    m_ui->pauseUpload->setFocus(Qt::OtherFocusReason);
}

void UploadPage::cancelUpload()
{
    if (!isBusy() || phase() == Phase::Cancelling)
        return;
    const bool yes = ask(Question::CancelUpload,
                         UploadPageTexts::cancelQuestion(QFileInfo(m_filePath).fileName(),
                                                         m_upload->lastProgress().partsDone,
                                                         m_ui->uploadDestination->bucket()));
    // The engine may have finished while the question was open.
    if (!yes || !isBusy())
        return;
    m_upload->cancel();
    m_ui->uploadProgress->showStatus(tr("Cancelling: deleting the uploaded parts…"));
}

bool UploadPage::confirmClose()
{
    if (!isBusy())
        return true;
    const bool close = ask(
        Question::CloseDuringUpload,
        UploadPageTexts::closeQuestion(QFileInfo(m_filePath).fileName(),
                                       UploadProgressPanel::permille(m_upload->lastProgress()) / 10,
                                       m_ui->uploadDestination->bucket()));
    if (!close || !isBusy())
        return close || !isBusy();
    m_upload->stopForLater();
    refreshOffer();
    return true;
}

void UploadPage::showStopped(const UploadResult& result)
{
    if (result.cancelled) {
        m_ui->uploadMessage->setText(
            tr("The upload was cancelled and the uploaded parts were deleted."));
        refreshOffer();
    } else {
        const QString text = UploadPageTexts::failure(result, m_upload->lastProgress().partsDone);
        m_ui->uploadMessage->setText(text);
        m_ui->uploadProgress->showStatus(UploadPageTexts::stopped(m_upload->lastProgress()));
        refreshOffer();
        m_ui->retryUpload->setFocus(Qt::OtherFocusReason);
    }
    emit uploadFinished(result);
}

void UploadPage::showSuccess(const UploadResult& result, const QString& note)
{
    m_ui->uploadProgress->showProgress(m_upload->lastProgress());
    QString message = UploadPageTexts::success(result, m_session->upload());
    if (!m_session->upload().checkOverride.isEmpty())
        message += u'\n' + tr("Uploaded although the check said: %1 The import is likely to fail "
                              "until that is fixed.")
                               .arg(m_session->upload().checkOverride);
    m_ui->uploadMessage->setText(message);
    m_ui->uploadResult->setText(UploadPageTexts::successDetails(result, m_session->upload(), note));
    emit uploadFinished(result);
}

void UploadPage::skip()
{
    if (!m_ui->skipUpload->isEnabled())
        return;
    m_session->setUploadSkipped(true, cloud::CosClient::objectUrl(m_ui->uploadDestination->bucket(),
                                                                  m_session->region(),
                                                                  m_ui->uploadDestination->key()));
    emit completeChanged();
    if (wizard())
        wizard()->next();
}

bool UploadPage::isComplete() const
{
    if (m_session->uploadSkipped() && (phase() == Phase::Ready || phase() == Phase::Failed))
        return QWizardPage::isComplete();
    return QWizardPage::isComplete() && phase() == Phase::Done && m_session->hasUpload();
}

} // namespace cvmi::ui

#include "pages/UploadPage.h"
#include "ui_UploadPage.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "widgets/DropZone.h"
#include "widgets/UploadProgressPanel.h"

#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"
#include "settings/AppSettings.h"
#include "util/FutureReply.h"
#include "util/Units.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStyle>

namespace cvmi::ui {

using transfer::UploadJob;
using transfer::UploadProgress;
using transfer::UploadResult;

namespace {

// COS's limit for an object key, in bytes of its UTF-8 form.
constexpr int kMaxKeyBytes = 850;

// Error and warning text in the palette's link-visited colour would be too faint; the style's
// own "negative" colour does not exist in Qt, so a fixed red that reads on light and dark.
void makeAlert(QLabel* label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(palette);
}

} // namespace

UploadPage::UploadPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_upload(new UploadController(session, this)),
      m_ui(std::make_unique<Ui::UploadPage>())
{
    setObjectName(QStringLiteral("uploadPage"));
    setTitle(ImportWizard::pageTitle(tr("Upload the image to COS")));
    m_ask = [this](Question question, const QString& text, const QString& detail) {
        QMessageBox box(QMessageBox::Question, tr("Upload"), text, QMessageBox::NoButton, this);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(detail);
        QString yes;
        QString no;
        switch (question) {
        case Question::CancelUpload:
            box.setObjectName(QStringLiteral("cancelUploadQuestion"));
            yes = tr("Cancel Upload");
            no = tr("Keep Uploading");
            break;
        case Question::CloseDuringUpload:
            box.setObjectName(QStringLiteral("closeDuringUploadQuestion"));
            yes = tr("Continue Later");
            no = tr("Keep Uploading");
            break;
        case Question::UploadNotImportable:
            box.setObjectName(QStringLiteral("uploadNotImportableQuestion"));
            box.setIcon(QMessageBox::Warning);
            yes = tr("Upload Anyway");
            no = tr("Do Not Upload");
            break;
        }
        QPushButton* yesButton = box.addButton(yes, QMessageBox::AcceptRole);
        QPushButton* noButton = box.addButton(no, QMessageBox::RejectRole);
        // The safe answer is the default: Enter keeps the upload going or does not start one.
        box.setDefaultButton(noButton);
        box.setEscapeButton(noButton);
        box.exec();
        return box.clickedButton() == yesButton;
    };
    setUpForm();

    connect(m_ui->dropZone, &DropZone::fileChosen, this, &UploadPage::setFile);
    connect(m_ui->uploadBucket, &QComboBox::currentIndexChanged, this, &UploadPage::refreshOffer);
    connect(m_ui->objectKey, &QLineEdit::textEdited, this, [this] { m_keyEdited = true; });
    connect(m_ui->objectKey, &QLineEdit::textChanged, this, &UploadPage::refreshOffer);
    connect(m_ui->startUpload, &QPushButton::clicked, this, &UploadPage::start);
    connect(m_ui->startOverUpload, &QPushButton::clicked, this, &UploadPage::startOver);
    connect(m_ui->pauseUpload, &QPushButton::clicked, this, &UploadPage::pause);
    connect(m_ui->resumeUpload, &QPushButton::clicked, this, &UploadPage::resume);
    connect(m_ui->cancelUpload, &QPushButton::clicked, this, &UploadPage::cancelUpload);
    connect(m_ui->retryUpload, &QPushButton::clicked, this, &UploadPage::retry);
    connect(m_ui->skipUpload, &QPushButton::clicked, this, &UploadPage::skip);
    connect(m_session, &WizardSession::inspectionChanged, this, &UploadPage::updateWarning);
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
    updateState();
}

// The controller's engine stops its thread and keeps the checkpoint: an upload running when the
// window closes resumes the next time.
UploadPage::~UploadPage() = default;

// The layout and texts are in UploadPage.ui; what a form cannot say is set here.
void UploadPage::setUpForm()
{
    m_ui->setupUi(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    m_ui->pageLayout->setContentsMargins(margin, 4, margin, 0);
    m_ui->dropZone->setTexts(tr("Drop the image to upload here, or keep the checked one"),
                             tr("The file checked on the first page is uploaded unless you choose "
                                "another."),
                             tr("In %1. Drop another file to upload that one instead."));
    m_ui->dropZone->browseButton()->setText(tr("Bro&wse…"));
    m_ui->dropZone->browseButton()->setAccessibleName(tr("Choose the file to upload"));
    makeAlert(m_ui->notImportableWarning);
    makeAlert(m_ui->objectKeyProblem);
    setTabOrder(m_ui->dropZone->browseButton(), m_ui->uploadBucket);
}

void UploadPage::setSettings(settings::AppSettings* settings)
{
    m_settings = settings;
}

void UploadPage::setCheckpointDir(const QString& dir)
{
    m_checkpointDir = dir;
    refreshOffer();
}

void UploadPage::setAsker(Asker asker)
{
    m_ask = std::move(asker);
}

bool UploadPage::ask(Question question, const QString& text, const QString& detail)
{
    return m_ask && m_ask(question, text, detail);
}

void UploadPage::initializePage()
{
    // Reached through Next: the upload is what the user came for (a skip is chosen here again).
    m_session->setUploadSkipped(false);
    // Back and Next again must not disturb an upload that runs or is done.
    if (isBusy() || phase() == Phase::Done)
        return;
    if (!m_fileChosenHere)
        m_filePath = m_session->imagePath();
    applyResumeTarget();
    showFile();
    fillBuckets();
}

bool UploadPage::resumeTargetApplies() const
{
    const InterruptedUpload& target = m_session->resumeTarget();
    return target.isValid() && !m_filePath.isEmpty() &&
           QFileInfo(m_filePath).absoluteFilePath() == target.filePath;
}

void UploadPage::applyResumeTarget()
{
    if (!resumeTargetApplies())
        return;
    const InterruptedUpload& target = m_session->resumeTarget();
    const QString id = target.filePath + u'|' + target.bucket + u'|' + target.key;
    if (id == m_appliedResumeTarget)
        return;
    m_appliedResumeTarget = id;
    // The key now; the bucket when fillBuckets() fills the list.
    m_keyEdited = true;
    const QSignalBlocker blocker(m_ui->objectKey);
    m_ui->objectKey->setText(target.key);
    if (target.region == m_session->region() && !target.bucket.isEmpty()) {
        const QSignalBlocker boxBlocker(m_ui->uploadBucket);
        if (m_ui->uploadBucket->findData(target.bucket) < 0)
            m_ui->uploadBucket->addItem(target.bucket, target.bucket);
        m_ui->uploadBucket->setCurrentIndex(m_ui->uploadBucket->findData(target.bucket));
    }
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
    m_fileChosenHere = true;
    if (phase() == Phase::Done || phase() == Phase::Failed) {
        m_session->clearUpload();
        m_ui->uploadResult->clear();
        m_ui->uploadMessage->clear();
        m_upload->reset();
    }
    showFile();
}

void UploadPage::showFile()
{
    if (!m_filePath.isEmpty())
        m_ui->dropZone->showFile(m_filePath);
    if (!m_keyEdited)
        m_ui->objectKey->setText(QFileInfo(m_filePath).fileName());
    updateWarning();
    refreshOffer();
}

bool UploadPage::fileIsCheckedImage() const
{
    return m_session->hasInspection() && !m_filePath.isEmpty() &&
           QFileInfo(m_session->imagePath()).absoluteFilePath() == m_filePath;
}

void UploadPage::updateWarning()
{
    const bool refused = fileIsCheckedImage() && !m_session->imageImportable();
    m_ui->notImportableWarning->setVisible(refused);
    m_ui->notImportableWarning->setText(
        refused ? tr("This image did not pass the import check on the first page: "
                     "Tencent Cloud will refuse to import it. Fix what the check "
                     "reported first, or upload it anyway if you need it in COS.")
                : QString());
}

void UploadPage::fillBuckets()
{
    const QString chosen = bucket().isEmpty() ? m_session->bucket() : bucket();
    {
        const QSignalBlocker blocker(m_ui->uploadBucket);
        m_ui->uploadBucket->clear();
        m_ui->uploadBucket->setPlaceholderText(tr("Choose a bucket on the Account page"));
        if (!chosen.isEmpty())
            m_ui->uploadBucket->addItem(chosen, chosen);
        // The account's bucket stays a choice when an interrupted upload's bucket was chosen.
        if (!m_session->bucket().isEmpty() && m_session->bucket() != chosen)
            m_ui->uploadBucket->addItem(m_session->bucket(), m_session->bucket());
        // With a placeholder, QComboBox leaves a new first item unselected.
        m_ui->uploadBucket->setCurrentIndex(chosen.isEmpty() ? -1 : 0);
    }
    refreshOffer();
    cloud::CosClient* cos = m_session->cos();
    if (!cos)
        return;
    const QString region = m_session->region();
    // The other buckets of the region, for an upload somewhere else than the account's choice.
    util::onResult(cos->listBuckets(), this,
                   [this, cos, region](const cloud::CloudResult<QList<cloud::CosBucket>>& result) {
                       if (cos != m_session->cos() || !result.ok())
                           return;
                       const QSignalBlocker blocker(m_ui->uploadBucket);
                       for (const cloud::CosBucket& b : result.value) {
                           if (b.location == region && m_ui->uploadBucket->findData(b.name) < 0)
                               m_ui->uploadBucket->addItem(b.name, b.name);
                       }
                   });
}

QString UploadPage::bucket() const
{
    return m_ui->uploadBucket->currentData().toString();
}

QString UploadPage::objectKey() const
{
    return m_ui->objectKey->text();
}

void UploadPage::setObjectKey(const QString& key)
{
    m_keyEdited = true;
    m_ui->objectKey->setText(key);
}

QString UploadPage::keyProblem(const QString& key)
{
    if (key.isEmpty())
        return tr("Enter the object key: the name of the image in the bucket.");
    if (key.startsWith(u'/'))
        return tr("The object key must not start with \"/\": write \"%1\" instead.")
            .arg(key.mid(key.indexOf(QRegularExpression(QStringLiteral("[^/]")))));
    const qsizetype bytes = key.toUtf8().size();
    if (bytes > kMaxKeyBytes)
        return tr("The object key is %1 bytes long in UTF-8; COS allows at most %2. Shorten it.")
            .arg(bytes)
            .arg(kMaxKeyBytes);
    return {};
}

UploadJob UploadPage::currentJob() const
{
    UploadJob job;
    job.filePath = m_filePath;
    job.destination.dialect = transfer::Dialect::Cos;
    job.destination.bucket = bucket();
    job.destination.key = objectKey();
    job.destination.region = m_session->region();
    job.destination.endpoints = m_session->endpoints();
    job.credentials = m_session->credentials();
    job.checkpointDir = m_checkpointDir;
    if (m_settings) {
        job.partSize = m_settings->partSize();
        job.concurrency = m_settings->concurrency();
        job.rateLimitBytesPerSecond = m_settings->rateLimit();
        job.proxy = m_settings->proxy();
    }
    return job;
}

void UploadPage::refreshOffer()
{
    m_ui->resumeOffer->clear();
    const QString problem = keyProblem(objectKey());
    m_ui->objectKeyProblem->setText(problem);
    m_ui->objectKeyProblem->setVisible(!problem.isEmpty());
    if (problem.isEmpty() && !bucket().isEmpty() && QFileInfo(m_filePath).isFile()) {
        QString error;
        m_upload->refreshOffer(currentJob(), &error);
        m_ui->resumeOffer->setText(error);
    } else {
        m_upload->refreshOffer({}, nullptr);
    }
    const std::optional<transfer::Checkpoint>& offer = m_upload->offer();
    if (offer) {
        const int done = offer->partsDone();
        const int total = offer->partsTotal();
        if (offer->fileChangedSince(m_filePath))
            m_ui->resumeOffer->setText(
                tr("An upload of this file to %1 was started earlier (%2 of %3 parts uploaded), "
                   "but the file has changed since, so it cannot be resumed. Start Over deletes "
                   "those parts and uploads the file again.")
                    .arg(bucket())
                    .arg(done)
                    .arg(total));
        else
            m_ui->resumeOffer->setText(
                tr("Resume the upload started earlier: %1 of %2 parts already "
                   "uploaded. Or start over and upload the whole file again.")
                    .arg(done)
                    .arg(total));
    } else if (resumeTargetApplies() && !isBusy() && phase() == Phase::Ready &&
               m_session->hasAccount() && m_session->resumeTarget().region != m_session->region()) {
        const InterruptedUpload& target = m_session->resumeTarget();
        m_ui->resumeOffer->setText(tr("The interrupted upload of this file went to %1/%2 in the "
                                      "region %3. Choose that region on the Account page to resume "
                                      "it; uploading here starts afresh.")
                                       .arg(target.bucket, target.key, target.region));
    }
    updateState();
}

void UploadPage::updateState()
{
    const Phase phase = m_upload->phase();
    const bool resolving = m_upload->isResolving();
    const std::optional<transfer::Checkpoint>& offer = m_upload->offer();
    const bool idle = phase == Phase::Ready || phase == Phase::Failed;
    const bool ready = idle && keyProblem(objectKey()).isEmpty() && !bucket().isEmpty() &&
                       m_session->hasAccount() && QFileInfo(m_filePath).isFile();
    const bool changed = offer && offer->fileChangedSince(m_filePath);
    m_ui->dropZone->setEnabled(idle || phase == Phase::Done); // another file starts afresh
    m_ui->uploadBucket->setEnabled(idle);
    m_ui->objectKey->setEnabled(idle);
    m_ui->resumeOffer->setVisible(phase == Phase::Ready && !m_ui->resumeOffer->text().isEmpty());
    m_ui->startUpload->setVisible(phase == Phase::Ready && !changed);
    m_ui->startUpload->setEnabled(ready);
    m_ui->startUpload->setText(offer ? tr("&Resume Upload") : tr("&Start Upload"));
    m_ui->startOverUpload->setVisible(idle && offer.has_value());
    m_ui->startOverUpload->setEnabled(ready);
    m_ui->retryUpload->setVisible(phase == Phase::Failed && !changed);
    m_ui->retryUpload->setEnabled(ready);
    m_ui->pauseUpload->setVisible(phase == Phase::Uploading && !resolving);
    m_ui->resumeUpload->setVisible(phase == Phase::Paused);
    m_ui->cancelUpload->setVisible(
        !resolving &&
        (phase == Phase::Uploading || phase == Phase::Paused || phase == Phase::Cancelling));
    m_ui->cancelUpload->setEnabled(phase != Phase::Cancelling);
    m_ui->skipUpload->setVisible(idle);
    m_ui->skipUpload->setEnabled(idle && keyProblem(objectKey()).isEmpty() && !bucket().isEmpty() &&
                                 m_session->hasAccount());
    m_ui->uploadProgress->setVisible(phase != Phase::Ready ||
                                     m_upload->lastProgress().totalBytes > 0);
    m_ui->uploadResult->setVisible(phase == Phase::Done);
}

bool UploadPage::confirmNotImportable()
{
    if (!fileIsCheckedImage() || m_session->imageImportable())
        return true;
    return ask(Question::UploadNotImportable,
               tr("Upload %1 although it will not import?").arg(QFileInfo(m_filePath).fileName()),
               tr("The check on the first page found problems that make Tencent Cloud refuse "
                  "this image. Uploading %1 costs time and COS storage for a file that cannot "
                  "become a CVM image until they are fixed.")
                   .arg(formatBytes(uint64_t(QFileInfo(m_filePath).size()))));
}

void UploadPage::start()
{
    if (confirmNotImportable())
        launch(false);
}

void UploadPage::startOver()
{
    if (confirmNotImportable())
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
    if (const QString problem = keyProblem(objectKey()); !problem.isEmpty()) {
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
    m_upload->start(job);
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
    const QString name = QFileInfo(m_filePath).fileName();
    const bool yes = ask(
        Question::CancelUpload, tr("Cancel the upload of %1?").arg(name),
        tr("The parts already uploaded (%1) will be deleted from %2, so that they cost nothing; "
           "the upload cannot be resumed afterwards.")
            .arg(m_upload->lastProgress().partsDone)
            .arg(bucket()));
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
    const QString name = QFileInfo(m_filePath).fileName();
    const bool close =
        ask(Question::CloseDuringUpload,
            tr("%1 is still uploading (%2%). Close and continue later?")
                .arg(name)
                .arg(UploadProgressPanel::permille(m_upload->lastProgress()) / 10),
            tr("The parts already uploaded stay in %1. The next time you upload this file to the "
               "same place, only the missing parts are sent.")
                .arg(bucket()));
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
        QString text = result.cloudError.isSet() && !result.cloudError.userMessage.isEmpty()
                           ? tr("The upload failed: %1").arg(result.cloudError.userMessage)
                           : result.error.message;
        if (result.cloudError.isSet() && !result.cloudError.remedy.isEmpty())
            text += u'\n' + tr("What to do: %1").arg(result.cloudError.remedy);
        if (result.cloudError.isSet())
            text += u'\n' + tr("(COS said %1%2.)")
                                .arg(result.cloudError.code,
                                     result.cloudError.requestId.isEmpty()
                                         ? QString()
                                         : tr(", request %1").arg(result.cloudError.requestId));
        if (m_upload->lastProgress().partsDone > 0)
            text += u'\n' + tr("Retry continues from the parts already uploaded.");
        if (result.clockSkewSeconds)
            text += u'\n' + cloud::ClockSkew::describe(*result.clockSkewSeconds);
        m_ui->uploadMessage->setText(text);
        m_ui->uploadProgress->showStatus(tr("Stopped after %1 of %2 parts.")
                                             .arg(m_upload->lastProgress().partsDone)
                                             .arg(m_upload->lastProgress().partsTotal));
        refreshOffer();
        m_ui->retryUpload->setFocus(Qt::OtherFocusReason);
    }
    emit uploadFinished(result);
}

void UploadPage::showSuccess(const UploadResult& result, const QString& note)
{
    m_ui->uploadProgress->showProgress(m_upload->lastProgress());
    QString message =
        result.partsReused > 0
            ? tr("Uploaded and verified: %1 parts sent now, %2 reused from the earlier "
                 "upload. COS's CRC-64 of the object equals the file's.")
                  .arg(result.partsUploaded)
                  .arg(result.partsReused)
            : tr("Uploaded and verified: COS's CRC-64 of the object equals the file's.");
    if (!result.partsChanged.isEmpty()) {
        QStringList numbers;
        for (const int n : result.partsChanged)
            numbers.append(QLocale().toString(n));
        message += u' ' + tr("%n part(s) sent earlier no longer matched the file and were sent "
                             "again: %1.",
                             nullptr, int(result.partsChanged.size()))
                              .arg(numbers.join(QStringLiteral(", ")));
    }
    if (result.clockSkewSeconds)
        message += u' ' + cloud::ClockSkew::describe(*result.clockSkewSeconds);
    m_ui->uploadMessage->setText(message);
    // The signed URL itself is not shown here: its query may carry a session token. The form's
    // ImageUrl field holds it.
    const UploadedObject& object = m_session->upload();
    const QString handedOn =
        object.importUrlSigned ? tr("a signed link to it, valid until %1")
                                     .arg(QLocale().toString(object.importUrlExpires.toLocalTime(),
                                                             QLocale::ShortFormat))
                               : tr("this URL");
    m_ui->uploadResult->setText(
        tr("<b>Object URL:</b> <a href=\"%1\">%2</a><br><b>CRC-64:</b> %3 &nbsp; "
           "<b>Size:</b> %4<br><b>For the import:</b> %5. %6<br>Next: the import "
           "form.")
            .arg(result.objectUrl.toHtmlEscaped(), result.objectUrl.toHtmlEscaped())
            .arg(result.crc64)
            .arg(formatBytesExact(uint64_t(result.size)).toHtmlEscaped(), handedOn.toHtmlEscaped(),
                 note.toHtmlEscaped()));
    emit uploadFinished(result);
}

void UploadPage::skip()
{
    if (!m_ui->skipUpload->isEnabled())
        return;
    m_session->setUploadSkipped(
        true, cloud::CosClient::objectUrl(bucket(), m_session->region(), objectKey()));
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

#include "pages/UploadPage.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "widgets/DropZone.h"
#include "widgets/UploadProgressPanel.h"

#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"
#include "importrun/ImportUrlResolver.h"
#include "settings/AppSettings.h"
#include "transfer/UploadEngine.h"
#include "util/FutureReply.h"
#include "util/Units.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStyle>
#include <QVBoxLayout>

namespace cvmi::ui {

using transfer::UploadEngine;
using transfer::UploadJob;
using transfer::UploadProgress;
using transfer::UploadResult;

namespace {

// COS's limit for an object key, in bytes of its UTF-8 form.
constexpr int kMaxKeyBytes = 850;

QLabel* plainLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

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
    : QWizardPage(parent), m_session(session),
      m_intro(plainLabel(this, QStringLiteral("uploadIntro"))), m_dropZone(new DropZone(this)),
      m_warning(plainLabel(this, QStringLiteral("notImportableWarning"))),
      m_bucketBox(new QComboBox(this)), m_keyEdit(new QLineEdit(this)),
      m_keyProblem(plainLabel(this, QStringLiteral("objectKeyProblem"))),
      m_offerLabel(plainLabel(this, QStringLiteral("resumeOffer"))),
      m_startButton(new QPushButton(tr("&Start Upload"), this)),
      m_startOverButton(new QPushButton(tr("Start O&ver"), this)),
      m_pauseButton(new QPushButton(tr("&Pause"), this)),
      m_resumeButton(new QPushButton(tr("&Resume"), this)),
      m_cancelButton(new QPushButton(tr("Cance&l Upload"), this)),
      m_retryButton(new QPushButton(tr("Re&try"), this)),
      m_skipButton(new QPushButton(tr("Already Uploaded: S&kip"), this)),
      m_progress(new UploadProgressPanel(this)),
      m_message(plainLabel(this, QStringLiteral("uploadMessage"))), m_result(new QLabel(this))
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
    buildLayout();

    connect(m_dropZone, &DropZone::fileChosen, this, &UploadPage::setFile);
    connect(m_bucketBox, &QComboBox::currentIndexChanged, this, &UploadPage::refreshOffer);
    connect(m_keyEdit, &QLineEdit::textEdited, this, [this] { m_keyEdited = true; });
    connect(m_keyEdit, &QLineEdit::textChanged, this, &UploadPage::refreshOffer);
    connect(m_startButton, &QPushButton::clicked, this, &UploadPage::start);
    connect(m_startOverButton, &QPushButton::clicked, this, &UploadPage::startOver);
    connect(m_pauseButton, &QPushButton::clicked, this, &UploadPage::pause);
    connect(m_resumeButton, &QPushButton::clicked, this, &UploadPage::resume);
    connect(m_cancelButton, &QPushButton::clicked, this, &UploadPage::cancelUpload);
    connect(m_retryButton, &QPushButton::clicked, this, &UploadPage::retry);
    connect(m_skipButton, &QPushButton::clicked, this, &UploadPage::skip);
    connect(m_session, &WizardSession::inspectionChanged, this, &UploadPage::updateWarning);
    setPhase(Phase::Ready);
}

// The engine's destructor stops its thread and keeps the checkpoint: an upload running when the
// window closes resumes the next time.
UploadPage::~UploadPage() = default;

void UploadPage::buildLayout()
{
    m_intro->setText(tr("The image is uploaded to a COS bucket in the import's region, in parts "
                        "sent in parallel; an interrupted upload continues where it stopped."));
    m_dropZone->setTexts(tr("Drop the image to upload here, or keep the checked one"),
                         tr("The file checked on the first page is uploaded unless you choose "
                            "another."),
                         tr("In %1. Drop another file to upload that one instead."));
    m_dropZone->browseButton()->setText(tr("Bro&wse…"));
    m_dropZone->browseButton()->setAccessibleName(tr("Choose the file to upload"));
    m_warning->setAccessibleName(tr("Import check warning"));
    makeAlert(m_warning);

    m_bucketBox->setObjectName(QStringLiteral("uploadBucket"));
    m_bucketBox->setAccessibleName(tr("Bucket to upload to"));
    m_bucketBox->setMinimumContentsLength(30);
    m_bucketBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_keyEdit->setObjectName(QStringLiteral("objectKey"));
    m_keyEdit->setAccessibleName(tr("Object key"));
    m_keyEdit->setToolTip(tr("The object's name in the bucket; folders are written with /, "
                             "e.g. images/centos7.qcow2"));
    m_keyProblem->setAccessibleName(tr("Object key problem"));
    makeAlert(m_keyProblem);
    auto* form = new QFormLayout;
    form->addRow(tr("B&ucket:"), m_bucketBox);
    form->addRow(tr("Object &key:"), m_keyEdit);
    form->addRow(QString(), m_keyProblem);

    m_offerLabel->setAccessibleName(tr("Earlier unfinished upload"));
    m_startButton->setObjectName(QStringLiteral("startUpload"));
    m_startOverButton->setObjectName(QStringLiteral("startOverUpload"));
    m_startOverButton->setToolTip(
        tr("Delete the parts uploaded earlier and upload the whole file again"));
    m_pauseButton->setObjectName(QStringLiteral("pauseUpload"));
    m_pauseButton->setToolTip(tr("No new parts start; the parts in flight finish"));
    m_resumeButton->setObjectName(QStringLiteral("resumeUpload"));
    m_cancelButton->setObjectName(QStringLiteral("cancelUpload"));
    m_cancelButton->setToolTip(tr("Stop and delete the parts already uploaded"));
    m_retryButton->setObjectName(QStringLiteral("retryUpload"));
    m_retryButton->setToolTip(tr("Continue from the parts already uploaded"));
    m_skipButton->setObjectName(QStringLiteral("skipUpload"));
    m_skipButton->setToolTip(tr("The image is at this bucket and key already: go to the form "
                                "with its URL, which is checked there"));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_startButton, m_startOverButton, m_pauseButton, m_resumeButton,
                           m_retryButton, m_cancelButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_skipButton);

    m_message->setAccessibleName(tr("Upload status"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setObjectName(QStringLiteral("uploadResult"));
    m_result->setAccessibleName(tr("Uploaded object"));
    m_result->setTextFormat(Qt::RichText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);

    auto* layout = new QVBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout->setContentsMargins(margin, 4, margin, 0);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addWidget(m_dropZone);
    layout->addWidget(m_warning);
    layout->addLayout(form);
    layout->addWidget(m_offerLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_result);
    layout->addStretch(1);

    QWidget* order[] = {m_dropZone->browseButton(),
                        m_bucketBox,
                        m_keyEdit,
                        m_startButton,
                        m_startOverButton,
                        m_pauseButton,
                        m_resumeButton,
                        m_retryButton,
                        m_cancelButton,
                        m_skipButton};
    for (size_t i = 0; i + 1 < std::size(order); ++i)
        setTabOrder(order[i], order[i + 1]);
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
    if (isBusy() || m_phase == Phase::Done)
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
    const QSignalBlocker blocker(m_keyEdit);
    m_keyEdit->setText(target.key);
    if (target.region == m_session->region() && !target.bucket.isEmpty()) {
        const QSignalBlocker boxBlocker(m_bucketBox);
        if (m_bucketBox->findData(target.bucket) < 0)
            m_bucketBox->addItem(target.bucket, target.bucket);
        m_bucketBox->setCurrentIndex(m_bucketBox->findData(target.bucket));
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
    if (m_phase == Phase::Done || m_phase == Phase::Failed) {
        m_session->clearUpload();
        m_result->clear();
        m_message->clear();
        setPhase(Phase::Ready);
    }
    showFile();
}

void UploadPage::showFile()
{
    if (!m_filePath.isEmpty())
        m_dropZone->showFile(m_filePath);
    if (!m_keyEdited)
        m_keyEdit->setText(QFileInfo(m_filePath).fileName());
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
    m_warning->setVisible(refused);
    m_warning->setText(refused ? tr("This image did not pass the import check on the first page: "
                                    "Tencent Cloud will refuse to import it. Fix what the check "
                                    "reported first, or upload it anyway if you need it in COS.")
                               : QString());
}

void UploadPage::fillBuckets()
{
    const QString chosen = bucket().isEmpty() ? m_session->bucket() : bucket();
    {
        const QSignalBlocker blocker(m_bucketBox);
        m_bucketBox->clear();
        m_bucketBox->setPlaceholderText(tr("Choose a bucket on the Account page"));
        if (!chosen.isEmpty())
            m_bucketBox->addItem(chosen, chosen);
        // The account's bucket stays a choice when an interrupted upload's bucket was chosen.
        if (!m_session->bucket().isEmpty() && m_session->bucket() != chosen)
            m_bucketBox->addItem(m_session->bucket(), m_session->bucket());
        // With a placeholder, QComboBox leaves a new first item unselected.
        m_bucketBox->setCurrentIndex(chosen.isEmpty() ? -1 : 0);
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
                       const QSignalBlocker blocker(m_bucketBox);
                       for (const cloud::CosBucket& b : result.value) {
                           if (b.location == region && m_bucketBox->findData(b.name) < 0)
                               m_bucketBox->addItem(b.name, b.name);
                       }
                   });
}

QString UploadPage::bucket() const
{
    return m_bucketBox->currentData().toString();
}

QString UploadPage::objectKey() const
{
    return m_keyEdit->text();
}

void UploadPage::setObjectKey(const QString& key)
{
    m_keyEdited = true;
    m_keyEdit->setText(key);
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
    m_offer.reset();
    m_offerLabel->clear();
    const QString problem = keyProblem(objectKey());
    m_keyProblem->setText(problem);
    m_keyProblem->setVisible(!problem.isEmpty());
    if (!isBusy() && m_phase != Phase::Done && problem.isEmpty() && !bucket().isEmpty() &&
        QFileInfo(m_filePath).isFile()) {
        const UploadJob job = currentJob();
        if (UploadEngine::pending(job)) {
            Error error;
            m_offer =
                transfer::Checkpoints(job.checkpointDir)
                    .loadResumable(QFileInfo(m_filePath).absoluteFilePath(),
                                   transfer::Checkpoints::destinationKey(job.destination), &error);
            if (error.isSet())
                m_offerLabel->setText(error.message);
        }
    }
    if (m_offer) {
        const int done = m_offer->partsDone();
        const int total = m_offer->partsTotal();
        if (m_offer->fileChangedSince(m_filePath))
            m_offerLabel->setText(
                tr("An upload of this file to %1 was started earlier (%2 of %3 parts uploaded), "
                   "but the file has changed since, so it cannot be resumed. Start Over deletes "
                   "those parts and uploads the file again.")
                    .arg(bucket())
                    .arg(done)
                    .arg(total));
        else
            m_offerLabel->setText(tr("Resume the upload started earlier: %1 of %2 parts already "
                                     "uploaded. Or start over and upload the whole file again.")
                                      .arg(done)
                                      .arg(total));
    } else if (resumeTargetApplies() && !isBusy() && m_phase == Phase::Ready &&
               m_session->hasAccount() && m_session->resumeTarget().region != m_session->region()) {
        const InterruptedUpload& target = m_session->resumeTarget();
        m_offerLabel->setText(tr("The interrupted upload of this file went to %1/%2 in the "
                                 "region %3. Choose that region on the Account page to resume "
                                 "it; uploading here starts afresh.")
                                  .arg(target.bucket, target.key, target.region));
    }
    updateState();
}

void UploadPage::setPhase(Phase phase)
{
    m_phase = phase;
    updateState();
    emit completeChanged();
}

void UploadPage::updateState()
{
    const bool idle = m_phase == Phase::Ready || m_phase == Phase::Failed;
    const bool ready = idle && keyProblem(objectKey()).isEmpty() && !bucket().isEmpty() &&
                       m_session->hasAccount() && QFileInfo(m_filePath).isFile();
    const bool changed = m_offer && m_offer->fileChangedSince(m_filePath);
    m_dropZone->setEnabled(idle || m_phase == Phase::Done); // another file starts afresh
    m_bucketBox->setEnabled(idle);
    m_keyEdit->setEnabled(idle);
    m_offerLabel->setVisible(m_phase == Phase::Ready && !m_offerLabel->text().isEmpty());
    m_startButton->setVisible(m_phase == Phase::Ready && !changed);
    m_startButton->setEnabled(ready);
    m_startButton->setText(m_offer ? tr("&Resume Upload") : tr("&Start Upload"));
    m_startOverButton->setVisible(idle && m_offer.has_value());
    m_startOverButton->setEnabled(ready);
    m_retryButton->setVisible(m_phase == Phase::Failed && !changed);
    m_retryButton->setEnabled(ready);
    m_pauseButton->setVisible(m_phase == Phase::Uploading && !m_resolving);
    m_resumeButton->setVisible(m_phase == Phase::Paused);
    m_cancelButton->setVisible(
        !m_resolving &&
        (m_phase == Phase::Uploading || m_phase == Phase::Paused || m_phase == Phase::Cancelling));
    m_cancelButton->setEnabled(m_phase != Phase::Cancelling);
    m_skipButton->setVisible(idle);
    m_skipButton->setEnabled(idle && keyProblem(objectKey()).isEmpty() && !bucket().isEmpty() &&
                             m_session->hasAccount());
    m_progress->setVisible(m_phase != Phase::Ready || m_lastProgress.totalBytes > 0);
    m_result->setVisible(m_phase == Phase::Done);
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
        m_message->setText(tr("Connect an account on the Account page first."));
        return;
    }
    if (const QString problem = keyProblem(objectKey()); !problem.isEmpty()) {
        m_message->setText(problem);
        return;
    }
    if (!QFileInfo(m_filePath).isFile()) {
        m_message->setText(
            tr("\"%1\" is not a file that can be read. Drop the image on the page or use Browse…")
                .arg(m_filePath));
        return;
    }
    UploadJob job = currentJob();
    job.restart = restart;
    m_session->clearUpload();
    m_message->clear();
    m_result->clear();
    m_offer.reset();
    m_offerLabel->clear();
    m_lastProgress = UploadProgress{};
    m_lastProgress.totalBytes = QFileInfo(m_filePath).size();
    m_progress->showProgress(m_lastProgress);
    m_progress->showStatus(restart ? tr("Starting over…") : tr("Starting…"));
    m_engine = new UploadEngine(job, this);
    connect(m_engine, &UploadEngine::progressChanged, this, &UploadPage::onProgress);
    connect(m_engine, &UploadEngine::finished, this, &UploadPage::onFinished);
    setPhase(Phase::Uploading);
    m_pauseButton->setFocus(Qt::OtherFocusReason);
    m_engine->start();
}

void UploadPage::onProgress(const UploadProgress& progress)
{
    m_lastProgress = progress;
    if (m_phase != Phase::Cancelling)
        m_progress->showProgress(progress);
    emit progressShown(progress);
}

void UploadPage::pause()
{
    if (!m_engine || m_phase != Phase::Uploading)
        return;
    m_engine->pause();
    setPhase(Phase::Paused);
    m_resumeButton->setFocus(Qt::OtherFocusReason);
}

void UploadPage::resume()
{
    if (!m_engine || m_phase != Phase::Paused)
        return;
    m_engine->resume();
    setPhase(Phase::Uploading);
    m_pauseButton->setFocus(Qt::OtherFocusReason);
}

void UploadPage::cancelUpload()
{
    if (!m_engine || m_phase == Phase::Cancelling)
        return;
    const QString name = QFileInfo(m_filePath).fileName();
    const bool yes = ask(
        Question::CancelUpload, tr("Cancel the upload of %1?").arg(name),
        tr("The parts already uploaded (%1) will be deleted from %2, so that they cost nothing; "
           "the upload cannot be resumed afterwards.")
            .arg(m_lastProgress.partsDone)
            .arg(bucket()));
    // The engine may have finished while the question was open.
    if (!yes || !m_engine)
        return;
    m_engine->cancel();
    setPhase(Phase::Cancelling);
    m_progress->showStatus(tr("Cancelling: deleting the uploaded parts…"));
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
                .arg(UploadProgressPanel::permille(m_lastProgress) / 10),
            tr("The parts already uploaded stay in %1. The next time you upload this file to the "
               "same place, only the missing parts are sent.")
                .arg(bucket()));
    if (!close || !m_engine)
        return close || !isBusy();
    // Stops the transfer thread now and keeps the checkpoint (see ~UploadEngine).
    delete m_engine;
    m_engine = nullptr;
    setPhase(Phase::Ready);
    refreshOffer();
    return true;
}

void UploadPage::onFinished(const UploadResult& result)
{
    if (m_engine) {
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    // COS said the clock is off and the engine signed with the server's time: the signed link
    // for the import is made with that time too.
    if (result.clockSkewSeconds && m_session->cos())
        m_session->cos()->setClockOffset(*result.clockSkewSeconds);
    if (result.ok) {
        // COS has the whole object; before the form gets its URL, whether the import can read
        // it without our credentials decides which URL that is.
        m_resolving = true;
        updateState();
        m_progress->showStatus(tr("Verified. Checking whether the bucket is public…"));
        importrun::ImportUrlResolver::resolve(
            m_session->cos(), bucket(), m_session->region(), objectKey(), this,
            [this, result](const importrun::ImportUrlDecision& decision) {
                finishUpload(result, decision.url, decision.signedUrl, decision.expires,
                             decision.note);
            });
        return;
    }
    if (result.cancelled) {
        m_lastProgress = UploadProgress{};
        m_message->setText(tr("The upload was cancelled and the uploaded parts were deleted."));
        setPhase(Phase::Ready);
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
        if (m_lastProgress.partsDone > 0)
            text += u'\n' + tr("Retry continues from the parts already uploaded.");
        if (result.clockSkewSeconds)
            text += u'\n' + cloud::ClockSkew::describe(*result.clockSkewSeconds);
        m_message->setText(text);
        m_progress->showStatus(tr("Stopped after %1 of %2 parts.")
                                   .arg(m_lastProgress.partsDone)
                                   .arg(m_lastProgress.partsTotal));
        setPhase(Phase::Failed);
        refreshOffer();
        m_retryButton->setFocus(Qt::OtherFocusReason);
    }
    emit uploadFinished(result);
}

void UploadPage::finishUpload(const UploadResult& result, const QString& importUrl,
                              bool importUrlSigned, const QDateTime& expires, const QString& note)
{
    m_resolving = false;
    UploadedObject object;
    object.objectUrl = result.objectUrl;
    object.bucket = bucket();
    object.key = objectKey();
    object.region = m_session->region();
    object.size = result.size;
    object.crc64 = result.crc64;
    object.importUrl = importUrl;
    object.importUrlSigned = importUrlSigned;
    object.importUrlExpires = expires;
    m_session->setUpload(object);
    UploadProgress done = m_lastProgress;
    done.bytesSent = done.totalBytes = result.size;
    done.partsDone = done.partsTotal =
        qMax(done.partsTotal, result.partsUploaded + result.partsReused);
    done.state = transfer::UploadState::Finished;
    m_lastProgress = done;
    m_progress->showProgress(done);
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
    m_message->setText(message);
    // The signed URL itself is not shown here: its query may carry a session token. The form's
    // ImageUrl field holds it.
    const QString handedOn =
        importUrlSigned ? tr("a signed link to it, valid until %1")
                              .arg(QLocale().toString(expires.toLocalTime(), QLocale::ShortFormat))
                        : tr("this URL");
    m_result->setText(tr("<b>Object URL:</b> <a href=\"%1\">%2</a><br><b>CRC-64:</b> %3 &nbsp; "
                         "<b>Size:</b> %4<br><b>For the import:</b> %5. %6<br>Next: the import "
                         "form.")
                          .arg(result.objectUrl.toHtmlEscaped(), result.objectUrl.toHtmlEscaped())
                          .arg(result.crc64)
                          .arg(formatBytesExact(uint64_t(result.size)).toHtmlEscaped(),
                               handedOn.toHtmlEscaped(), note.toHtmlEscaped()));
    setPhase(Phase::Done);
    emit uploadFinished(result);
}

void UploadPage::skip()
{
    if (!m_skipButton->isEnabled())
        return;
    m_session->setUploadSkipped(
        true, cloud::CosClient::objectUrl(bucket(), m_session->region(), objectKey()));
    emit completeChanged();
    if (wizard())
        wizard()->next();
}

bool UploadPage::isComplete() const
{
    if (m_session->uploadSkipped() && (m_phase == Phase::Ready || m_phase == Phase::Failed))
        return QWizardPage::isComplete();
    return QWizardPage::isComplete() && m_phase == Phase::Done && m_session->hasUpload();
}

} // namespace cvmi::ui

#include "pages/ImagePage.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/InspectionRunner.h"
#include "pages/ConversionTexts.h"
#include "widgets/DropZone.h"
#include "widgets/InterruptedUploadNotice.h"
#include "widgets/ReportView.h"

#include "ui_ImagePage.h"

#include "policy/ReportHtml.h"
#include "policy/ReportJson.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>

namespace cvmi::ui {

ImagePage::ImagePage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::ImagePage>()), m_session(session),
      m_runner(session->inspectionRunner())
{
    m_ui->setupUi(this);
    setTitle(ImportWizard::pageTitle(tr("Check the disk image")));
    // The introduction is a label of the page (imageIntro) rather than QWizard's subtitle, which
    // the classic style indents away from both the title and the page content. That style indents
    // the title by the style's layout margin; the same margin here lines the content up with the
    // title instead of with the window edge.
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    m_ui->pageLayout->setContentsMargins(margin, 4, margin, 0);
    // For an image uploaded earlier (perhaps from another machine), skipToForm offers no local
    // file to check: the Account page, then straight to the form, where its COS URL is typed.

    registerField(QStringLiteral("image.path*"), this, "imagePath",
                  SIGNAL(imagePathChanged(QString)));

    // A file may be dropped anywhere on the page, the report's empty area included.
    m_ui->dropZone->acceptDropsOn(this);
    connect(m_ui->dropZone, &DropZone::fileChosen, this, &ImagePage::inspect);
    connect(m_ui->cancelInspection, &QPushButton::clicked, this, &ImagePage::cancelInspection);
    // The session's runner: a file chosen on the Upload page is checked, and shown, here too.
    connect(m_runner, &InspectionRunner::started, this, &ImagePage::onStarted);
    connect(m_runner, &InspectionRunner::finished, this, &ImagePage::onFinished);
    connect(m_runner, &InspectionRunner::cancelled, this, &ImagePage::onCancelled);
    connect(m_session, &WizardSession::imagePathChanged, this, &ImagePage::imagePathChanged);
    connect(m_session, &WizardSession::imagePathChanged, this, [this](const QString& path) {
        if (!path.isEmpty()) {
            m_ui->dropZone->showFile(path);
            return;
        }
        // The image was forgotten ("Import Another Image"): nothing of it stays on screen.
        m_ui->dropZone->showPrompt();
        m_ui->reportView->showNothingChosen();
        updateSaveButton();
    });
    connect(m_session, &WizardSession::uploadChanged, this, &ImagePage::completeChanged);
    connect(m_session, &WizardSession::inspectionChanged, this, &ImagePage::completeChanged);
    connect(m_session, &WizardSession::inspectionChanged, this, &ImagePage::updateSaveButton);
    connect(m_ui->saveReport, &QPushButton::clicked, this, &ImagePage::saveReport);
    connect(m_ui->saveFixScript, &QPushButton::clicked, this, &ImagePage::saveFixScript);
    connect(m_ui->skipToForm, &QPushButton::clicked, this, &ImagePage::skipUpload);
    // Offered with no image, or with one that passed (the upload of which is skipped); an image
    // that failed the check stops here either way.
    const auto updateSkip = [this] {
        m_ui->skipToForm->setEnabled(!m_runner->isRunning() && (m_session->imagePath().isEmpty() ||
                                                                m_session->imageImportable()));
    };
    connect(m_session, &WizardSession::imagePathChanged, this, updateSkip);
    connect(m_session, &WizardSession::inspectionChanged, this, updateSkip);
    connect(m_session, &WizardSession::uploadSkippedChanged, this, &ImagePage::completeChanged);
    connect(m_session, &WizardSession::sendEstimateChanged, this, &ImagePage::showSendEstimate);
    showSendEstimate();
}

void ImagePage::showSendEstimate()
{
    const SendEstimate& s = m_session->sendEstimate();
    const bool shown = s.isValid() && s.path == m_session->imagePath();
    m_ui->sendEstimate->setVisible(shown);
    m_ui->sendEstimate->setText(shown ? ConversionTexts::estimateLine(*s.estimate) : QString());
    m_ui->sendEstimate->setToolTip(shown ? ConversionTexts::estimateDetails(*s.estimate)
                                         : QString());
}

ImagePage::~ImagePage() = default;

InterruptedUploadNotice* ImagePage::interruptedUploadNotice() const
{
    return m_ui->interruptedUploadNotice;
}

void ImagePage::inspect(const QString& path)
{
    if (path.isEmpty())
        return;
    m_ui->dropZone->showFile(path);
    m_session->checkImage(path); // onStarted() follows
}

void ImagePage::onStarted(const QString& path)
{
    m_ui->inspectionLabel->setFullText(tr("Inspecting %1…").arg(QFileInfo(path).fileName()));
    setBusy(true);
}

void ImagePage::cancelInspection()
{
    m_runner->cancel();
}

void ImagePage::setPolicy(const policy::Policy& policy)
{
    m_runner->setPolicy(policy);
}

QString ImagePage::imagePath() const
{
    return m_session->imagePath();
}

bool ImagePage::isInspecting() const
{
    return m_runner->isRunning();
}

bool ImagePage::isComplete() const
{
    if (m_runner->isRunning())
        return false;
    // Skipped without a file: the image.path field may stay empty.
    if (m_session->uploadSkipped() && m_session->imagePath().isEmpty())
        return true;
    // Uploaded although the check refused it (the user's "Upload anyway"): Back and Next again
    // must not strand the upload behind this page.
    const bool uploadedAnyway =
        m_session->hasUpload() && !m_session->upload().checkOverride.isEmpty() &&
        m_session->upload().filePath == QFileInfo(m_session->imagePath()).absoluteFilePath();
    return QWizardPage::isComplete() && (m_session->imageImportable() || uploadedAnyway);
}

void ImagePage::skipUpload()
{
    if (m_runner->isRunning())
        return;
    m_session->setUploadSkipped(true);
    if (wizard() && isComplete())
        wizard()->next();
}

void ImagePage::onFinished(const InspectionResult& result)
{
    // The session took the result already (its connection comes first).
    m_ui->reportView->showInspection(result);
    setBusy(false);
    emit inspectionShown();
}

void ImagePage::onCancelled()
{
    m_ui->reportView->showMessage(
        tr("The check was cancelled. Drop an image, or use Browse…, to check one."));
    setBusy(false);
    emit completeChanged();
}

void ImagePage::setBusy(bool busy)
{
    m_ui->saveReport->setEnabled(!busy && m_session->hasInspection() &&
                                 m_ui->reportView->hasReport());
    updateFixScriptButton();
    m_ui->resultStack->setCurrentWidget(busy ? m_ui->busyPanel
                                             : static_cast<QWidget*>(m_ui->reportView));
    m_ui->cancelInspection->setEnabled(busy);
    if (busy)
        m_ui->cancelInspection->setFocus(Qt::OtherFocusReason);
    emit completeChanged();
}

void ImagePage::updateSaveButton()
{
    m_ui->saveReport->setEnabled(!m_runner->isRunning() && m_session->hasInspection() &&
                                 m_ui->reportView->hasReport());
    updateFixScriptButton();
}

void ImagePage::setSavePathChooser(SavePathChooser chooser)
{
    m_chooseSavePath = std::move(chooser);
}

bool ImagePage::saveReport()
{
    if (!m_session->hasInspection() || !m_ui->reportView->hasReport())
        return false;
    const InspectionResult& result = m_session->inspection();
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(
        tr("%1-check.json").arg(QFileInfo(result.facts.path).completeBaseName()));
    const std::optional<ReportTarget> target =
        m_chooseSavePath ? m_chooseSavePath(suggested) : askSavePath(suggested);
    if (!target || target->path.isEmpty())
        return false;
    QString error;
    if (writeReport(result, *target, &error))
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Save Report"),
                    tr("The report could not be saved to %1.").arg(target->path), QMessageBox::Ok,
                    this);
    box.setObjectName(QStringLiteral("saveReportError"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(error);
    box.exec();
    return false;
}

std::optional<ReportTarget> ImagePage::askSavePath(const QString& suggested)
{
    const QString jsonFilter = tr("JSON report (*.json)");
    const QString htmlFilter = tr("HTML report (*.html)");
    QString selected = jsonFilter;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Report"), suggested,
                                     jsonFilter + QStringLiteral(";;") + htmlFilter, &selected);
    if (path.isEmpty())
        return std::nullopt;
    // The name decides when it has a known suffix; otherwise the chosen filter does, and its
    // suffix is added so that the file opens in the right program.
    const QString suffix = QFileInfo(path).suffix().toLower();
    ReportTarget target{path, ReportTarget::Format::Json};
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        target.format = ReportTarget::Format::Html;
    } else if (suffix != QLatin1String("json")) {
        const bool html = selected == htmlFilter;
        target.format = html ? ReportTarget::Format::Html : ReportTarget::Format::Json;
        target.path += html ? QStringLiteral(".html") : QStringLiteral(".json");
    }
    return target;
}

bool ImagePage::writeReport(const InspectionResult& result, const ReportTarget& target,
                            QString* errorMessage)
{
    const QByteArray bytes =
        target.format == ReportTarget::Format::Html
            ? policy::reportToHtml(result.facts, result.report).toUtf8()
            : QJsonDocument(policy::checkResultToJson(result.facts, result.report))
                  .toJson(QJsonDocument::Indented);
    // QSaveFile writes beside the target and renames at the end: a failed or interrupted save
    // never leaves a half-written report in place of an older one.
    QSaveFile file(target.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

} // namespace cvmi::ui

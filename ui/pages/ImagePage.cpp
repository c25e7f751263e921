#include "pages/ImagePage.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/InspectionRunner.h"
#include "widgets/DropZone.h"
#include "widgets/InterruptedUploadNotice.h"
#include "widgets/ReportView.h"

#include "policy/ReportHtml.h"
#include "policy/ReportJson.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

namespace cvmi::ui {

ImagePage::ImagePage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_runner(new InspectionRunner(this)),
      m_notice(new InterruptedUploadNotice(this)), m_dropZone(new DropZone(this)),
      m_stack(new QStackedWidget(this)), m_busyPanel(new QWidget(this)),
      m_progress(new QProgressBar(this)), m_busyLabel(new QLabel(this)),
      m_cancelButton(new QPushButton(tr("Cancel Check"), this)), m_reportView(new ReportView(this)),
      m_saveButton(new QPushButton(tr("Save Report…"), this)),
      m_skipButton(new QPushButton(tr("Already in COS? S&kip to the Form"), this))
{
    setObjectName(QStringLiteral("imagePage"));
    setTitle(ImportWizard::pageTitle(tr("Check the disk image")));
    // The introduction is a label of the page rather than QWizard's subtitle, which the classic
    // style indents away from both the title and the page content.
    auto* intro = new QLabel(tr("Choose the system disk image to import. It is checked against "
                                "Tencent Cloud's import rules before anything is uploaded."),
                             this);
    intro->setObjectName(QStringLiteral("imageIntro"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_progress->setObjectName(QStringLiteral("inspectionProgress"));
    m_progress->setRange(0, 0); // indeterminate: the inspection reports no fraction done
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(320);
    m_busyLabel->setObjectName(QStringLiteral("inspectionLabel"));
    m_busyLabel->setTextFormat(Qt::PlainText);
    m_cancelButton->setObjectName(QStringLiteral("cancelInspection"));

    auto* busyRow = new QHBoxLayout;
    busyRow->setSpacing(12);
    busyRow->addStretch();
    busyRow->addWidget(m_busyLabel);
    busyRow->addWidget(m_progress, 1);
    busyRow->addWidget(m_cancelButton);
    busyRow->addStretch();
    auto* busyLayout = new QVBoxLayout(m_busyPanel);
    busyLayout->addStretch(1);
    busyLayout->addLayout(busyRow);
    busyLayout->addStretch(2);

    m_saveButton->setObjectName(QStringLiteral("saveReport"));
    m_saveButton->setToolTip(tr("Save this report as JSON or as an HTML page"));
    m_saveButton->setEnabled(false);
    // For an image uploaded earlier (perhaps from another machine): no local file to check, the
    // Account page, then straight to the form, where its COS URL is typed and checked.
    m_skipButton->setObjectName(QStringLiteral("skipToForm"));
    m_skipButton->setToolTip(tr("The image is in a COS bucket already: check the account, then "
                                "fill the import form with its URL"));
    auto* saveRow = new QHBoxLayout;
    saveRow->setContentsMargins(0, 0, 0, 0);
    saveRow->addWidget(m_skipButton);
    saveRow->addStretch();
    saveRow->addWidget(m_saveButton);

    m_stack->addWidget(m_reportView);
    m_stack->addWidget(m_busyPanel);

    auto* layout = new QVBoxLayout(this);
    // QWizard's classic style indents the page title by the style's layout margin; the same
    // margin here lines the content up with the title instead of with the window edge.
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout->setContentsMargins(margin, 4, margin, 0);
    layout->setSpacing(14);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addWidget(m_dropZone);
    layout->addWidget(m_stack, 1);
    layout->addLayout(saveRow);

    registerField(QStringLiteral("image.path*"), this, "imagePath",
                  SIGNAL(imagePathChanged(QString)));

    connect(m_dropZone, &DropZone::fileChosen, this, &ImagePage::inspect);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImagePage::cancelInspection);
    connect(m_runner, &InspectionRunner::finished, this, &ImagePage::onFinished);
    connect(m_runner, &InspectionRunner::cancelled, this, &ImagePage::onCancelled);
    connect(m_session, &WizardSession::imagePathChanged, this, &ImagePage::imagePathChanged);
    connect(m_session, &WizardSession::inspectionChanged, this, &ImagePage::completeChanged);
    connect(m_session, &WizardSession::inspectionChanged, this, &ImagePage::updateSaveButton);
    connect(m_saveButton, &QPushButton::clicked, this, &ImagePage::saveReport);
    connect(m_skipButton, &QPushButton::clicked, this, &ImagePage::skipUpload);
    // Offered with no image, or with one that passed (the upload of which is skipped); an image
    // that failed the check stops here either way.
    const auto updateSkip = [this] {
        m_skipButton->setEnabled(!m_runner->isRunning() && (m_session->imagePath().isEmpty() ||
                                                            m_session->imageImportable()));
    };
    connect(m_session, &WizardSession::imagePathChanged, this, updateSkip);
    connect(m_session, &WizardSession::inspectionChanged, this, updateSkip);
    connect(m_session, &WizardSession::uploadSkippedChanged, this, &ImagePage::completeChanged);
}

void ImagePage::inspect(const QString& path)
{
    if (path.isEmpty())
        return;
    m_dropZone->showFile(path);
    m_session->setImagePath(path);
    m_busyLabel->setText(tr("Inspecting %1…").arg(QFileInfo(path).fileName()));
    setBusy(true);
    inspect::InspectOptions options;
    options.timeLimit = std::chrono::seconds(settings::AppSettings().inspectTimeout());
    m_runner->setOptions(options);
    m_runner->start(path);
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
    return QWizardPage::isComplete() && m_session->imageImportable();
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
    m_session->setInspection(result);
    m_reportView->showInspection(result);
    setBusy(false);
    emit inspectionShown();
}

void ImagePage::onCancelled()
{
    m_reportView->showMessage(
        tr("The check was cancelled. Drop an image, or use Browse…, to check one."));
    setBusy(false);
    emit completeChanged();
}

void ImagePage::setBusy(bool busy)
{
    m_saveButton->setEnabled(!busy && m_session->hasInspection() && m_reportView->hasReport());
    m_stack->setCurrentWidget(busy ? m_busyPanel : static_cast<QWidget*>(m_reportView));
    m_cancelButton->setEnabled(busy);
    if (busy)
        m_cancelButton->setFocus(Qt::OtherFocusReason);
    emit completeChanged();
}

void ImagePage::updateSaveButton()
{
    m_saveButton->setEnabled(!m_runner->isRunning() && m_session->hasInspection() &&
                             m_reportView->hasReport());
}

void ImagePage::setSavePathChooser(SavePathChooser chooser)
{
    m_chooseSavePath = std::move(chooser);
}

bool ImagePage::saveReport()
{
    if (!m_session->hasInspection() || !m_reportView->hasReport())
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

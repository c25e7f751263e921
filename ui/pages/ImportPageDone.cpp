// The Import page's done view: what an import that reached NORMAL made, and what to do next —
// copy the summary, open the console's image list, or import another image from the start.
#include "pages/ImportPage.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ImportController.h"
#include "widgets/SummaryTable.h"

#include "ui_ImportPage.h"

#include "cloud/ConsoleLinks.h"
#include "cloud/Regions.h"
#include "importform/CosObjectUrl.h"
#include "util/Units.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>

namespace cvmi::ui {

namespace {

// How long the page's layout takes to settle after the done view appears (see showDone).
constexpr int kSettleMs = 100;

// "ap-guangzhou — South China (Guangzhou)": the id the CLI takes and the name the console shows,
// as the Account page shows the region (core/cloud/Regions, the one home of region names).
QString regionText(const QString& region)
{
    return cloud::Regions::label(region);
}

// The upload of this session when it is the object the import read (not one typed on the form).
const UploadedObject* uploadOf(const WizardSession& session, const importrun::ImportRecord& record)
{
    if (!session.hasUpload() ||
        importform::stripSignature(session.upload().objectUrl) != record.imageUrl)
        return nullptr;
    return &session.upload();
}

} // namespace

void ImportPage::showDone()
{
    const importrun::ImportRunner* runner = m_controller->runner();
    if (!runner)
        return;
    // Kept apart from the runner, which goes when the account changes.
    m_doneRecord = runner->record();
    const importrun::ImportRecord& record = *m_doneRecord;
    const UploadedObject* upload = uploadOf(*m_session, record);
    const QString path =
        record.sourceImagePath.isEmpty() ? m_session->imagePath() : record.sourceImagePath;
    Error error;
    const auto object = importform::parseCosObjectUrl(record.imageUrl, &error);
    const QString where =
        object ? QStringLiteral("%1/%2").arg(object->bucket, object->key) : record.imageUrl;
    m_ui->doneSummary->setRows({
        {tr("File"),
         path.isEmpty() ? tr("(none: the object was in COS already)") : QFileInfo(path).fileName(),
         true},
        {tr("CRC-64"),
         upload ? QString::number(upload->crc64) : tr("(not uploaded in this session)")},
        {tr("Bucket/key"), where, true},
        {tr("Image ID"), record.imageId},
        {tr("Region"), regionText(record.region)},
        {tr("Time taken"), formatDuration(runner->elapsedMs() / 1000)},
    });
    m_ui->doneBox->show();
    // The page scrolls on a small screen: what was made and what comes next (its last row, the
    // buttons) are brought into view. The scroll area sizes the page in more than one pass after
    // the view appears (wrapped labels take their height at the final width), so once at once and
    // once when those passes are done.
    // (The page's layout lives in a scroll area inside the page: putPageInScrollArea.)
    for (QWidget* w = m_ui->doneBox->parentWidget(); w && w != this; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            const auto bringIntoView = [area, last = QPointer<QWidget>(m_ui->importAnotherButton)] {
                QWidget* button = last.data(); // one read (-Wnull-dereference at -O3)
                if (button != nullptr && button->isVisible())
                    area->ensureWidgetVisible(button);
            };
            QTimer::singleShot(0, area, bringIntoView);
            QTimer::singleShot(kSettleMs, area, bringIntoView);
            break;
        }
    }
}

void ImportPage::copySummary()
{
    if (!m_doneRecord)
        return;
    // Whole values and what support asks for, which the screen leaves out.
    QString text = m_ui->doneSummary->plainText();
    text += u'\n' + tr("Image name: %1").arg(m_doneRecord->imageName);
    if (!m_doneRecord->requestId.isEmpty())
        text += u'\n' + tr("RequestId: %1").arg(m_doneRecord->requestId);
    QApplication::clipboard()->setText(text);
}

void ImportPage::openConsole()
{
    if (m_doneRecord)
        QDesktopServices::openUrl(cloud::ConsoleLinks::imageList(m_doneRecord->region));
}

// The wizard from its first page for the next image: what this one was (file, check, upload,
// form) is forgotten, the account and bucket stay.
void ImportPage::importAnother()
{
    if (isRunning())
        return;
    m_doneForm.reset();
    m_startedForm.reset();
    m_doneRecord.reset();
    m_controller->drop();
    clearOutcome();
    m_session->clearImportForm();
    m_session->clearUpload();
    m_session->setResumeTarget({});
    m_session->setUploadSkipped(false);
    m_session->setImagePath({});
    if (QWizard* wizard = this->wizard()) {
        wizard->setStartId(ImportWizard::PageImage);
        wizard->restart();
    }
}

} // namespace cvmi::ui

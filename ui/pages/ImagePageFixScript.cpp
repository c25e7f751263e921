// The Image page's "Save Fix Script…": the repair script of the report on screen.
#include "WizardSession.h"
#include "controllers/InspectionRunner.h"
#include "pages/ImagePage.h"
#include "widgets/ReportView.h"

#include "ui_ImagePage.h"

#include "repair/FixScript.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace cvmi::ui {

namespace {

repair::FixScript scriptOf(const InspectionResult& result)
{
    return repair::buildFixScript(result.facts, result.report,
                                  QCoreApplication::applicationVersion());
}

} // namespace

void ImagePage::setFixScriptPathChooser(FixScriptPathChooser chooser)
{
    m_chooseFixScriptPath = std::move(chooser);
}

void ImagePage::updateFixScriptButton()
{
    const bool shown = !m_runner->isRunning() && m_session->hasInspection() &&
                       m_ui->reportView->hasReport() &&
                       !m_session->inspection().facts.error.isSet();
    const repair::FixScript script =
        shown ? scriptOf(m_session->inspection()) : repair::FixScript{};
    m_ui->saveFixScript->setEnabled(!script.isEmpty());
    if (!script.isEmpty()) {
        m_ui->saveFixScript->setToolTip(
            tr("Save a script to run inside the source VM before exporting it again: %n step(s) "
               "for %1.",
               nullptr, script.steps)
                .arg(script.fixedRules.join(QStringLiteral(", "))));
    } else if (shown && !script.manualRules.isEmpty()) {
        m_ui->saveFixScript->setToolTip(
            tr("What the check found cannot be fixed by a script inside the VM: see each rule's "
               "fix in the report."));
    } else {
        m_ui->saveFixScript->setToolTip(
            tr("Save a script that fixes, inside the source VM, what the check found"));
    }
}

bool ImagePage::saveFixScript()
{
    if (!m_session->hasInspection())
        return false;
    const InspectionResult& result = m_session->inspection();
    const repair::FixScript script = scriptOf(result);
    if (script.isEmpty())
        return false;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const bool windows = script.language == repair::FixScript::Language::PowerShell;
    const QString suggested =
        QDir(folder).filePath((windows ? tr("%1-fix.ps1") : tr("%1-fix.sh"))
                                  .arg(QFileInfo(result.facts.path).completeBaseName()));
    const QString path =
        m_chooseFixScriptPath
            ? m_chooseFixScriptPath(suggested)
            : QFileDialog::getSaveFileName(this, tr("Save Fix Script"), suggested,
                                           windows ? tr("PowerShell script (*.ps1)")
                                                   : tr("Shell script (*.sh)"));
    if (path.isEmpty())
        return false;
    Error error;
    if (repair::saveFixScript(script, path, &error))
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Save Fix Script"), error.message, QMessageBox::Ok,
                    this);
    box.setObjectName(QStringLiteral("saveFixScriptError"));
    box.setTextFormat(Qt::PlainText);
    box.exec();
    return false;
}

} // namespace cvmi::ui

#include "controllers/DesktopProgress.h"

#include "controllers/ImportController.h"
#include "controllers/ImportNotifier.h"
#include "controllers/LauncherProgress.h"
#include "controllers/WindowProgress.h"
#include "widgets/UploadProgressPanel.h"

#include <QLocale>
#include <QWidget>

namespace cvmi::ui {

using Phase = UploadController::Phase;
using Stage = importrun::ImportRunner::Stage;

DesktopProgress::DesktopProgress(QWidget* window, UploadController* upload,
                                 ImportController* import)
    : QObject(window), m_window(window), m_upload(upload), m_import(import),
      m_title(new WindowProgress(window)), m_launcher(new LauncherProgress(this)),
      m_notifier(new ImportNotifier(window, this))
{
    setObjectName(QStringLiteral("desktopProgress"));
    m_notifier->setObjectName(QStringLiteral("uploadNotifier"));
    if (upload) {
        connect(upload, &UploadController::phaseChanged, this, &DesktopProgress::update);
        connect(upload, &UploadController::progressChanged, this, &DesktopProgress::update);
        connect(upload, &UploadController::succeeded, this, &DesktopProgress::onUploadSucceeded);
        connect(upload, &UploadController::stopped, this, &DesktopProgress::onUploadStopped);
    }
    if (import)
        connect(import, &ImportController::stateChanged, this, &DesktopProgress::update);
}

QString DesktopProgress::uploadStatus(const QString& fileName, Phase phase,
                                      const transfer::UploadProgress& progress, bool resolving)
{
    // Whole percents: a title that changes ten times a second by a tenth is noise in a task bar.
    const QString percent = QLocale().toString(UploadProgressPanel::permille(progress) / 10);
    switch (phase) {
    case Phase::Uploading:
        if (resolving || progress.state == transfer::UploadState::Completing)
            return tr("Finishing the upload of %1").arg(fileName);
        if (progress.state == transfer::UploadState::Verifying)
            return tr("%1% · Checking the uploaded parts of %2").arg(percent, fileName);
        return tr("%1% · Uploading %2").arg(percent, fileName);
    case Phase::Paused:
        return tr("%1% · Paused: %2").arg(percent, fileName);
    case Phase::Cancelling:
        return tr("Cancelling the upload of %1").arg(fileName);
    case Phase::Ready:
    case Phase::Failed:
    case Phase::Done:
        break;
    }
    return {};
}

QString DesktopProgress::importStatus(Stage stage)
{
    switch (stage) {
    case Stage::Validating:
        return tr("Checking the import form…");
    case Stage::DryRun:
        return tr("Checking the permission to import…");
    case Stage::Importing:
    case Stage::Following:
        return tr("Importing…");
    case Stage::Idle:
    case Stage::Finished:
        break;
    }
    return {};
}

QString DesktopProgress::uploadFileName() const
{
    // QPointer reads anew on each use: one plain pointer, checked once (also for GCC's
    // -Wnull-dereference at -O3, which cannot tell that two reads agree).
    const UploadController* upload = m_upload.data();
    return upload ? upload->job().filePath.fileNameDisplay() : QString();
}

void DesktopProgress::update()
{
    // An import runs only after the upload ended, or without one: it comes first.
    const ImportController* import = m_import.data();
    const importrun::ImportRunner* runner = import ? import->runner() : nullptr;
    const QString importText =
        runner && runner->isRunning() ? importStatus(runner->stage()) : QString();
    const UploadController* upload = m_upload.data();
    if (!importText.isEmpty() || upload == nullptr) {
        m_title->setStatus(importText);
        m_launcher->clear(); // how long an import takes is not known: no bar
        return;
    }
    const Phase phase = upload->phase();
    const transfer::UploadProgress& progress = upload->lastProgress();
    m_title->setStatus(uploadStatus(uploadFileName(), phase, progress, upload->isResolving()));
    if (phase == Phase::Uploading || phase == Phase::Paused)
        m_launcher->setProgress(UploadProgressPanel::permille(progress) / 1000.0);
    else
        m_launcher->clear();
}

void DesktopProgress::onUploadSucceeded(const transfer::UploadResult& result)
{
    update();
    // A user watching the page sees the end there.
    const QWidget* window = m_window.data();
    const UploadController* upload = m_upload.data();
    if (window == nullptr || window->isActiveWindow() || upload == nullptr)
        return;
    m_notifier->notify(tr("Upload finished"),
                       tr("%1 is in the bucket %2 (%3). Fill in the import form next.")
                           .arg(uploadFileName(), upload->job().destination.bucket,
                                QLocale().formattedDataSize(result.size)),
                       true);
}

void DesktopProgress::onUploadStopped(const transfer::UploadResult& result)
{
    update();
    const QWidget* window = m_window.data();
    if (result.cancelled || window == nullptr || window->isActiveWindow())
        return;
    m_notifier->notify(tr("The upload of %1 stopped").arg(uploadFileName()), result.error.message,
                       false);
}

} // namespace cvmi::ui

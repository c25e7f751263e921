#pragma once

#include "controllers/UploadController.h"

#include "importrun/ImportRunner.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace cvmi::ui {

class ImportController;
class ImportNotifier;
class LauncherProgress;
class WindowProgress;

// How the upload and the import go, shown outside the pages for a user who switched to something
// else during a long task: in the window title (WindowProgress), on the task bar or dock entry
// (LauncherProgress), and at the end of an upload a notification when the window is not the
// active one (the import's own end is announced by the Import page). Follows the two
// controllers; owns nothing of theirs.
class DesktopProgress : public QObject {
    Q_OBJECT
public:
    // A child of `window`, whose title it uses.
    DesktopProgress(QWidget* window, UploadController* upload, ImportController* import);

    // "42% · Uploading centos7.qcow2", "42% · Paused: centos7.qcow2", ... ("" when no upload
    // runs). `resolving`: COS confirmed the object, the import's URL is being decided.
    static QString uploadStatus(const QString& fileName, UploadController::Phase phase,
                                const transfer::UploadProgress& progress, bool resolving);
    // "Importing…", "Checking the import form…", ... ("" when no import runs).
    static QString importStatus(importrun::ImportRunner::Stage stage);

private:
    void update();
    void onUploadSucceeded(const transfer::UploadResult& result);
    void onUploadStopped(const transfer::UploadResult& result);
    QString uploadFileName() const;

    QPointer<QWidget> m_window;
    QPointer<UploadController> m_upload;
    QPointer<ImportController> m_import;
    WindowProgress* m_title;
    LauncherProgress* m_launcher;
    ImportNotifier* m_notifier;
};

} // namespace cvmi::ui

#pragma once

#include <QWizardPage>

#include <functional>
#include <optional>

namespace cvmi::policy {
class Policy;
}

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace cvmi::ui {

class DropZone;
class InterruptedUploadNotice;
class InspectionRunner;
class ReportView;
class WizardSession;
struct InspectionResult;

// Where "Save report…" writes, and in which form.
struct ReportTarget {
    enum class Format { Json, Html };
    QString path;
    Format format = Format::Json;
};

// Step 1: choose the image and see at once whether it can be imported. The inspection runs on a
// worker (InspectionRunner); this page only shows its progress and result. Next is enabled when
// the image is readable and no rule failed.
class ImagePage : public QWizardPage {
    Q_OBJECT
    // Registered as the wizard field "image.path" so later pages can read it with field().
    Q_PROPERTY(QString imagePath READ imagePath NOTIFY imagePathChanged)
public:
    explicit ImagePage(WizardSession* session, QWidget* parent = nullptr);

    // Starts checking `path`, replacing any check still running.
    void inspect(const QString& path);
    void cancelInspection();
    // The rules images are judged by from the next check on (default: the built-in rules).
    void setPolicy(const policy::Policy& policy);

    QString imagePath() const;
    bool isInspecting() const;
    bool isComplete() const override;

    // Asks where to save the report of the image on screen (a file dialog by default; tests
    // replace it so that no dialog opens) and writes it there. False when there is no report, the
    // user cancelled, or writing failed (then a message box says why).
    bool saveReport();
    using SavePathChooser = std::function<std::optional<ReportTarget>(const QString& suggested)>;
    void setSavePathChooser(SavePathChooser chooser);
    // Writes `result` as `format` to `path` atomically (QSaveFile); on failure `errorMessage`
    // says why and the file is left as it was.
    static bool writeReport(const InspectionResult& result, const ReportTarget& target,
                            QString* errorMessage);

    DropZone* dropZone() const { return m_dropZone; }
    ReportView* reportView() const { return m_reportView; }
    QPushButton* skipButton() const { return m_skipButton; }
    // Hidden unless the wizard found an interrupted upload when it started.
    InterruptedUploadNotice* interruptedUploadNotice() const { return m_notice; }

signals:
    void imagePathChanged(const QString& path);
    // Emitted once the result of the newest request is on screen.
    void inspectionShown();

private:
    // "Already in COS? Skip to the Form": the upload is skipped (WizardSession::uploadSkipped).
    void skipUpload();
    void onFinished(const InspectionResult& result);
    void onCancelled();
    void setBusy(bool busy);
    std::optional<ReportTarget> askSavePath(const QString& suggested);
    void updateSaveButton();

    WizardSession* m_session;
    InspectionRunner* m_runner;
    InterruptedUploadNotice* m_notice;
    DropZone* m_dropZone;
    QStackedWidget* m_stack;
    QWidget* m_busyPanel;
    QProgressBar* m_progress;
    QLabel* m_busyLabel;
    QPushButton* m_cancelButton;
    ReportView* m_reportView;
    QPushButton* m_saveButton;
    QPushButton* m_skipButton;
    SavePathChooser m_chooseSavePath;
};

} // namespace cvmi::ui

#pragma once

#include <QWizardPage>

#include <functional>
#include <memory>
#include <optional>

namespace cvmi::policy {
class Policy;
}

namespace cvmi::ui {

namespace Ui {
class ImagePage;
}

class InterruptedUploadNotice;
class InspectionRunner;
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
    ~ImagePage() override;

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

    // "Save Fix Script…": asks where (a file dialog by default; tests replace it) and writes the
    // repair script of the image on screen (repair::buildFixScript). False when there is none,
    // the user cancelled, or writing failed (then a message box says why).
    bool saveFixScript();
    using FixScriptPathChooser = std::function<QString(const QString& suggested)>;
    void setFixScriptPathChooser(FixScriptPathChooser chooser);

    // Hidden unless the wizard found an interrupted upload when it started; the wizard fills it.
    InterruptedUploadNotice* interruptedUploadNotice() const;

signals:
    void imagePathChanged(const QString& path);
    // Emitted once the result of the newest request is on screen.
    void inspectionShown();

private:
    // "Already in COS? Skip to the Form": the upload is skipped (WizardSession::uploadSkipped).
    void skipUpload();
    void onStarted(const QString& path);
    void onFinished(const InspectionResult& result);
    void onCancelled();
    void setBusy(bool busy);
    std::optional<ReportTarget> askSavePath(const QString& suggested);
    void updateSaveButton();
    // Enabled, with a tooltip naming the rules it fixes, when the report has fixable rules.
    void updateFixScriptButton();
    // The line under the report: what a converted upload would send (hidden without an
    // estimate; the reason of a failed one is logged by SendEstimator).
    void showSendEstimate();

    std::unique_ptr<Ui::ImagePage> m_ui;
    WizardSession* m_session;
    InspectionRunner* m_runner;
    SavePathChooser m_chooseSavePath;
    FixScriptPathChooser m_chooseFixScriptPath;
};

} // namespace cvmi::ui

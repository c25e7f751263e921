#pragma once

#include "controllers/UploadController.h"
#include "controllers/UploadedObject.h"
#include "dialogs/UploadQuestionBox.h"
#include "pages/UploadPageTexts.h"

#include "transfer/Checkpoint.h"
#include "transfer/UploadJob.h"

#include <QWizardPage>

#include <functional>
#include <memory>
#include <optional>

namespace cvmi::settings {
class AppSettings;
}
namespace cvmi::ui {
namespace Ui {
class UploadPage;
}

class UploadPageCheck;
class WizardSession;

// Step 3: the image into a COS bucket. The file is the session's image: the one checked on the
// Image page, or another dropped here (anywhere on the page), which then becomes the image and is
// checked before Start is offered (UploadPageCheck); a file the check refused goes up only after
// the user's "Upload anyway"; the bucket comes from the Account page (any other bucket of the
// region may be chosen) and the object key defaults to the file name. The UploadEngine does the
// work on its own thread; this page shows its progress and offers Pause, Resume and Cancel. An
// earlier unfinished upload of the same file to the same place is offered for resumption (its
// bucket and key preselected when the user chose to continue it on the Image page). The page is
// complete when COS confirmed the whole object; its URL and CRC-64 go to the session, with the
// URL the import gets (ImportUrlResolver: plain for a public bucket, else pre-signed).
class UploadPage : public QWizardPage {
    Q_OBJECT
public:
    using Phase = UploadController::Phase;
    using Question = UploadQuestion;
    // Asks the user `question` (`text`, with `detail` under it); true for the action the question
    // is about (cancel, close, upload anyway). askUploadQuestion() by default; tests replace it.
    using Asker =
        std::function<bool(Question question, const QString& text, const QString& detail)>;

    explicit UploadPage(WizardSession* session, QWidget* parent = nullptr);
    ~UploadPage() override;

    // Part size, concurrency and rate limit come from here (default: none, the engine's
    // defaults). The page does not take ownership.
    void setSettings(settings::AppSettings* settings);
    // Where resume records are kept (default: the engine's, <shared data dir>/uploads).
    void setCheckpointDir(const QString& dir);
    QString checkpointDir() const;
    void setAsker(Asker asker);

    // Uploads `path` instead of the checked image (as a drop on the page does).
    void setFile(const QString& path);
    QString filePath() const { return m_filePath; }
    // The job Start would run now (restart unset).
    transfer::UploadJob currentJob() const;

    Phase phase() const { return m_upload->phase(); }
    // An engine is running (uploading, paused or cancelling): closing the window must ask.
    bool isBusy() const { return m_upload->isBusy(); }
    // Whether an earlier unfinished upload of this file to this destination is offered.
    bool hasResumeOffer() const { return m_upload->offer().has_value(); }
    // "Send as compressed qcow2" is checked: the job converts (UploadJob::conversion).
    bool converting() const;

    // The buttons' actions. start() resumes an offered earlier upload; startOver() discards it.
    void start();
    void startOver();
    void pause();
    void resume();
    void cancelUpload(); // asks first
    void retry();
    // The window is about to close: when an upload runs, asks whether to continue it later.
    // True when the window may close; the engine is then stopped and its checkpoint kept.
    bool confirmClose();

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

signals:
    void progressShown(const cvmi::transfer::UploadProgress& progress);
    // After the result (done, cancelled or failed) is on screen.
    void uploadFinished(const cvmi::transfer::UploadResult& result);

private:
    void setUpForm();
    void showFile();
    void fillBuckets();
    void refreshOffer();
    // "Already Uploaded: Skip": the object at the chosen bucket and key goes to the form.
    void skip();
    void applyResumeTarget();
    void showSuccess(const transfer::UploadResult& result, const QString& note);
    void showStopped(const transfer::UploadResult& result);
    void updateWarning();
    void updateState();
    // Makes Start Upload (or Retry) the button Enter presses while the page waits for it.
    void updateDefaultButton();
    bool confirmNotImportable();
    void launch(bool restart);
    void onProgress(const transfer::UploadProgress& progress);
    bool ask(Question question, const UploadPageTexts::Words& words);
    // Another file: the previous upload's result, message and progress go.
    void forgetLastUpload();

    // "Send as compressed qcow2" (UploadPageConversion.cpp): on by default when the estimate
    // says it saves more than 10 %, until the user chooses; the key's extension follows it.
    void setUpConversion();
    void updateConversionDefault();
    void setConverting(bool convert);
    void showConversionNote();
    // "VHDX", "VDI", "OVA" when the checked file is one the import does not take as it is: it
    // is then always converted and the checkbox stays on (transfer/ConvertedUpload.h).
    QString requiredConversionFormat() const;
    // An earlier upload offered for resumption is resumed as it was made: with or without
    // conversion, whatever the default says.
    void matchOfferConversion();

    WizardSession* m_session;
    // The engine, the phase, the progress and the resume offer.
    UploadController* m_upload;
    Asker m_ask;
    // The file's check (the verdict line, See the Check, Upload anyway).
    UploadPageCheck* m_check = nullptr;
    QString m_filePath;
    // What the check said when the user chose "Upload anyway" (empty: the file passed).
    QString m_checkOverride;
    // The user chose "Send as compressed qcow2" on or off for this file (or an earlier upload
    // to resume decided it): the estimate no longer changes it.
    bool m_convertChosen = false;
    // Just reached through Next: the focus goes to the button Enter presses.
    bool m_focusDefaultOnEntry = false;
    // The session's resume target already applied (its bucket and key preselected once, so
    // that the user's own choice afterwards stands).
    QString m_appliedResumeTarget;

    std::unique_ptr<Ui::UploadPage> m_ui;
};

} // namespace cvmi::ui

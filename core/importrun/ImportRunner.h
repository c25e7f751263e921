#pragma once

// The import itself, for the wizard's Import page and `cvm-import import`: the form is
// validated (no call is made while it has an error), ImportImage is tried as a DryRun (the
// account's permission and the request's values, with nothing created), then sent for real, and
// the new image is followed with DescribeImages, at growing intervals, until it is NORMAL or has
// failed. An ImportImage answer without an ImageId (older API descriptions list only RequestId)
// is followed by a search for the image by its name (ImportedImageSearch), a few times. Each step
// is a signal; the end is one finished() with an Outcome, a message and what to try. Errors of the
// network or of a busy service while following are retried without losing the ImageId; an import
// started earlier (the history) can be followed again with follow(). Every change is written to the
// ImportHistory, when one is set.
#include "cloud/CvmClient.h"
#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"
#include "importrun/ImportHistory.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <optional>

namespace cvmi::cloud {
class CosClient;
}

namespace cvmi::importrun {

class ImportRunner : public QObject {
    Q_OBJECT
public:
    enum class Stage { Idle, Validating, DryRun, Importing, Following, Finished };
    Q_ENUM(Stage)

    enum class Outcome {
        None,          // still running, or never started
        Normal,        // the image is ready
        ImportFailed,  // IMPORTFAILED
        CreateFailed,  // CREATEFAILED
        DryRunAllowed, // dry run only, and the service would import
        Started,       // no waiting asked for: ImportImage answered with the ImageId
        Invalid,       // the form has errors, nothing was sent
        Refused,       // the DryRun or ImportImage was refused (permission, a value, quota, ...)
        Error,         // following could not go on (retries exhausted, image not found)
        Stopped,       // stop() while following; the import goes on in the cloud
    };
    Q_ENUM(Outcome)

    // Following polls at initialMs, then each interval `factor` times the last, up to maxMs.
    // A transient error (network, RequestLimitExceeded, InternalError, 5xx) waits the same way;
    // more than maxTransientRetries of them in a row end following with Outcome::Error.
    struct Backoff {
        int initialMs = 5000;
        int maxMs = 60000;
        double factor = 1.5;
        int maxTransientRetries = 30;
    };

    explicit ImportRunner(cloud::CvmClient* cvm, QObject* parent = nullptr);
    ~ImportRunner() override;

    // The OS list that validates the form when the live one cannot be had (the cache or the
    // built-in list: OsCatalogueStore::load()); a value missing from it is only a warning.
    void setCatalogue(const importform::OsCatalogue& catalogue) { m_catalogue = catalogue; }
    // With a store, start() first asks DescribeImportImageOs in the import's region: the live
    // list validates OsType, OsVersion and Architecture (a value it lacks is an error; nothing
    // is sent) and is saved in the store for offline use. When the call fails, the list of
    // setCatalogue() is used and catalogueUsed() carries the error.
    void setCatalogueStore(const importform::OsCatalogueStore& store) { m_store = store; }
    void setHistory(const ImportHistory* history) { m_history = history; } // null: none kept
    void setBackoff(const Backoff& backoff) { m_backoff = backoff; }
    void setDryRunOnly(bool dryRunOnly) { m_dryRunOnly = dryRunOnly; }
    void setWait(bool wait) { m_wait = wait; } // false: finish once the ImageId is known
    void setSourceImagePath(const QString& path) { m_sourcePath = path; }
    // With a COS client, a plain (unsigned) COS ImageUrl is checked before the DryRun: when the
    // object is not public, the import is sent a pre-signed URL made with that client's account
    // (ImportUrlResolver), since a draft never keeps a signature. Null: the URL is sent as is.
    void setCos(cloud::CosClient* cos) { m_cos = cos; }

    // Validate, DryRun, ImportImage, follow, in `region` (the form's DryRun flag also makes it a
    // dry run only).
    void start(const importform::ImportForm& form, const QString& region);
    // Follows an import started earlier; elapsed time counts from record.started when set.
    void follow(const ImportRecord& record);
    // Stops following (the import goes on in the cloud and can be followed again).
    void stop();

    bool isRunning() const { return m_stage != Stage::Idle && m_stage != Stage::Finished; }
    Stage stage() const { return m_stage; }
    Outcome outcome() const { return m_outcome; }
    QString imageId() const { return m_record.imageId; }
    QString region() const { return m_record.region; }
    QString state() const { return m_record.state; } // the last ImageState seen
    qint64 elapsedMs() const;
    // While following: the milliseconds until the next DescribeImages (or the next try after an
    // error), 0 while a check is under way; -1 when not following. For a countdown on screen.
    int msToNextCheck() const;
    const ImportRecord& record() const { return m_record; }
    QList<importform::FieldProblem> problems() const { return m_problems; }
    cloud::CloudError error() const { return m_error; } // the service's error, when there was one
    QString message() const { return m_message; }       // what happened, in plain words
    QString remedy() const { return m_remedy; }         // what to try, empty on success

    // "idle", "validating", "dry_run", "importing", "following", "finished"
    static QString stageName(Stage stage);
    // "normal", "import_failed", "create_failed", "dry_run_allowed", "started", "invalid",
    // "refused", "error", "stopped"
    static QString outcomeName(Outcome outcome);
    // Network failures, 5xx answers, RequestLimitExceeded and InternalError: worth another try.
    static bool isTransient(const cloud::CloudError& error);

signals:
    void stageChanged(cvmi::importrun::ImportRunner::Stage stage);
    // Before validated(), with a store: the list the form is checked against, and the reason
    // the live one could not be had (error.code empty when `catalogue` is live).
    void catalogueUsed(const cvmi::importform::OsCatalogue& catalogue,
                       const cvmi::cloud::CloudError& error);
    void validated(const QList<cvmi::importform::FieldProblem>& problems); // warnings included
    // The ImageUrl this import sends was decided (setCos): signed or plain, and why.
    void importUrlChosen(bool signedUrl, const QString& note);
    void dryRunAllowed(const QString& requestId);
    void imageCreated(const QString& imageId);
    // After imageCreated, when ImportImage did not return the ImageId and the image was found by
    // its name; `note` says so in a sentence for the user.
    void imageFoundByName(const QString& imageId, const QString& note);
    // Every DescribeImages answer (stateChanged only when the state differs from the last).
    void polled(const QString& state, qint64 elapsedMs);
    void stateChanged(const QString& state, qint64 elapsedMs);
    void retrying(const cloud::CloudError& error, int attempt, int delayMs);
    void historyFailed(const cvmi::Error& error); // the import goes on regardless
    void finished(cvmi::importrun::ImportRunner::Outcome outcome);

private:
    void setStage(Stage stage);
    void fetchCatalogue();
    void validate();
    void prepareUrl();
    void sendDryRun();
    void sendImport();
    void searchByName();
    // The ImageId is known (from the answer, or found by name with foundNote): follow it.
    void imageKnown(const QString& state, const QString& foundNote = {});
    void notFoundByName(const cloud::CloudError* error);
    void poll();
    bool retryLater(const cloud::CloudError& error, bool retryable);
    void scheduleNext(int delayMs);
    int nextDelay();
    void record(const QString& state);
    void finish(Outcome outcome, QString message, QString remedy = {});
    void finishWithError(Outcome outcome, const cloud::CloudError& error, QString prefix);
    void finalState(const QString& state);

    cloud::CvmClient* m_cvm;
    cloud::CosClient* m_cos = nullptr;
    importform::OsCatalogue m_catalogue;
    std::optional<importform::OsCatalogueStore> m_store;
    const ImportHistory* m_history = nullptr;
    Backoff m_backoff;
    bool m_dryRunOnly = false;
    bool m_wait = true;
    QString m_sourcePath;

    importform::ImportForm m_form;
    ImportRecord m_record;
    Stage m_stage = Stage::Idle;
    Outcome m_outcome = Outcome::None;
    QList<importform::FieldProblem> m_problems;
    cloud::CloudError m_error;
    QString m_message;
    QString m_remedy;
    QTimer m_timer;
    int m_delayMs = 0;
    int m_transientInARow = 0;
    int m_notFoundInARow = 0;
    // The search by name after an ImportImage answer without ImageId.
    bool m_searching = false;
    int m_searchesLeft = 0;
    qint64 m_importSentAt = 0;    // local Unix seconds when ImportImage was sent
    qint64 m_searchNotBefore = 0; // the service's Unix seconds; older images are not ours
    quint64 m_generation = 0;     // answers of an earlier run or of a stopped one are ignored
};

} // namespace cvmi::importrun

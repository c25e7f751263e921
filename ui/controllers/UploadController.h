#pragma once

#include "transfer/Checkpoint.h"
#include "transfer/UploadJob.h"

#include <QObject>

#include <optional>

namespace cvmi::settings {
class AppSettings;
}
namespace cvmi::transfer {
class UploadEngine;
}

namespace cvmi::ui {

class WizardSession;

// The Upload page's logic without widgets: it owns the upload engine of the one upload that may
// run, its phase (ready, uploading, paused, cancelling, failed, done), the last progress, and the
// offer to resume an earlier unfinished upload of the same file to the same place. When COS has
// confirmed the whole object it decides the URL the import gets (ImportUrlResolver: plain for a
// public bucket, else pre-signed) and puts the object into the session. The page shows all this
// and asks the user's questions; tests drive this class without a window.
class UploadController : public QObject {
    Q_OBJECT
public:
    enum class Phase { Ready, Uploading, Paused, Cancelling, Failed, Done };
    Q_ENUM(Phase)

    explicit UploadController(WizardSession* session, QObject* parent = nullptr);
    // The engine's destructor stops its thread and keeps the record: an upload running when the
    // window closes resumes the next time.
    ~UploadController() override;

    // Part size, concurrency, rate limit and proxy come from here (default: none, the engine's
    // defaults). Not owned.
    void setSettings(settings::AppSettings* settings) { m_settings = settings; }
    settings::AppSettings* settings() const { return m_settings; }
    // Where resume records are kept (default: the engine's, <shared data dir>/uploads).
    void setCheckpointDir(const QString& dir) { m_checkpointDir = dir; }
    QString checkpointDir() const { return m_checkpointDir; }
    // The job that uploads `filePath` to `bucket`/`key` with the session's account and region
    // and the settings (restart unset).
    transfer::UploadJob jobFor(const QString& filePath, const QString& bucket,
                               const QString& key) const;

    // Lists the account's buckets in the session's region; bucketsListed() follows (not when
    // listing fails, or the account changed meanwhile).
    void listBuckets();

    Phase phase() const { return m_phase; }
    // An engine is running (uploading, paused or cancelling).
    bool isBusy() const { return m_engine != nullptr; }
    // COS confirmed the object; the URL for the import is being decided (phase still Uploading).
    bool isResolving() const { return m_resolving; }
    const transfer::UploadProgress& lastProgress() const { return m_lastProgress; }
    // The job of the last start() (its file and destination).
    const transfer::UploadJob& job() const { return m_job; }

    // Looks for an unfinished upload of `job`'s file to its destination (in job.checkpointDir)
    // when nothing runs and nothing is done; *error says why a record could not be read.
    void refreshOffer(const transfer::UploadJob& job, QString* error);
    const std::optional<transfer::Checkpoint>& offer() const { return m_offer; }

    // Starts the engine for `job` (job.restart discards an earlier upload's parts).
    // `checkOverride`: what the check said when the user chose to upload anyway, else empty; it
    // goes into the session's UploadedObject.
    void start(const transfer::UploadJob& job, const QString& checkOverride = {});
    void pause();
    void resume();
    // Aborts the multipart upload: its parts are deleted and its record removed.
    void cancel();
    // Stops the engine now and keeps its record and parts, for a resume later.
    void stopForLater();
    // After a failure, a cancel or a finished upload, back to Ready for another file or
    // destination: the last progress is forgotten (it was another file's).
    void reset();

signals:
    void phaseChanged(cvmi::ui::UploadController::Phase phase);
    void progressChanged(const cvmi::transfer::UploadProgress& progress);
    void bucketsListed(const QStringList& names);
    // The engine ended without the object: cancelled (result.cancelled) or failed.
    void stopped(const cvmi::transfer::UploadResult& result);
    // COS confirmed the object and the session holds it with the import's URL; `note` says why
    // that URL (public or signed).
    void succeeded(const cvmi::transfer::UploadResult& result, const QString& note);

private:
    void setPhase(Phase phase);
    void onFinished(const transfer::UploadResult& result);
    void finish(const transfer::UploadResult& result, const QString& importUrl,
                bool importUrlSigned, const QDateTime& expires, const QString& note);

    WizardSession* m_session;
    settings::AppSettings* m_settings = nullptr;
    QString m_checkpointDir;
    Phase m_phase = Phase::Ready;
    transfer::UploadEngine* m_engine = nullptr;
    transfer::UploadJob m_job;
    QString m_checkOverride;
    transfer::UploadProgress m_lastProgress;
    std::optional<transfer::Checkpoint> m_offer;
    bool m_resolving = false;
};

} // namespace cvmi::ui

#pragma once

// One upload from start to end, run on the transfer thread: file identity and part plan, the
// checkpoint (reconciled with ListParts), Initiate, the parts through one curl multi loop, each
// read from the file as curl sends it, Complete, and the CRC-64 proofs. Internal to
// UploadEngine, which owns the thread; pause(), resume(), cancel() and shutdown() may be called
// from any thread.
#include "transfer/Checkpoint.h"
#include "transfer/CurlMultiLoop.h"
#include "transfer/DestinationLock.h"
#include "transfer/ObjectStream.h"
#include "transfer/PartJournal.h"
#include "transfer/PartPlanner.h"
#include "transfer/PartPump.h"
#include "transfer/ProgressMeter.h"
#include "transfer/RequestBody.h"
#include "transfer/RetryPolicy.h"
#include "transfer/StoreDialect.h"
#include "transfer/StreamPump.h"

#include <QElapsedTimer>
#include <atomic>

namespace cvmi::transfer {

class UploadSession final : private PartPump::Host {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::UploadSession)
public:
    struct Sink {
        std::function<void(const UploadProgress&)> progress;
        std::function<void(const UploadResult&)> finished; // not called after shutdown()
    };

    // `streams` makes the object's stream of a converted job (Conversion::Qcow2).
    UploadSession(UploadJob job, Sink sink, ObjectStreamFactory streams = openQcow2ObjectStream);
    ~UploadSession();

    void run(); // on the transfer thread; returns when finished, cancelled or shut down

    void pause();
    void resume();
    void cancel();   // abort the multipart upload, remove the checkpoint
    void shutdown(); // stop at once, keep the checkpoint and the server's parts for a resume

private:
    enum class Stop { None, Cancel, Shutdown };
    using Failure = UploadFailure;

    UploadResult runImpl();
    // The file's identity, the destination lock and the record of an earlier run (after the
    // cleanup of an interrupted start, a restart or the refusal of a changed file): nullopt to
    // go on, else the outcome. *existing is the record to resume, *orphansSince the start time
    // of an interrupted one whose cleanup is postponed.
    std::optional<UploadResult> prepare(std::optional<Checkpoint>* existing, bool* recordable,
                                        Error* lockError, qint64* orphansSince);
    // Writes the record, then sends Initiate: nullopt once the upload id is on record.
    std::optional<UploadResult> initiate(qint64 orphansSince);
    // An UploadResult holding this run's part counts; the outcomes below start from it.
    UploadResult counted() const;
    UploadResult stopped();
    UploadResult failed(const Failure& failure);
    UploadResult singlePut();
    // A converted upload (UploadSessionStream.cpp), after prepare(): the stream opened, the
    // record checked against its identity and reconciled, Initiate, the parts, Complete.
    UploadResult runConverted(std::optional<Checkpoint> existing, bool recordable,
                              const Error& lockError, qint64 orphansSince);
    bool streamParts(std::optional<Failure>* failure);
    bool converting() const { return m_job.conversion != Conversion::None; }
    // What the result says of the object and its source: format, sizes.
    void describeObject(UploadResult* r) const;
    bool reconcile(Checkpoint& checkpoint, std::optional<Failure>* failure);
    // Reads every reused part again and drops from the record those whose CRC-64 differs from
    // the recorded one, so that they are sent again; false on a read error (*failure) or a stop.
    bool verifyReused(std::optional<Failure>* failure);
    bool uploadParts(std::optional<Failure>* failure);
    void saveCheckpoint();
    UploadResult complete();
    bool completedEarlier(quint64 crc, QString* etag);
    UploadResult succeeded(quint64 crc, const QString& etag);

    // A request through the loop with retries, waiting for its answer; false on a permanent
    // error, too many attempts (then *failure is set) or a stop request (unless ignoreStop).
    // `body` (nullptr: none) is sent from its start at every attempt; a read error of a file
    // body ends the exchange at once (*failure "upload.file").
    bool exchange(const StoreRequest& request, RequestBody* body, const QString& what,
                  HttpAnswer* answer, std::optional<Failure>* failure, bool ignoreStop = false,
                  int maxAttempts = 0, int* attemptsUsed = nullptr);
    // Aborts the uploads of our key that an Initiate sent at sentAt or later may have created,
    // except ours; false when the server could not be asked or an abort failed.
    bool abortOrphans(const QString& ours, qint64 sentAt, bool ignoreStop = false);
    bool abortRemote(const QString& uploadId); // true also when it was gone already
    // The upload just started cannot be recorded: it is aborted at once (no record, no upload).
    UploadResult unrecorded(const Error& writeError);
    // The record's upload is gone from the server: the record goes too, and the result says so.
    UploadResult uploadGone(const Failure& failure);
    Failure cloudFailure(const QString& what, const cloud::CloudError& error) const override;
    Failure badResponse(const QString& what, const QString& problem) const;

    void noteClock(const Verdict& verdict) override; // a clock answer's offset, from now on
    void releaseAll();
    // PartPump::Host
    qint64 signingTime() const override { return nowSeconds(); }
    qint64 clockOffset() const override { return m_clockOffset; }
    bool stopRequested() const override { return stopRequest() != Stop::None; }
    bool pauseRequested() const override { return m_paused.load(); }
    void progress(UploadState state, bool force) override;
    void saveRecord() override { m_journal.syncIfDue(); }
    qint64 nowSeconds() const;
    TransferSettings settings(bool part) const;
    qint64 bytesDone() const;
    void report(UploadState state, bool force);
    void addStreamProgress(UploadProgress* p) const;
    Stop stopRequest() const { return Stop(m_stop.load()); }

    UploadJob m_job;
    Sink m_sink;
    ObjectStreamFactory m_streamFactory;
    std::unique_ptr<ObjectStream> m_stream; // a converted upload's object
    std::unique_ptr<StreamPump> m_streamPump;
    qint64 m_objectSize = -1; // the file's size, or the stream's length once it ended
    // The stream's last progress, kept for the final report after the stream is gone.
    qint64 m_sourceRead = 0;
    qint64 m_sourceTotal = -1;
    int m_streamPartCount = 0; // once the stream ended
    std::unique_ptr<StoreDialect> m_dialect;
    FileIdentity m_file;
    PartPlan m_plan;
    Checkpoints m_checkpoints;
    Checkpoint m_checkpoint;
    QString m_destinationKey;
    std::unique_ptr<DestinationLock> m_lock; // held from before the record is read to the end
    qint64 m_clockOffset = 0;
    bool m_clockCorrected = false; // a clock answer set m_clockOffset: the result reports it
    int m_partsUploaded = 0;
    int m_partsReused = 0;
    // Part number → CRC-64 of its bytes as this run read them (to send them, or to verify a part
    // sent earlier): the object's CRC-64 is combined from these, so the final comparison with
    // COS's is one of the file as read now, never of what a record remembers.
    QMap<int, quint64> m_readCrcs;
    int m_partsChecked = 0;
    QList<int> m_partsChanged;
    // The check of reused parts, for the progress reports while it runs.
    int m_checkParts = 0;
    int m_checkedParts = 0;
    qint64 m_checkBytes = 0;
    qint64 m_checkedBytes = 0;

    std::unique_ptr<SourceFile> m_source; // the file, for every part's reads
    CurlMultiLoop m_loop;
    // Kept until releaseAll(): transfers of parts still in the loop answer into it while a
    // failed or stopped run aborts the upload through the same loop.
    std::unique_ptr<PartPump> m_pump;
    // The record changed outside the part pump (parts dropped after a resume's check): it is
    // written whole by saveCheckpoint(). Parts confirmed by the pump go to the journal instead.
    bool m_checkpointDirty = false;
    PartJournal m_journal; // open while the parts are sent

    ProgressMeter m_meter;
    QElapsedTimer m_clock;
    UploadState m_state = UploadState::Preparing;

    std::atomic_int m_stop = int(Stop::None);
    std::atomic_bool m_paused = false;
};

} // namespace cvmi::transfer

#pragma once

// The part pump of a multipart upload: the parts not yet on record go through the session's curl
// multi loop, at most `concurrency` at a time, each read from the file by curl's read callback as
// it sends (FileRangeBody: no buffer of ours, the CRC-64 computed on the way; a retry reads the
// part again); each answer is judged (stored with its ETag and a matching CRC-64, retried after
// a delay, or the end of the run), and a stored part is appended to the record's journal. Apart
// from UploadSession so that the session reads as the steps of one upload (identity, record,
// Initiate, parts, Complete) and this loop as one thing; the session still owns the loop, the
// file, the record and the clock, and lends them through Context.
#include "cloud/CloudError.h"
#include "transfer/Checkpoint.h"
#include "transfer/CurlMultiLoop.h"
#include "transfer/PartDigests.h"
#include "transfer/PartJournal.h"
#include "transfer/PartPlanner.h"
#include "transfer/RequestBody.h"
#include "transfer/RetryPolicy.h"
#include "transfer/StoreDialect.h"
#include "transfer/UploadJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <atomic>
#include <deque>
#include <map>
#include <optional>

namespace cvmi::transfer {

// The longest the loops of an upload sleep: progress reports and pause/cancel requests are
// never later.
constexpr int uploadTickMs = 50;

// Why an upload ends unsuccessfully: the error for the user, and the cloud's answer if any.
struct UploadFailure {
    Error error;
    cloud::CloudError cloud;
};

class PartPump {
    // The texts were UploadSession's and keep its context (and their translations).
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::UploadSession)
public:
    // What the pump needs of the session that runs it (implemented by UploadSession).
    class Host {
    public:
        virtual qint64 signingTime() const = 0; // Unix seconds on the server's clock
        virtual qint64 clockOffset() const = 0; // the offset signingTime() uses now
        virtual void noteClock(const Verdict& verdict) = 0;
        virtual bool stopRequested() const = 0;
        virtual bool pauseRequested() const = 0;
        virtual void progress(UploadState state, bool force) = 0; // a report when due or forced
        // The journal is synced when the session decides (after a loop step, at the end).
        virtual void saveRecord() = 0;
        virtual UploadFailure cloudFailure(const QString& what,
                                           const cloud::CloudError& error) const = 0;

    protected:
        ~Host() = default;
    };

    // The session's state the pump reads and fills in; all outlive the pump.
    struct Context {
        const UploadJob& job;
        const PartPlan& plan;
        const QString& filePath; // for messages
        CurlMultiLoop& loop;
        const SourceFile& file;
        StoreDialect& dialect;
        const QElapsedTimer& clock;
        TransferSettings partSettings;
        Checkpoint& checkpoint;       // confirmed parts are added to parts
        PartJournal& journal;         // and appended here
        QMap<int, quint64>& readCrcs; // CRC-64 of each part as read by this run
        int& partsUploaded;           // parts sent and confirmed by this run
    };

    PartPump(Context context, Host& host);
    ~PartPump(); // the session removes the transfers from the loop first

    // Sends the parts not in the record until all are, a stop is requested (false, *failure
    // unset) or a part fails for good (false, *failure set).
    bool run(std::optional<UploadFailure>* failure);

private:
    struct InFlight {
        std::unique_ptr<FileRangeBody> body; // read by curl; its CRC-64 once sent
        QByteArray contentMd5;               // kept for a retry
        int attempts = 0;
        int damaged = 0; // answers whose CRC-64 differed from the part's (or was missing)
        quint64 transferId = 0;
        qint64 signedOffset = 0; // the clock offset the request was signed with
    };
    struct Waiting {
        int number = 0;
        QByteArray contentMd5;
        int attempts = 0;
        int damaged = 0;
        qint64 dueMs = 0;
    };

    // Starts parts (retries that are due first) up to the concurrency; false on a read error.
    bool fill(std::optional<UploadFailure>* failure);
    UploadFailure readFailure(int number, const QString& why) const;
    int waitMs(bool paused) const;
    void startPart(int number, const QByteArray& contentMd5, int attempts, int damaged);
    void onPartDone(int number, const HttpAnswer& answer);
    void retryOrFail(int number, InFlight& entry, const Verdict& verdict);
    void retryDamaged(int number, InFlight& entry, const Error& mismatch);
    void queueRetry(const Waiting& waiting);

    Context m_context;
    Host& m_host;
    QList<PartRange> m_todo;                // the parts not on record, in order
    qsizetype m_next = 0;                   // the first of m_todo not started yet
    std::unique_ptr<PartDigests> m_digests; // when the dialect sends Content-MD5
    std::map<int, InFlight> m_inFlight;
    std::deque<Waiting> m_retries;
    std::optional<UploadFailure> m_partFailure;
};

} // namespace cvmi::transfer

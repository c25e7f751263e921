#pragma once

// The part pump of a converted upload (UploadJob::conversion): PartPump's counterpart for an
// object whose bytes come from an ObjectStream instead of a file. The parts are cut from the
// stream as it is produced (StreamParts, on its own thread) and sent from memory, at most
// `concurrency` at a time; each is held until COS confirms it, so a retry sends the same bytes
// without regenerating them. Part 1 (the header region) arrives last, patched, and is sent last.
//
// A resumed run regenerates the stream from its start: a part already on record is compared
// with the regenerated one (CRC-64 and size) and not sent again when equal; when they differ the
// run stops (upload.stream_changed): the stream is deterministic for the same source and
// settings, so a difference means the source is not what was sent, and mixing would store
// another disk than either.
#include "transfer/PartPump.h"
#include "transfer/StreamParts.h"

namespace cvmi::transfer {

class StreamPump {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::UploadSession)
public:
    struct Context {
        const UploadJob& job;
        qint64 partSize;
        const QString& filePath; // for messages
        CurlMultiLoop& loop;
        ObjectStream& stream;
        StoreDialect& dialect;
        const QElapsedTimer& clock;
        TransferSettings partSettings;
        Checkpoint& checkpoint;       // confirmed parts are added to parts
        PartJournal& journal;         // and appended here
        QMap<int, quint64>& readCrcs; // CRC-64 of each part as produced by this run
        int& partsUploaded;           // parts sent and confirmed by this run
        int& partsChecked;            // parts on record compared with the regenerated ones
    };

    StreamPump(Context context, PartPump::Host& host);
    ~StreamPump(); // the session removes the transfers from the loop first

    // Sends every part of the stream not already on the server; false on a stop (*failure
    // unset) or a failure (*failure set).
    bool run(std::optional<UploadFailure>* failure);

    // For the progress: whether the stream has ended, its length and part count then.
    bool ended() const { return m_ended; }
    qint64 length() const { return m_length; }
    int partCount() const { return m_partCount; }
    qint64 bytesRead() const { return m_parts ? m_parts->bytesRead() : 0; }

private:
    struct InFlight {
        StreamPart part;
        std::unique_ptr<RequestBody> body;
        int attempts = 0;
        int damaged = 0;
        quint64 transferId = 0;
        qint64 signedOffset = 0;
    };
    struct Waiting {
        StreamPart part;
        int attempts = 0;
        int damaged = 0;
        qint64 dueMs = 0;
    };

    bool fill(std::optional<UploadFailure>* failure);
    // A regenerated part the record already holds: compared, released; false when it differs.
    bool reuse(const StreamPart& part, std::optional<UploadFailure>* failure);
    bool streamEnded(std::optional<UploadFailure>* failure);
    int waitMs(bool paused) const;
    void startPart(StreamPart part, int attempts, int damaged);
    void onPartDone(int number, const HttpAnswer& answer);
    void retryOrFail(InFlight& entry, const Verdict& verdict);
    void retryDamaged(InFlight& entry, const Error& mismatch);
    void queueRetry(Waiting waiting);
    UploadFailure differs(int number) const;

    Context m_context;
    PartPump::Host& m_host;
    std::unique_ptr<StreamParts> m_parts;
    std::map<int, InFlight> m_inFlight;
    std::deque<Waiting> m_retries;
    std::optional<UploadFailure> m_partFailure;
    bool m_ended = false;
    qint64 m_length = -1;
    int m_partCount = 0;
};

} // namespace cvmi::transfer

#pragma once

// A converted upload's parts, cut from its ObjectStream as it is produced, on a thread of their
// own so that the transfer thread never waits for the converter: every part `partSize` long but
// the last, each held in memory (for its retries) from when it is read until the pump releases
// it (COS confirmed it, or a resume found it already there). At most `maxHeld` parts are held at
// once, so memory is bounded by maxHeld × partSize whatever the disk's size.
//
// Part 1 starts with the stream's header region, whose real bytes are known only at the end: it
// is kept back, patched with ObjectStream::header() when the stream ends, and handed out last.
// Each part carries the CRC-64 of its final bytes (and their Content-MD5 when asked for).
#include "transfer/ObjectStream.h"

#include <QByteArray>
#include <QCoreApplication>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace cvmi::transfer {

struct StreamPart {
    int number = 0;
    QByteArray bytes;
    quint64 crc64 = 0;
    QByteArray contentMd5; // base64; empty unless asked for
};

class StreamParts {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::UploadSession)
public:
    // `wake` is called from the reading thread when a part is ready or the stream ended.
    StreamParts(ObjectStream& stream, qint64 partSize, int maxHeld, bool contentMd5,
                std::function<void()> wake);
    ~StreamParts(); // stops the stream and joins the thread
    StreamParts(const StreamParts&) = delete;
    StreamParts& operator=(const StreamParts&) = delete;

    // The next part in order (part 1 last), nullopt when none is ready yet.
    std::optional<StreamPart> take();
    // A part taken is no longer held: the reader may read another.
    void release();

    // The reader is done: every part was handed out (or an error ended it, error() set).
    bool finished() const;
    Error error() const;
    // After finished() without an error: the stream's length and its number of parts.
    qint64 length() const;
    int partCount() const;
    qint64 bytesRead() const; // of the stream, so far

private:
    void readAll();
    // Fills `part` from the stream: its length (short only at the end), -1 on an error.
    qint64 fill(QByteArray* part);
    bool waitForRoom();
    void hand(int number, QByteArray bytes);
    void fail(const Error& error);

    ObjectStream& m_stream;
    const qint64 m_partSize;
    const int m_maxHeld;
    const bool m_contentMd5;
    std::function<void()> m_wake;

    mutable std::mutex m_mutex;
    std::condition_variable m_room;
    std::deque<StreamPart> m_ready;
    int m_held = 0;
    bool m_stop = false;
    bool m_finished = false;
    Error m_error;
    qint64 m_length = 0;
    int m_partCount = 0;
    std::atomic<qint64> m_bytesRead = 0;
    std::thread m_thread;
};

} // namespace cvmi::transfer

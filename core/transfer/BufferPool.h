#pragma once

// A fixed number of part-sized buffers shared by the file reader (which fills them ahead of the
// network) and the transfer thread (which sends and then returns them). acquire() blocks while
// all are out, so memory is at most count × part size whatever the file's size; the buffers are
// allocated on first use and reused.
#include <QByteArray>
#include <QString>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace cvmi::transfer {

struct PartBuffer {
    int number = 0;
    qint64 offset = 0;
    QByteArray data;       // the part's bytes, data.size() == its length
    quint64 crc64 = 0;     // CRC-64/ECMA of data, computed as it was read
    QByteArray contentMd5; // base64 MD5 of data, when the dialect sends Content-MD5
    QString readError;     // set: the file could not be read; data is invalid
};

class BufferPool {
public:
    explicit BufferPool(int count);
    ~BufferPool();

    // Blocks until a buffer is free or stop() was called (then nullptr).
    PartBuffer* acquire();
    void release(PartBuffer* buffer);
    void stop();

    int capacity() const { return m_count; }
    int highWater() const; // most buffers out at once

private:
    const int m_count;
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<PartBuffer*> m_free;
    int m_allocated = 0;
    int m_out = 0;
    int m_highWater = 0;
    bool m_stopped = false;
};

} // namespace cvmi::transfer

#pragma once

#include "util/NativePath.h"

// Reads parts of the file again and computes each one's CRC-64, on its own thread, so that a
// resumed upload can compare the parts the server already holds with the file as it is now
// before building on them (the record's CRC-64 says what was sent; only reading the bytes says
// whether the file still has them). Reading locally costs seconds where sending costs minutes,
// so every reused part is read, not a sample. One sequential pass through a small buffer, the
// kernel told to read ahead; stop() ends it within one buffer's read.
#include "transfer/PartPlanner.h"

#include <QMap>
#include <QString>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace cvmi::transfer {

class PartVerifier {
public:
    // `changed` is called on the verifier's thread after each part and at the end.
    PartVerifier(util::NativePath path, QList<PartRange> parts, std::function<void()> changed);
    ~PartVerifier(); // stops and joins

    void stop();
    bool finished() const { return m_finished.load(); }
    int partsRead() const { return m_partsRead.load(); }
    qint64 bytesRead() const { return m_bytesRead.load(); }

    // After finished(): part number → CRC-64 of its bytes as read now; on a read error the parts
    // before it, and the error with the part it happened in.
    QMap<int, quint64> crcs() const;
    QString readError() const;
    int failedPart() const;

    // The buffer each read() fills: large enough that the system call costs nothing next to the
    // copy, small enough to stay in the CPU's cache for the CRC that follows.
    static constexpr qint64 chunkSize = 1024 * 1024;

private:
    void run();

    util::NativePath m_path;
    QList<PartRange> m_parts;
    std::function<void()> m_changed;
    mutable std::mutex m_mutex;
    QMap<int, quint64> m_crcs;
    QString m_error;
    int m_failedPart = 0;
    std::atomic_bool m_stop = false;
    std::atomic_bool m_finished = false;
    std::atomic_int m_partsRead = 0;
    std::atomic<qint64> m_bytesRead = 0;
    std::thread m_thread;
};

} // namespace cvmi::transfer

#pragma once

// A deterministic ObjectStream for the engine's tests: `length` bytes, byte i a hash of (seed, i)
// (from `changedFrom` on, of seed+1: a stream that differs from a point on), the first
// `headerSize` read as zeros and given by header() at the end, as the qcow2 stream does. Reads
// come in uneven slices; a gate can hold the stream just before its end, and a read error can be
// set at an offset.
#include "transfer/ObjectStream.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace cvmi::test {

struct FakeStreamSpec {
    qint64 length = 0;
    qint64 headerSize = 192 * 1024;
    quint32 seed = 1;
    qint64 changedFrom = -1; // -1: never
    QString identity = QStringLiteral("fake/1");
    qint64 failAt = -1; // read() fails once this many bytes were produced
    qint64 virtualSize = 64LL * 1024 * 1024;
};

// Shared between a test and its stream (the stream lives on the engine's thread).
struct FakeStreamGate {
    std::mutex mutex;
    std::condition_variable opened;
    bool holdAtEnd = false;
    std::atomic_bool waitingAtEnd = false;
    void open()
    {
        std::lock_guard lock(mutex);
        holdAtEnd = false;
        opened.notify_all();
    }
};

inline char fakeByte(quint32 seed, qint64 i)
{
    quint64 x = quint64(i) * 0x9E3779B97F4A7C15ULL ^ (quint64(seed) << 32 | seed);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 32;
    return char(x & 0xff);
}

// The object the stream makes (the header in place): what the store must hold.
inline QByteArray fakeObject(const FakeStreamSpec& spec)
{
    QByteArray bytes(spec.length, Qt::Uninitialized);
    for (qint64 i = 0; i < spec.length; ++i)
        bytes[i] =
            fakeByte(spec.changedFrom >= 0 && i >= spec.changedFrom ? spec.seed + 1 : spec.seed, i);
    return bytes;
}

class FakeObjectStream final : public transfer::ObjectStream {
public:
    FakeObjectStream(FakeStreamSpec spec, FakeStreamGate* gate)
        : m_spec(std::move(spec)), m_object(fakeObject(m_spec)), m_gate(gate)
    {
    }
    QString identity() const override { return m_spec.identity; }
    QString format() const override { return QStringLiteral("qcow2"); }
    QString sourceFormat() const override { return QStringLiteral("raw"); }
    qint64 virtualSize() const override { return m_spec.virtualSize; }
    qint64 headerSize() const override { return m_spec.headerSize; }
    qint64 maxLength() const override { return m_spec.length; }
    qint64 read(char* into, qint64 capacity) override
    {
        if (m_stopped)
            return fail(QStringLiteral("convert.stopped"));
        if (m_spec.failAt >= 0 && m_position >= m_spec.failAt)
            return fail(QStringLiteral("convert.read"));
        if (m_position == m_spec.length) {
            if (m_gate) {
                std::unique_lock lock(m_gate->mutex);
                m_gate->waitingAtEnd = m_gate->holdAtEnd;
                m_gate->opened.wait(lock, [this] { return !m_gate->holdAtEnd || m_stopped; });
                m_gate->waitingAtEnd = false;
                if (m_stopped)
                    return fail(QStringLiteral("convert.stopped"));
            }
            m_atEnd = true;
            return 0;
        }
        // Uneven slices, as a converter hands out clusters of different sizes.
        const qint64 slice = 1 + (m_position * 7919 + 4096) % (300 * 1024);
        qint64 n = std::min({capacity, slice, m_spec.length - m_position});
        if (m_spec.failAt >= 0)
            n = std::min(n, m_spec.failAt - m_position);
        for (qint64 i = 0; i < n; ++i)
            into[i] = m_position + i < m_spec.headerSize ? 0 : m_object.at(m_position + i);
        m_position += n;
        return n;
    }
    bool atEnd() const override { return m_atEnd; }
    Error error() const override { return m_error; }
    QByteArray header() const override
    {
        return m_atEnd ? m_object.left(m_spec.headerSize) : QByteArray();
    }
    void stop() override
    {
        m_stopped = true;
        if (m_gate) {
            std::lock_guard lock(m_gate->mutex);
            m_gate->opened.notify_all();
        }
    }
    qint64 sourceBytesRead() const override { return m_position; }
    qint64 sourceBytesToRead() const override { return m_spec.length; }

private:
    qint64 fail(const QString& code)
    {
        m_error = Error::make(code, QStringLiteral("The fake source could not be read."));
        return -1;
    }

    const FakeStreamSpec m_spec;
    const QByteArray m_object;
    FakeStreamGate* m_gate = nullptr;
    std::atomic<qint64> m_position = 0;
    std::atomic_bool m_stopped = false;
    bool m_atEnd = false;
    Error m_error;
};

inline transfer::ObjectStreamFactory fakeStreams(FakeStreamSpec spec,
                                                 FakeStreamGate* gate = nullptr)
{
    return [spec, gate](const transfer::UploadJob&, Error*) {
        return std::make_unique<FakeObjectStream>(spec, gate);
    };
}

} // namespace cvmi::test

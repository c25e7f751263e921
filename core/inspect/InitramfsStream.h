#pragma once

// The streaming machinery of the initramfs scan (Initramfs.cpp): the bounds a scan is metered
// against, the input read in chunks from the guest file, the sink that feeds unpacked bytes to
// the cpio walker, and one decoder per compression (InitramfsDecoders.cpp). Internal to the scan.

#include "inspect/CpioScanner.h"
#include "inspect/Initramfs.h"
#include "inspect/InspectionBudget.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace cvmi::inspect::initramfs {

// Reads of the file: the scan stops within one read of the answer, so this bounds what is read
// past it (on a 4:1 zstd archive, 256 KiB in is about 1 MiB out).
constexpr size_t kChunk = 256 * 1024;
constexpr size_t kOutChunk = 256 * 1024;

// Why a scan stopped before its archive ended, when a bound stopped it.
enum class Stop { None, TooBig, BudgetSpent, NoOutput, TimeUp };

// The bounds of one scan, shared by its input and its output.
class Meter {
public:
    explicit Meter(const InitramfsLimits& limits) : m_limits(limits) {}

    // Before reading `size` more bytes of input: false (with the reason) to stop.
    bool mayRead()
    {
        if (m_limits.budget && m_limits.budget->expired())
            return stop(Stop::TimeUp);
        if (m_in - m_inAtOutput > m_limits.maxInputWithoutOutput)
            return stop(Stop::NoOutput);
        return true;
    }
    void read(uint64_t size) { m_in += size; }
    // After `size` bytes of output: false (with the reason) to stop.
    bool wrote(uint64_t size)
    {
        if (size == 0)
            return m_stop == Stop::None;
        m_inAtOutput = m_in;
        m_out += size;
        if (m_out > m_limits.maxOutput)
            return stop(Stop::TooBig);
        if (m_limits.budget) {
            if (m_limits.budget->decompressedLeft() < size) {
                m_limits.budget->spendDecompressed(m_limits.budget->decompressedLeft());
                return stop(Stop::BudgetSpent);
            }
            m_limits.budget->spendDecompressed(size);
            if (m_limits.budget->expired())
                return stop(Stop::TimeUp);
        }
        return true;
    }
    // Progress that is not output: a new cpio entry in the uncompressed part.
    void progressed() { m_inAtOutput = m_in; }
    uint64_t unpacked() const { return m_out; }
    Stop stopped() const { return m_stop; }
    const InitramfsLimits& limits() const { return m_limits; }

private:
    bool stop(Stop why)
    {
        if (m_stop == Stop::None)
            m_stop = why;
        return false;
    }

    const InitramfsLimits& m_limits;
    uint64_t m_in = 0;
    uint64_t m_inAtOutput = 0;
    uint64_t m_out = 0;
    Stop m_stop = Stop::None;
};

// Feeds decompressed bytes to the scanner; false to stop (found everything, damage, a bound).
class Sink {
public:
    Sink(CpioScanner& scanner, Meter& meter) : m_scanner(scanner), m_meter(meter) {}
    bool push(const uint8_t* data, size_t size)
    {
        if (!m_meter.wrote(size))
            return false;
        m_scanner.feed(data, size);
        return !m_scanner.foundAll() && m_scanner.state() != CpioScanner::State::Foreign &&
               m_scanner.state() != CpioScanner::State::Broken;
    }

private:
    CpioScanner& m_scanner;
    Meter& m_meter;
};

// Sequential reads of the compressed part; ends early when a bound of the meter says so.
// `pending` are its first bytes, already read with the uncompressed part before it.
class Input {
public:
    Input(const InitramfsReader& read, QByteArray pending, uint64_t start, uint64_t end,
          Meter& meter)
        : m_read(read), m_pending(std::move(pending)), m_pos(start), m_end(end), m_meter(meter)
    {
    }
    // Next chunk; empty at the end. `ok` false on a read error.
    QByteArray next(bool* ok)
    {
        *ok = true;
        if (!m_pending.isEmpty()) {
            m_meter.read(uint64_t(m_pending.size()));
            return std::exchange(m_pending, {});
        }
        if (m_pos >= m_end || !m_meter.mayRead())
            return {};
        QByteArray chunk;
        const size_t n = size_t(std::min<uint64_t>(kChunk, m_end - m_pos));
        if (!m_read(m_pos, n, &chunk)) {
            *ok = false;
            return {};
        }
        if (chunk.isEmpty())
            m_end = m_pos; // the file ended before the size we were told
        m_pos += uint64_t(chunk.size());
        m_meter.read(uint64_t(chunk.size()));
        return chunk;
    }

private:
    const InitramfsReader& m_read;
    QByteArray m_pending;
    uint64_t m_pos;
    uint64_t m_end;
    Meter& m_meter;
};

// One compression: its magic bytes at the start of the compressed part, and its decoder. A decoder
// feeds `sink` until the stream ends or the sink says stop; false (with `note`) on damage or a
// read error.
using Decoder = bool (*)(Input& in, Sink& sink, QString* note);
struct Compression {
    const char* name;
    QByteArrayView magic;
    Decoder decode;
};

// The compression whose magic starts `head`; null when none we can decode.
const Compression* compressionOf(const QByteArray& head);
// A name for a compression we cannot decode (bzip2, lzo), or "unknown".
QString compressionGuess(const QByteArray& head);

} // namespace cvmi::inspect::initramfs

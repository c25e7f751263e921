#include "inspect/Initramfs.h"

#include "inspect/CpioScanner.h"
#include "inspect/InspectionBudget.h"

#include <QCoreApplication>
#include <QtEndian>

#include <lz4.h>
#include <lz4frame.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <memory>
#include <vector>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::Initramfs)
};

constexpr size_t kChunk = 1024 * 1024;
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
class Input {
public:
    Input(const InitramfsReader& read, uint64_t start, uint64_t end, Meter& meter)
        : m_read(read), m_pos(start), m_end(end), m_meter(meter)
    {
    }
    // Next chunk; empty at the end. `ok` false on a read error.
    QByteArray next(bool* ok)
    {
        *ok = true;
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
    bool atEnd() const { return m_pos >= m_end; }

private:
    const InitramfsReader& m_read;
    uint64_t m_pos;
    uint64_t m_end;
    Meter& m_meter;
};

using Decoder = bool (*)(Input& in, Sink& sink, QString* note);

bool decodeGzip(Input& in, Sink& sink, QString* note)
{
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return false;
    std::vector<uint8_t> out(kOutChunk);
    bool ok = true, more = true;
    QByteArray chunk;
    int rc = Z_OK;
    while (more && rc != Z_STREAM_END) {
        if (z.avail_in == 0) {
            chunk = in.next(&ok);
            if (!ok || chunk.isEmpty())
                break;
            z.next_in = reinterpret_cast<Bytef*>(chunk.data());
            z.avail_in = uInt(chunk.size());
        }
        z.next_out = out.data();
        z.avail_out = uInt(out.size());
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            *note = Text::tr("the gzip data is damaged (%1)")
                        .arg(QString::fromLatin1(z.msg ? z.msg : ""));
            inflateEnd(&z);
            return false;
        }
        more = sink.push(out.data(), out.size() - z.avail_out);
    }
    inflateEnd(&z);
    return ok;
}

bool decodeLzma(Input& in, Sink& sink, QString* note, bool xz)
{
    lzma_stream s = LZMA_STREAM_INIT;
    // The header chooses the dictionary size; a hostile one could ask for gigabytes. Real
    // initramfs archives use 64 MiB at most (xz -9, lzma -9).
    constexpr uint64_t kMemLimit = 256ull * 1024 * 1024;
    const lzma_ret init = xz ? lzma_stream_decoder(&s, kMemLimit, LZMA_CONCATENATED)
                             : lzma_alone_decoder(&s, kMemLimit);
    if (init != LZMA_OK)
        return false;
    std::vector<uint8_t> out(kOutChunk);
    bool ok = true, more = true;
    QByteArray chunk;
    lzma_ret rc = LZMA_OK;
    while (more && rc != LZMA_STREAM_END) {
        lzma_action action = LZMA_RUN;
        if (s.avail_in == 0) {
            chunk = in.next(&ok);
            if (!ok)
                break;
            s.next_in = reinterpret_cast<const uint8_t*>(chunk.constData());
            s.avail_in = size_t(chunk.size());
            if (chunk.isEmpty())
                action = LZMA_FINISH;
        }
        s.next_out = out.data();
        s.avail_out = out.size();
        rc = lzma_code(&s, action);
        if (rc != LZMA_OK && rc != LZMA_STREAM_END) {
            if (rc != LZMA_BUF_ERROR)
                *note = Text::tr("the %1 data is damaged (code %2)")
                            .arg(xz ? QStringLiteral("xz") : QStringLiteral("lzma"))
                            .arg(int(rc));
            lzma_end(&s);
            return rc == LZMA_BUF_ERROR && ok;
        }
        more = sink.push(out.data(), out.size() - s.avail_out);
        if (action == LZMA_FINISH && s.avail_out != 0)
            break;
    }
    lzma_end(&s);
    return ok;
}

bool decodeXz(Input& in, Sink& sink, QString* note)
{
    return decodeLzma(in, sink, note, true);
}
bool decodeLzmaAlone(Input& in, Sink& sink, QString* note)
{
    return decodeLzma(in, sink, note, false);
}

bool decodeZstd(Input& in, Sink& sink, QString* note)
{
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream*)> z(ZSTD_createDStream(),
                                                               ZSTD_freeDStream);
    if (!z)
        return false;
    ZSTD_initDStream(z.get());
    std::vector<uint8_t> out(kOutChunk);
    bool ok = true, more = true;
    while (more) {
        const QByteArray chunk = in.next(&ok);
        if (!ok || chunk.isEmpty())
            break;
        ZSTD_inBuffer input{chunk.constData(), size_t(chunk.size()), 0};
        while (more && input.pos < input.size) {
            ZSTD_outBuffer output{out.data(), out.size(), 0};
            const size_t rc = ZSTD_decompressStream(z.get(), &output, &input);
            if (ZSTD_isError(rc)) {
                *note = Text::tr("the zstd data is damaged (%1)")
                            .arg(QString::fromLatin1(ZSTD_getErrorName(rc)));
                return false;
            }
            more = sink.push(out.data(), output.pos);
        }
    }
    return ok;
}

// The kernel's own LZ4 format ("legacy"): a magic number, then blocks of at most 8 MiB of output,
// each preceded by its compressed size; a repeated magic starts a new stream.
bool decodeLz4Legacy(Input& in, Sink& sink, QString* note)
{
    constexpr uint32_t kMagic = 0x184C2102;
    constexpr size_t kMaxBlockOut = 8 * 1024 * 1024;
    QByteArray pending;
    bool ok = true;
    const auto fill = [&](size_t need) {
        while (size_t(pending.size()) < need) {
            const QByteArray chunk = in.next(&ok);
            if (!ok || chunk.isEmpty())
                return false;
            pending += chunk;
        }
        return true;
    };
    std::vector<char> out(kMaxBlockOut);
    for (;;) {
        if (!fill(4))
            return ok;
        uint32_t blockSize = 0;
        std::memcpy(&blockSize, pending.constData(), 4);
        blockSize = qFromLittleEndian(blockSize);
        pending.remove(0, 4);
        if (blockSize == kMagic)
            continue;
        if (blockSize == 0 || blockSize > uint32_t(LZ4_compressBound(int(kMaxBlockOut))))
            return true; // the end of the stream: padding or the next, uncompressed, part
        if (!fill(blockSize)) {
            *note = Text::tr("the lz4 data ends inside a block");
            return false;
        }
        const int n =
            LZ4_decompress_safe(pending.constData(), out.data(), int(blockSize), int(out.size()));
        if (n < 0) {
            *note = Text::tr("the lz4 data is damaged");
            return false;
        }
        pending.remove(0, qsizetype(blockSize));
        if (!sink.push(reinterpret_cast<const uint8_t*>(out.data()), size_t(n)))
            return true;
    }
}

bool decodeLz4Frame(Input& in, Sink& sink, QString* note)
{
    LZ4F_dctx* ctx = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&ctx, LZ4F_VERSION)))
        return false;
    std::unique_ptr<LZ4F_dctx, size_t (*)(LZ4F_dctx*)> owner(ctx, LZ4F_freeDecompressionContext);
    std::vector<uint8_t> out(kOutChunk);
    bool ok = true, more = true;
    while (more) {
        const QByteArray chunk = in.next(&ok);
        if (!ok || chunk.isEmpty())
            break;
        size_t pos = 0;
        while (more && pos < size_t(chunk.size())) {
            size_t outSize = out.size();
            size_t inSize = size_t(chunk.size()) - pos;
            const size_t rc = LZ4F_decompress(ctx, out.data(), &outSize, chunk.constData() + pos,
                                              &inSize, nullptr);
            if (LZ4F_isError(rc)) {
                *note = Text::tr("the lz4 data is damaged (%1)")
                            .arg(QString::fromLatin1(LZ4F_getErrorName(rc)));
                return false;
            }
            pos += inSize;
            more = sink.push(out.data(), outSize);
            if (rc == 0)
                return true;
        }
    }
    return ok;
}

struct Compression {
    const char* name;
    QByteArrayView magic;
    Decoder decode;
};

const Compression* compressionOf(const QByteArray& head)
{
    static const Compression kKinds[] = {
        {"gzip", QByteArrayView("\x1f\x8b", 2), decodeGzip},
        {"xz",
         QByteArrayView("\xfd"
                        "7zXZ\0",
                        6),
         decodeXz},
        {"zstd", QByteArrayView("\x28\xb5\x2f\xfd", 4), decodeZstd},
        {"lz4", QByteArrayView("\x02\x21\x4c\x18", 4), decodeLz4Legacy},
        {"lz4", QByteArrayView("\x04\x22\x4d\x18", 4), decodeLz4Frame},
        {"lzma", QByteArrayView("\x5d\x00\x00", 3), decodeLzmaAlone},
    };
    for (const Compression& c : kKinds)
        if (head.startsWith(c.magic))
            return &c;
    return nullptr;
}

QString compressionGuess(const QByteArray& head)
{
    if (head.startsWith("BZh"))
        return QStringLiteral("bzip2");
    if (head.startsWith("\x89LZO"))
        return QStringLiteral("lzo");
    return QStringLiteral("unknown");
}

// The note for a scan a bound stopped; sets scan->timedOut when it was the deadline.
void noteStop(Stop stop, const Meter& meter, InitramfsScan* scan)
{
    const InitramfsLimits& limits = meter.limits();
    switch (stop) {
    case Stop::TimeUp:
        scan->timedOut = true;
        scan->note = Text::tr("it was not read within the time limit");
        break;
    case Stop::TooBig:
        scan->note = Text::tr("it unpacks to more than %1 MiB").arg(limits.maxOutput >> 20);
        break;
    case Stop::BudgetSpent:
        scan->note = Text::tr("the initramfs files together unpack to more than %1 MiB, the most "
                              "one inspection unpacks")
                         .arg(limits.budget ? limits.budget->maxDecompressed() >> 20 : 0);
        break;
    case Stop::NoOutput:
        scan->note = Text::tr("%1 MiB of it were read without unpacking anything (padding, or a "
                              "decompression bomb)")
                         .arg(limits.maxInputWithoutOutput >> 20);
        break;
    case Stop::None:
        break;
    }
}

// The scan's end with what was read so far and why it stopped there.
void ended(InitramfsScan* scan, const CpioScanner& scanner, const QString& note)
{
    scan->note = note;
    scan->entries = scanner.entries();
}

// 1. Uncompressed archives at the front (dracut's early microcode, or all of it), from *pos on.
// False when *scan is already the answer (an error, a limit, a damaged or cut-short archive).
bool scanUncompressed(uint64_t size, const InitramfsReader& read, CpioScanner& scanner,
                      Meter& meter, uint64_t* pos, InitramfsScan* scan)
{
    while (*pos < size) {
        if (!meter.mayRead()) {
            noteStop(meter.stopped(), meter, scan);
            scan->entries = scanner.entries();
            return false;
        }
        QByteArray chunk;
        if (!read(*pos, size_t(std::min<uint64_t>(kChunk, size - *pos)), &chunk)) {
            scan->note = Text::tr("the file could not be read");
            return false;
        }
        if (chunk.isEmpty())
            break; // the end of the file
        const uint64_t entriesBefore = scanner.entries();
        const size_t used =
            scanner.feed(reinterpret_cast<const uint8_t*>(chunk.constData()), size_t(chunk.size()));
        *pos += used;
        meter.read(used);
        if (scanner.entries() != entriesBefore)
            meter.progressed();
        if (scanner.foundAll())
            break;
        if (scanner.state() == CpioScanner::State::Broken) {
            ended(scan, scanner, Text::tr("the cpio archive is damaged near byte %1").arg(*pos));
            return false;
        }
        if (scanner.state() == CpioScanner::State::Foreign)
            break;
    }
    if (scanner.state() == CpioScanner::State::Header ||
        scanner.state() == CpioScanner::State::Name ||
        (scanner.state() == CpioScanner::State::Skip && !scanner.foundAll())) {
        ended(scan, scanner, Text::tr("the cpio archive is cut short"));
        return false;
    }
    scan->compression = QStringLiteral("none");
    return true;
}

// 2. The compressed main archive at pos. False when *scan is already the answer.
bool scanCompressed(uint64_t size, uint64_t pos, const InitramfsReader& read, CpioScanner& scanner,
                    Meter& meter, InitramfsScan* scan)
{
    QByteArray head;
    if (!read(pos, 8, &head)) {
        scan->note = Text::tr("the file could not be read");
        return false;
    }
    const Compression* compression = compressionOf(head);
    if (!compression) {
        scan->compression = compressionGuess(head);
        scan->note = Text::tr("its %1 compression is not supported here").arg(scan->compression);
        return false;
    }
    scan->compression = QString::fromLatin1(compression->name);
    scanner.resetForNewStream();
    Sink sink(scanner, meter);
    Input input(read, pos, size, meter);
    QString note;
    const bool ok = compression->decode(input, sink, &note);
    // Padding after a complete archive is no reason to call it unread; anything else is.
    const bool onlyPaddingLeft = meter.stopped() == Stop::NoOutput && scanner.sawTrailer() &&
                                 scanner.state() == CpioScanner::State::Seeking;
    if (meter.stopped() != Stop::None && !onlyPaddingLeft) {
        noteStop(meter.stopped(), meter, scan);
        scan->entries = scanner.entries();
        return false;
    }
    if (!ok) {
        ended(scan, scanner, note.isEmpty() ? Text::tr("the file could not be read") : note);
        return false;
    }
    if (!scanner.foundAll() && !scanner.sawTrailer()) {
        // No end-of-archive marker: the compressed data ended early, or held no cpio.
        ended(scan, scanner,
              Text::tr("the compressed archive is cut short or holds no cpio archive"));
        return false;
    }
    if (scanner.state() == CpioScanner::State::Broken ||
        (scanner.state() == CpioScanner::State::Foreign && !scanner.sawTrailer())) {
        ended(scan, scanner, Text::tr("the unpacked data is not a cpio archive"));
        return false;
    }
    return true;
}

} // namespace

InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QStringList& wantedFileNames, uint64_t maxOutput)
{
    InitramfsLimits limits;
    limits.maxOutput = maxOutput;
    return scanInitramfs(size, read, wantedFileNames, limits);
}

InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QStringList& wantedFileNames, const InitramfsLimits& limits)
{
    InitramfsScan scan;
    CpioScanner scanner(wantedFileNames);
    Meter meter(limits);
    // What is beyond the file's allocated blocks is a hole: zeros the file system invents.
    size = std::min(size, limits.maxInput);
    uint64_t pos = 0;
    if (!scanUncompressed(size, read, scanner, meter, &pos, &scan))
        return scan;
    if (!scanner.foundAll() && scanner.state() == CpioScanner::State::Foreign &&
        !scanCompressed(size, pos, read, scanner, meter, &scan))
        return scan;
    scan.read = true;
    scan.found = scanner.found();
    scan.entries = scanner.entries();
    return scan;
}

} // namespace cvmi::inspect

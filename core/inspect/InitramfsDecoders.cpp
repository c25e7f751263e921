// The decoders of the initramfs scan: each streams its compressed input through a fixed output
// buffer into the cpio walker, and stops as soon as the walker has its answers.
#include "inspect/InitramfsStream.h"

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

namespace cvmi::inspect::initramfs {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::Initramfs)
};

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

} // namespace

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

} // namespace cvmi::inspect::initramfs

#include "convert/ClusterCodec.h"

#include <cstring>
#include <zlib.h>

namespace cvmi::convert {

struct ClusterCodec::State {
    z_stream stream{};
    bool ready = false;
    QByteArray out;
};

ClusterCodec::ClusterCodec(int level) : m_state(new State)
{
    // memLevel 9 as qemu: more memory for the hash chains, better matches, same format.
    m_state->ready = deflateInit2(&m_state->stream, level, Z_DEFLATED, windowBits, 9,
                                  Z_DEFAULT_STRATEGY) == Z_OK;
}

ClusterCodec::~ClusterCodec()
{
    if (m_state->ready)
        deflateEnd(&m_state->stream);
    delete m_state;
}

bool ClusterCodec::allZero(const char* data, size_t size)
{
    // Word at a time up to the first non-zero, then memcmp against the buffer itself shifted
    // by one word: both run at memory speed without a zero buffer of our own.
    constexpr size_t word = sizeof(uint64_t);
    if (size < word) {
        for (size_t i = 0; i < size; ++i)
            if (data[i])
                return false;
        return true;
    }
    uint64_t first;
    std::memcpy(&first, data, word);
    return first == 0 && std::memcmp(data, data + word, size - word) == 0;
}

EncodedCluster ClusterCodec::encode(const char* data, size_t size)
{
    EncodedCluster result;
    if (allZero(data, size))
        return result;
    result.kind = EncodedCluster::Kind::Raw;
    result.bytes = QByteArray(data, qsizetype(size));
    if (!m_state->ready || deflateReset(&m_state->stream) != Z_OK)
        return result; // cannot compress: stored as it is, still a valid cluster
    QByteArray& out = m_state->out;
    out.resize(maxCompressedSize);
    z_stream& zs = m_state->stream;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    zs.avail_in = uInt(size);
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    // Z_STREAM_END only when the whole stream fit below maxCompressedSize; Z_OK or Z_BUF_ERROR
    // mean it did not: the cluster is kept as it is.
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        return result;
    result.kind = EncodedCluster::Kind::Compressed;
    result.bytes = QByteArray(out.constData(), qsizetype(out.size() - qsizetype(zs.avail_out)));
    return result;
}

} // namespace cvmi::convert

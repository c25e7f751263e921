#pragma once

// One guest cluster as the converted qcow2 stores it: left out (all zeros), deflate-compressed,
// or as it is. Pure functions, used by the stream's compressing threads, by the estimate's sample
// and by the fuzzer, so all three judge a cluster the same way.
#include <QByteArray>

#include <cstddef>

namespace cvmi::convert {

struct EncodedCluster {
    enum class Kind { Zero, Compressed, Raw };
    Kind kind = Kind::Zero;
    QByteArray bytes; // Compressed: the raw deflate stream; Raw: the cluster; Zero: empty
};

class ClusterCodec {
public:
    explicit ClusterCodec(int level);
    ~ClusterCodec();
    ClusterCodec(const ClusterCodec&) = delete;
    ClusterCodec& operator=(const ClusterCodec&) = delete;

    // `data` is one whole cluster (Qcow2Stream::clusterSize bytes; a short last cluster of the
    // disk is padded with zeros by the caller).
    EncodedCluster encode(const char* data, size_t size);

    static bool allZero(const char* data, size_t size);
    // The longest compressed cluster we store: below this the saving is at least one sector,
    // above it the cluster goes as it is (the sector rounding would eat the gain). It also keeps
    // the descriptor's sector count far inside its 8 bits.
    static constexpr int maxCompressedSize = 65536 - 512;
    // qemu reads compressed clusters with a 4 KiB window (inflateInit2(-12)): a stream made with
    // a larger window may use distances qemu's inflate refuses. So we compress with the same.
    static constexpr int windowBits = -12;

private:
    struct State;
    State* m_state;
};

} // namespace cvmi::convert

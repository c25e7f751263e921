#pragma once

// The qcow2 reader's class, shared by Qcow2Image.cpp (opening and reading) and Qcow2Map.cpp (the
// allocation map). Other code opens qcow2 images with openQcow2() (disk/Qcow2Image.h).
#include "disk/DiskImage.h"
#include "disk/Qcow2Header.h"

#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>
#include <zstd.h>

namespace cvmi::disk::qcow2 {

inline constexpr uint64_t kOffsetMask = 0x00fffffffffffe00ULL; // bits 9-55 of L1 and L2 entries
inline constexpr uint64_t kCompressedFlag = uint64_t(1) << 62;
inline constexpr uint64_t kFlagBits = uint64_t(3) << 62; // compressed and "copied"
inline constexpr uint64_t kZeroFlag = 1;
inline constexpr uint32_t kSubclusters = 32;

struct ZstdDeleter {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// One cached piece of an L2 table, entries already in host byte order.
struct L2Slice {
    uint64_t hostOffset = 0;
    std::vector<uint64_t> words;
};

class Qcow2Image final : public DiskImage {
public:
    Qcow2Image(std::unique_ptr<ByteSource> file, Qcow2Header header, std::vector<uint64_t> l1);

    QString format() const override { return QStringLiteral("qcow2"); }
    QString subformat() const override
    {
        return m_header.version == 2 ? QStringLiteral("v2") : QStringLiteral("v3");
    }
    uint64_t virtualSize() const override { return m_header.size; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override;
    // Qcow2Map.cpp: from the L1 and L2 tables, through the same slice cache as read().
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

    void reportFindings();

private:
    bool mapRun(uint64_t offset, bool* data, uint64_t* runEnd, Error* error);
    bool lookup(uint64_t cluster, uint64_t* entry, uint64_t* bitmap, Error* error);
    const std::vector<uint64_t>* slice(uint64_t hostOffset, Error* error);
    bool readCluster(uint64_t offset, uint64_t entry, uint64_t bitmap, char* out, size_t* n,
                     Error* error);
    bool readSubclusters(uint64_t offset, uint64_t entry, uint64_t bitmap, char* out, size_t* n,
                         Error* error);
    bool readData(uint64_t guestOffset, uint64_t hostOffset, char* out, size_t n, Error* error);
    bool readCompressed(uint64_t entry, uint64_t within, char* out, size_t n, Error* error);
    bool inflateDeflate(size_t inputBytes);
    bool inflateZstd(size_t inputBytes);

    std::unique_ptr<ByteSource> m_file;
    Qcow2Header m_header;
    std::vector<uint64_t> m_l1;
    uint64_t m_clusterSize;
    uint32_t m_l2Bits;
    uint64_t m_entryBytes;
    uint64_t m_sliceBytes;
    // Least recently used last; the map finds a slice by its offset in the file.
    std::list<L2Slice> m_slices;
    std::unordered_map<uint64_t, std::list<L2Slice>::iterator> m_sliceIndex;
    // The last decompressed cluster, keyed by its descriptor: sequential reads hit it many times.
    uint64_t m_cachedDescriptor = UINT64_MAX;
    std::vector<char> m_clusterData;
    std::vector<char> m_compressed;
    std::unique_ptr<ZSTD_DCtx, ZstdDeleter> m_zstd;
};

} // namespace cvmi::disk::qcow2

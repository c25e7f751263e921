#pragma once

// A hosted sparse extent ("KDMV"), including the stream-optimized (compressed) variant, as
// described in VMware's Virtual Disk Format 5.0, "Hosted Sparse Extents" and "Stream-Optimized
// Compressed Sparse Extents". The extent does not own its file: VmdkImage may close and reopen
// extent files so that a disk split in thousands of pieces does not exhaust file descriptors.
#include "disk/ByteSource.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace cvmi::disk {

struct VmdkSparseHeader {
    uint32_t version = 0;
    uint32_t flags = 0;
    uint64_t capacity = 0;  // sectors
    uint64_t grainSize = 0; // sectors
    uint64_t descriptorOffset = 0;
    uint64_t descriptorSize = 0;
    uint32_t numGTEsPerGT = 0;
    uint64_t rgdOffset = 0;
    uint64_t gdOffset = 0;
    uint64_t overHead = 0;
    bool uncleanShutdown = false;
    uint16_t compressAlgorithm = 0;
};

class VmdkSparseExtent {
public:
    // Reads and checks the header, and for a stream-optimized extent whose header says
    // "grain directory at the end" the footer. No table is read here: tables load on first use.
    static std::unique_ptr<VmdkSparseExtent> open(ByteSource& file, Error* error);

    const VmdkSparseHeader& header() const { return m_header; }
    uint64_t capacityBytes() const { return m_header.capacity * 512; }
    bool compressed() const { return m_header.compressAlgorithm != 0; }

    // The descriptor text stored inside the extent, or an empty array when there is none.
    QByteArray readEmbeddedDescriptor(ByteSource& file, Error* error) const;

    // Reads extent bytes [offset, offset+length); the caller keeps the range within capacity.
    // Unallocated and zeroed grains read as zeros.
    bool read(ByteSource& file, uint64_t offset, void* buffer, size_t length, Error* error);
    // Appends the allocation map of extent bytes [offset, offset+length), moved to start at
    // guest offset `guestOffset`, to *out (merging, as disk/ExtentMap.h does): grains 0 (never
    // written) and 1 (zeroed) and grain tables that are absent are no data. Reads only tables.
    bool map(ByteSource& file, uint64_t offset, uint64_t length, uint64_t guestOffset,
             QList<Extent>* out, Error* error);

private:
    explicit VmdkSparseExtent(const VmdkSparseHeader& header);
    bool gdEntry(ByteSource& file, uint64_t gdIndex, uint32_t* entry, Error* error);
    bool grainTable(ByteSource& file, uint64_t gdIndex, const std::vector<uint32_t>** out,
                    Error* error);
    bool grainSector(ByteSource& file, uint64_t grain, uint32_t* sector, Error* error);
    bool loadCompressedGrain(ByteSource& file, uint64_t grain, uint32_t sector, Error* error);

    VmdkSparseHeader m_header;
    uint64_t m_grainBytes = 0;
    uint64_t m_gdEntries = 0;
    // Grain directory in chunks and grain tables, keyed by index, loaded on first use so that
    // memory follows what is read rather than the virtual size.
    std::unordered_map<uint64_t, std::vector<uint32_t>> m_gdChunks;
    std::unordered_map<uint64_t, std::vector<uint32_t>> m_tables;
    // The last decompressed grain: sequential reads hit one grain many times.
    uint64_t m_cachedGrain = UINT64_MAX;
    std::vector<char> m_grainData;
};

} // namespace cvmi::disk

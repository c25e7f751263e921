#pragma once

// A container's table of fixed-size entries (the VHD and VHDX BAT, the VDI block map) read from
// the file in 4 KiB pages when first used, so that a 2 TiB disk opens without reading its
// megabytes of table. Past `kMaxPages` the cache starts over, as VmdkSparseExtent's does:
// bounded memory whatever the disk, and a sequential reader (the converter) rereads nothing.
#include "disk/ByteSource.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cvmi::disk {

template <typename Entry> class PagedTable {
public:
    using Decode = Entry (*)(const void*); // one entry from its bytes: util/Endian.h's le32, be32…

    static constexpr uint64_t kPageBytes = 4096;
    static constexpr uint64_t kPageEntries = kPageBytes / sizeof(Entry);
    static constexpr size_t kMaxPages = 256; // 1 MiB of table

    PagedTable() = default;
    // `entries` entries from `fileOffset` on; the caller has checked they lie within the file.
    PagedTable(uint64_t fileOffset, uint64_t entries, Decode decode)
        : m_offset(fileOffset), m_entries(entries), m_decode(decode)
    {
    }

    uint64_t size() const { return m_entries; }

    // Entry `index` (< size()), reading its page on first use.
    bool entry(ByteSource& file, uint64_t index, Entry* out, Error* error)
    {
        const uint64_t page = index / kPageEntries;
        auto it = m_pages.find(page);
        if (it == m_pages.end()) {
            const uint64_t first = page * kPageEntries;
            const uint64_t count = std::min(kPageEntries, m_entries - first);
            std::vector<unsigned char> raw(count * sizeof(Entry));
            if (!file.readAt(m_offset + first * sizeof(Entry), raw.data(), raw.size(), error))
                return false;
            std::vector<Entry> entries(count);
            for (uint64_t i = 0; i < count; ++i)
                entries[i] = m_decode(raw.data() + i * sizeof(Entry));
            if (m_pages.size() >= kMaxPages)
                m_pages.clear();
            it = m_pages.emplace(page, std::move(entries)).first;
        }
        *out = it->second[index - page * kPageEntries];
        return true;
    }

private:
    uint64_t m_offset = 0;
    uint64_t m_entries = 0;
    Decode m_decode = nullptr;
    std::unordered_map<uint64_t, std::vector<Entry>> m_pages;
};

} // namespace cvmi::disk

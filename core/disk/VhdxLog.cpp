// Whether a VHDX log holds entries to replay, searched as qemu's vhdx_log_search does: from each
// sector of the ring, an entry whose header is valid for this file's LogGuid and whose CRC-32C
// over all its sectors matches. We stop at the first one: one is enough to refuse the file.
#include "disk/VhdxHeader.h"

#include "util/Crc32c.h"
#include "util/Endian.h"

#include <cstring>

namespace cvmi::disk::vhdx {

namespace {

constexpr size_t kEntryHeader = 64;
constexpr size_t kDescriptor = 32;
// A hostile log can make every sector the start of a long entry whose checksum must be computed;
// past this many bytes summed we stop and call the log damaged rather than spend seconds.
constexpr uint64_t kMaxSummedBytes = uint64_t(256) << 20; // a 1 MiB log summed 256 times

enum class Entry { Invalid, Valid, Damaged };

// The entry starting at sector offset `at`: the log's `entryLength` bytes from there, wrapping.
std::vector<unsigned char> gather(const std::vector<unsigned char>& log, size_t at, uint64_t bytes)
{
    std::vector<unsigned char> out(bytes);
    for (uint64_t done = 0; done < bytes; done += kLogSector) {
        std::memcpy(out.data() + done, log.data() + at, kLogSector);
        at = (at + kLogSector) % log.size();
    }
    return out;
}

bool descriptorValid(const unsigned char* d, uint64_t sequence)
{
    if (le64(d + 24) != sequence || le64(d + 16) % kLogSector != 0)
        return false;
    if (std::memcmp(d, "zero", 4) == 0)
        return le64(d + 8) % kLogSector == 0;
    return std::memcmp(d, "desc", 4) == 0;
}

Entry entryAt(const std::vector<unsigned char>& log, size_t at, const Guid& logGuid,
              uint64_t* summed)
{
    const unsigned char* h = log.data() + at;
    const uint32_t entryLength = le32(h + 8);
    const uint64_t sequence = le64(h + 16);
    const uint32_t descriptors = le32(h + 24);
    if (std::memcmp(h, "loge", 4) != 0 || entryLength > log.size() ||
        entryLength % kLogSector != 0 || sequence == 0 || guidAt(h + 32) != logGuid ||
        uint64_t(descriptors) * kDescriptor > entryLength)
        return Entry::Invalid;
    // The header and 126 descriptors fill the first sector, 128 descriptors each further one.
    const uint64_t descriptorSectors = (uint64_t(descriptors) + 2 + 127) / 128;
    const uint64_t sectors = std::max<uint64_t>(descriptorSectors, entryLength / kLogSector);
    *summed += sectors * kLogSector;
    if (*summed > kMaxSummedBytes)
        return Entry::Damaged;
    std::vector<unsigned char> entry = gather(log, at, sectors * kLogSector);
    for (uint32_t i = 0; i < descriptors; ++i)
        if (!descriptorValid(entry.data() + kEntryHeader + size_t(i) * kDescriptor, sequence))
            return Entry::Damaged;
    const uint32_t stored = le32(entry.data() + 4);
    std::memset(entry.data() + 4, 0, 4);
    return util::crc32c(entry.data(), entry.size()) == stored ? Entry::Valid : Entry::Invalid;
}

} // namespace

LogState searchLog(const std::vector<unsigned char>& log, const Guid& logGuid)
{
    if (log.empty() || log.size() % kLogSector != 0)
        return LogState::Empty;
    uint64_t summed = 0;
    for (size_t at = 0; at < log.size(); at += kLogSector) {
        switch (entryAt(log, at, logGuid, &summed)) {
        case Entry::Valid:
            return LogState::NeedsReplay;
        case Entry::Damaged:
            return LogState::Damaged;
        case Entry::Invalid:
            break;
        }
    }
    return LogState::Empty;
}

} // namespace cvmi::disk::vhdx

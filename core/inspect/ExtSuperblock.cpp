// The ext2/3/4 super block, read field by field at the offsets of the kernel's struct
// ext4_super_block (fs/ext4/ext4.h). Every read is bounds-checked against the 1 KiB block: the
// bytes come from an untrusted disk.
#include "inspect/ExtSuperblock.h"

#include "util/Endian.h"

namespace cvmi::inspect {

namespace {

// e2fsprogs' names (lib/e2p/feature.c), by bit, for s_feature_compat, _incompat, _ro_compat.
struct FeatureName {
    uint32_t bit;
    const char* name;
};
constexpr FeatureName kCompat[] = {
    {0x0001, "dir_prealloc"}, {0x0002, "imagic_inodes"},   {0x0004, "has_journal"},
    {0x0008, "ext_attr"},     {0x0010, "resize_inode"},    {0x0020, "dir_index"},
    {0x0040, "lazy_bg"},      {0x0100, "snapshot_bitmap"}, {0x0200, "sparse_super2"},
    {0x0400, "fast_commit"},  {0x0800, "stable_inodes"},   {0x1000, "orphan_file"},
};
constexpr FeatureName kIncompat[] = {
    {0x0001, "compression"}, {0x0002, "filetype"},    {0x0004, "needs_recovery"},
    {0x0008, "journal_dev"}, {0x0010, "meta_bg"},     {0x0040, "extent"},
    {0x0080, "64bit"},       {0x0100, "mmp"},         {0x0200, "flex_bg"},
    {0x0400, "ea_inode"},    {0x1000, "dirdata"},     {0x2000, "metadata_csum_seed"},
    {0x4000, "large_dir"},   {0x8000, "inline_data"}, {0x10000, "encrypt"},
    {0x20000, "casefold"},
};
constexpr FeatureName kRoCompat[] = {
    {0x0001, "sparse_super"},    {0x0002, "large_file"},    {0x0008, "huge_file"},
    {0x0010, "uninit_bg"},       {0x0020, "dir_nlink"},     {0x0040, "extra_isize"},
    {0x0080, "snapshot"},        {0x0100, "quota"},         {0x0200, "bigalloc"},
    {0x0400, "metadata_csum"},   {0x0800, "replica"},       {0x1000, "read-only"},
    {0x2000, "project"},         {0x4000, "shared_blocks"}, {0x8000, "verity"},
    {0x10000, "orphan_present"},
};

template <size_t N>
void appendNames(uint32_t mask, const FeatureName (&table)[N], char kind, QStringList* out)
{
    for (int bit = 0; bit < 32; ++bit) {
        const uint32_t m = uint32_t(1) << bit;
        if (!(mask & m))
            continue;
        const char* name = nullptr;
        for (const FeatureName& f : table)
            if (f.bit == m)
                name = f.name;
        *out << (name ? QString::fromLatin1(name)
                      : QStringLiteral("FEATURE_%1%2").arg(QLatin1Char(kind)).arg(bit));
    }
}

// A 32-bit time with its 8 high bits kept elsewhere (ext4's y2038 extension).
int64_t timeField(const uint8_t* sb, size_t lo, size_t hi)
{
    return int64_t(le32(sb + lo)) | (int64_t(sb[hi]) << 32);
}

QString textField(const uint8_t* sb, size_t offset, size_t length)
{
    size_t n = 0;
    while (n < length && sb[offset + n] != 0)
        ++n;
    return QString::fromUtf8(reinterpret_cast<const char*>(sb + offset), qsizetype(n));
}

} // namespace

bool parseExtSuperblock(QByteArrayView head, ExtFsState* out)
{
    *out = ExtFsState{};
    if (size_t(head.size()) < kExtSuperblockOffset + kExtSuperblockBytes)
        return false;
    const uint8_t* sb = reinterpret_cast<const uint8_t*>(head.data()) + kExtSuperblockOffset;
    if (le16(sb + 56) != 0xEF53)
        return false;
    ExtFsState s;
    s.read = true;
    s.state = le16(sb + 58);
    s.compat = le32(sb + 92);
    s.incompat = le32(sb + 96);
    s.roCompat = le32(sb + 100);
    const bool wide = s.incompat & kExtIncompat64Bit;
    const auto count = [&](size_t lo, size_t hi) {
        return uint64_t(le32(sb + lo)) | (wide ? uint64_t(le32(sb + hi)) << 32 : 0);
    };
    s.blocks = count(4, 336);
    s.reservedBlocks = count(8, 340);
    s.freeBlocks = count(12, 344);
    const uint32_t logBlockSize = le32(sb + 24);
    // 1 KiB to 64 KiB are the block sizes ext4 knows; anything else is not a size to multiply by.
    s.blockSize = logBlockSize <= 6 ? uint32_t(1024) << logBlockSize : 0;
    s.countsSane = s.blockSize && s.blocks && s.freeBlocks <= s.blocks &&
                   s.reservedBlocks <= s.blocks &&
                   s.blocks <= (uint64_t(1) << 62) / s.blockSize; // bytes stay countable
    s.lastMountTime = timeField(sb, 44, 629);
    s.lastWriteTime = timeField(sb, 48, 628);
    s.mountCount = le16(sb + 52);
    s.maxMountCount = int16_t(le16(sb + 54));
    s.lastCheckTime = timeField(sb, 64, 631);
    s.lastMountedOn = textField(sb, 136, 64);
    s.lastOrphan = le32(sb + 232);
    s.errorCount = le32(sb + 404);
    s.firstErrorTime = timeField(sb, 408, 632);
    s.firstErrorFunction = textField(sb, 424, 32);
    *out = s;
    return true;
}

QStringList extFeatureNames(uint32_t compat, uint32_t incompat, uint32_t roCompat)
{
    QStringList out;
    appendNames(compat, kCompat, 'C', &out);
    appendNames(incompat, kIncompat, 'I', &out);
    appendNames(roCompat, kRoCompat, 'R', &out);
    return out;
}

QStringList extFeatureNames(const ExtFsState& state)
{
    return extFeatureNames(state.compat, state.incompat, state.roCompat);
}

QString extStateText(uint16_t state)
{
    QString text = state & kExtStateValid ? QStringLiteral("clean") : QStringLiteral("not clean");
    if (state & kExtStateErrors)
        text += QStringLiteral(" with errors");
    return text;
}

uint64_t extTotalBytes(const ExtFsState& state)
{
    return state.countsSane ? state.blocks * state.blockSize : 0;
}

uint64_t extFreeBytes(const ExtFsState& state)
{
    return state.countsSane ? state.freeBlocks * state.blockSize : 0;
}

uint64_t extAvailableBytes(const ExtFsState& state)
{
    if (!state.countsSane || state.freeBlocks <= state.reservedBlocks)
        return 0;
    return (state.freeBlocks - state.reservedBlocks) * state.blockSize;
}

} // namespace cvmi::inspect

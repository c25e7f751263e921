// The XFS primary superblock (xfs_dsb in the kernel's xfs_format.h): geometry and feature bits.
#include "inspect/xfs/XfsVolume.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QStringList>

#include <bit>

namespace cvmi::inspect::xfs {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::XfsGuestFs)
};

constexpr uint32_t kMagic = 0x58465342; // "XFSB"
// sb_versionnum bits (v4 and v5 alike).
constexpr uint16_t kVersionDirV2 = 0x2000;
constexpr uint16_t kVersionAsciiCi = 0x4000; // XFS_SB_VERSION_BORGBIT
constexpr uint16_t kVersionMoreBits = 0x8000;
// sb_features2 on v4: lazy counters, attr2, parent (never shipped), 32-bit project ids, ftype.
constexpr uint32_t kV4Features2Known = 0x1 | 0x2 | 0x8 | 0x80 | 0x200;
constexpr uint32_t kV4Features2Ftype = 0x200;
// sb_features_incompat on v5.
constexpr uint32_t kIncompatFtype = 0x1;
constexpr uint32_t kIncompatSparseInodes = 0x2;
constexpr uint32_t kIncompatMetaUuid = 0x4;
constexpr uint32_t kIncompatBigTime = 0x8;
constexpr uint32_t kIncompatNeedsRepair = 0x10;
constexpr uint32_t kIncompatNrext64 = 0x20;
constexpr uint32_t kIncompatKnown = kIncompatFtype | kIncompatSparseInodes | kIncompatMetaUuid |
                                    kIncompatBigTime | kIncompatNrext64;

bool unreadable(Error* error, const QString& why)
{
    return fail(error, QStringLiteral("fs_unreadable"),
                Text::tr("The XFS superblock is not valid: %1. The file system is damaged or this "
                         "is not XFS.")
                    .arg(why));
}

bool unsupported(Error* error, const QString& what)
{
    return fail(error, QStringLiteral("fs_unsupported"),
                Text::tr("The XFS file system uses %1, which this check cannot read.").arg(what));
}

// log2 of a power of two in [lo, hi], or -1.
int powerOfTwoLog(uint64_t value, uint64_t lo, uint64_t hi)
{
    if (value < lo || value > hi || !std::has_single_bit(value))
        return -1;
    return std::countr_zero(value);
}

QString uuidText(const QByteArray& raw)
{
    const QByteArray hex = raw.toHex();
    return QString::fromLatin1(hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                               hex.mid(16, 4) + '-' + hex.mid(20, 12));
}

bool checkFeatures(const unsigned char* p, Superblock* sb, Error* error)
{
    const uint16_t versionNum = be16(p + 100);
    sb->version = versionNum & 0xf;
    if (sb->version != 4 && sb->version != 5)
        return unsupported(error, Text::tr("superblock version %1").arg(sb->version));
    if (versionNum & kVersionAsciiCi)
        return unsupported(error, Text::tr("ASCII case-insensitive names (ascii-ci)"));
    if (sb->version == 4) {
        if (!(versionNum & kVersionDirV2))
            return unsupported(error, Text::tr("version 1 directories"));
        // Old kernels wrote features2 into the padding after it (sb_bad_features2); the kernel
        // merges the two, and so do we.
        const uint32_t features2 =
            (versionNum & kVersionMoreBits) ? (be32(p + 200) | be32(p + 204)) : 0;
        if (features2 & ~kV4Features2Known)
            return unsupported(
                error,
                Text::tr("unknown v4 features 0x%1").arg(features2 & ~kV4Features2Known, 0, 16));
        sb->hasFtype = features2 & kV4Features2Ftype;
        return true;
    }
    const uint32_t incompat = be32(p + 216);
    if (incompat & kIncompatNeedsRepair)
        return unsupported(error, Text::tr("the needs-repair flag (xfs_repair did not finish; run "
                                           "it on the guest disk first)"));
    if (incompat & ~kIncompatKnown)
        return unsupported(
            error,
            Text::tr("unknown incompatible features 0x%1").arg(incompat & ~kIncompatKnown, 0, 16));
    // Read-only compatible features (free inode B+tree, reverse map, reflink, inode B+tree
    // counters) change nothing that a reader walks, as the kernel's read-only mount agrees.
    sb->hasFtype = incompat & kIncompatFtype;
    sb->bigExtentCounts = incompat & kIncompatNrext64;
    return true;
}

} // namespace

bool parseSuperblock(const QByteArray& bytes, uint64_t size, Superblock* sb, Error* error)
{
    if (bytes.size() < 512)
        return unreadable(error, Text::tr("the file system is smaller than one sector"));
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    if (be32(p) != kMagic)
        return unreadable(error, Text::tr("no XFSB magic at byte 0"));
    if (!checkFeatures(p, sb, error))
        return false;
    const int blockLog = powerOfTwoLog(be32(p + 4), 512, 65536);
    if (blockLog < 0 || p[120] != blockLog)
        return unreadable(error, Text::tr("block size %1").arg(be32(p + 4)));
    sb->blockSize = be32(p + 4);
    sb->blockLog = unsigned(blockLog);
    const int sectorLog = powerOfTwoLog(be16(p + 102), 512, 32768);
    if (sectorLog < 0 || p[121] != sectorLog)
        return unreadable(error, Text::tr("sector size %1").arg(be16(p + 102)));
    sb->sectorSize = be16(p + 102);
    // v5 inodes carry a 176-byte core and need at least 512 bytes; v4 ones at least 256.
    const int inodeLog = powerOfTwoLog(be16(p + 104), sb->version == 5 ? 512 : 256, 2048);
    if (inodeLog < 0 || p[122] != inodeLog || inodeLog > blockLog)
        return unreadable(error, Text::tr("inode size %1").arg(be16(p + 104)));
    sb->inodeSize = be16(p + 104);
    sb->inodeLog = unsigned(inodeLog);
    sb->inodesPerBlockLog = unsigned(blockLog - inodeLog);
    if (p[123] != sb->inodesPerBlockLog || be16(p + 106) != (1u << sb->inodesPerBlockLog))
        return unreadable(error, Text::tr("%1 inodes per block").arg(be16(p + 106)));
    sb->agBlocks = be32(p + 84);
    sb->agCount = be32(p + 88);
    sb->agBlockLog = p[124];
    // agblklog is log2 of agblocks rounded up; an AG holds at least 64 blocks (XFS_MIN_AG_BLOCKS).
    if (sb->agBlocks < 64 || sb->agBlockLog != unsigned(std::bit_width(sb->agBlocks - 1)))
        return unreadable(error, Text::tr("%1 blocks per allocation group (log %2)")
                                     .arg(sb->agBlocks)
                                     .arg(sb->agBlockLog));
    sb->dataBlocks = be64(p + 8);
    const uint64_t agSpan = uint64_t(sb->agCount) * sb->agBlocks; // both < 2^32: no overflow
    if (sb->agCount == 0 || sb->dataBlocks > agSpan || sb->dataBlocks <= agSpan - sb->agBlocks)
        return unreadable(error, Text::tr("%1 blocks in %2 allocation groups of %3")
                                     .arg(sb->dataBlocks)
                                     .arg(sb->agCount)
                                     .arg(sb->agBlocks));
    // Inode numbers are agno << (agblklog + inopblog) | ...: the shift must leave room for agno.
    if (sb->agBlockLog + sb->inodesPerBlockLog + unsigned(std::bit_width(sb->agCount)) > 64)
        return unreadable(error, Text::tr("inode numbers wider than 64 bits"));
    sb->dirBlockLog = p[192];
    if (sb->blockLog + sb->dirBlockLog > 16) // directory blocks are at most 64 KiB
        return unreadable(
            error, Text::tr("directory block size 2^%1").arg(sb->blockLog + sb->dirBlockLog));
    uint64_t bytes64 = 0;
    if (!mulNoOverflow(sb->dataBlocks, sb->blockSize, &bytes64) || bytes64 > size)
        return fail(error, QStringLiteral("fs_unreadable"),
                    Text::tr("The XFS file system declares %1 bytes but its partition or volume "
                             "holds only %2: the disk image is truncated or the partition table "
                             "is wrong.")
                        .arg(bytes64)
                        .arg(size));
    sb->rootIno = be64(p + 56);
    sb->uuid = bytes.mid(32, 16);
    sb->label = QString::fromUtf8(bytes.mid(108, 12).split('\0').first());
    return true;
}

QString uuidString(const QByteArray& raw)
{
    return uuidText(raw);
}

} // namespace cvmi::inspect::xfs

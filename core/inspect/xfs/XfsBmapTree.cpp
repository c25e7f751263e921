// Data forks in B+tree format: the root (xfs_bmdr_block) in the inode, then long-pointer blocks
// "BMAP" (v4) or "BMA3" (v5) down to the leaves, whose records are the packed extents.
#include "inspect/xfs/XfsVolume.h"
#include "util/Endian.h"

#include <QCoreApplication>

namespace cvmi::inspect::xfs {

namespace {

// Messages through QCoreApplication::translate with the context spelled out: lupdate cannot
// resolve a local Text struct from inside Volume's member functions.

constexpr uint32_t kBmapMagicV4 = 0x424d4150; // "BMAP"
constexpr uint32_t kBmapMagicV5 = 0x424d4133; // "BMA3"
constexpr unsigned kHeaderV4 = 24;            // XFS_BTREE_LBLOCK_LEN
constexpr unsigned kHeaderV5 = 72;            // XFS_BTREE_LBLOCK_CRC_LEN
constexpr unsigned kRootHeader = 4;           // bb_level, bb_numrecs
constexpr unsigned kRecord = 16;              // an extent record, or a key and a pointer

} // namespace

bool Volume::btreeExtents(const Inode& inode, QList<Extent>* out, Error* error)
{
    const auto* root = reinterpret_cast<const unsigned char*>(inode.dataFork.constData());
    const unsigned forkSize = unsigned(inode.dataFork.size());
    if (forkSize < kRootHeader + kRecord)
        return damaged(error, QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                                          "inode %1 has a B+tree root of %2 bytes")
                                  .arg(inode.ino)
                                  .arg(forkSize));
    const int level = be16(root);
    const unsigned records = be16(root + 2);
    // Keys first, then pointers after room for the most keys the root can hold (xfs_bmdr_maxrecs).
    const unsigned maxRecords = (forkSize - kRootHeader) / kRecord;
    if (level < 1 || level > kMaxBtreeDepth || records < 1 || records > maxRecords)
        return damaged(error, QCoreApplication::translate(
                                  "cvmi::inspect::XfsGuestFs",
                                  "inode %1 has a B+tree root of level %2 with %3 records")
                                  .arg(inode.ino)
                                  .arg(level)
                                  .arg(records));
    QSet<uint64_t> seen;
    for (unsigned i = 0; i < records; ++i) {
        const uint64_t pointer = be64(root + kRootHeader + maxRecords * 8 + i * 8);
        if (!walkBtree(inode, pointer, level - 1, &seen, out, error))
            return false;
    }
    return true;
}

bool Volume::walkBtree(const Inode& inode, uint64_t fsblock, int level, QSet<uint64_t>* seen,
                       QList<Extent>* out, Error* error)
{
    uint64_t block = 0;
    if (!linearBlock(
            fsblock, 1, &block, error,
            QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "The block map of inode %1")
                .arg(inode.ino)))
        return false;
    // A block seen twice is a cycle or a shared subtree: either way the map is damaged.
    if (seen->contains(block))
        return damaged(
            error, QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                               "the block map of inode %1 visits block %2 twice")
                       .arg(inode.ino)
                       .arg(fsblock));
    if (seen->size() >= kMaxBtreeBlocks)
        return fail(error, QStringLiteral("file_too_large"),
                    QCoreApplication::translate(
                        "cvmi::inspect::XfsGuestFs",
                        "The block map of inode %1 has more than %2 blocks, more than any "
                        "file the inspection reads; it was not read.")
                        .arg(inode.ino)
                        .arg(kMaxBtreeBlocks));
    seen->insert(block);
    QByteArray bytes;
    if (!readBlocks(block, 1, &bytes, error, false))
        return false;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const bool v5 = m_sb.version == 5;
    const unsigned header = v5 ? kHeaderV5 : kHeaderV4;
    const auto bad = [&](const QString& why) {
        return damaged(error,
                       QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                                   "block %1 of the block map of inode %2 %3")
                           .arg(fsblock)
                           .arg(inode.ino)
                           .arg(why));
    };
    if (be32(p) != (v5 ? kBmapMagicV5 : kBmapMagicV4))
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "has no %1 magic")
                       .arg(v5 ? QStringLiteral("BMA3") : QStringLiteral("BMAP")));
    if (v5 && be64(p + 56) != inode.ino) // bb_owner
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "belongs to inode %1")
                       .arg(be64(p + 56)));
    const unsigned maxRecords = (m_sb.blockSize - header) / kRecord;
    const unsigned records = be16(p + 6);
    if (be16(p + 4) != level || records > maxRecords)
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                               "has level %1 (expected %2) and %3 records")
                       .arg(be16(p + 4))
                       .arg(level)
                       .arg(records));
    if (level == 0)
        return decodeExtents(p + header, records, inode, out, error);
    for (unsigned i = 0; i < records; ++i) {
        const uint64_t pointer = be64(p + header + maxRecords * 8 + i * 8);
        if (!walkBtree(inode, pointer, level - 1, seen, out, error))
            return false;
    }
    return true;
}

} // namespace cvmi::inspect::xfs

// Blocks, inodes and extent lists of one XFS file system (xfs_format.h, xfs_da_format.h).
#include "inspect/xfs/XfsVolume.h"
#include "util/Endian.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace cvmi::inspect::xfs {

namespace {

// Messages through QCoreApplication::translate with the context spelled out: lupdate cannot
// resolve a local Text struct from inside Volume's member functions.

constexpr uint16_t kInodeMagic = 0x494e; // "IN"
constexpr unsigned kCoreV2 = 100;        // inode core of versions 1 and 2
constexpr unsigned kCoreV3 = 176;        // inode core of version 3 (v5 file systems)
constexpr uint16_t kFlagRealtime = 0x1;  // di_flags: XFS_DIFLAG_REALTIME
constexpr uint64_t kFlag2Nrext64 = 0x10; // di_flags2: XFS_DIFLAG2_NREXT64

uint64_t mask(unsigned bits)
{
    return bits >= 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
}

} // namespace

bool damaged(Error* error, const QString& what)
{
    return fail(
        error, QStringLiteral("fs_read_error"),
        QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                    "The XFS file system is damaged: %1. It was not read further.")
            .arg(what));
}

GuestNode::Kind Inode::kind() const
{
    switch (mode & 0170000) {
    case 0100000:
        return GuestNode::Kind::File;
    case 0040000:
        return GuestNode::Kind::Directory;
    case 0120000:
        return GuestNode::Kind::Symlink;
    default:
        return GuestNode::Kind::Other;
    }
}

Volume::Volume(disk::DiskImage& disk, uint64_t offset, uint64_t size, Superblock sb)
    : m_disk(disk), m_offset(offset), m_size(size), m_sb(std::move(sb))
{
}

bool Volume::readBlocks(uint64_t block, uint64_t count, QByteArray* out, Error* error, bool cache)
{
    // Metadata only: a directory block (64 KiB at most) or less.
    uint64_t end = 0;
    if (count == 0 || count > (uint64_t(1) << (16 - m_sb.blockLog)) ||
        !addNoOverflow(block, count, &end) || end > m_sb.dataBlocks)
        return damaged(error, QCoreApplication::translate(
                                  "cvmi::inspect::XfsGuestFs",
                                  "blocks %1+%2 lie outside the file system of %3 blocks")
                                  .arg(block)
                                  .arg(count)
                                  .arg(m_sb.dataBlocks));
    for (qsizetype i = 0; i < m_cache.size(); ++i) {
        if (m_cache[i].block == block && m_cache[i].count == count) {
            *out = m_cache[i].bytes;
            m_cache.move(i, m_cache.size() - 1);
            return true;
        }
    }
    out->resize(qsizetype(count << m_sb.blockLog));
    // end <= dataBlocks and dataBlocks * blockSize <= m_size (parseSuperblock): no overflow.
    if (!m_disk.read(m_offset + (block << m_sb.blockLog), out->data(), size_t(out->size()), error))
        return false;
    if (cache) {
        if (m_cache.size() >= kCacheBlocks)
            m_cache.removeFirst();
        m_cache.append(CachedBlock{block, count, *out});
    }
    return true;
}

bool Volume::linearBlock(uint64_t fsblock, uint64_t count, uint64_t* linear, Error* error,
                         const QString& where) const
{
    const uint64_t agno = fsblock >> m_sb.agBlockLog;
    const uint64_t agbno = fsblock & mask(m_sb.agBlockLog);
    if (agno >= m_sb.agCount || agbno >= m_sb.agBlocks || count > m_sb.agBlocks - agbno)
        return damaged(error, QCoreApplication::translate(
                                  "cvmi::inspect::XfsGuestFs",
                                  "%1 points to block %2 (allocation group %3, block %4, %5 "
                                  "blocks), outside the file system")
                                  .arg(where)
                                  .arg(fsblock)
                                  .arg(agno)
                                  .arg(agbno)
                                  .arg(count));
    *linear = agno * m_sb.agBlocks + agbno; // agno < agCount: fits, as agCount * agBlocks does
    if (*linear + count > m_sb.dataBlocks)  // the last AG may be shorter than agBlocks
        return damaged(error, QCoreApplication::translate(
                                  "cvmi::inspect::XfsGuestFs",
                                  "%1 points to block %2, past the end of the file system")
                                  .arg(where)
                                  .arg(fsblock));
    return true;
}

bool Volume::readInode(uint64_t ino, Inode* inode, Error* error)
{
    const unsigned perBlockLog = m_sb.inodesPerBlockLog;
    const uint64_t fsblock = ino >> perBlockLog; // agno << agblklog | agbno
    uint64_t block = 0;
    QByteArray bytes;
    if (!linearBlock(
            fsblock, 1, &block, error,
            QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "Inode number %1").arg(ino)) ||
        !readBlocks(block, 1, &bytes, error))
        return false;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData()) +
                    ((ino & mask(perBlockLog)) << m_sb.inodeLog);
    const auto bad = [&](const QString& why) {
        return damaged(error,
                       QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "inode %1 %2")
                           .arg(ino)
                           .arg(why));
    };
    if (be16(p) != kInodeMagic)
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "has no IN magic"));
    const unsigned version = p[4];
    if (m_sb.version == 5 ? version != 3 : (version != 1 && version != 2))
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                               "has version %1 on a v%2 file system")
                       .arg(version)
                       .arg(m_sb.version));
    if (version == 3 && be64(p + 152) != ino)
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "says it is inode %1")
                       .arg(be64(p + 152)));
    inode->ino = ino;
    inode->mode = be16(p + 2);
    inode->format = p[5];
    inode->size = be64(p + 56);
    inode->realtime = be16(p + 90) & kFlagRealtime;
    if (inode->size > uint64_t(INT64_MAX))
        return bad(
            QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "declares a negative size"));
    const bool big = version == 3 && m_sb.bigExtentCounts && (be64(p + 120) & kFlag2Nrext64);
    inode->extentCount = big ? be64(p + 24) : be32(p + 76);
    const unsigned core = version == 3 ? kCoreV3 : kCoreV2;
    const unsigned literal = m_sb.inodeSize - core;
    const unsigned forkOffset = unsigned(p[82]) * 8; // where the attribute fork starts, 0: none
    if (forkOffset > literal)
        return bad(QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                               "has its attribute fork at %1, past the inode")
                       .arg(forkOffset));
    const unsigned forkSize = forkOffset ? forkOffset : literal;
    inode->dataFork = QByteArray(reinterpret_cast<const char*>(p + core), forkSize);
    return true;
}

bool Volume::decodeExtents(const unsigned char* records, uint64_t count, const Inode& inode,
                           QList<Extent>* out, Error* error) const
{
    for (uint64_t i = 0; i < count; ++i) {
        if (out->size() >= kMaxExtents)
            return fail(error, QStringLiteral("file_too_large"),
                        QCoreApplication::translate(
                            "cvmi::inspect::XfsGuestFs",
                            "Inode %1 has more than %2 extents, more than any file the "
                            "inspection reads; it was not read.")
                            .arg(inode.ino)
                            .arg(kMaxExtents));
        // 128 bits: unwritten flag (1), file offset (54), start block (52), block count (21).
        const uint64_t l0 = be64(records + i * 16);
        const uint64_t l1 = be64(records + i * 16 + 8);
        Extent extent;
        extent.unwritten = l0 >> 63;
        extent.fileBlock = (l0 & mask(63)) >> 9;
        const uint64_t fsblock = ((l0 & mask(9)) << 43) | (l1 >> 21);
        extent.count = l1 & mask(21);
        if (extent.count == 0)
            return damaged(error, QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                                              "inode %1 has an empty extent")
                                      .arg(inode.ino));
        if (!linearBlock(
                fsblock, extent.count, &extent.diskBlock, error,
                QCoreApplication::translate("cvmi::inspect::XfsGuestFs", "An extent of inode %1")
                    .arg(inode.ino)))
            return false;
        out->append(extent);
    }
    return true;
}

bool Volume::sortedExtents(const Inode& inode, QList<Extent>* map, Error* error) const
{
    // XFS keeps extents in file order without overlap; anything else is damage, and readMapped
    // relies on the order for its binary search.
    for (qsizetype i = 1; i < map->size(); ++i) {
        const Extent& before = map->at(i - 1);
        if (before.fileBlock + before.count > map->at(i).fileBlock) // < 2^55: no overflow
            return damaged(error, QCoreApplication::translate(
                                      "cvmi::inspect::XfsGuestFs",
                                      "the extents of inode %1 overlap or are out of order")
                                      .arg(inode.ino));
    }
    return true;
}

bool Volume::extents(const Inode& inode, QList<Extent>* out, Error* error)
{
    if (m_mapIno == inode.ino && inode.ino != 0) {
        *out = m_map;
        return true;
    }
    out->clear();
    if (inode.format == Inode::Extents) {
        const uint64_t fits = uint64_t(inode.dataFork.size()) / 16;
        if (inode.extentCount > fits)
            return damaged(error,
                           QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                                       "inode %1 declares %2 extents where %3 fit")
                               .arg(inode.ino)
                               .arg(inode.extentCount)
                               .arg(fits));
        if (!decodeExtents(reinterpret_cast<const unsigned char*>(inode.dataFork.constData()),
                           inode.extentCount, inode, out, error))
            return false;
    } else if (inode.format == Inode::Btree) {
        if (!btreeExtents(inode, out, error))
            return false;
    } else {
        return damaged(error, QCoreApplication::translate(
                                  "cvmi::inspect::XfsGuestFs",
                                  "inode %1 has data fork format %2 where extents were "
                                  "expected")
                                  .arg(inode.ino)
                                  .arg(inode.format));
    }
    if (!sortedExtents(inode, out, error))
        return false;
    m_mapIno = inode.ino;
    m_map = *out;
    return true;
}

bool Volume::readMapped(const Inode& inode, const QList<Extent>& map, uint64_t offset,
                        size_t length, QByteArray* out, Error* error)
{
    out->fill('\0', qsizetype(length)); // holes and unwritten extents stay zeros
    if (length == 0)
        return true;
    const unsigned log = m_sb.blockLog;
    const uint64_t firstBlock = offset >> log;
    auto it = std::upper_bound(map.begin(), map.end(), firstBlock,
                               [](uint64_t b, const Extent& e) { return b < e.fileBlock; });
    if (it != map.begin())
        --it;
    uint64_t end = 0;
    if (!addNoOverflow(offset, length, &end))
        return damaged(error, QCoreApplication::translate("cvmi::inspect::XfsGuestFs",
                                                          "a read of inode %1 past 2^64 bytes")
                                  .arg(inode.ino));
    for (; it != map.end(); ++it) {
        // fileBlock < 2^54 and log <= 16: the shift could pass 2^64, so compare in blocks first.
        if (it->fileBlock > ((end - 1) >> log))
            break;
        const uint64_t start = it->fileBlock << log;
        const uint64_t stop = start + (it->count << log);
        const uint64_t from = std::max(start, offset);
        const uint64_t to = std::min(stop, end);
        if (from >= to || it->unwritten)
            continue;
        // diskBlock + count <= dataBlocks, whose bytes fit in m_size (parseSuperblock).
        const uint64_t at = m_offset + (it->diskBlock << log) + (from - start);
        if (!m_disk.read(at, out->data() + (from - offset), size_t(to - from), error))
            return false;
    }
    return true;
}

} // namespace cvmi::inspect::xfs

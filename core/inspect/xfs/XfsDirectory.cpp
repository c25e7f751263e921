// XFS version 2 directories (xfs_da_format.h): short form inside the inode, else data blocks
// ("XD2B"/"XDB3" for a single-block directory, "XD2D"/"XDD3" for leaf and node directories) below
// XFS_DIR2_LEAF_OFFSET. The leaf, node and free-space blocks above it only index the same names,
// so they are not read.
#include "inspect/xfs/XfsVolume.h"
#include "util/Endian.h"

#include <QCoreApplication>

namespace cvmi::inspect::xfs {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::XfsGuestFs)
};

constexpr uint32_t kBlockMagicV4 = 0x58443242;       // "XD2B"
constexpr uint32_t kDataMagicV4 = 0x58443244;        // "XD2D"
constexpr uint32_t kBlockMagicV5 = 0x58444233;       // "XDB3"
constexpr uint32_t kDataMagicV5 = 0x58444433;        // "XDD3"
constexpr unsigned kDataHeaderV4 = 16;               // magic, three best-free pairs
constexpr unsigned kDataHeaderV5 = 64;               // xfs_dir3_blk_hdr, best-free pairs, padding
constexpr uint16_t kFreeTag = 0xffff;                // an unused region instead of an entry
constexpr uint64_t kLeafOffset = uint64_t(32) << 30; // XFS_DIR2_LEAF_OFFSET: data blocks below

// The listing under construction, with the checks every entry passes.
struct Listing {
    Volume& volume;
    const Inode& dir;
    QList<GuestDirEntry>* entries;
    Error* error;

    bool add(const QByteArray& name, uint64_t ino, int ftype)
    {
        if (name.isEmpty() || name.contains('/') || name.contains('\0'))
            return damaged(error, Text::tr("directory inode %1 holds an entry with an invalid "
                                           "name")
                                      .arg(dir.ino));
        if (name == "." || name == "..")
            return true;
        if (entries->size() >= kMaxDirectoryEntries)
            return fail(error, QStringLiteral("directory_too_large"),
                        Text::tr("Directory (inode %1) has more than %2 entries, more than any "
                                 "real directory; it was not read.")
                            .arg(dir.ino)
                            .arg(kMaxDirectoryEntries));
        entries->append(
            GuestDirEntry{QString::fromUtf8(name), GuestNode{ino, kind(ino, ftype), 0}});
        return true;
    }

    // The entry's file type (XFS_DIR3_FT_*), or the inode's own when entries carry none.
    GuestNode::Kind kind(uint64_t ino, int ftype)
    {
        switch (ftype) {
        case 1:
            return GuestNode::Kind::File;
        case 2:
            return GuestNode::Kind::Directory;
        case 7:
            return GuestNode::Kind::Symlink;
        case 0:
        case -1: {
            // An entry whose inode cannot be read stays listed; using it reports the damage.
            Inode inode;
            return volume.readInode(ino, &inode, nullptr) ? inode.kind() : GuestNode::Kind::Other;
        }
        default:
            return GuestNode::Kind::Other;
        }
    }
};

bool shortForm(Listing& listing)
{
    const Inode& dir = listing.dir;
    const QByteArray& fork = dir.dataFork;
    const auto bad = [&](const QString& why) {
        return damaged(listing.error,
                       Text::tr("the short-form directory inode %1 %2").arg(dir.ino).arg(why));
    };
    if (dir.size > uint64_t(fork.size()) || dir.size < 6)
        return bad(Text::tr("declares %1 bytes in a fork of %2").arg(dir.size).arg(fork.size()));
    const auto* p = reinterpret_cast<const unsigned char*>(fork.constData());
    const unsigned end = unsigned(dir.size);
    const unsigned count = p[0];
    const unsigned inoSize = p[1] ? 8 : 4; // i8count: all numbers are 8 bytes when any is
    const unsigned extra = listing.volume.sb().hasFtype ? 1 : 0;
    unsigned pos = 2 + inoSize; // after count, i8count and the parent's inode number
    for (unsigned i = 0; i < count; ++i) {
        if (pos + 3 > end)
            return bad(Text::tr("ends inside entry %1").arg(i));
        const unsigned length = p[pos];
        const unsigned nameAt = pos + 3; // after namelen and the 2-byte offset
        if (length == 0 || nameAt + length + extra + inoSize > end)
            return bad(Text::tr("has entry %1 of %2 bytes past its end").arg(i).arg(length));
        const QByteArray name(reinterpret_cast<const char*>(p + nameAt), length);
        const int ftype = extra ? p[nameAt + length] : -1;
        const unsigned inoAt = nameAt + length + extra;
        const uint64_t ino = inoSize == 8 ? be64(p + inoAt) : be32(p + inoAt);
        if (!listing.add(name, ino, ftype))
            return false;
        pos = inoAt + inoSize;
    }
    return true;
}

bool dataBlock(Listing& listing, const QByteArray& block, uint64_t logical)
{
    const Superblock& sb = listing.volume.sb();
    const auto* p = reinterpret_cast<const unsigned char*>(block.constData());
    const unsigned size = unsigned(block.size());
    const auto bad = [&](const QString& why) {
        return damaged(listing.error, Text::tr("directory inode %1, block at offset %2, %3")
                                          .arg(listing.dir.ino)
                                          .arg(logical)
                                          .arg(why));
    };
    const uint32_t magic = be32(p);
    const bool v5 = sb.version == 5;
    const bool single = magic == (v5 ? kBlockMagicV5 : kBlockMagicV4);
    if (!single && magic != (v5 ? kDataMagicV5 : kDataMagicV4))
        return bad(Text::tr("has no directory data magic"));
    if (v5 && be64(p + 40) != listing.dir.ino) // the owner in xfs_dir3_blk_hdr
        return bad(Text::tr("belongs to inode %1").arg(be64(p + 40)));
    const unsigned header = v5 ? kDataHeaderV5 : kDataHeaderV4;
    unsigned end = size;
    if (single) {
        // A single-block directory ends with its hash index and a tail: count, stale.
        const uint64_t leaves = be32(p + size - 8);
        if (leaves > (size - 8 - header) / 8)
            return bad(Text::tr("has %1 index entries").arg(leaves));
        end = size - 8 - unsigned(leaves) * 8;
    }
    const unsigned extra = sb.hasFtype ? 1 : 0;
    unsigned pos = header;
    while (pos + 8 <= end) { // entries and free regions are multiples of 8 bytes
        if (be16(p + pos) == kFreeTag) {
            const unsigned length = be16(p + pos + 2);
            if (length == 0 || length % 8 || length > end - pos)
                return bad(Text::tr("has a free region of %1 bytes at %2").arg(length).arg(pos));
            pos += length;
            continue;
        }
        // inumber (8), namelen (1), name, ftype (1, when the feature is on), tag (2), padded.
        if (pos + 9 > end)
            return bad(Text::tr("ends inside the entry at %1").arg(pos));
        const unsigned length = p[pos + 8];
        const unsigned entrySize = (8 + 1 + length + extra + 2 + 7) / 8 * 8;
        if (length == 0 || entrySize > end - pos)
            return bad(
                Text::tr("has an entry of %1 bytes at %2 past its end").arg(length).arg(pos));
        const QByteArray name(reinterpret_cast<const char*>(p + pos + 9), length);
        if (!listing.add(name, be64(p + pos), extra ? p[pos + 9 + length] : -1))
            return false;
        pos += entrySize;
    }
    return true;
}

bool blockForms(Listing& listing)
{
    Volume& volume = listing.volume;
    const Superblock& sb = volume.sb();
    QList<Extent> map;
    if (!volume.extents(listing.dir, &map, listing.error))
        return false;
    const uint64_t perDirBlock = uint64_t(1) << sb.dirBlockLog; // file system blocks
    const uint64_t leafBlock = kLeafOffset >> sb.blockLog;
    uint64_t bytesRead = 0;
    for (const Extent& extent : map) {
        // Directory blocks start on multiples of perDirBlock; one may span two extents, and is
        // read once, from the extent where it starts.
        uint64_t block = (extent.fileBlock + perDirBlock - 1) / perDirBlock * perDirBlock;
        for (; block < extent.fileBlock + extent.count && block < leafBlock; block += perDirBlock) {
            bytesRead += sb.dirBlockSize();
            if (bytesRead > kMaxDirectoryBytes)
                return fail(listing.error, QStringLiteral("directory_too_large"),
                            Text::tr("Directory (inode %1) has more than %2 bytes of entries, "
                                     "more than any real directory; it was not read.")
                                .arg(listing.dir.ino)
                                .arg(kMaxDirectoryBytes));
            QByteArray bytes;
            const uint64_t logical = block << sb.blockLog; // < 32 GiB
            if (!volume.readMapped(listing.dir, map, logical, sb.dirBlockSize(), &bytes,
                                   listing.error) ||
                !dataBlock(listing, bytes, logical))
                return false;
        }
    }
    return true;
}

} // namespace

bool listDirectory(Volume& volume, const Inode& dir, QList<GuestDirEntry>* entries, Error* error)
{
    entries->clear();
    Listing listing{volume, dir, entries, error};
    if (dir.format == Inode::Local)
        return shortForm(listing);
    return blockForms(listing);
}

} // namespace cvmi::inspect::xfs

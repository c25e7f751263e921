#pragma once

// The internals of XfsGuestFs: the superblock, inodes, block maps and directories of one XFS file
// system, read through a DiskImage inside [offset, offset + size). Big-endian on disk throughout.
#include "disk/DiskImage.h"
#include "inspect/GuestFs.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <cstdint>

namespace cvmi::inspect::xfs {

// Limits on what hostile bytes can make us do. A real file system is far inside every one.
// The largest file the inspection reads (same as TskGuestFs::kMaxFileBytes: kernels, hives and
// initramfs images are far smaller).
inline constexpr uint64_t kMaxFileBytes = uint64_t(4) << 30;
// A real directory of a million entries is about 40 MiB of data blocks in XFS; 64 MiB leaves room
// and is what TskGuestFs allows for ext4 (TskGuestFs::kMaxDirectoryBytes).
inline constexpr uint64_t kMaxDirectoryBytes = uint64_t(64) << 20;
// Entries returned from one directory: each costs about 100 bytes of memory here.
inline constexpr int kMaxDirectoryEntries = 1 << 20;
// Extents of one fork kept in memory (24 bytes each): a 4 GiB file in 16 KiB pieces.
inline constexpr int kMaxExtents = 1 << 18;
// B+tree levels of a block map: 5 levels of 4 KiB blocks already map more than 2^54 blocks.
inline constexpr int kMaxBtreeDepth = 8;
// B+tree blocks read for one fork: enough for kMaxExtents in leaves of 512-byte blocks (30 records
// each) and the nodes above them.
inline constexpr int kMaxBtreeBlocks = kMaxExtents / 16;
// Linux's PATH_MAX-1: the longest target a symbolic link may have (XFS_SYMLINK_MAXLEN).
inline constexpr uint64_t kMaxSymlinkBytes = 1024;
// Metadata blocks kept between calls (inode clusters, B+tree and directory blocks).
inline constexpr int kCacheBlocks = 16;

// What open() takes from the superblock (fields validated there).
struct Superblock {
    int version = 0; // 4 or 5
    uint32_t blockSize = 0;
    unsigned blockLog = 0;
    unsigned sectorSize = 0;
    unsigned inodeSize = 0;
    unsigned inodeLog = 0;
    unsigned inodesPerBlockLog = 0;
    unsigned agBlockLog = 0;
    uint32_t agBlocks = 0;
    uint32_t agCount = 0;
    uint64_t dataBlocks = 0;
    uint64_t rootIno = 0;
    unsigned dirBlockLog = 0;     // log2 of file system blocks per directory block
    bool hasFtype = false;        // directory entries carry the file type
    bool bigExtentCounts = false; // NREXT64: 64-bit extent counters in the inode
    QByteArray uuid;
    QString label;

    uint32_t dirBlockSize() const { return blockSize << dirBlockLog; }
};

// Parses and checks the primary superblock (the first 512 bytes of the file system) against the
// file system's `size`: "fs_unreadable" or "fs_unsupported" on failure.
bool parseSuperblock(const QByteArray& bytes, uint64_t size, Superblock* sb, Error* error);
// "8-4-4-4-12" lower case, as blkid prints it.
QString uuidString(const QByteArray& raw);

// One mapping of a fork: file blocks [fileBlock, fileBlock + count) live at the linear file
// system block diskBlock (AG number times agBlocks plus the AG block), checked to be inside it.
struct Extent {
    uint64_t fileBlock = 0;
    uint64_t diskBlock = 0;
    uint64_t count = 0;
    bool unwritten = false; // preallocated, never written: reads as zeros
};

struct Inode {
    enum Format : uint8_t { Device = 0, Local = 1, Extents = 2, Btree = 3 };
    uint64_t ino = 0;
    uint16_t mode = 0;
    uint8_t format = 0;
    uint64_t size = 0;
    uint64_t extentCount = 0; // di_nextents (or di_big_nextents)
    bool realtime = false;    // data on the realtime device, which this reader does not read
    QByteArray dataFork;      // the data fork's bytes inside the inode

    GuestNode::Kind kind() const;
};

class Volume {
public:
    Volume(disk::DiskImage& disk, uint64_t offset, uint64_t size, Superblock sb);

    const Superblock& sb() const { return m_sb; }

    // Reads `count` file system blocks from the linear block `block`, checked to lie inside the
    // file system; metadata reads may come from the small cache.
    bool readBlocks(uint64_t block, uint64_t count, QByteArray* out, Error* error,
                    bool cache = true);
    // Converts a file system block number (agno << agblklog | agbno) to a linear block, checking
    // that `count` blocks from it stay inside one AG and the file system.
    bool linearBlock(uint64_t fsblock, uint64_t count, uint64_t* linear, Error* error,
                     const QString& where) const;
    bool readInode(uint64_t ino, Inode* inode, Error* error);
    // The data fork's extents in file order (Extents or Btree format), cached for the last inode.
    bool extents(const Inode& inode, QList<Extent>* out, Error* error);
    // `length` bytes of the fork from byte `offset`: holes and unwritten extents read as zeros.
    bool readMapped(const Inode& inode, const QList<Extent>& map, uint64_t offset, size_t length,
                    QByteArray* out, Error* error);

private:
    bool decodeExtents(const unsigned char* records, uint64_t count, const Inode& inode,
                       QList<Extent>* out, Error* error) const;
    bool btreeExtents(const Inode& inode, QList<Extent>* out, Error* error);
    bool walkBtree(const Inode& inode, uint64_t fsblock, int level, QSet<uint64_t>* seen,
                   QList<Extent>* out, Error* error);
    bool sortedExtents(const Inode& inode, QList<Extent>* map, Error* error) const;

    disk::DiskImage& m_disk;
    uint64_t m_offset;
    uint64_t m_size;
    Superblock m_sb;
    struct CachedBlock {
        uint64_t block = 0;
        uint64_t count = 0;
        QByteArray bytes;
    };
    QList<CachedBlock> m_cache; // most recent last
    uint64_t m_mapIno = 0;      // whose extents m_map holds (0: none)
    QList<Extent> m_map;
};

// Directory entries of `dir` without "." and "..", in on-disk order.
bool listDirectory(Volume& volume, const Inode& dir, QList<GuestDirEntry>* entries, Error* error);

// Messages shared by the parts: "<what> (inode N): <why>" as a damaged-file-system error.
bool damaged(Error* error, const QString& what);

} // namespace cvmi::inspect::xfs

#pragma once

#include "disk/DiskImage.h"
#include "inspect/GuestFs.h"

#include <memory>

namespace cvmi::inspect {

// An XFS file system read by our own code, read-only, through any DiskImage (a partition of the
// disk, or an LVM logical volume presented as one by LvmVolume).
//
// Why not a library: Debian 12's libfsxfs (libyal, 20201117, through libbfio) reads our fixtures
// right, but blind fuzzing of it through a custom libbfio handle found, within seconds, a
// 1070-byte file that keeps it busy for 17 s on open; libvslvm (20181227) asked malloc for
// 0xc90000000002 bytes from one header field. Our rule is never a hang and never unbounded memory
// on hostile bytes, and we cannot fix Debian's copies, so both formats are read here, bounded
// (see docs/lvm-and-xfs.md for the measurements).
//
// Covered: v4 and v5 superblocks, inodes v1-v3, data forks in local, extents and B+tree format,
// short-form, block, leaf and node directories (also when their own fork is a B+tree), inline
// and remote symbolic links. Every read stays inside [offset, offset + size); every loop and
// allocation is bounded (see the limits in the .cpp). Used from one thread at a time.
class XfsGuestFs final : public GuestFs {
public:
    // Opens the XFS file system that starts `offset` bytes into `disk` and is `size` bytes long.
    // nullptr with the reason otherwise: "fs_unreadable" (not XFS, or damaged: what and where) or
    // "fs_unsupported" (a feature this reader does not know, named). `disk` must outlive it.
    static std::unique_ptr<XfsGuestFs> open(disk::DiskImage& disk, uint64_t offset, uint64_t size,
                                            Error* error);
    ~XfsGuestFs() override;
    XfsGuestFs(const XfsGuestFs&) = delete;
    XfsGuestFs& operator=(const XfsGuestFs&) = delete;

    int formatVersion() const; // 4 or 5
    QString label() const;
    QString uuid() const; // "8-4-4-4-12" lower case, as blkid prints it

    GuestNode root() const override;
    bool caseInsensitiveNames() const override; // false (ASCII-CI XFS is refused at open)
    bool listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                       Error* error) override;
    bool readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                  Error* error) override;
    bool readSymlink(const GuestNode& link, QString* target, Error* error) override;
    bool stat(GuestNode* node, Error* error) override;

private:
    struct State;
    explicit XfsGuestFs(std::unique_ptr<State> state);
    std::unique_ptr<State> d;
};

} // namespace cvmi::inspect

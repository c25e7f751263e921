#pragma once

#include "inspect/GuestFs.h"

#include <memory>

struct TSK_IMG_INFO;
struct TSK_FS_INFO;

namespace cvmi::inspect {

// A guest file system read through The Sleuth Kit: ext2/3/4, NTFS, FAT, ISO 9660 and the others
// TSK knows, read-only, from any TSK image (ours goes through TskImage over a DiskImage).
// Owns the TSK_FS_INFO. Used from one thread at a time, like the image below it.
class TskGuestFs final : public GuestFs {
public:
    // Declared sizes refused before TSK is asked to map or read a node (see checkDeclaredSize).
    // Nothing the inspection reads comes near 4 GiB: config files and kernels are small, hives
    // are refused above 256 MiB, an initramfs is loaded whole into memory by the boot loader.
    static constexpr uint64_t kMaxFileBytes = uint64_t(4) << 30;
    // A real ext4 directory of one million entries is about 30 MiB; 64 MiB leaves room twice over
    // and keeps TSK's block-by-block listing loop short.
    static constexpr uint64_t kMaxDirectoryBytes = uint64_t(64) << 20;

    // Opens the file system that starts `byteOffset` bytes into the image; nullptr with the
    // reason ("fs_unreadable", TSK's own words included) when TSK does not recognise it.
    // `filesystem` (ext4, ntfs, vfat, iso9660, ...: what readDiskLayout found) picks TSK's driver
    // instead of trying them all; empty means detect.
    static std::unique_ptr<TskGuestFs> open(TSK_IMG_INFO* image, uint64_t byteOffset, Error* error,
                                            const QString& filesystem = {});
    ~TskGuestFs() override;
    TskGuestFs(const TskGuestFs&) = delete;
    TskGuestFs& operator=(const TskGuestFs&) = delete;

    // TSK's name for the file system type ("ext4", "ntfs", "fat32", ...).
    QString typeName() const;

    GuestNode root() const override;
    bool caseInsensitiveNames() const override;
    bool listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                       Error* error) override;
    bool readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                  Error* error) override;
    bool readSymlink(const GuestNode& link, QString* target, Error* error) override;
    bool stat(GuestNode* node, Error* error) override;

private:
    explicit TskGuestFs(TSK_FS_INFO* fs);
    TSK_FS_INFO* m_fs;
};

} // namespace cvmi::inspect

#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

namespace cvmi::inspect {

struct InitramfsScan {
    bool read = false;    // the archive could be walked to the end (or to what was sought)
    QString compression;  // gzip|xz|lzma|zstd|lz4|none (of the main archive)|unknown
    QStringList found;    // the paths of the sought names that are inside
    uint64_t entries = 0; // cpio entries seen
    QString note;         // why it could not be read
};

// Reads `length` bytes at `offset` of the initramfs file; false on a read error.
using InitramfsReader = std::function<bool(uint64_t offset, size_t length, QByteArray* out)>;

// Walks an initramfs (`size` bytes, or until `read` returns nothing when the size is not known):
// uncompressed cpio (newc / crc) archives, such as the early microcode one dracut puts first,
// followed by a gzip, xz, lzma, zstd or lz4 (legacy kernel or frame format) compressed cpio, and
// lists which entries have one of `wantedFileNames` as their file name
// ("virtio_blk.ko", "virtio_blk.ko.xz", ...). Stops early once every wanted name is found.
// Decompressed output is bounded (`maxOutput`) so a decompression bomb cannot exhaust memory or
// time; nothing is kept but the names.
InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QStringList& wantedFileNames,
                            uint64_t maxOutput = 2ull * 1024 * 1024 * 1024);

} // namespace cvmi::inspect

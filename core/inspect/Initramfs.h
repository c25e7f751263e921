#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

namespace cvmi::inspect {

class InspectionBudget;

struct InitramfsScan {
    bool read = false;          // the archive could be walked to the end (or to what was sought)
    QString compression;        // gzip|xz|lzma|zstd|lz4|none (of the main archive)|unknown
    QStringList found;          // the paths that answered the questions, one per answered question
    uint64_t entries = 0;       // cpio entries seen
    QString note;               // why it could not be read
    bool timedOut = false;      // the inspection's deadline passed before the archive was walked
    uint64_t bytesRead = 0;     // bytes of the file read (each byte once)
    uint64_t bytesUnpacked = 0; // bytes the decompressor produced
};

// One question a scan answers: "is this module inside?", answered by the first entry whose file
// name is any of these ("virtio_blk.ko", "virtio_blk.ko.xz", ...: one module, each compression).
using InitramfsQuestion = QStringList;

// What one scan may spend. The per-file bounds hold even without a budget (the fuzzer, tests);
// with one, the deadline and the decompressed total are shared with every other scan.
struct InitramfsLimits {
    // Unpacked bytes of this file: dracut's largest archives unpack to ~100 MiB, 2 GiB is far past.
    uint64_t maxOutput = 2ull * 1024 * 1024 * 1024;
    // Bytes of the file read at all: its real allocated size when the file system knows it, so a
    // file that declares 32 GiB but holds a few blocks is not read as 32 GiB of zeros.
    uint64_t maxInput = UINT64_MAX;
    // Compressed input read without a byte of output (or, before the compressed part, without a
    // new cpio entry): xz accepts endless stream padding and empty streams, and a sparse file of
    // zeros is all padding. Real archives emit output every few hundred KiB of input; 64 MiB is
    // a whole real initramfs.
    uint64_t maxInputWithoutOutput = 64ull * 1024 * 1024;
    InspectionBudget* budget = nullptr; // shared deadline and decompressed total, when set
};

// Reads `length` bytes at `offset` of the initramfs file; false on a read error.
using InitramfsReader = std::function<bool(uint64_t offset, size_t length, QByteArray* out)>;

// Walks an initramfs (`size` bytes, or until `read` returns nothing when the size is not known):
// uncompressed cpio (newc / crc) archives, such as the early microcode one dracut puts first,
// followed by a gzip, xz, lzma, zstd or lz4 (legacy kernel or frame format) compressed cpio, and
// answers each of the `questions`. The file is read in order and decompressed as it is read, and
// the walk stops as soon as every question is answered: on a Debian initramfs virtio_blk is
// found after ~6 % of the archive, and nothing after it is read or unpacked. A question left
// open means the whole archive was walked without finding it.
// Input, output and time are bounded (`limits`) so a decompression bomb cannot exhaust memory or
// time; nothing is kept but the names.
InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QList<InitramfsQuestion>& questions,
                            const InitramfsLimits& limits);
// The same with the default limits, but at most `maxOutput` unpacked bytes.
InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QList<InitramfsQuestion>& questions,
                            uint64_t maxOutput = InitramfsLimits{}.maxOutput);

} // namespace cvmi::inspect

#pragma once

// The qcow2 header (versions 2 and 3) and the header extensions this reader needs, as described
// in QEMU's docs/interop/qcow2.txt. Everything the image reader later trusts (cluster size, the
// L1 table's place and size, the feature bits) is checked here, against the file size and for
// overflow, so that the reader itself only has to check table entries.
#include "disk/ByteSource.h"

#include <QMap>
#include <QString>

#include <cstdint>

namespace cvmi::disk {

// Incompatible feature bits (header offset 72, version 3).
constexpr uint64_t kQcow2Dirty = 1u << 0;
constexpr uint64_t kQcow2Corrupt = 1u << 1;
constexpr uint64_t kQcow2ExternalData = 1u << 2;
constexpr uint64_t kQcow2CompressionType = 1u << 3;
constexpr uint64_t kQcow2ExtendedL2 = 1u << 4;
constexpr uint64_t kQcow2KnownIncompatible = (1u << 5) - 1;

constexpr uint8_t kQcow2CompressionZlib = 0;
constexpr uint8_t kQcow2CompressionZstd = 1;

struct Qcow2Header {
    uint32_t version = 0;
    uint64_t backingFileOffset = 0;
    uint32_t backingFileSize = 0;
    uint32_t clusterBits = 0;
    uint64_t size = 0; // virtual disk size in bytes
    uint32_t cryptMethod = 0;
    uint32_t l1Size = 0; // entries
    uint64_t l1TableOffset = 0;
    uint64_t incompatibleFeatures = 0;
    uint32_t refcountOrder = 4;
    uint32_t headerLength = 72;
    uint8_t compressionType = kQcow2CompressionZlib;

    // From the backing file name field and the header extensions.
    QString backingFile;
    QString backingFormat;
    QString dataFile;
    QMap<int, QString> incompatibleNames; // feature name table: bit → name

    uint64_t clusterSize() const { return uint64_t(1) << clusterBits; }
    bool extendedL2() const { return incompatibleFeatures & kQcow2ExtendedL2; }
    bool dirty() const { return incompatibleFeatures & kQcow2Dirty; }
    // log2 of the L2 entries in one table: a table fills one cluster, entries are 8 or 16 bytes.
    uint32_t l2Bits() const { return clusterBits - (extendedL2() ? 4 : 3); }
};

// Reads and checks the header, its extensions and the backing file name. Refuses what cannot be
// read as it is (encryption, an external data file, a corrupt flag, unknown features) with an
// error that names the way out. The L1 table is checked for place and size, but not read.
bool readQcow2Header(ByteSource& file, Qcow2Header* header, Error* error);

// The two errors both the header parser and the reader give, worded once.
namespace qcow2 {
QString fileNameOf(const ByteSource& file);
bool corrupt(Error* error, const ByteSource& file, const QString& detail);
bool truncated(Error* error, const ByteSource& file, const QString& what, uint64_t offset);
} // namespace qcow2

} // namespace cvmi::disk

#pragma once

// The text descriptor of a VMDK ("# Disk DescriptorFile"), as described in VMware's Virtual Disk
// Format 5.0, "The Descriptor File". It comes from the user's file, so it is parsed as hostile
// input: bounded size, line by line, unknown keys ignored, every number range-checked.
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace cvmi::disk {

// Descriptors are a few hundred bytes; a megabyte is far beyond any real disk's extent list.
inline constexpr qsizetype kVmdkMaxDescriptorBytes = 1024 * 1024;
// 256 TiB: above VMware's 62 TiB limit, low enough that sector arithmetic cannot overflow.
inline constexpr uint64_t kVmdkMaxSectors = uint64_t(1) << 39;
// A twoGbMaxExtent disk of 62 TiB has ~32k extents.
inline constexpr qsizetype kVmdkMaxExtents = 65536;

struct VmdkExtentLine {
    enum class Type { Flat, Sparse, Zero, Vmfs, VmfsSparse, VmfsRdm, VmfsRaw, SeSparse, Other };
    bool readOnly = false;
    uint64_t sectors = 0;
    Type type = Type::Other;
    QString typeName;      // as written, for messages
    QString fileName;      // empty for ZERO extents; for messages (odd bytes shown as \xNN)
    QByteArray nativeName; // the file name's bytes, as written: what is opened
    int lineNumber = 0;    // 1-based, for messages
    uint64_t offset = 0;   // in sectors, FLAT/VMFS only
};

struct VmdkDescriptor {
    QString createType;
    QString parentCid;          // empty when absent
    QString parentFileNameHint; // empty when absent
    QString adapterType;        // ddb.adapterType, informational
    QList<VmdkExtentLine> extents;

    // A delta (snapshot) disk names a parent: parentCID other than ffffffff, or a file hint.
    bool hasParent() const;
    uint64_t totalSectors() const; // the caller has validated the sum (parse does)
};

// Parses descriptor text (NUL-terminated padding is allowed and ignored). Fails with
// "vmdk_bad_descriptor" when the text is too long, lacks createType or extents, or has an extent
// line that does not parse, and with "vmdk_extent_outside_folder" when an extent is named by an
// absolute path or a path with a ".." component: extents are files in the descriptor's folder.
bool parseVmdkDescriptor(const QByteArray& text, VmdkDescriptor* out, Error* error);

} // namespace cvmi::disk

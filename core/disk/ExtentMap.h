#pragma once

// Helpers the readers share to build the answer of DiskImage::mapExtents: extents in order,
// without gaps, neighbours of the same kind merged.
#include "disk/DiskImage.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace cvmi::disk {

// Appends [offset, offset+length) of kind `data` to *out, merged into the last extent when that
// one ends at `offset` and is of the same kind. Empty runs are dropped.
void appendExtent(QList<Extent>* out, uint64_t offset, uint64_t length, bool data);

// Appends `extents` (a map of some other address space, e.g. a file), moved by `shift` bytes, to
// *out with the same merging: a flat extent's file map becomes part of the guest's map.
void appendShifted(QList<Extent>* out, const QList<Extent>& extents, int64_t shift);

// What is wrong with `map` as the answer to mapExtents(offset, length): a gap, an overlap, an
// empty extent, unmerged neighbours, or not covering the range exactly. Empty when it is right.
// For tests, fuzzers and assertions; English, not for users.
QString extentMapProblem(const QList<Extent>& map, uint64_t offset, uint64_t length);

} // namespace cvmi::disk

#pragma once

// What the container fuzzers do with an image that opened: read the start, a range straddling
// the middle and the end, enough to walk the tables, cross block and grain boundaries and
// decompress a few clusters while keeping one input fast; and map bounded ranges, checking the
// contract of DiskImage::mapExtents.
#include "disk/DiskImage.h"
#include "disk/ExtentMap.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace cvmi::fuzz {

inline void readSome(disk::DiskImage& image)
{
    const uint64_t size = image.virtualSize();
    const uint64_t offsets[] = {0, size / 2 > 3000 ? size / 2 - 3000 : 0,
                                size > 4096 ? size - 4096 : 0};
    std::vector<char> buffer(128 * 1024);
    for (uint64_t offset : offsets) {
        const size_t length = size_t(std::min<uint64_t>(buffer.size(), size - offset));
        Error error;
        image.read(offset, buffer.data(), length, &error);
    }
}

[[noreturn]] inline void mapViolation(const char* what, uint64_t offset, uint64_t length,
                                      const QString& detail)
{
    std::fprintf(stderr, "mapExtents(%llu, %llu) %s: %s\n", static_cast<unsigned long long>(offset),
                 static_cast<unsigned long long>(length), what, qPrintable(detail));
    std::abort();
}

// The safety property: a "no data" extent reads as zeros, and reads at all (read() walks the
// same tables). Both ends of each hole are read, within a budget that keeps an input fast.
inline void checkHoles(disk::DiskImage& image, const QList<disk::Extent>& map, uint64_t offset,
                       uint64_t length)
{
    constexpr uint64_t kEdge = 16 * 1024;
    uint64_t budget = 1024 * 1024;
    std::vector<char> buffer(kEdge);
    for (const disk::Extent& e : map) {
        if (e.data)
            continue;
        const uint64_t edge = std::min(kEdge, e.length);
        for (uint64_t at : {e.offset, e.offset + e.length - edge}) {
            if (budget < edge)
                return;
            budget -= edge;
            Error error;
            if (!image.read(at, buffer.data(), size_t(edge), &error))
                mapViolation("gave a hole that read() refuses", offset, length, error.message);
            if (std::any_of(buffer.begin(), buffer.begin() + qsizetype(edge),
                            [](char c) { return c != 0; }))
                mapViolation("gave a hole that is not zeros", offset, length, QString::number(at));
        }
    }
}

// Maps 4 MiB at the start, in the middle, at the end and at an odd place, and aborts on a broken
// contract: extents out of order, a gap, an overlap, unmerged neighbours, not covering the range
// exactly, a range past the end accepted, or a hole that does not read as zeros.
inline void mapSome(disk::DiskImage& image)
{
    constexpr uint64_t kRange = 4 * 1024 * 1024;
    const uint64_t size = image.virtualSize();
    const uint64_t starts[] = {0, size / 2 > kRange / 2 ? size / 2 - kRange / 2 : 0,
                               size > kRange ? size - kRange : 0, size / 3 + 511};
    QList<disk::Extent> map;
    for (uint64_t start : starts) {
        if (start >= size)
            continue;
        const uint64_t length = std::min(kRange, size - start);
        Error error;
        if (!image.mapExtents(start, length, &map, &error))
            continue;
        const QString problem = disk::extentMapProblem(map, start, length);
        if (!problem.isEmpty())
            mapViolation("broke the contract", start, length, problem);
        checkHoles(image, map, start, length);
    }
    Error error;
    if (image.mapExtents(size, 1, &map, &error))
        mapViolation("accepted a range past the end", size, 1, QString());
}

} // namespace cvmi::fuzz

#pragma once

#include "disk/ByteSource.h"
#include "disk/DiskImage.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <span>

namespace cvmi::disk {

// What a probe may look at: the first bytes of the file (up to 64 KiB), the last 512 bytes (a VHD
// keeps its footer there), the file size and the name. Probes never do I/O of their own.
struct ProbeInput {
    QByteArray head;
    QByteArray tail;
    uint64_t fileSize = 0;
    QString fileName;
};

// Opens the other files an image refers to (VMDK extents), by the name's bytes as written in the
// image, beneath the image's folder only (no absolute path, "..", or symbolic link; regular files
// only). The fuzzers pass one that refuses everything.
using CompanionOpener =
    std::function<std::unique_ptr<ByteSource>(const QByteArray& relativeName, Error* error)>;

struct OpenContext {
    CompanionOpener openCompanion;
};

// One entry per container format, in the manner of QEMU's BlockDriver table: a scored probe and
// an opener. The highest score wins; raw is the fallback with score 1.
struct DiskFormatDriver {
    const char* name;
    int (*probe)(const ProbeInput& input); // 0 = not mine, 100 = certain
    std::unique_ptr<DiskImage> (*open)(std::unique_ptr<ByteSource> file, const OpenContext& context,
                                       Error* error);
};

// A format we recognise but cannot import: the probe says so and gives the user a specific way out.
struct RejectedFormat {
    const char* code; // "qed", "gzip", "tar", ...
    bool (*probe)(const ProbeInput& input);
    const char* message; // translated via QCoreApplication::translate("cvmi::disk::Rejected", ...)
};

std::span<const DiskFormatDriver> diskFormatDrivers();
std::span<const RejectedFormat> rejectedFormats();

} // namespace cvmi::disk

#pragma once

#include "disk/DiskImage.h"
#include "inspect/DiskLayout.h"
#include "inspect/GuestFacts.h"
#include "util/Error.h"

#include <QString>
#include <QStringList>

namespace cvmi::inspect {

// What the inspection was allowed to spend (InspectOptions) and what it spent; `notRead` names the
// parts (InspectionBudget.h, namespace part) the deadline left unread, which the policy reports
// as "not read within the time limit" instead of judging them.
struct InspectionLimits {
    qint64 timeLimitMs = 0;
    QStringList notRead;
    uint64_t decompressedBytes = 0; // initramfs bytes unpacked, all files together
    uint64_t maxDecompressedBytes = 0;
    int kernelScans = 0; // initramfs files scanned (each distinct file once)
    int maxKernelScans = 0;
};

// Everything the inspection learned about one image file. The policy judges this; the CLI and the
// GUI show it. Later stages (guest OS facts) add members here.
struct ImageFacts {
    QString path;
    uint64_t fileSize = 0;

    // Set when the file cannot be used at all (not a disk image, truncated, encrypted, ...):
    // nothing below is then meaningful.
    Error error;

    QString format;    // raw|qcow2|vhd|vmdk|vhdx|vdi|ova
    QString subformat; // v2|v3|fixed|dynamic|monolithicSparse|streamOptimized|...
    // "qcow2" for a container the import does not take as it is (VHDX, VDI, OVA), which the
    // upload converts (disk/UploadFormats.h); empty for one sent as it is.
    QString convertedTo;
    uint64_t virtualSize = 0;
    QList<disk::Finding> containerFindings;

    bool layoutKnown = false; // false when the partition table could not be read
    Error layoutError;        // why, when it could not
    DiskLayout layout;

    // The operating system inside (searched only when the layout could be read).
    GuestFacts guest;

    // Bytes read from the image file(s) during inspection: the proof that we read metadata only.
    uint64_t bytesRead = 0;

    InspectionLimits limits;
};

} // namespace cvmi::inspect

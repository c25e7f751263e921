#pragma once

#include "disk/ByteSource.h"
#include "util/Error.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace cvmi::disk {

// Something noteworthy about the container that is not a read error: a backing file, a
// differencing VHD, compressed clusters. `Blocker` means the image cannot be imported as it is.
struct Finding {
    enum class Severity { Info, Warning, Blocker };
    Severity severity = Severity::Info;
    QString code;    // stable: "backing_file", "vhd_differencing", ...
    QString message; // a sentence with the evidence and, for warnings and blockers, the fix
};

// A run of the guest disk as the container describes it without reading data: `data` false means
// the container holds nothing there (unallocated, a hole, a zero cluster): it reads as zeros.
// `data` true means it may hold anything, zeros included.
struct Extent {
    uint64_t offset = 0;
    uint64_t length = 0;
    bool data = true;
};

// The guest's view of a disk image: a flat array of virtualSize() bytes. One class per container
// format implements this (raw, qcow2, vhd, vmdk), in the manner of QEMU's block drivers.
//
// Readers load only their headers when opened and fetch tables lazily, so that opening a 2 TiB
// sparse image costs what opening a 1 GiB one does. A DiskImage is used from one thread at a time.
class DiskImage {
public:
    virtual ~DiskImage() = default;

    virtual QString format() const = 0;    // "raw" | "qcow2" | "vhd" | "vmdk" | "vdi"
    virtual QString subformat() const = 0; // "v2", "v3", "fixed", "dynamic", "streamOptimized", ...
    virtual uint64_t virtualSize() const = 0;
    // Reads guest bytes [offset, offset+length). Unallocated ranges read as zeros. Reading past
    // virtualSize() is an error.
    virtual bool read(uint64_t offset, void* buffer, size_t length, Error* error) = 0;

    // The container's allocation map of [offset, offset+length) (within virtualSize()): extents
    // in order, without gaps, covering the range exactly, neighbours of the same kind merged.
    // Reads only tables (qcow2 L1/L2, VMDK grain tables, the VHD BAT, SEEK_DATA/SEEK_HOLE on a raw
    // file), never data, so the converter (convert/Qcow2Stream.h) and the estimate skip empty
    // space without reading it. The default says "all data", true for any format without a map.
    // Callers ask in bounded ranges (the converter: 512 MiB at a time), so the list stays short.
    virtual bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error);

    const QList<Finding>& findings() const { return m_findings; }

protected:
    void addFinding(Finding::Severity severity, QString code, QString message)
    {
        m_findings.append(Finding{severity, std::move(code), std::move(message)});
    }
    // Shared bounds check for read(): false (with a clear error) when the range leaves the disk.
    bool checkRange(uint64_t offset, size_t length, Error* error) const;

private:
    QList<Finding> m_findings;
};

} // namespace cvmi::disk

#pragma once

#include "disk/DiskImage.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

// The on-disk part of an LVM2 physical volume: the label in one of the first four sectors, the
// PV header that follows it, and the metadata areas with their circular text buffers.
namespace cvmi::inspect::lvm {

// LVM's sector: labels, PV headers and mda headers are laid out in 512-byte units.
inline constexpr uint64_t kSector = 512;
// LVM looks for the label in the first four sectors of a device (LABEL_SCAN_SECTORS).
inline constexpr int kLabelScanSectors = 4;
// LVM writes at most two metadata areas and one data area per PV; a few more are tolerated so
// that an unusual but valid PV is read, while a hostile list stays short.
inline constexpr int kMaxAreasPerList = 8;
// LVM's default metadata area is 1 MiB, so one copy of the text never exceeds it; a larger
// raw_locn size is damage (and would make us allocate what a hostile header asks for).
inline constexpr uint64_t kMaxMetadataText = 1024 * 1024;
// raw_locn entries in one mda header: LVM uses the first one or two; the sector has room for 19.
inline constexpr int kMaxRawLocns = 4;

// LVM's CRC-32: the reflected polynomial 0xEDB88320, initial value 0xf597a6cf, no final xor.
inline constexpr uint32_t kLvmCrcInitial = 0xf597a6cfu;
uint32_t lvmCrc(const void* data, size_t size, uint32_t crc = kLvmCrcInitial);

struct DiskArea {
    uint64_t offset = 0; // bytes from the start of the PV
    uint64_t size = 0;   // bytes; 0 in a data area means "to the end of the device"
};

struct PvLabel {
    int labelSector = 0;
    QByteArray pvId; // 32 characters, without the dashes the metadata shows
    uint64_t deviceSize = 0;
    QList<DiskArea> dataAreas;
    QList<DiskArea> metadataAreas;
};

enum class LabelStatus { None, Found, Damaged };

// Looks for the label of a PV that starts at `pvStart` and is `pvSize` bytes long. `problem` says
// in words what is damaged (Damaged). False only when the disk fails to read (error set).
bool readPvLabel(disk::DiskImage& disk, uint64_t pvStart, uint64_t pvSize, PvLabel* label,
                 LabelStatus* status, QString* problem, Error* error);

// The metadata texts the PV's metadata areas point at (raw_locn entries not flagged ignored),
// each CRC-checked and unwrapped from the circular buffer. Damaged areas and texts are described
// in `problems`. False only when the disk fails to read (error set).
bool readMetadataTexts(disk::DiskImage& disk, uint64_t pvStart, uint64_t pvSize,
                       const PvLabel& label, QList<QByteArray>* texts, QStringList* problems,
                       Error* error);

} // namespace cvmi::inspect::lvm

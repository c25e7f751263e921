#pragma once

// The OVF descriptor of an appliance (DMTF DSP0243, versions 1.x and 2.0): the files it ships,
// its virtual disks, and the name and guest system of its virtual machine. Only what importing a
// disk needs is kept; the hardware is left to the cloud.
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace cvmi::disk {

// VirtualBox and ovftool write descriptors of a few KiB, some hundreds of KiB with many
// properties or a long EULA; 4 MiB bounds what an OVA can make us read and parse.
inline constexpr qsizetype kOvfMaxBytes = 4 * 1024 * 1024;
// Files and disks kept: real appliances have a handful; the cap bounds the lists.
inline constexpr qsizetype kOvfMaxEntries = 1024;
// Texts kept (names, descriptions, ids, URLs): longer ones are cut, never an error.
inline constexpr qsizetype kOvfMaxText = 1024;

struct OvfFile {
    QString id;
    QString href; // relative and within the package (parseOvf refuses others)
    uint64_t size = 0;
    bool hasSize = false;
    QString compression;  // "" or "identity" for none, "gzip" when compressed
    bool chunked = false; // ovf:chunkSize: the file is split into href.000000000, ...
};

struct OvfDisk {
    QString diskId;
    QString fileRef;            // empty: a blank disk created at deployment
    QString capacity;           // as written: a number, or a ${property} reference
    QString units;              // capacityAllocationUnits as written, empty for bytes
    uint64_t capacityBytes = 0; // 0 when capacity and units could not be read
    QString format;             // a URL, e.g. ...vmdk.html#streamOptimized
};

struct OvfDescriptor {
    int version = 1; // the namespace's: 1 (1.0, 1.1) or 2
    QList<OvfFile> files;
    QList<OvfDisk> disks; // in the DiskSection's order
    // The disk ids the first virtual system's hardware attaches, in the VirtualHardwareSection's
    // order (Item or StorageItem of resource type 17, "ovf:/disk/ID").
    QStringList attachedDisks;
    QString systemName;    // the first VirtualSystem's Name, or its id
    QString osDescription; // its OperatingSystemSection's Description
    int virtualSystems = 0;

    const OvfFile* file(const QString& id) const;
};

// Parses `xml`, the descriptor `shownName` (for messages). Refuses text that is not XML, not an
// OVF envelope of version 1 or 2, or a File whose href leaves the package (absolute, "..", a URL).
bool parseOvf(const QByteArray& xml, const QString& shownName, OvfDescriptor* out, Error* error);

// Bytes from an ovf:capacity and its ovf:capacityAllocationUnits ("byte", "byte * 2^30",
// "byte * 1024", the old "MegaBytes"...); false when unreadable or past 2^64.
bool ovfCapacityBytes(const QString& capacity, const QString& units, uint64_t* bytes);

} // namespace cvmi::disk

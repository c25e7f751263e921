#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>

namespace cvmi::inspect {

// The few partition-table details The Sleuth Kit does not hand out (the MBR active flag and type
// byte, boot code, GPT type GUIDs and attributes), parsed from the sectors with bounds checks.

struct MbrEntry {
    uint8_t type = 0;
    bool active = false; // status byte 0x80
    uint32_t startLba = 0;
    uint32_t sectors = 0;
};

struct MbrSector {
    bool signature = false;  // 0x55 0xAA at byte 510
    bool bootCode = false;   // any of the first 440 bytes is not zero
    bool protective = false; // an entry of type 0xEE: the MBR only guards a GPT
    uint32_t diskId = 0;     // the disk signature at byte 440 (Linux's PARTUUID=xxxxxxxx-NN)
    std::array<MbrEntry, 4> entries{};
};

MbrSector parseMbr(QByteArrayView sector0);

struct GptHeader {
    uint64_t entriesLba = 0;
    uint32_t entryCount = 0;
    uint32_t entrySize = 0;
    uint64_t entriesBytes() const { return uint64_t(entryCount) * entrySize; }
};

// False when `sector1` is not a plausible GPT header ("EFI PART", sane entry size and count).
bool parseGptHeader(QByteArrayView sector1, GptHeader* header);

struct GptEntry {
    QString typeGuid; // upper case, as sgdisk prints it
    QString partitionGuid;
    uint64_t firstLba = 0;
    uint64_t lastLba = 0;
    uint64_t attributes = 0;
    QString name;
    bool legacyBootable() const { return attributes & (uint64_t(1) << 2); }
};

// The used entries (type GUID not all zero) of a GPT entry array.
QList<GptEntry> parseGptEntries(QByteArrayView entries, const GptHeader& header);

// A GUID as stored on disk (first three fields little-endian) in its text form.
QString guidToString(const uint8_t* bytes16);

// Names as fdisk prints them ("Linux", "HPFS/NTFS/exFAT", "EFI System", ...); empty if unknown.
QString mbrTypeName(uint8_t type);
QString gptTypeName(const QString& typeGuid);

} // namespace cvmi::inspect

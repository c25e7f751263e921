#include "inspect/PartitionTableBytes.h"

#include "util/Endian.h"

#include <algorithm>

#include <cstring>

namespace cvmi::inspect {

namespace {
// A GPT can hold any number of entries in principle; real ones have 128. The bound keeps a hostile
// header from making us read megabytes.
constexpr uint32_t kMaxGptEntries = 1024;
} // namespace

MbrSector parseMbr(QByteArrayView sector0)
{
    MbrSector mbr;
    if (sector0.size() < 512)
        return mbr;
    const auto* p = reinterpret_cast<const uint8_t*>(sector0.data());
    mbr.signature = p[510] == 0x55 && p[511] == 0xAA;
    mbr.diskId = le32(p + 440);
    for (int i = 0; i < 440 && !mbr.bootCode; ++i)
        mbr.bootCode = p[i] != 0;
    for (int i = 0; i < 4; ++i) {
        const uint8_t* e = p + 446 + 16 * i;
        MbrEntry& entry = mbr.entries[size_t(i)];
        entry.active = e[0] == 0x80;
        entry.type = e[4];
        entry.startLba = le32(e + 8);
        entry.sectors = le32(e + 12);
        if (entry.type == 0xEE && entry.sectors)
            mbr.protective = true;
    }
    return mbr;
}

bool parseGptHeader(QByteArrayView sector1, GptHeader* header)
{
    if (sector1.size() < 92 || std::memcmp(sector1.data(), "EFI PART", 8) != 0)
        return false;
    const auto* p = reinterpret_cast<const uint8_t*>(sector1.data());
    header->entriesLba = le64(p + 72);
    header->entryCount = le32(p + 80);
    header->entrySize = le32(p + 84);
    return header->entrySize >= 128 && header->entrySize <= 4096 && header->entrySize % 8 == 0 &&
           header->entryCount <= kMaxGptEntries && header->entriesLba >= 2;
}

QString guidToString(const uint8_t* b)
{
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(le32(b), 8, 16, QLatin1Char('0'))
        .arg(le16(b + 4), 4, 16, QLatin1Char('0'))
        .arg(le16(b + 6), 4, 16, QLatin1Char('0'))
        .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(b + 8), 2).toHex()))
        .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(b + 10), 6).toHex()))
        .toUpper();
}

QList<GptEntry> parseGptEntries(QByteArrayView entries, const GptHeader& header)
{
    QList<GptEntry> out;
    if (header.entrySize < 128)
        return out;
    const auto* p = reinterpret_cast<const uint8_t*>(entries.data());
    const uint64_t available = uint64_t(entries.size()) / header.entrySize;
    const uint64_t count = std::min<uint64_t>(header.entryCount, available);
    static const uint8_t kZero[16] = {};
    for (uint64_t i = 0; i < count; ++i) {
        const uint8_t* e = p + i * header.entrySize;
        if (std::memcmp(e, kZero, 16) == 0)
            continue;
        GptEntry entry;
        entry.typeGuid = guidToString(e);
        entry.partitionGuid = guidToString(e + 16);
        entry.firstLba = le64(e + 32);
        entry.lastLba = le64(e + 40);
        entry.attributes = le64(e + 48);
        // The name is 36 UTF-16LE code units, NUL-padded.
        char16_t name[36];
        int n = 0;
        for (; n < 36; ++n) {
            name[n] = char16_t(le16(e + 56 + 2 * n));
            if (!name[n])
                break;
        }
        entry.name = QString::fromUtf16(name, n);
        out.append(entry);
    }
    return out;
}

QString mbrTypeName(uint8_t type)
{
    switch (type) {
    case 0x01:
        return QStringLiteral("FAT12");
    case 0x04:
        return QStringLiteral("FAT16 <32M");
    case 0x05:
        return QStringLiteral("Extended");
    case 0x06:
        return QStringLiteral("FAT16");
    case 0x07:
        return QStringLiteral("HPFS/NTFS/exFAT");
    case 0x0b:
        return QStringLiteral("W95 FAT32");
    case 0x0c:
        return QStringLiteral("W95 FAT32 (LBA)");
    case 0x0e:
        return QStringLiteral("W95 FAT16 (LBA)");
    case 0x0f:
        return QStringLiteral("W95 Ext'd (LBA)");
    case 0x11:
        return QStringLiteral("Hidden FAT12");
    case 0x17:
        return QStringLiteral("Hidden HPFS/NTFS");
    case 0x1b:
        return QStringLiteral("Hidden W95 FAT32");
    case 0x27:
        return QStringLiteral("Hidden NTFS WinRE");
    case 0x42:
        return QStringLiteral("SFS (Windows dynamic disk)");
    case 0x82:
        return QStringLiteral("Linux swap / Solaris");
    case 0x83:
        return QStringLiteral("Linux");
    case 0x85:
        return QStringLiteral("Linux extended");
    case 0x8e:
        return QStringLiteral("Linux LVM");
    case 0xa5:
        return QStringLiteral("FreeBSD");
    case 0xa6:
        return QStringLiteral("OpenBSD");
    case 0xa8:
        return QStringLiteral("Darwin UFS");
    case 0xa9:
        return QStringLiteral("NetBSD");
    case 0xaf:
        return QStringLiteral("HFS / HFS+");
    case 0xee:
        return QStringLiteral("GPT");
    case 0xef:
        return QStringLiteral("EFI (FAT-12/16/32)");
    case 0xfd:
        return QStringLiteral("Linux raid autodetect");
    default:
        return {};
    }
}

QString gptTypeName(const QString& typeGuid)
{
    struct Known {
        const char* guid;
        const char* name;
    };
    static constexpr Known kKnown[] = {
        {"C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "EFI System"},
        {"21686148-6449-6E6F-744E-656564454649", "BIOS boot"},
        {"0FC63DAF-8483-4772-8E79-3D69D8477DE4", "Linux filesystem"},
        {"4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", "Linux root (x86-64)"},
        {"44479540-F297-41B2-9AF7-D131D5F0458A", "Linux root (x86)"},
        {"BC13C2FF-59E6-4262-A352-B275FD6F7172", "Linux extended boot"},
        {"933AC7E1-2EB4-4F13-B844-0E14E2AEF915", "Linux home"},
        {"0657FD6D-A4AB-43C4-84E5-0933C84B4F4F", "Linux swap"},
        {"E6D6D379-F507-44C2-A23C-238F2A3DF928", "Linux LVM"},
        {"A19D880F-05FC-4D3B-A006-743F0F84911E", "Linux RAID"},
        {"CA7D7CCB-63ED-4C53-861C-1742536059CC", "Linux LUKS"},
        {"EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", "Microsoft basic data"},
        {"E3C9E316-0B5C-4DB8-817D-F92DF00215AE", "Microsoft reserved"},
        {"DE94BBA4-06D1-4D40-A16A-BFD50179D6AC", "Windows recovery environment"},
        {"5808C8AA-7E8F-42E0-85D2-E1E90434CFB3", "Windows LDM metadata"},
        {"AF9B60A0-1431-4F62-BC68-3311714A69AD", "Windows LDM data"},
    };
    for (const Known& k : kKnown)
        if (typeGuid.compare(QLatin1String(k.guid), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(k.name);
    return {};
}

} // namespace cvmi::inspect

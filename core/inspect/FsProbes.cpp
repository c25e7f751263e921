// Small, bounds-checked signature readers. The Sleuth Kit identifies ext/NTFS/FAT/ISO (and is
// consulted for those); these also read the labels and UUIDs TSK does not expose, and recognise
// what TSK cannot open at all (XFS, Btrfs, LVM2, swap, LUKS) so the report can name it.
#include "inspect/FsProbes.h"

#include "util/Endian.h"

#include <cstring>

namespace cvmi::inspect {

namespace {

const uint8_t* at(QByteArrayView head, size_t offset, size_t length)
{
    if (offset > size_t(head.size()) || length > size_t(head.size()) - offset)
        return nullptr;
    return reinterpret_cast<const uint8_t*>(head.data()) + offset;
}

bool bytesEqual(QByteArrayView head, size_t offset, const char* magic, size_t length)
{
    const uint8_t* p = at(head, offset, length);
    return p && std::memcmp(p, magic, length) == 0;
}

// A fixed-size, NUL- or space-padded text field.
QString textField(QByteArrayView head, size_t offset, size_t length, bool trimSpaces = true)
{
    const uint8_t* p = at(head, offset, length);
    if (!p)
        return {};
    size_t n = 0;
    while (n < length && p[n] != 0)
        ++n;
    QString s = QString::fromUtf8(reinterpret_cast<const char*>(p), qsizetype(n));
    return trimSpaces ? s.trimmed() : s;
}

bool allZero(const uint8_t* p, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (p[i])
            return false;
    return true;
}

// 16 raw bytes as a canonical lower-case UUID (8-4-4-4-12), as blkid prints ext/xfs/btrfs/swap.
QString uuidField(QByteArrayView head, size_t offset)
{
    const uint8_t* p = at(head, offset, 16);
    if (!p || allZero(p, 16))
        return {};
    const QByteArray hex = QByteArray(reinterpret_cast<const char*>(p), 16).toHex();
    return QString::fromLatin1(hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                               hex.mid(16, 4) + '-' + hex.mid(20, 12));
}

bool probeExt(QByteArrayView head, FsSignature* out)
{
    constexpr size_t sb = 1024;
    const uint8_t* p = at(head, sb, 264);
    if (!p || le16(p + 56) != 0xEF53)
        return false;
    const uint32_t compat = le32(p + 92);
    const uint32_t incompat = le32(p + 96);
    const uint32_t roCompat = le32(p + 100);
    constexpr uint32_t kHasJournal = 0x0004;
    constexpr uint32_t kJournalDev = 0x0008;
    // The features an ext3 driver understands; anything beyond them needs ext4 (blkid's rule).
    constexpr uint32_t kExt3Incompat = 0x0002 | 0x0004 | 0x0010; // filetype, recover, meta_bg
    constexpr uint32_t kExt3RoCompat = 0x0001 | 0x0002 | 0x0004; // sparse_super, large_file, btree
    if (incompat & kJournalDev)
        return false; // an external journal device, not a file system
    if ((incompat & ~kExt3Incompat) || (roCompat & ~kExt3RoCompat))
        out->type = QStringLiteral("ext4");
    else if (compat & kHasJournal)
        out->type = QStringLiteral("ext3");
    else
        out->type = QStringLiteral("ext2");
    out->label = textField(head, sb + 120, 16, false);
    out->uuid = uuidField(head, sb + 104);
    return true;
}

bool probeNtfs(QByteArrayView head, FsSignature* out)
{
    const uint8_t* p = at(head, 0, 512);
    if (!p || std::memcmp(p + 3, "NTFS    ", 8) != 0 || le16(p + 510) != 0xAA55)
        return false;
    out->type = QStringLiteral("ntfs");
    // blkid prints the 64-bit volume serial number as the UUID. The label lives in the $Volume
    // file; readDiskLayout fills it in through TSK.
    out->uuid = QStringLiteral("%1").arg(le64(p + 0x48), 16, 16, QLatin1Char('0')).toUpper();
    return true;
}

bool probeFat(QByteArrayView head, FsSignature* out)
{
    const uint8_t* p = at(head, 0, 512);
    if (!p || le16(p + 510) != 0xAA55)
        return false;
    const uint16_t bytesPerSector = le16(p + 11);
    const uint8_t sectorsPerCluster = p[13];
    const uint8_t fats = p[16];
    if ((bytesPerSector & (bytesPerSector - 1)) || bytesPerSector < 512 || bytesPerSector > 4096 ||
        !sectorsPerCluster || (sectorsPerCluster & (sectorsPerCluster - 1)) || !fats ||
        le16(p + 14) == 0 /* reserved sectors */)
        return false;
    const bool fat32 = le16(p + 22) == 0;
    const size_t ext = fat32 ? 0x40 : 0x24; // the extended BPB: drive number, signature, id, label
    const char* fsName = fat32 ? "FAT32   " : "FAT";
    const bool named = bytesEqual(head, ext + 18, fsName, fat32 ? 8 : 3);
    const bool extSig = p[ext + 2] == 0x29 || p[ext + 2] == 0x28;
    if (!named && !extSig)
        return false;
    out->type = QStringLiteral("vfat");
    if (p[ext + 2] == 0x29) {
        const QString label = textField(head, ext + 7, 11);
        if (label != QLatin1String("NO NAME"))
            out->label = label;
        const uint32_t id = le32(p + ext + 3);
        out->uuid = QStringLiteral("%1-%2")
                        .arg(id >> 16, 4, 16, QLatin1Char('0'))
                        .arg(id & 0xFFFF, 4, 16, QLatin1Char('0'))
                        .toUpper();
    }
    return true;
}

bool probeExfat(QByteArrayView head, FsSignature* out)
{
    const uint8_t* p = at(head, 0, 512);
    if (!p || std::memcmp(p + 3, "EXFAT   ", 8) != 0 || le16(p + 510) != 0xAA55)
        return false;
    out->type = QStringLiteral("exfat");
    const uint32_t serial = le32(p + 100);
    out->uuid = QStringLiteral("%1-%2")
                    .arg(serial >> 16, 4, 16, QLatin1Char('0'))
                    .arg(serial & 0xFFFF, 4, 16, QLatin1Char('0'))
                    .toUpper();
    return true;
}

bool probeIso9660(QByteArrayView head, FsSignature* out)
{
    constexpr size_t pvd = 16 * 2048;
    if (!bytesEqual(head, pvd,
                    "\x01"
                    "CD001",
                    6))
        return false;
    out->type = QStringLiteral("iso9660");
    out->label = textField(head, pvd + 40, 32);
    // blkid's UUID for ISO 9660 is the volume creation time, digits grouped by dashes.
    const QString created = textField(head, pvd + 813, 16);
    if (created.size() == 16 && created != QLatin1String("0000000000000000"))
        out->uuid =
            QStringLiteral("%1-%2-%3-%4-%5-%6-%7")
                .arg(created.mid(0, 4), created.mid(4, 2), created.mid(6, 2), created.mid(8, 2),
                     created.mid(10, 2), created.mid(12, 2), created.mid(14, 2));
    return true;
}

bool probeXfs(QByteArrayView head, FsSignature* out)
{
    if (!bytesEqual(head, 0, "XFSB", 4) || !at(head, 0, 120))
        return false;
    out->type = QStringLiteral("xfs");
    out->uuid = uuidField(head, 32);
    out->label = textField(head, 108, 12);
    return true;
}

bool probeBtrfs(QByteArrayView head, FsSignature* out)
{
    constexpr size_t sb = 0x10000;
    if (!bytesEqual(head, sb + 0x40, "_BHRfS_M", 8) || !at(head, sb + 0x12b, 256))
        return false;
    out->type = QStringLiteral("btrfs");
    out->uuid = uuidField(head, sb + 0x20);
    out->label = textField(head, sb + 0x12b, 256);
    return true;
}

bool probeLvm2(QByteArrayView head, FsSignature* out)
{
    // The label may be in any of the first four sectors; it says where the PV header is.
    for (size_t sector = 0; sector < 4; ++sector) {
        const size_t label = sector * 512;
        if (!bytesEqual(head, label, "LABELONE", 8) || !bytesEqual(head, label + 24, "LVM2 001", 8))
            continue;
        const uint8_t* p = at(head, label, 32);
        if (!p)
            return false; // bytesEqual checked the range; this tells the optimiser so too
        const uint32_t pvHeader = le32(p + 20);
        out->type = QStringLiteral("lvm2");
        const uint8_t* id = pvHeader < 512 ? at(head, label + pvHeader, 32) : nullptr;
        if (id) {
            // blkid groups the 32 characters of the PV id as 6-4-4-4-4-4-6.
            const QString raw = QString::fromLatin1(reinterpret_cast<const char*>(id), 32);
            static constexpr int kGroups[] = {6, 4, 4, 4, 4, 4, 6};
            QStringList parts;
            int pos = 0;
            for (int g : kGroups) {
                parts << raw.mid(pos, g);
                pos += g;
            }
            out->uuid = parts.join(u'-');
        }
        return true;
    }
    return false;
}

bool probeSwap(QByteArrayView head, FsSignature* out)
{
    for (size_t page : {4096u, 8192u, 16384u, 65536u}) {
        if (!bytesEqual(head, page - 10, "SWAPSPACE2", 10) &&
            !bytesEqual(head, page - 10, "SWAP-SPACE", 10))
            continue;
        out->type = QStringLiteral("swap");
        if (bytesEqual(head, page - 10, "SWAPSPACE2", 10)) {
            // Version 1 header after the 1 KiB boot block: version, last page, bad pages, uuid,
            // label.
            out->uuid = uuidField(head, 1024 + 12);
            out->label = textField(head, 1024 + 28, 16);
        }
        return true;
    }
    return false;
}

bool probeLuks(QByteArrayView head, FsSignature* out)
{
    const uint8_t* p = at(head, 0, 208);
    if (!p || std::memcmp(p, "LUKS\xba\xbe", 6) != 0)
        return false;
    out->type = QStringLiteral("luks");
    out->uuid = textField(head, 168, 40);
    if (be16(p + 6) == 2)
        out->label = textField(head, 24, 48);
    return true;
}

} // namespace

FsSignature probeFileSystem(QByteArrayView head)
{
    // Containers first (their payload may hold anything), then file systems whose magic is
    // unambiguous, and FAT last because its boot sector is the least distinctive.
    using Probe = bool (*)(QByteArrayView, FsSignature*);
    static constexpr Probe kProbes[] = {probeLuks, probeLvm2, probeSwap,  probeXfs, probeBtrfs,
                                        probeExt,  probeNtfs, probeExfat, probeFat, probeIso9660};
    for (Probe probe : kProbes) {
        FsSignature signature;
        if (probe(head, &signature))
            return signature;
    }
    return {};
}

} // namespace cvmi::inspect

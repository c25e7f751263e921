// readDiskLayout(): the partition table through The Sleuth Kit, the details TSK keeps to itself
// from the sectors, and each partition's file system from its signature, confirmed by TSK.
#include "inspect/ExtSuperblock.h"
#include "inspect/FsProbes.h"
#include "inspect/Inspector.h"
#include "inspect/PartitionTableBytes.h"
#include "inspect/TskImage.h"
#include "inspect/lvm/LvmScan.h"
#include "inspect/lvm/LvmVolume.h"
#include "util/Endian.h"

#include <QCoreApplication>

#include <tsk/libtsk.h>

#include <algorithm>

namespace cvmi::inspect {

namespace {

constexpr uint32_t kSector = 512;

struct VsCloser {
    void operator()(TSK_VS_INFO* vs) const { tsk_vs_close(vs); }
};
struct FsCloser {
    void operator()(TSK_FS_INFO* fs) const { tsk_fs_close(fs); }
};
struct FileCloser {
    void operator()(TSK_FS_FILE* file) const { tsk_fs_file_close(file); }
};

// Reads what exists of [offset, offset+length) on the disk; a range past the end reads short.
bool readClamped(disk::DiskImage& disk, uint64_t offset, size_t length, QByteArray* out,
                 Error* error)
{
    out->clear();
    if (offset >= disk.virtualSize())
        return true;
    const size_t n = size_t(std::min<uint64_t>(length, disk.virtualSize() - offset));
    out->resize(qsizetype(n));
    return disk.read(offset, out->data(), n, error);
}

// The label of an NTFS volume lives in the $Volume file (MFT entry 3) as a resident attribute.
QString ntfsLabel(TSK_FS_INFO* fs)
{
    std::unique_ptr<TSK_FS_FILE, FileCloser> file(tsk_fs_file_open_meta(fs, nullptr, 3));
    if (!file)
        return {};
    const TSK_FS_ATTR* attr =
        tsk_fs_file_attr_get_type(file.get(), TSK_FS_ATTR_TYPE_NTFS_VNAME, 0, 0);
    if (!attr || !(attr->flags & TSK_FS_ATTR_RES) || !attr->rd.buf || attr->size <= 0 ||
        size_t(attr->size) > attr->rd.buf_size)
        return {};
    QString label;
    for (TSK_OFF_T i = 0; i + 1 < attr->size; i += 2)
        label += QChar(char16_t(attr->rd.buf[i] | (attr->rd.buf[i + 1] << 8)));
    return label;
}

// TSK's name for a type it opened, in our vocabulary.
QString tskTypeName(TSK_FS_TYPE_ENUM type, const FsSignature& signature)
{
    if (TSK_FS_TYPE_ISEXT(type))
        return signature.type.startsWith(QLatin1String("ext")) ? signature.type
               : type == TSK_FS_TYPE_EXT4                      ? QStringLiteral("ext4")
               : type == TSK_FS_TYPE_EXT3                      ? QStringLiteral("ext3")
                                                               : QStringLiteral("ext2");
    if (TSK_FS_TYPE_ISNTFS(type))
        return QStringLiteral("ntfs");
    if (type == TSK_FS_TYPE_EXFAT)
        return QStringLiteral("exfat");
    if (TSK_FS_TYPE_ISFAT(type))
        return QStringLiteral("vfat");
    if (TSK_FS_TYPE_ISISO9660(type))
        return QStringLiteral("iso9660");
    return QString::fromLatin1(tsk_fs_type_toname(type)).toLower();
}

// Which TSK driver to ask for a signature we found. TSK's full auto-detection is avoided on
// purpose: it tries every driver, some of which (YAFFS2) scan far into the partition.
TSK_FS_TYPE_ENUM tskTypeFor(const QString& signature)
{
    if (signature.startsWith(QLatin1String("ext")))
        return TSK_FS_TYPE_EXT_DETECT;
    if (signature == QLatin1String("ntfs"))
        return TSK_FS_TYPE_NTFS_DETECT;
    if (signature == QLatin1String("vfat") || signature == QLatin1String("exfat"))
        return TSK_FS_TYPE_FAT_DETECT;
    if (signature == QLatin1String("iso9660"))
        return TSK_FS_TYPE_ISO9660_DETECT;
    return TSK_FS_TYPE_UNSUPP;
}

bool identifyFileSystem(TskImage& tsk, PartitionInfo* part, Error* error)
{
    QByteArray head;
    if (!readClamped(tsk.disk(), part->start, size_t(std::min<uint64_t>(kFsProbeBytes, part->size)),
                     &head, error))
        return false;
    const FsSignature signature = probeFileSystem(head);
    part->filesystem = signature.type.isEmpty() ? QStringLiteral("unknown") : signature.type;
    part->label = signature.label;
    part->uuid = signature.uuid;
    // The ext state (clean, errors, space, features) comes from the same bytes.
    if (signature.type.startsWith(QLatin1String("ext")))
        parseExtSuperblock(head, &part->ext);

    const TSK_FS_TYPE_ENUM tskType = tskTypeFor(signature.type);
    if (tskType == TSK_FS_TYPE_UNSUPP)
        return true; // XFS, Btrfs, LVM2, swap, LUKS: our signature is all there is to know here
    tsk_error_reset();
    std::unique_ptr<TSK_FS_INFO, FsCloser> fs(
        tsk_fs_open_img(tsk.handle(), TSK_OFF_T(part->start), tskType));
    if (!fs) {
        // The container failed under TSK: that is a damaged image, not an unknown file system.
        if (!tsk.lastReadError().code.isEmpty())
            return fail(error, tsk.lastReadError().code, tsk.lastReadError().message);
        // The signature is there but the file system does not hold together: say so rather than
        // claim a file system the cloud would not be able to mount.
        part->filesystem = QStringLiteral("unknown");
        return true;
    }
    part->filesystem = tskTypeName(fs->ftype, signature);
    if (part->filesystem == QLatin1String("ntfs"))
        part->label = ntfsLabel(fs.get());
    return true;
}

QString mbrTypeText(uint8_t type)
{
    return QStringLiteral("0x%1").arg(type, 2, 16, QLatin1Char('0'));
}

// PARTUUID= of an MBR partition as blkid prints it: the disk signature, then the number.
QString mbrPartUuid(const MbrSector& mbr, int index)
{
    if (!mbr.diskId)
        return {};
    return QStringLiteral("%1-%2")
        .arg(mbr.diskId, 8, 16, QLatin1Char('0'))
        .arg(index, 2, 16, QLatin1Char('0'));
}

// MBR partitions as Linux numbers them: primaries 1-4 by slot, logicals from 5 in chain order.
void fillMbrPartitions(TSK_VS_INFO* vs, const MbrSector& mbr, QList<PartitionInfo>* out)
{
    QList<const TSK_VS_PART_INFO*> logicals;
    for (TSK_PNUM_T i = 0; i < vs->part_count; ++i) {
        const TSK_VS_PART_INFO* part = tsk_vs_part_get(vs, i);
        if (!part || !(part->flags & TSK_VS_PART_FLAG_ALLOC))
            continue;
        if (part->table_num > 0) {
            logicals.append(part);
            continue;
        }
        if (part->slot_num < 0 || part->slot_num > 3)
            continue;
        const MbrEntry& entry = mbr.entries[size_t(part->slot_num)];
        PartitionInfo info;
        info.index = part->slot_num + 1;
        info.start = uint64_t(part->start) * kSector;
        info.size = uint64_t(part->len) * kSector;
        info.type = mbrTypeText(entry.type);
        info.typeName = mbrTypeName(entry.type);
        info.bootable = entry.active;
        info.partUuid = mbrPartUuid(mbr, info.index);
        out->append(info);
    }
    std::sort(logicals.begin(), logicals.end(), [](auto* a, auto* b) {
        return a->table_num != b->table_num ? a->table_num < b->table_num
                                            : a->slot_num < b->slot_num;
    });
    int next = 5;
    for (const TSK_VS_PART_INFO* part : logicals) {
        PartitionInfo info;
        info.index = next++;
        info.partUuid = mbrPartUuid(mbr, info.index);
        info.start = uint64_t(part->start) * kSector;
        info.size = uint64_t(part->len) * kSector;
        // TSK describes logicals as "Linux (0x83)"; the type byte is the part in parentheses.
        const QString desc = QString::fromUtf8(part->desc ? part->desc : "");
        const qsizetype open = desc.lastIndexOf(QLatin1String("(0x"));
        bool ok = false;
        const uint type = open >= 0 ? desc.mid(open + 3, 2).toUInt(&ok, 16) : 0;
        info.type = ok ? mbrTypeText(uint8_t(type)) : QString();
        info.typeName = ok ? mbrTypeName(uint8_t(type)) : QString();
        if (info.typeName.isEmpty())
            info.typeName = open >= 0 ? desc.left(open).trimmed() : desc;
        info.logical = true;
        // BIOSes only honour the active flag of primary partitions, so a logical one is never
        // reported bootable.
        out->append(info);
    }
    std::sort(out->begin(), out->end(),
              [](const PartitionInfo& a, const PartitionInfo& b) { return a.index < b.index; });
}

bool fillGptPartitions(TSK_VS_INFO* vs, disk::DiskImage& disk, QList<PartitionInfo>* out,
                       Error* error)
{
    QByteArray sector1, entryBytes;
    if (!readClamped(disk, kSector, kSector, &sector1, error))
        return false;
    GptHeader header;
    QList<GptEntry> entries;
    if (parseGptHeader(sector1, &header)) {
        uint64_t offset = 0;
        if (mulNoOverflow(header.entriesLba, kSector, &offset) &&
            !readClamped(disk, offset, size_t(header.entriesBytes()), &entryBytes, error))
            return false;
        entries = parseGptEntries(entryBytes, header);
    }
    int index = 0;
    for (TSK_PNUM_T i = 0; i < vs->part_count; ++i) {
        const TSK_VS_PART_INFO* part = tsk_vs_part_get(vs, i);
        if (!part || !(part->flags & TSK_VS_PART_FLAG_ALLOC))
            continue;
        PartitionInfo info;
        info.start = uint64_t(part->start) * kSector;
        info.size = uint64_t(part->len) * kSector;
        info.index = ++index;
        for (const GptEntry& entry : entries) {
            if (entry.firstLba != uint64_t(part->start))
                continue;
            info.type = entry.typeGuid;
            info.typeName = gptTypeName(entry.typeGuid);
            info.bootable = entry.legacyBootable();
            info.partUuid = entry.partitionGuid.toLower();
            break;
        }
        if (info.typeName.isEmpty())
            info.typeName = QString::fromUtf8(part->desc ? part->desc : "");
        out->append(info);
    }
    return true;
}

// TSK_VS_TYPE_DETECT is not used: in libtsk 4.11 it leaks the DOS table it set aside when a GPT
// (or BSD label) wins, on every GPT disk. Asking for each type in our own order avoids that, and
// the order is the one that matters here: a protective MBR means GPT, otherwise DOS.
TSK_VS_INFO* openVolumeSystem(TskImage& tsk, const MbrSector& mbr)
{
    const TSK_VS_TYPE_ENUM protectiveOrder[] = {TSK_VS_TYPE_GPT, TSK_VS_TYPE_DOS};
    const TSK_VS_TYPE_ENUM dosOrder[] = {TSK_VS_TYPE_DOS, TSK_VS_TYPE_GPT};
    for (TSK_VS_TYPE_ENUM type : mbr.protective ? protectiveOrder : dosOrder) {
        if (type == TSK_VS_TYPE_DOS && !mbr.signature)
            continue;
        tsk_error_reset();
        if (TSK_VS_INFO* vs = tsk_vs_open(tsk.handle(), 0, type))
            return vs;
        if (!tsk.lastReadError().code.isEmpty())
            return nullptr;
    }
    for (TSK_VS_TYPE_ENUM type : {TSK_VS_TYPE_BSD, TSK_VS_TYPE_SUN, TSK_VS_TYPE_MAC}) {
        tsk_error_reset();
        if (TSK_VS_INFO* vs = tsk_vs_open(tsk.handle(), 0, type))
            return vs;
        if (!tsk.lastReadError().code.isEmpty())
            return nullptr;
    }
    return nullptr;
}

// The volume groups on the disk's LVM physical volumes, and what each logical volume holds,
// read through the volume as The Sleuth Kit reads a partition.
bool readLogicalVolumes(disk::DiskImage& disk, DiskLayout* layout, Error* error)
{
    const bool anyPv =
        std::any_of(layout->partitions.begin(), layout->partitions.end(),
                    [](const PartitionInfo& p) { return p.filesystem == QLatin1String("lvm2"); });
    if (!anyPv)
        return true;
    if (!lvm::scanLvm(disk, layout, error))
        return false;
    for (LogicalVolumeInfo& lv : layout->logicalVolumes) {
        if (!lv.obstacle.isEmpty())
            continue;
        lvm::LvmVolume volume(disk, lv);
        auto tsk = TskImage::open(volume, error);
        if (!tsk)
            return false;
        PartitionInfo inside;
        inside.size = lv.size;
        if (!identifyFileSystem(*tsk, &inside, error))
            return false;
        lv.filesystem = inside.filesystem;
        lv.label = inside.label;
        lv.fsUuid = inside.uuid;
        lv.ext = inside.ext;
    }
    return true;
}

} // namespace

bool readDiskLayout(disk::DiskImage& disk, DiskLayout* layout, Error* error)
{
    if (disk.virtualSize() < kSector) {
        *layout = DiskLayout{};
        layout->partitionTable = QStringLiteral("none");
        return true;
    }
    auto tsk = TskImage::open(disk, error);
    return tsk && readDiskLayout(*tsk, layout, error);
}

bool readDiskLayout(TskImage& tskImage, DiskLayout* layout, Error* error)
{
    *layout = DiskLayout{};
    layout->sectorSize = kSector;
    disk::DiskImage& disk = tskImage.disk();
    if (disk.virtualSize() < kSector) {
        layout->partitionTable = QStringLiteral("none");
        return true;
    }
    TskImage* tsk = &tskImage;

    QByteArray sector0;
    if (!readClamped(disk, 0, kSector, &sector0, error))
        return false;
    const MbrSector mbr = parseMbr(sector0);

    // A file system at the first byte means there is no partition table, whatever TSK's
    // MBR parser would make of a FAT or NTFS boot sector (it also ends in 55 AA).
    PartitionInfo whole;
    whole.index = 0;
    whole.size = disk.virtualSize();
    whole.type = QStringLiteral("whole-disk");
    if (!identifyFileSystem(*tsk, &whole, error))
        return false;
    if (whole.filesystem != QLatin1String("unknown")) {
        layout->partitionTable = QStringLiteral("none");
        layout->partitions.append(whole);
        return true;
    }

    std::unique_ptr<TSK_VS_INFO, VsCloser> vs(openVolumeSystem(*tsk, mbr));
    if (!vs && !tsk->lastReadError().code.isEmpty())
        return fail(error, tsk->lastReadError().code, tsk->lastReadError().message);

    if (vs && vs->vstype == TSK_VS_TYPE_DOS) {
        layout->partitionTable = QStringLiteral("mbr");
        layout->bootCode = mbr.bootCode;
        fillMbrPartitions(vs.get(), mbr, &layout->partitions);
    } else if (vs && vs->vstype == TSK_VS_TYPE_GPT) {
        layout->partitionTable = QStringLiteral("gpt");
        layout->protectiveMbr = mbr.signature && mbr.protective;
        layout->bootCode = mbr.signature && mbr.bootCode;
        if (!fillGptPartitions(vs.get(), disk, &layout->partitions, error))
            return false;
    } else if (vs) {
        // BSD disklabels, Sun VTOC, Apple partition maps: named, never importable.
        layout->partitionTable = QString::fromLatin1(tsk_vs_type_toname(vs->vstype)).toLower();
        for (TSK_PNUM_T i = 0; i < vs->part_count; ++i) {
            const TSK_VS_PART_INFO* part = tsk_vs_part_get(vs.get(), i);
            if (!part || !(part->flags & TSK_VS_PART_FLAG_ALLOC))
                continue;
            PartitionInfo info;
            info.index = int(layout->partitions.size()) + 1;
            info.start = uint64_t(part->start) * kSector;
            info.size = uint64_t(part->len) * kSector;
            info.typeName = QString::fromUtf8(part->desc ? part->desc : "");
            layout->partitions.append(info);
        }
    } else if (mbr.signature) {
        // An MBR whose four entries are all empty (TSK gives up on those): a blank, labelled disk.
        layout->partitionTable = QStringLiteral("mbr");
        layout->bootCode = mbr.bootCode;
        return true;
    } else {
        layout->partitionTable = QStringLiteral("none");
        return true;
    }
    vs.reset();

    for (PartitionInfo& part : layout->partitions)
        if (!identifyFileSystem(*tsk, &part, error))
            return false;
    return readLogicalVolumes(disk, layout, error);
}

} // namespace cvmi::inspect

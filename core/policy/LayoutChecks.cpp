// Checks on the virtual disk: size, partition table, boot code and file systems.
#include "policy/Check.h"

#include "inspect/VolumeNames.h"
#include "util/Units.h"

#include <QJsonArray>

#include <algorithm>

namespace cvmi::policy {

namespace {

QStringList stringList(const QJsonObject& params, const char* key)
{
    QStringList out;
    for (const auto& v : params.value(QLatin1String(key)).toArray())
        out << v.toString();
    return out;
}

bool layoutUnknown(const CheckInput& in, RuleResult* r)
{
    if (in.facts.layoutKnown)
        return false;
    unknown(
        r, Check::tr("The partition table could not be read: %1").arg(in.facts.layoutError.message),
        Check::tr("Check that the image is a complete system disk."));
    return true;
}

void maxVirtualSize(const CheckInput& in, RuleResult* r)
{
    const uint64_t limit = uint64_t(in.params.value(QLatin1String("max_bytes")).toDouble());
    const QString display = in.params.value(QLatin1String("display")).toString(formatBytes(limit));
    const uint64_t size = in.facts.virtualSize;
    if (size <= limit) {
        pass(r, Check::tr("The virtual disk is %1; the limit is %2.")
                    .arg(formatBytesExact(size), display));
        return;
    }
    failRule(
        r,
        Check::tr("The virtual disk is %1, more than the %2 limit for system disks.")
            .arg(formatBytesExact(size), display),
        Check::tr("Shrink the last partition's file system and the partition (e.g. resize2fs, then "
                  "parted resizepart), then the disk with `qemu-img resize --shrink IMAGE %1`.")
            .arg(display.simplified().remove(u' ')));
}

void partitionTable(const CheckInput& in, RuleResult* r)
{
    if (layoutUnknown(in, r))
        return;
    const QString table = in.facts.layout.partitionTable;
    if (stringList(in.params, "allowed").contains(table)) {
        pass(r, Check::tr("The disk has an MBR (DOS) partition table with %n partition(s).",
                          nullptr, int(in.facts.layout.partitions.size())));
        return;
    }
    if (table == QLatin1String("gpt")) {
        failRule(
            r,
            Check::tr("The disk has a GPT partition table; Tencent Cloud imports MBR disks only."),
            Check::tr(
                "Convert GPT to MBR (at most 4 partitions, disk under 2 TiB): `sgdisk "
                "--gpttombr=1:2:3 "
                "DISK`, then install a BIOS boot loader (e.g. `grub-install --target=i386-pc`). "
                "Take a copy first."));
        return;
    }
    failRule(
        r, Check::tr("The disk has no partition table: the file system starts at the first byte."),
        Check::tr("Import a whole system disk with an MBR partition table and a boot loader, not a "
                  "single partition."));
}

void mbrBootCode(const CheckInput& in, RuleResult* r)
{
    if (layoutUnknown(in, r))
        return;
    const auto& layout = in.facts.layout;
    if (layout.partitionTable != QLatin1String("mbr")) {
        unknown(r, Check::tr("Not applicable: the disk has no MBR partition table."));
        return;
    }
    bool anyBootable = false;
    for (const auto& p : layout.partitions)
        anyBootable = anyBootable || p.bootable;
    if (!layout.bootCode) {
        warn(r, Check::tr("The MBR holds no boot code, so the disk cannot start by itself."),
             in.facts.guest.family == QLatin1String("windows")
                 ? Check::tr("Write the Windows boot code into the MBR (`bootsect /nt60 SYS /mbr` "
                             "in an elevated prompt, or `bootrec /fixmbr` from the recovery "
                             "console) and export the disk again.")
                 : Check::tr("Install a boot loader into the MBR (e.g. `grub-install /dev/sda` "
                             "inside the machine) and export the disk again."));
    } else if (!anyBootable) {
        warn(r, Check::tr("The MBR has boot code but no partition is marked active."),
             Check::tr("Most boot loaders do not need the flag, but Windows does: mark the system "
                       "partition "
                       "active (`sfdisk --activate DISK 1`)."));
    } else {
        pass(r, Check::tr("The MBR holds boot code and an active partition."));
    }
}

// The file systems other than the system's root (and its LVM physical volume), each named as
// the report names it: "partition 1 (/boot): xfs", "LVM volume centos/home (partition 2): xfs".
void sortFileSystems(const CheckInput& in, const QStringList& allowed, const QStringList& harmless,
                     QStringList* good, QStringList* other)
{
    const auto& g = in.facts.guest;
    const auto& layout = in.facts.layout;
    const auto place = [&](const QString& name, const QString& filesystem) {
        const QString line = QStringLiteral("%1: %2").arg(name, filesystem);
        if (allowed.contains(filesystem))
            good->append(line);
        else if (!harmless.contains(filesystem) && filesystem != QLatin1String("unknown") &&
                 !filesystem.isEmpty())
            other->append(line);
    };
    for (const auto& p : layout.partitions) {
        const bool isRoot = g.rootVolume.isEmpty() && p.index == g.rootPartition;
        const bool read =
            std::any_of(layout.volumeGroups.begin(), layout.volumeGroups.end(),
                        [&](const auto& vg) { return vg.partitions.contains(p.index); });
        if (isRoot || (p.filesystem == QLatin1String("lvm2") && read))
            continue; // the root is judged by itself; a read PV by its volumes below
        const bool isBoot = g.bootVolume.isEmpty() && p.index == g.bootPartition;
        if (isBoot && allowed.contains(p.filesystem))
            continue; // a good /boot is not the system's file system, whatever else is wrong
        place(isBoot ? Check::tr("%1 (/boot)").arg(inspect::partitionName(p.index))
                     : inspect::partitionName(p.index),
              p.filesystem);
    }
    for (const auto& lv : layout.logicalVolumes)
        if (lv.name() != g.rootVolume)
            place(inspect::volumeName(lv), lv.filesystem);
}

// The file system of the root the OS search found, as the layout records it; empty when the
// layout does not hold it (then the rule judges the partitions alone).
QString rootFileSystem(const CheckInput& in)
{
    const auto& g = in.facts.guest;
    if (g.family.isEmpty())
        return {};
    for (const auto& lv : in.facts.layout.logicalVolumes)
        if (!g.rootVolume.isEmpty() && lv.name() == g.rootVolume)
            return lv.filesystem;
    for (const auto& p : in.facts.layout.partitions)
        if (g.rootVolume.isEmpty() && p.index == g.rootPartition)
            return p.filesystem;
    return {};
}

// The OS search found the root: judge it by itself, and say exactly what to convert.
void judgeRoot(const CheckInput& in, RuleResult* r, const QString& rootFs,
               const QStringList& allowed, const QStringList& harmless)
{
    const auto& g = in.facts.guest;
    QStringList good, other;
    sortFileSystems(in, allowed, harmless, &good, &other);
    const QString root = inspect::rootLocation(g);
    const bool inLvm = !g.rootVolume.isEmpty();
    if (allowed.contains(rootFs) && !inLvm) {
        if (other.isEmpty())
            pass(r, Check::tr("Root file system: %1 on %2.").arg(rootFs, root));
        else
            warn(r,
                 Check::tr("Root file system: %1 on %2. Other file systems: %3.")
                     .arg(rootFs, root, other.join(u", ")),
                 Check::tr("Only ext3, ext4 and NTFS are supported; the other partitions may not "
                           "mount after import. Move their data to an ext4 partition or a data "
                           "disk."));
        return;
    }
    QString evidence =
        inLvm ? Check::tr("The root file system is %1 in %2: the import needs ext3 or ext4 on a "
                          "plain MBR partition, not inside LVM.")
                    .arg(rootFs, root)
              : Check::tr("The root file system is %1 on %2: the import needs ext3 or ext4.")
                    .arg(rootFs, root);
    if (!other.isEmpty())
        evidence += QLatin1Char(' ') + Check::tr("Also: %1.").arg(other.join(u", "));
    const QString copy = Check::tr(
        "Inside the machine, add an ext4 partition (`mkfs.ext4`), copy the root to it (`rsync "
        "-aAXH --one-file-system / /mnt/new/`), point /etc/fstab and the kernel's root= at its "
        "UUID, rebuild the initramfs (`dracut -f`) and the GRUB configuration (`grub2-mkconfig -o "
        "/boot/grub2/grub.cfg`), and boot from it before exporting again.");
    failRule(r, evidence,
             inLvm ? Check::tr("Move / out of %1 onto a plain ext4 partition; then %2 (the LVM "
                               "physical volume) can go. %3")
                         .arg(root, inspect::partitionName(g.rootPartition), copy)
                   : Check::tr("%1 cannot be converted from %2 to ext4 in place. %3")
                         .arg(root, rootFs, copy));
}

void systemFilesystem(const CheckInput& in, RuleResult* r)
{
    if (layoutUnknown(in, r))
        return;
    const QStringList allowed = stringList(in.params, "allowed");
    const QStringList harmless = stringList(in.params, "harmless");
    if (const QString rootFs = rootFileSystem(in); !rootFs.isEmpty()) {
        judgeRoot(in, r, rootFs, allowed, harmless);
        return;
    }
    QStringList good, other;
    sortFileSystems(in, allowed, harmless, &good, &other);
    if (good.isEmpty()) {
        failRule(
            r,
            other.isEmpty()
                ? Check::tr("No ext3, ext4 or NTFS file system was found.")
                : Check::tr("Found %1; the system file system must be ext3, ext4 or NTFS.")
                      .arg(other.join(u", ")),
            Check::tr(
                "Linux systems must use ext3 or ext4, Windows systems NTFS, on an MBR partition. "
                "Migrate the root file system (e.g. from XFS or LVM) to ext4 before importing."));
    } else if (!other.isEmpty()) {
        warn(r,
             Check::tr("System file system: %1. Other file systems: %2.")
                 .arg(good.join(u", "), other.join(u", ")),
             Check::tr(
                 "Only ext3, ext4 and NTFS are supported; the other partitions may not mount after "
                 "import. Move their data to an ext4 partition or a data disk."));
    } else {
        pass(r, Check::tr("Found %1.").arg(good.join(u", ")));
    }
}

// A system disk has a partition that can hold an OS; a data disk (or an empty disk) does not.
void notDataDisk(const CheckInput& in, RuleResult* r)
{
    if (layoutUnknown(in, r))
        return;
    const auto& parts = in.facts.layout.partitions;
    if (parts.isEmpty()) {
        failRule(
            r,
            Check::tr("The disk has no partitions and no file system: it is empty or a data disk."),
            Check::tr("Import only system disks (the disk the operating system boots from). Attach "
                      "data disks to the instance separately."));
        return;
    }
    bool bootCapable = false;
    for (const auto& p : parts)
        bootCapable = bootCapable || p.bootable || p.index == 0 ||
                      in.facts.layout.partitionTable == QLatin1String("gpt");
    if (!bootCapable && !in.facts.layout.bootCode) {
        warn(r,
             Check::tr(
                 "No partition is marked bootable and the MBR holds no boot code: this looks like "
                 "a data disk."),
             Check::tr(
                 "Import only system disks. If this is the system disk, install a boot loader."));
        return;
    }
    pass(r, Check::tr("The disk looks like a system disk (boot code or a bootable partition). The "
                      "operating system check confirms it."));
}

const CheckDefinition kLayoutChecks[] = {
    {"max_virtual_size", QT_TRANSLATE_NOOP("cvmi::policy::Check", "System disk size"), true,
     maxVirtualSize, ""},
    {"partition_table", QT_TRANSLATE_NOOP("cvmi::policy::Check", "MBR partition table"), true,
     partitionTable, "layout"},
    {"mbr_boot_code", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Boot loader in the MBR"), true,
     mbrBootCode, "layout"},
    {"system_filesystem",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "File system (ext3, ext4 or NTFS)"), true,
     systemFilesystem, "layout"},
    {"not_data_disk", QT_TRANSLATE_NOOP("cvmi::policy::Check", "System disk, not a data disk"),
     true, notDataDisk, "layout"},
};

} // namespace

std::span<const CheckDefinition> layoutChecks()
{
    return kLayoutChecks;
}

} // namespace cvmi::policy

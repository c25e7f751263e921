#include "inspect/GuestInspector.h"

#include "inspect/BootLoaderConfig.h"
#include "inspect/BootLoaderTitle.h"
#include "inspect/DeadlineGuestFs.h"
#include "inspect/GuestPath.h"
#include "inspect/GuestVolumes.h"
#include "inspect/LinuxFstab.h"
#include "inspect/LinuxKernels.h"
#include "inspect/LinuxNetwork.h"
#include "inspect/LinuxRelease.h"
#include "inspect/LinuxSystem.h"
#include "inspect/MemoryGuestFs.h"
#include "inspect/VolumeNames.h"
#include "inspect/WindowsInspector.h"

#include <QCoreApplication>

#include <memory>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::GuestInspector)
};

QString volumeText(const GuestVolume& v)
{
    return v.lv.isEmpty() ? partitionName(v.partition) : Text::tr("LVM volume %1").arg(v.lv);
}

// A file system opened for the search, every read of it bounded by the inspection's deadline.
struct OpenedFs {
    std::unique_ptr<GuestFs> fs;
    std::unique_ptr<DeadlineGuestFs> inTime;
};

OpenedFs openInTime(GuestVolumes& volumes, const GuestVolume& v, InspectionBudget& budget,
                    Error* error)
{
    OpenedFs opened;
    opened.fs = volumes.open(v, error);
    if (opened.fs)
        opened.inTime = std::make_unique<DeadlineGuestFs>(*opened.fs, budget);
    return opened;
}

// A separate /boot file system holds the kernels at its top level.
bool looksLikeBootFs(GuestFs& fs)
{
    for (const QString& name : GuestPath::list(fs, QStringLiteral("/")))
        if (name.startsWith(QLatin1String("vmlinuz-")))
            return true;
    return false;
}

// The volume /etc/fstab mounts at /boot (UUID=, LABEL= or a device-mapper name).
const GuestVolume* bootFromFstab(GuestFs& root, const GuestVolumes& volumes,
                                 const GuestVolume& rootVolume)
{
    const auto fstab = GuestPath::readFile(root, QStringLiteral("/etc/fstab"), 256 * 1024);
    if (!fstab)
        return nullptr;
    for (const FstabEntry& entry : parseFstab(*fstab)) {
        if (entry.mountPoint != QLatin1String("/boot"))
            continue;
        const GuestVolume* v = volumes.bySpec(entry.spec);
        if (v && v != &rootVolume)
            return v;
    }
    return nullptr;
}

// The separate /boot: by fstab when there is a root to read it from, else the one other
// readable file system with kernels at its top.
const GuestVolume* findBoot(GuestVolumes& volumes, GuestFs* root, const GuestVolume* rootVolume,
                            InspectionBudget& budget, OpenedFs* boot)
{
    Error error;
    if (root && rootVolume) {
        if (const GuestVolume* v = bootFromFstab(*root, volumes, *rootVolume);
            v && GuestVolumes::readable(v->filesystem)) {
            *boot = openInTime(volumes, *v, budget, &error);
            if (boot->fs)
                return v;
        }
        if (!GuestPath::list(*root, QStringLiteral("/boot"))
                 .filter(QStringLiteral("vmlinuz-"))
                 .isEmpty())
            return nullptr; // the kernels are in the root's own /boot
    }
    for (const GuestVolume& v : volumes.all()) {
        if (&v == rootVolume || !GuestVolumes::readable(v.filesystem) || budget.expired())
            continue;
        OpenedFs candidate = openInTime(volumes, v, budget, &error);
        if (candidate.fs && looksLikeBootFs(*candidate.inTime)) {
            *boot = std::move(candidate);
            return &v;
        }
    }
    return nullptr;
}

void setBoot(GuestFacts* facts, const GuestVolume& v)
{
    facts->bootPartition = v.partition;
    facts->bootVolume = v.lv;
    facts->bootFilesystem = v.filesystem;
}

bool inspectLinuxRoot(GuestVolumes& volumes, const GuestVolume& v, GuestFs& fs, GuestFacts* facts,
                      InspectionBudget& budget)
{
    if (!GuestPath::isDirectory(fs, QStringLiteral("/etc")))
        return false;
    GuestFacts found;
    if (!detectLinuxRelease(fs, &found))
        return false;
    found.searched = true;
    found.family = QStringLiteral("linux");
    found.rootPartition = v.partition;
    found.rootVolume = v.lv;
    found.rootFilesystem = v.filesystem;
    found.lvmRoot = !v.lv.isEmpty();
    if (budget.expired()) {
        // The release files may have been cut short: what was found cannot be trusted.
        budget.markNotRead(QLatin1String(part::kOs));
        *facts = found;
        return true;
    }
    budget.step(part::kArchitecture, [&] { detectLinuxArchitecture(fs, &found); });

    OpenedFs boot;
    const bool bootFound = budget.step(part::kKernels, [&] {
        if (const GuestVolume* b = findBoot(volumes, &fs, &v, budget, &boot))
            setBoot(&found, *b);
    });
    if (bootFound)
        inspectLinuxKernels(fs, boot.inTime.get(), &found, &budget);
    budget.step(part::kNetwork, [&] { inspectLinuxNetwork(fs, &found); });
    budget.step(part::kFstab, [&] { inspectFstab(fs, &found); });
    // A separate /boot holds the boot loader's files at its own root (boot.inTime).
    budget.step(part::kBootLoader, [&] { inspectBootLoaderConfig(fs, boot.inTime.get(), &found); });
    budget.step(part::kCloudInit, [&] { inspectCloudInit(fs, &found); });
    budget.step(part::kSystem, [&] { inspectLinuxSystem(fs, &found); });
    *facts = found;
    return true;
}

// The root could not be read, but a separate /boot can be: its kernels, their initramfs and
// the distribution its boot loader names still decide the kernel and virtio rules.
void inspectBootOnly(GuestVolumes& volumes, GuestFacts* facts, InspectionBudget& budget)
{
    OpenedFs boot;
    const GuestVolume* b = nullptr;
    if (!budget.step(part::kKernels,
                     [&] { b = findBoot(volumes, nullptr, nullptr, budget, &boot); }) ||
        !b)
        return;
    GuestFacts found = *facts;
    setBoot(&found, *b);
    found.bootOnly = true;
    distroFromBootLoader(*boot.inTime, &found);
    MemoryGuestFs noRoot; // what the kernel scan would read from / is not there to read
    noRoot.addDirectory(QStringLiteral("/"));
    inspectLinuxKernels(noRoot, boot.inTime.get(), &found, &budget);
    *facts = found;
}

// Why no OS was found, when the layout suggests one is there but out of reach.
QString obstacleFor(const DiskLayout& layout, const QStringList& unreadable, bool* lvm)
{
    QStringList reasons = unreadable;
    for (const VolumeGroupInfo& vg : layout.volumeGroups) {
        if (!vg.problem.isEmpty()) {
            *lvm = true;
            reasons << vg.problem;
        }
    }
    for (const LogicalVolumeInfo& lv : layout.logicalVolumes) {
        if (!lv.obstacle.isEmpty()) {
            *lvm = true;
            reasons << lv.obstacle;
        }
    }
    for (const PartitionInfo& p : layout.partitions) {
        bool inGroup = false;
        for (const VolumeGroupInfo& vg : layout.volumeGroups)
            inGroup = inGroup || vg.partitions.contains(p.index);
        if (p.filesystem == QLatin1String("lvm2") && !inGroup) {
            *lvm = true;
            reasons << Text::tr("%1 is an LVM physical volume whose volume group metadata could "
                                "not be read")
                           .arg(partitionName(p.index));
        } else if (p.filesystem == QLatin1String("btrfs")) {
            reasons << Text::tr("%1 holds Btrfs (the openSUSE and SLES default), which cannot be "
                                "read here; the import supports only ext3, ext4 and NTFS system "
                                "file systems")
                           .arg(partitionName(p.index));
        } else if (p.filesystem == QLatin1String("luks")) {
            reasons << Text::tr("%1 is encrypted (LUKS); an encrypted system disk cannot be "
                                "imported")
                           .arg(partitionName(p.index));
        }
    }
    return reasons.join(QStringLiteral("; "));
}

} // namespace

void inspectGuest(TskImage& image, const DiskLayout& layout, GuestFacts* facts,
                  InspectionBudget& budget)
{
    *facts = GuestFacts{};
    facts->searched = true;
    GuestVolumes volumes(image, layout);
    QStringList unreadable;
    for (const GuestVolume& v : volumes.all()) {
        if (budget.expired()) {
            // The volumes not searched yet may hold the system: no verdict on "no OS".
            budget.markNotRead(QLatin1String(part::kOs));
            return;
        }
        if (!GuestVolumes::readable(v.filesystem) || v.filesystem == QLatin1String("vfat"))
            continue;
        Error error;
        OpenedFs opened = openInTime(volumes, v, budget, &error);
        if (!opened.fs) {
            if (v.filesystem == QLatin1String("xfs"))
                unreadable << Text::tr("%1 holds XFS, which could not be read: %2")
                                  .arg(volumeText(v), error.message);
            continue;
        }
        GuestFs& fs = *opened.inTime;
        if (v.filesystem == QLatin1String("ntfs")) {
            GuestFacts found;
            Error windowsError;
            if (inspectWindows(fs, &found, &windowsError, &budget)) {
                found.searched = true;
                found.family = QStringLiteral("windows");
                found.rootPartition = v.partition;
                found.rootVolume = v.lv;
                found.rootFilesystem = v.filesystem;
                *facts = found;
                return;
            }
            if (budget.expired())
                continue; // the search stops at the top of the loop, saying why
            if (windowsError.isSet())
                unreadable << Text::tr("%1 holds Windows, but it could not be read: %2")
                                  .arg(volumeText(v), windowsError.message);
            continue;
        }
        if (inspectLinuxRoot(volumes, v, fs, facts, budget))
            return;
    }
    if (budget.expired()) {
        // The last volume's reads may have been cut short: the search did not finish.
        budget.markNotRead(QLatin1String(part::kOs));
        return;
    }
    facts->obstacle = obstacleFor(layout, unreadable, &facts->lvmRoot);
    if (!facts->obstacle.isEmpty())
        inspectBootOnly(volumes, facts, budget);
}

} // namespace cvmi::inspect

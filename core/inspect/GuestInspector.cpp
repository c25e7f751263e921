#include "inspect/GuestInspector.h"

#include "inspect/DeadlineGuestFs.h"
#include "inspect/GuestPath.h"
#include "inspect/LinuxFstab.h"
#include "inspect/LinuxKernels.h"
#include "inspect/LinuxNetwork.h"
#include "inspect/LinuxRelease.h"
#include "inspect/TskGuestFs.h"
#include "inspect/WindowsInspector.h"

#include <QCoreApplication>

#include <memory>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::GuestInspector)
};

bool readableByTsk(const QString& filesystem)
{
    return filesystem.startsWith(QLatin1String("ext")) || filesystem == QLatin1String("ntfs") ||
           filesystem == QLatin1String("vfat");
}

QString partitionName(const PartitionInfo& p)
{
    return p.index == 0 ? Text::tr("the whole disk") : Text::tr("partition %1").arg(p.index);
}

// A separate /boot file system holds the kernels at its top level.
bool looksLikeBootFs(GuestFs& fs)
{
    for (const QString& name : GuestPath::list(fs, QStringLiteral("/")))
        if (name.startsWith(QLatin1String("vmlinuz-")))
            return true;
    return false;
}

// The partition /etc/fstab mounts at /boot, matched by UUID=, LABEL= or, as a fallback, the only
// other file system that holds kernels.
const PartitionInfo* bootPartitionFromFstab(GuestFs& root, const DiskLayout& layout,
                                            const PartitionInfo& rootPart)
{
    const auto fstab = GuestPath::readFile(root, QStringLiteral("/etc/fstab"), 256 * 1024);
    if (!fstab)
        return nullptr;
    for (const FstabEntry& entry : parseFstab(*fstab)) {
        if (entry.mountPoint != QLatin1String("/boot"))
            continue;
        for (const PartitionInfo& p : layout.partitions) {
            if (&p == &rootPart)
                continue;
            if ((entry.spec.startsWith(QLatin1String("UUID=")) &&
                 entry.spec.mid(5).compare(p.uuid, Qt::CaseInsensitive) == 0) ||
                (entry.spec.startsWith(QLatin1String("LABEL=")) && entry.spec.mid(6) == p.label))
                return &p;
        }
    }
    return nullptr;
}

bool inspectLinuxRoot(TskImage& image, const DiskLayout& layout, const PartitionInfo& part,
                      GuestFs& fs, GuestFacts* facts, InspectionBudget& budget)
{
    if (!GuestPath::isDirectory(fs, QStringLiteral("/etc")))
        return false;
    GuestFacts found;
    if (!detectLinuxRelease(fs, &found))
        return false;
    found.searched = true;
    found.family = QStringLiteral("linux");
    found.rootPartition = part.index;
    found.rootFilesystem = part.filesystem;
    if (budget.expired()) {
        // The release files may have been cut short: what was found cannot be trusted.
        budget.markNotRead(QLatin1String(part::kOs));
        *facts = found;
        return true;
    }
    budget.step(part::kArchitecture, [&] { detectLinuxArchitecture(fs, &found); });

    // A separate /boot: by fstab, or the one other file system with kernels at its top.
    std::unique_ptr<TskGuestFs> boot;
    std::unique_ptr<DeadlineGuestFs> bootInTime;
    const bool bootFound = budget.step(part::kKernels, [&] {
        const PartitionInfo* bootPart = bootPartitionFromFstab(fs, layout, part);
        Error error;
        if (bootPart && readableByTsk(bootPart->filesystem))
            boot = TskGuestFs::open(image.handle(), bootPart->start, &error, bootPart->filesystem);
        if (!boot && GuestPath::list(fs, QStringLiteral("/boot"))
                         .filter(QStringLiteral("vmlinuz-"))
                         .isEmpty()) {
            for (const PartitionInfo& p : layout.partitions) {
                if (&p == &part || !readableByTsk(p.filesystem))
                    continue;
                auto candidate = TskGuestFs::open(image.handle(), p.start, &error, p.filesystem);
                if (!candidate)
                    continue;
                DeadlineGuestFs candidateInTime(*candidate, budget);
                if (looksLikeBootFs(candidateInTime)) {
                    boot = std::move(candidate);
                    break;
                }
            }
        }
        if (boot)
            bootInTime = std::make_unique<DeadlineGuestFs>(*boot, budget);
    });
    if (bootFound)
        inspectLinuxKernels(fs, bootInTime.get(), &found, &budget);
    budget.step(part::kNetwork, [&] { inspectLinuxNetwork(fs, &found); });
    budget.step(part::kFstab, [&] { inspectFstab(fs, &found); });
    budget.step(part::kCloudInit, [&] { inspectCloudInit(fs, &found); });
    *facts = found;
    return true;
}

// Why no OS was found, when the layout suggests one is there but out of reach.
QString obstacleFor(const DiskLayout& layout, bool* lvm)
{
    QStringList reasons;
    for (const PartitionInfo& p : layout.partitions) {
        if (p.filesystem == QLatin1String("lvm2")) {
            *lvm = true;
            reasons << Text::tr("%1 is an LVM physical volume: a root file system inside LVM "
                                "cannot be read here, and the import does not support it")
                           .arg(partitionName(p));
        } else if (p.filesystem == QLatin1String("xfs") || p.filesystem == QLatin1String("btrfs")) {
            reasons << Text::tr("%1 holds %2, which cannot be read here; the import supports only "
                                "ext3, ext4 and NTFS system file systems")
                           .arg(partitionName(p), p.filesystem);
        } else if (p.filesystem == QLatin1String("luks")) {
            reasons << Text::tr("%1 is encrypted (LUKS); an encrypted system disk cannot be "
                                "imported")
                           .arg(partitionName(p));
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
    for (const PartitionInfo& part : layout.partitions) {
        if (budget.expired()) {
            // The partitions not searched yet may hold the system: no verdict on "no OS".
            budget.markNotRead(QLatin1String(part::kOs));
            return;
        }
        if (!readableByTsk(part.filesystem) || part.filesystem == QLatin1String("vfat"))
            continue;
        Error error;
        auto tskFs = TskGuestFs::open(image.handle(), part.start, &error, part.filesystem);
        if (!tskFs)
            continue;
        // Every guest read below stops at the deadline.
        auto fs = std::make_unique<DeadlineGuestFs>(*tskFs, budget);
        if (part.filesystem == QLatin1String("ntfs")) {
            GuestFacts found;
            Error windowsError;
            if (inspectWindows(*fs, &found, &windowsError, &budget)) {
                found.searched = true;
                found.family = QStringLiteral("windows");
                found.rootPartition = part.index;
                found.rootFilesystem = part.filesystem;
                *facts = found;
                return;
            }
            if (budget.expired())
                continue; // the search stops at the top of the loop, saying why
            if (windowsError.isSet())
                facts->obstacle = Text::tr("%1 holds Windows, but it could not be read: %2")
                                      .arg(partitionName(part), windowsError.message);
            continue;
        }
        if (inspectLinuxRoot(image, layout, part, *fs, facts, budget))
            return;
    }
    if (budget.expired()) {
        // The last partition's reads may have been cut short: the search did not finish.
        budget.markNotRead(QLatin1String(part::kOs));
        return;
    }
    if (!facts->obstacle.isEmpty())
        return;
    facts->obstacle = obstacleFor(layout, &facts->lvmRoot);
}

} // namespace cvmi::inspect

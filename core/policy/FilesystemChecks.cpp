// The state of the root (and /boot) file system as its ext2/3/4 super block records it: errors
// that make fsck at boot stop in emergency mode, a journal left to replay by an image taken from
// a running VM, too little room for what the import and cloud-init write, and features that older
// e2fsprogs cannot write.
#include "inspect/ExtSuperblock.h"
#include "policy/GuestCheckSupport.h"

#include <QDateTime>

namespace cvmi::policy {

namespace {

using inspect::ExtFsState;

// One file system the rules judge: the root, or a separate /boot.
struct Target {
    QString mountPoint; // "/" or "/boot"
    QString where;      // "partition 2", "LVM volume centos/root"
    QString filesystem;
    const ExtFsState* ext = nullptr;
};

bool isExt(const QString& fs)
{
    return fs.startsWith(QLatin1String("ext"));
}

// The partition or logical volume the guest search named, with what the layout read of it.
Target locate(const inspect::ImageFacts& facts, const QString& mountPoint, int partition,
              const QString& volume, const QString& filesystem)
{
    Target t{mountPoint, {}, filesystem, nullptr};
    if (!volume.isEmpty()) {
        t.where = Check::tr("LVM volume %1").arg(volume);
        for (const auto& lv : facts.layout.logicalVolumes)
            if (lv.name() == volume) {
                t.ext = &lv.ext;
                if (t.filesystem.isEmpty())
                    t.filesystem = lv.filesystem;
            }
        return t;
    }
    t.where =
        partition == 0 ? Check::tr("the whole disk") : Check::tr("partition %1").arg(partition);
    for (const auto& p : facts.layout.partitions)
        if (p.index == partition) {
            t.ext = &p.ext;
            if (t.filesystem.isEmpty())
                t.filesystem = p.filesystem;
        }
    return t;
}

QList<Target> targets(const inspect::ImageFacts& facts, bool withBoot)
{
    const auto& g = facts.guest;
    QList<Target> out;
    if (g.rootPartition >= 0 || !g.rootVolume.isEmpty())
        out << locate(facts, QStringLiteral("/"), g.rootPartition, g.rootVolume, g.rootFilesystem);
    if (withBoot && (g.bootPartition >= 0 || !g.bootVolume.isEmpty()))
        out << locate(facts, QStringLiteral("/boot"), g.bootPartition, g.bootVolume,
                      g.bootFilesystem);
    return out;
}

// The device to give e2fsck/tune2fs in the source VM: an LV's path is fixed, a partition's name
// depends on the disk controller there.
QString device(const Target& t, const inspect::ImageFacts& facts)
{
    if (!facts.guest.rootVolume.isEmpty() && t.mountPoint == QLatin1String("/"))
        return QStringLiteral("/dev/") + facts.guest.rootVolume;
    if (!facts.guest.bootVolume.isEmpty() && t.mountPoint == QLatin1String("/boot"))
        return QStringLiteral("/dev/") + facts.guest.bootVolume;
    const int n =
        t.mountPoint == QLatin1String("/") ? facts.guest.rootPartition : facts.guest.bootPartition;
    return n > 0 ? QStringLiteral("/dev/sda%1").arg(n) : QStringLiteral("/dev/sda");
}

// "/ (partition 2, ext4)"
QString name(const Target& t)
{
    return Check::tr("%1 (%2, %3)").arg(t.mountPoint, t.where, t.filesystem);
}

QString date(int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QString mib(uint64_t bytes)
{
    return QString::number(bytes >> 20);
}

QString errorText(const Target& t)
{
    const ExtFsState& e = *t.ext;
    QString text = Check::tr("%1: state \"%2\", %3 error(s) recorded")
                       .arg(name(t), inspect::extStateText(e.state))
                       .arg(e.errorCount);
    if (e.firstErrorTime)
        text += Check::tr(", the first on %1").arg(date(e.firstErrorTime));
    if (!e.firstErrorFunction.isEmpty())
        text += Check::tr(" in %1").arg(e.firstErrorFunction);
    return text;
}

QString recoveryText(const Target& t)
{
    const ExtFsState& e = *t.ext;
    QStringList why;
    if (e.incompat & inspect::kExtIncompatRecover)
        why << Check::tr("the journal needs recovery (needs_recovery)");
    if (!(e.state & inspect::kExtStateValid))
        why << Check::tr("state \"%1\"").arg(inspect::extStateText(e.state));
    if ((e.state & inspect::kExtStateOrphans) || e.lastOrphan)
        why << Check::tr("orphan inodes left to clean up (first inode %1)").arg(e.lastOrphan);
    QString text = QStringLiteral("%1: %2").arg(name(t), why.join(QStringLiteral(", ")));
    if (e.lastMountTime)
        text += Check::tr("; last mounted %1 on %2")
                    .arg(date(e.lastMountTime),
                         e.lastMountedOn.isEmpty() ? t.mountPoint : e.lastMountedOn);
    return text;
}

bool hasErrors(const ExtFsState& e)
{
    return (e.state & inspect::kExtStateErrors) || e.errorCount > 0;
}

bool notCleanlyUnmounted(const ExtFsState& e)
{
    return (e.incompat & inspect::kExtIncompatRecover) || !(e.state & inspect::kExtStateValid) ||
           (e.state & inspect::kExtStateOrphans) || e.lastOrphan;
}

// Sorts the targets into ext ones whose super block was read and the statements about the rest.
QList<Target> readableExt(const QList<Target>& all, QStringList* notExt, QStringList* unread)
{
    QList<Target> out;
    for (const Target& t : all) {
        if (!isExt(t.filesystem))
            *notExt
                << Check::tr("%1: only the state of ext2/3/4 file systems is read").arg(name(t));
        else if (!t.ext || !t.ext->read)
            *unread << Check::tr("%1: its super block was not read").arg(name(t));
        else
            out << t;
    }
    return out;
}

void filesystemClean(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r))
        return;
    QStringList notExt, unread, errors, recovery, clean;
    QString firstDevice;
    for (const Target& t : readableExt(targets(in.facts, true), &notExt, &unread)) {
        if (hasErrors(*t.ext) && firstDevice.isEmpty())
            firstDevice = device(t, in.facts);
        if (hasErrors(*t.ext))
            errors << errorText(t);
        else if (notCleanlyUnmounted(*t.ext))
            recovery << recoveryText(t);
        else
            clean << Check::tr("%1: clean, mounted %2 time(s) since its last check on %3")
                         .arg(name(t))
                         .arg(t.ext->mountCount)
                         .arg(date(t.ext->lastCheckTime));
    }
    const QString sep = QStringLiteral("; ");
    if (!errors.isEmpty()) {
        judge(
            r, severityParam(in.params, "errors", Verdict::Fail),
            Check::tr("%1. fsck at boot stops on these errors and leaves the instance in "
                      "emergency mode.")
                .arg((errors + recovery).join(sep)),
            Check::tr(
                "In the source VM, check the file system while it is not mounted: "
                "`e2fsck -f %1` (a partition's name depends on the source VM's disk "
                "controller: sda, vda, ...) from a rescue system, or schedule it for the next boot "
                "(`touch /forcefsck`, or `fsck.mode=force` on the kernel command line for "
                "one boot with systemd), reboot, shut the VM down cleanly and export the "
                "disk again.")
                .arg(firstDevice));
        return;
    }
    if (!recovery.isEmpty()) {
        judge(r, severityParam(in.params, "recovery", Verdict::Warn),
              Check::tr("%1. The image was taken while the system ran (or after a crash): the "
                        "first boot replays the journal, and files written last may be missing.")
                  .arg(recovery.join(sep)),
              Check::tr("Boot the source VM once and shut it down cleanly (`poweroff`), then "
                        "export the disk again; never export a running VM's disk or a "
                        "crash-consistent snapshot."));
        return;
    }
    if (!unread.isEmpty()) {
        unknown(r, unread.join(sep));
        return;
    }
    if (clean.isEmpty()) {
        pass(r, Check::tr("Not applicable: %1.").arg(notExt.join(sep)));
        return;
    }
    pass(r, (clean + notExt).join(sep) + QLatin1Char('.'));
}

// The distribution's own command that empties its package cache (usually the quickest space).
QString cacheCleanCommand(const QString& distro)
{
    if (distro == QLatin1String("debian") || distro == QLatin1String("ubuntu"))
        return QStringLiteral("apt-get clean");
    if (distro.startsWith(QLatin1String("opensuse")) || distro == QLatin1String("sles"))
        return QStringLiteral("zypper clean --all");
    return QStringLiteral("yum clean all");
}

// Two thresholds, because two kinds of writer run at first boot. The import and cloud-init write
// as root (/etc/qcloud-network-config.ini, /var/lib/cloud, their logs: a few MiB in all), and
// root may use the reserved blocks: below `fail_mib` free counting them (16 MiB by default,
// several times what those writes need, so that the first boot's journal and logs fit too), they
// may fail half-way. Services that run as other users see only what is left above the reserve
// (df's "Avail"): below `warn_percent` of the file system, they are about to fail.
void rootFreeSpace(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const QList<Target> all = targets(in.facts, false);
    if (all.isEmpty()) {
        unknown(r, Check::tr("The root file system was not located on the disk."));
        return;
    }
    const Target& t = all.front();
    if (!isExt(t.filesystem) || !t.ext || !t.ext->read) {
        unknown(r,
                Check::tr("%1: free space is only read from ext2/3/4 super blocks.").arg(name(t)));
        return;
    }
    const ExtFsState& e = *t.ext;
    if (!e.countsSane) {
        unknown(r, Check::tr("%1: the super block's block counts do not hold together (%2 blocks "
                             "of %3 bytes, %4 free).")
                       .arg(name(t))
                       .arg(e.blocks)
                       .arg(e.blockSize)
                       .arg(e.freeBlocks));
        return;
    }
    const uint64_t failBytes = uint64_t(in.params.value(QLatin1String("fail_mib")).toInt(16)) << 20;
    const double warnPercent = in.params.value(QLatin1String("warn_percent")).toDouble(5);
    const uint64_t total = inspect::extTotalBytes(e), free = inspect::extFreeBytes(e),
                   avail = inspect::extAvailableBytes(e);
    const double availPercent = total ? 100.0 * double(avail) / double(total) : 0;
    QString evidence =
        Check::tr("%1: %2 MiB free of %3 MiB, %4 MiB (%5%) of them to users other than root "
                  "(%6 MiB reserved for root)")
            .arg(name(t), mib(free), mib(total), mib(avail))
            .arg(availPercent, 0, 'f', 1)
            .arg(mib(uint64_t(e.reservedBlocks) * e.blockSize));
    if (notCleanlyUnmounted(e))
        evidence += Check::tr(" (as of the last journal commit: the file system was not cleanly "
                              "unmounted)");
    const QString fix =
        Check::tr("In the source VM, free at least %1 MiB on /: `%2` empties the package cache; "
                  "remove old kernels and logs (`journalctl --vacuum-size=100M`, /var/log/*.gz); "
                  "or grow the disk and the file system (growpart, resize2fs). Then export the "
                  "disk again.")
            .arg(mib(std::max<uint64_t>(failBytes, uint64_t(double(total) * warnPercent / 100))),
                 cacheCleanCommand(in.facts.guest.distro));
    if (free < failBytes) {
        judge(r, severityParam(in.params, "severity", Verdict::Fail),
              Check::tr("%1. Under %2 MiB: the import cannot write "
                        "/etc/qcloud-network-config.ini and cloud-init cannot write its state, so "
                        "the instance comes up without its network configuration.")
                  .arg(evidence, mib(failBytes)),
              fix);
        return;
    }
    if (availPercent < warnPercent) {
        warn(r,
             Check::tr("%1. Under %2% free: services and logs fill it soon after the first boot.")
                 .arg(evidence)
                 .arg(warnPercent),
             fix);
        return;
    }
    pass(r, evidence + QLatin1Char('.'));
}

// The features the rule file names (params "features"): those e2fsprogs 1.42.9 (CentOS 7, and the
// conversion tools built on it) does not know, whose e2fsck, tune2fs and debugfs refuse such a
// file system ("has unsupported feature(s)") or open it read-only. From the e2fsprogs release
// notes: metadata_csum, metadata_csum_seed, inline_data, encrypt, project, read-only (1.43);
// large_dir, ea_inode (1.44); casefold, verity (1.45); fast_commit, stable_inodes (1.46);
// orphan_file, orphan_present (1.47). The default rule file leaves metadata_csum out: every
// mke2fs since 1.43 turns it on, so every Ubuntu 18.04+, Debian 10+ and RHEL 8+ disk has it, and
// those are systems the import service lists; a warning on all of them would say nothing.
// (Baidu Cloud's import refuses it: its rule file would add it.)
QStringList newFeatures(const QJsonObject& params)
{
    return stringListParam(params, "features");
}

void extFeatures(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    QStringList notExt, unread, found, fine;
    const QStringList newer = newFeatures(in.params);
    for (const Target& t : readableExt(targets(in.facts, true), &notExt, &unread)) {
        QStringList hits;
        const QStringList names = inspect::extFeatureNames(*t.ext);
        for (const QString& f : names)
            if (newer.contains(f) || f.startsWith(QLatin1String("FEATURE_")))
                hits << f;
        if (hits.isEmpty())
            fine << Check::tr("%1: %2").arg(name(t), names.join(u' '));
        else
            found << Check::tr("%1 has %2").arg(name(t), hits.join(QStringLiteral(", ")));
    }
    const QString sep = QStringLiteral("; ");
    if (!found.isEmpty()) {
        judge(r, severityParam(in.params, "severity", Verdict::Warn),
              Check::tr("%1. The kernel mounts it, but e2fsprogs older than 1.43 (CentOS 7's "
                        "1.42.9), which a conversion or injection tool may run, cannot check or "
                        "write it.")
                  .arg(found.join(sep)),
              Check::tr("Only if such a tool will write the disk: on the unmounted file system, "
                        "`tune2fs -O ^metadata_csum,^metadata_csum_seed,^orphan_file DEVICE` then "
                        "`e2fsck -f DEVICE` (a recent e2fsprogs); inline_data, encrypt, casefold, "
                        "ea_inode, large_dir and verity cannot be turned off: copy the files to a "
                        "file system made with `mkfs.ext4 -O ^FEATURE`."));
        return;
    }
    if (!unread.isEmpty()) {
        unknown(r, unread.join(sep));
        return;
    }
    if (fine.isEmpty()) {
        pass(r, Check::tr("Not applicable: %1.").arg(notExt.join(sep)));
        return;
    }
    pass(r,
         Check::tr("No feature newer than e2fsprogs 1.42.9: %1.").arg((fine + notExt).join(sep)));
}

} // namespace

std::span<const CheckDefinition> filesystemChecks()
{
    static const CheckDefinition kChecks[] = {
        {"filesystem_clean",
         QT_TRANSLATE_NOOP("cvmi::policy::Check", "File systems cleanly unmounted, no errors"),
         true, filesystemClean, "os"},
        {"root_free_space", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Free space on /"), true,
         rootFreeSpace, "os"},
        {"ext_features",
         QT_TRANSLATE_NOOP("cvmi::policy::Check", "ext4 features older tools can write"), true,
         extFeatures, "os"},
    };
    return kChecks;
}

} // namespace cvmi::policy

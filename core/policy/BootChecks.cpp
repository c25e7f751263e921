// Checks that predict an instance that never boots: the kernel's root= and the /etc/fstab
// entries needed at boot must name file systems that are on this disk, by a name that survives
// the move to virtio (/dev/vda), and what may be absent (network shares, other disks) must not
// stop the boot in emergency mode.
#include "policy/GuestCheckSupport.h"

namespace cvmi::policy {

namespace {

using inspect::BootCommandLine;
using inspect::DiskLayout;
using inspect::FstabEntry;

enum class Where { OnDisk, Missing, OldName, NotJudged };

// /dev/sda1, /dev/hdb, /dev/xvda2, /dev/vda1: the disk's name ("sda") and the partition number.
const QRegularExpression& deviceName()
{
    static const QRegularExpression re(QStringLiteral("^/dev/(sd|hd|xvd|vd)([a-z]+)p?([0-9]*)$"));
    return re;
}

QString partitionText(const inspect::PartitionInfo& p)
{
    return Check::tr("partition %1 (%2)").arg(p.index).arg(p.filesystem);
}

// The LV that /dev/mapper/VG-LV (dashes in names doubled) or /dev/VG/LV names.
const inspect::LogicalVolumeInfo* logicalVolume(const DiskLayout& layout, const QString& spec)
{
    for (const auto& lv : layout.logicalVolumes) {
        QString vg = lv.vg, name = lv.lv;
        const QString mapper = QStringLiteral("/dev/mapper/%1-%2")
                                   .arg(vg.replace(u'-', QStringLiteral("--")),
                                        name.replace(u'-', QStringLiteral("--")));
        if (spec == mapper || spec == QStringLiteral("/dev/%1/%2").arg(lv.vg, lv.lv))
            return &lv;
    }
    return nullptr;
}

// Where a device spec (root= value or fstab field) points, on this disk; `what` says what it
// matched, or why it is not judged.
Where locate(const DiskLayout& layout, QString spec, QString* what)
{
    if (spec.startsWith(QLatin1String("/dev/disk/by-uuid/")))
        spec = QStringLiteral("UUID=") + spec.mid(18);
    else if (spec.startsWith(QLatin1String("/dev/disk/by-label/")))
        spec = QStringLiteral("LABEL=") + spec.mid(19);
    const bool byUuid = spec.startsWith(QLatin1String("UUID="), Qt::CaseInsensitive);
    const bool byLabel = spec.startsWith(QLatin1String("LABEL="), Qt::CaseInsensitive);
    if (byUuid || byLabel) {
        const QString value = spec.mid(spec.indexOf(u'=') + 1);
        const auto same = [&](const QString& uuid, const QString& label) {
            return byUuid ? !uuid.isEmpty() && uuid.compare(value, Qt::CaseInsensitive) == 0
                          : !label.isEmpty() && label == value;
        };
        for (const auto& p : layout.partitions)
            if (same(p.uuid, p.label)) {
                *what = partitionText(p);
                return Where::OnDisk;
            }
        for (const auto& lv : layout.logicalVolumes)
            if (same(lv.fsUuid, lv.label)) {
                *what = Check::tr("LVM volume %1").arg(lv.name());
                return Where::OnDisk;
            }
        *what = byUuid ? Check::tr("no file system on this disk has this UUID")
                       : Check::tr("no file system on this disk has this label");
        return Where::Missing;
    }
    if (spec.startsWith(QLatin1String("/dev/disk/by-partuuid/")))
        spec = QStringLiteral("PARTUUID=") + spec.mid(22);
    if (spec.startsWith(QLatin1String("PARTUUID="), Qt::CaseInsensitive)) {
        const QString value = spec.mid(9);
        for (const auto& p : layout.partitions)
            if (!p.partUuid.isEmpty() && p.partUuid.compare(value, Qt::CaseInsensitive) == 0) {
                *what = partitionText(p);
                return Where::OnDisk;
            }
        *what = Check::tr("no partition of this disk has this PARTUUID");
        return Where::Missing;
    }
    if (const auto m = deviceName().match(spec); m.hasMatch()) {
        if (m.captured(1) == QLatin1String("vd")) {
            *what = Check::tr("the virtio disk name");
            return Where::OnDisk;
        }
        *what = Check::tr("the disk is /dev/vda under virtio");
        return Where::OldName;
    }
    if (spec.startsWith(QLatin1String("/dev/mapper/")) ||
        (spec.count(u'/') == 3 && spec.startsWith(QLatin1String("/dev/")))) {
        if (const auto* lv = logicalVolume(layout, spec)) {
            *what = Check::tr("LVM volume %1").arg(lv->name());
            return Where::OnDisk;
        }
        if (spec.startsWith(QLatin1String("/dev/mapper/")) || !layout.logicalVolumes.isEmpty()) {
            *what = Check::tr("no LVM volume of this disk has this name");
            return Where::Missing;
        }
    }
    *what = Check::tr("not checked");
    return Where::NotJudged;
}

QString lineText(const BootCommandLine& c)
{
    return (c.isDefault ? Check::tr("%1:%2 (default entry \"%3\")")
                        : Check::tr("%1:%2 (entry \"%3\")"))
        .arg(c.source)
        .arg(c.line)
        .arg(c.entry);
}

void bootRootArgument(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& g = in.facts.guest;
    if (g.bootConfigFiles.isEmpty()) {
        unknown(r,
                Check::tr("No boot loader configuration was found (looked in %1).")
                    .arg(g.bootConfigSearch.isEmpty()
                             ? QStringLiteral("/boot")
                             : g.bootConfigSearch.join(QStringLiteral(", "))),
                Check::tr("Make sure /boot (and its grub.cfg) is on the exported disk."));
        return;
    }
    QStringList bad, good, unjudged;
    for (const BootCommandLine& c : g.bootCommandLines) {
        if (c.root.isEmpty())
            continue;
        QString what;
        const Where where = locate(in.facts.layout, c.root, &what);
        const QString text = QStringLiteral("%1: root=%2 (%3)").arg(lineText(c), c.root, what);
        if (where == Where::OldName || where == Where::Missing)
            bad << text;
        else if (where == Where::OnDisk)
            good << text;
        else
            unjudged << text;
    }
    if (!bad.isEmpty()) {
        failRule(r,
                 Check::tr("The kernel will not find its root file system: %1.")
                     .arg(bad.join(QStringLiteral("; "))),
                 Check::tr("Name the root file system by UUID on the kernel command line "
                           "(root=UUID=..., see `blkid`) in /etc/default/grub and the boot "
                           "loader entries, then regenerate grub.cfg (grub2-mkconfig -o ... or "
                           "update-grub)."));
        return;
    }
    if (good.isEmpty()) {
        unknown(r, unjudged.isEmpty()
                       ? Check::tr("No kernel command line with root= was found in %1.")
                             .arg(g.bootConfigFiles.join(QStringLiteral(", ")))
                       : Check::tr("root= could not be checked: %1.")
                             .arg(unjudged.join(QStringLiteral("; "))));
        return;
    }
    pass(r, Check::tr("root= names a file system of this disk: %1.")
                .arg((good + unjudged).mid(0, 4).join(QStringLiteral("; "))));
}

bool optional(const FstabEntry& e)
{
    const QStringList options = e.options.split(u',');
    return options.contains(QLatin1String("nofail")) || options.contains(QLatin1String("noauto")) ||
           options.contains(QLatin1String("x-systemd.automount"));
}

QString entryText(const FstabEntry& e)
{
    return QStringLiteral("/etc/fstab:%1: %2 %3 %4")
        .arg(e.line)
        .arg(e.spec, e.mountPoint, e.options.isEmpty() ? QStringLiteral("defaults") : e.options);
}

bool byIdentifier(const QString& spec)
{
    return spec.startsWith(QLatin1String("UUID="), Qt::CaseInsensitive) ||
           spec.startsWith(QLatin1String("LABEL="), Qt::CaseInsensitive) ||
           spec.startsWith(QLatin1String("PARTUUID="), Qt::CaseInsensitive) ||
           spec.startsWith(QLatin1String("/dev/disk/by-partuuid/")) ||
           spec.startsWith(QLatin1String("/dev/disk/by-uuid/")) ||
           spec.startsWith(QLatin1String("/dev/disk/by-label/"));
}

void fstabIdentifiers(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    QStringList bad, absentOk, good;
    for (const FstabEntry& e : in.facts.guest.fstab) {
        if (!byIdentifier(e.spec))
            continue;
        QString what;
        const Where where = locate(in.facts.layout, e.spec, &what);
        const QString text = QStringLiteral("%1 (%2)").arg(entryText(e), what);
        // A missing swap delays the boot (90 s) but does not stop it: swap.target is no
        // local-fs.target, whose failure is what starts emergency mode.
        if (where == Where::Missing)
            (optional(e) || e.type == QLatin1String("swap") ? absentOk : bad) << text;
        else
            good << text;
    }
    if (!bad.isEmpty()) {
        failRule(r,
                 Check::tr("File systems needed at boot are not on this disk; the instance stops "
                           "in emergency mode: %1.")
                     .arg(bad.join(QStringLiteral("; "))),
                 Check::tr("Correct the UUID or label (see `blkid`), or add nofail to the entry's "
                           "options when it is another disk, or remove the line."));
        return;
    }
    QString evidence = good.isEmpty()
                           ? Check::tr("No /etc/fstab entry names a file system by UUID or label.")
                           : Check::tr("Every file system /etc/fstab names by UUID or label is on "
                                       "this disk: %1.")
                                 .arg(good.mid(0, 4).join(QStringLiteral("; ")));
    if (!absentOk.isEmpty())
        evidence += u' ' + Check::tr("Not on this disk, but swap or marked nofail or noauto "
                                     "(the boot goes on without them): %1.")
                               .arg(absentOk.join(QStringLiteral("; ")));
    pass(r, evidence);
}

// The system disk's name in the source VM ("sda"), when root= or the / entry names a device.
QStringList systemDiskNames(const inspect::GuestFacts& g)
{
    QStringList specs;
    for (const BootCommandLine& c : g.bootCommandLines)
        if (c.isDefault)
            specs << c.root;
    for (const FstabEntry& e : g.fstab)
        if (e.mountPoint == QLatin1String("/"))
            specs << e.spec;
    for (const QString& spec : std::as_const(specs))
        if (const auto m = deviceName().match(spec); m.hasMatch())
            return {m.captured(1) + m.captured(2), QStringLiteral("vda")};
    return {QStringLiteral("sda"), QStringLiteral("hda"), QStringLiteral("xvda"),
            QStringLiteral("vda")};
}

void fstabNofail(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const QStringList network = stringListParam(in.params, "network_types");
    const QStringList system = systemDiskNames(in.facts.guest);
    QStringList bad;
    for (const FstabEntry& e : in.facts.guest.fstab) {
        if (optional(e) || e.type == QLatin1String("swap"))
            continue;
        const auto m = deviceName().match(e.spec);
        if (network.contains(e.type) || e.options.split(u',').contains(QLatin1String("_netdev")))
            bad << Check::tr("%1 (a network file system)").arg(entryText(e));
        else if (m.hasMatch() && !system.contains(m.captured(1) + m.captured(2)))
            bad << Check::tr("%1 (another disk)").arg(entryText(e));
    }
    if (bad.isEmpty()) {
        pass(r, Check::tr("/etc/fstab mounts no network file system or other disk without "
                          "nofail."));
        return;
    }
    judge(r, severityParam(in.params, "severity", Verdict::Fail),
          Check::tr("Only the system disk is imported, and the network may not be up when these "
                    "are mounted: without nofail the instance stops in emergency mode: %1.")
              .arg(bad.join(QStringLiteral("; "))),
          Check::tr("Add nofail to these entries' options (and _netdev to network file systems), "
                    "or mount them after the first boot."));
}

const CheckDefinition kChecks[] = {
    {"boot_root_argument",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "The kernel's root= is on this disk"), true,
     bootRootArgument, "os boot_loader"},
    {"fstab_identifiers",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "/etc/fstab names file systems of this disk"), true,
     fstabIdentifiers, "os fstab"},
    {"fstab_nofail",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "Network and other disks' mounts have nofail"), true,
     fstabNofail, "os fstab boot_loader"},
};

} // namespace

std::span<const CheckDefinition> bootChecks()
{
    return kChecks;
}

} // namespace cvmi::policy

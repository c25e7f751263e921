// Checks on the guest operating system: found at all, a supported distribution or Windows
// edition, a supported architecture, a native kernel, and the licence consequences.
#include "inspect/VolumeNames.h"
#include "policy/GuestCheckSupport.h"

namespace cvmi::policy {

namespace {

void osDetected(const CheckInput& in, RuleResult* r)
{
    const auto& g = in.facts.guest;
    if (!in.facts.layoutKnown || !g.searched) {
        unknown(r, Check::tr("Not checked: the partitions could not be read."));
        return;
    }
    if (!g.family.isEmpty()) {
        pass(r, Check::tr("%1 found on %2 (%3).")
                    .arg(g.prettyName.isEmpty() ? g.distroName : g.prettyName,
                         inspect::rootLocation(g), g.rootFilesystem));
        return;
    }
    if (!g.obstacle.isEmpty()) {
        QString evidence = Check::tr("No operating system could be read: %1.").arg(g.obstacle);
        if (g.bootOnly)
            evidence += QLatin1Char(' ') +
                        (g.distroName.isEmpty()
                             ? Check::tr("The separate /boot (%1) was read: %n kernel(s).", nullptr,
                                         int(g.kernels.size()))
                                   .arg(inspect::bootLocation(g))
                             : Check::tr("The separate /boot (%1) was read: %n kernel(s), and its "
                                         "boot loader names %2.",
                                         nullptr, int(g.kernels.size()))
                                   .arg(inspect::bootLocation(g), g.prettyName));
        failRule(r, evidence,
                 g.lvmRoot ? Check::tr("Move the root file system out of LVM onto a plain ext4 "
                                       "partition (e.g. copy it with rsync to a new partition, "
                                       "update /etc/fstab and the boot loader), then export again.")
                           : Check::tr("Use an ext3 or ext4 root file system (Linux) or NTFS "
                                       "(Windows), unencrypted, on an MBR partition."));
        return;
    }
    failRule(r,
             Check::tr("No operating system was found on any partition: this looks like a data "
                       "disk."),
             Check::tr("Tencent Cloud imports system disks only. Export the disk the operating "
                       "system boots from; attach data disks to the instance separately."));
}

bool windowsEditionAllowed(const QJsonArray& allowed, const QString& productName,
                           QStringList* names)
{
    bool ok = false;
    for (const auto& v : allowed) {
        const QJsonObject o = v.toObject();
        const QString product = o.value(QLatin1String("product")).toString();
        const QStringList editions = stringListParam(o, "editions");
        names->append(QStringLiteral("%1 (%2)").arg(product, editions.join(QStringLiteral(", "))));
        if (!productName.startsWith(product, Qt::CaseInsensitive))
            continue;
        const QString rest = productName.mid(product.size());
        for (const QString& edition : editions)
            ok = ok || rest.contains(edition, Qt::CaseInsensitive);
    }
    return ok;
}

void osSupported(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r))
        return;
    const auto& g = in.facts.guest;
    const QString where = evidenceText(g, QStringLiteral("distro"));
    if (g.family == QLatin1String("windows")) {
        QStringList names;
        const QString product = g.windows.productName;
        if (windowsEditionAllowed(in.params.value(QLatin1String("windows")).toArray(), product,
                                  &names)) {
            pass(r, Check::tr("%1 (%2).").arg(product, where));
        } else {
            failRule(r,
                     Check::tr("%1 is not among the Windows versions that can be imported (%2).")
                         .arg(product, where),
                     Check::tr("Importable Windows versions: %1.").arg(names.join(u"; ")));
        }
        return;
    }
    const QJsonObject linux = in.params.value(QLatin1String("linux")).toObject();
    if (linux.contains(g.distro)) {
        pass(r, Check::tr("%1 %2, one of the supported distributions (%3).")
                    .arg(linux.value(g.distro).toString(), g.version, where));
        return;
    }
    QStringList supported;
    for (auto it = linux.begin(); it != linux.end(); ++it)
        if (!supported.contains(it.value().toString()))
            supported << it.value().toString();
    failRule(
        r,
        Check::tr("%1 is not among the distributions Tencent Cloud imports (%2).")
            .arg(g.prettyName.isEmpty() ? g.distro : g.prettyName, where),
        Check::tr("Supported: %1. Import it anyway with \"Force\" only if you know it boots on "
                  "KVM with virtio; choose OsType \"Other Linux\".")
            .arg(supported.join(QStringLiteral(", "))));
}

void osArchitecture(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r))
        return;
    const auto& g = in.facts.guest;
    const QStringList allowed = stringListParam(in.params, g.family.toUtf8().constData());
    const QString where = evidenceText(g, QStringLiteral("architecture"));
    if (g.architecture == QLatin1String("unknown") || g.architecture.isEmpty()) {
        unknown(r, Check::tr("The architecture could not be read from the guest's binaries."));
        return;
    }
    if (allowed.contains(g.architecture)) {
        pass(r, Check::tr("%1 (%2).").arg(g.architecture, where));
        return;
    }
    failRule(r,
             Check::tr("The system is built for %1 (%2); this rule set imports %3 only.")
                 .arg(g.architecture, where, allowed.join(QStringLiteral(", "))),
             g.family == QLatin1String("windows")
                 ? Check::tr("Tencent Cloud imports 64-bit Windows only: install a 64-bit "
                             "Windows Server and export that disk.")
                 : Check::tr("Use a %1 build of the distribution; an ARM system cannot run on x86 "
                             "instances.")
                       .arg(allowed.join(Check::tr(" or "))));
}

void nativeKernel(const CheckInput& in, RuleResult* r)
{
    if (linuxKernelsMissing(in, r))
        return;
    const auto& g = in.facts.guest;
    if (g.bootOnly && g.distro.isEmpty()) {
        unknown(r, Check::tr("Kernels were found in /boot, but the boot loader names no known "
                             "distribution and the root file system could not be read."));
        return;
    }
    const auto* kernel = defaultKernel(g);
    if (!kernel) {
        failRule(r, Check::tr("No kernel was found in /boot or /lib/modules."),
                 Check::tr("Make sure /boot is part of the exported disk (a separate /boot "
                           "partition must be on the same disk)."));
        return;
    }
    const QString where = kernel->imagePath.isEmpty() ? kernel->modulesPath : kernel->imagePath;
    if (kernel->native) {
        pass(r, Check::tr("Kernel %1 (%2) is the distribution's own build.")
                    .arg(kernel->version, where));
        return;
    }
    judge(r, severityParam(in.params, "severity", Verdict::Warn),
          Check::tr("Kernel %1 (%2) does not look like the distribution's own build (expected %3).")
              .arg(kernel->version, where, kernel->nativeNote),
          Check::tr("Native kernels are preferred: a modified kernel can make the import fail. "
                    "Install the distribution's kernel package, make it the default, and export "
                    "again."));
}

void rhelByol(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& g = in.facts.guest;
    if (g.distro != QLatin1String("rhel")) {
        pass(r, Check::tr("Not Red Hat Enterprise Linux: no licence needed."));
        return;
    }
    warn(r,
         Check::tr("Red Hat Enterprise Linux %1 (%2): the import requires your own licence (BYOL).")
             .arg(g.version, evidenceText(g, QStringLiteral("distro"))),
         Check::tr("Have a Red Hat subscription for the instance; the import form will set "
                   "LicenseType to BYOL."));
}

void windowsActivation(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("windows")))
        return;
    warn(r,
         Check::tr("%1: imported Windows images get no Windows activation service from Tencent "
                   "Cloud.")
             .arg(in.facts.guest.windows.productName),
         Check::tr("Activate Windows with your own licence (KMS or MAK) after the instance "
                   "starts."));
}

const CheckDefinition kOsChecks[] = {
    {"os_detected", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Operating system found"), true,
     osDetected, "os"},
    {"os_supported", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Supported operating system"), true,
     osSupported, "os"},
    {"os_architecture", QT_TRANSLATE_NOOP("cvmi::policy::Check", "32-bit or 64-bit x86"), true,
     osArchitecture, "os architecture"},
    {"native_kernel", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Native kernel"), true, nativeKernel,
     "os kernels"},
    {"rhel_byol", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Red Hat licence (BYOL)"), true,
     rhelByol, "os"},
    {"windows_activation", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Windows activation"), true,
     windowsActivation, "os"},
};

} // namespace

std::span<const CheckDefinition> osChecks()
{
    return kOsChecks;
}

} // namespace cvmi::policy

// Checks on what the guest needs to boot and reach the network on Tencent Cloud: virtio drivers,
// a single eth0 without IPv6, and the practical traps (disk names in fstab, cloud-init).
#include "policy/GuestCheckSupport.h"

namespace cvmi::policy {

namespace {

QString joined(const QStringList& list)
{
    return list.join(QStringLiteral(", "));
}

// Only /boot could be read: the modules under / are out of reach, but the initramfs, which is
// what has to find the disk at boot, is not.
void bootOnlyVirtio(const CheckInput& in, RuleResult* r, const inspect::KernelFacts& kernel)
{
    if (kernel.initramfsTimedOut) {
        notReadInTime(in, r, kernel.initramfsPath);
        return;
    }
    if (kernel.initramfsRead && kernel.initramfsHasVirtioBlk) {
        pass(r, Check::tr("virtio_blk is in %1, the initramfs of kernel %2 (read from /boot; the "
                          "root file system, with the kernel's modules, could not be read).")
                    .arg(kernel.initramfsPath, kernel.version));
        return;
    }
    if (kernel.initramfsRead) {
        warn(r,
             Check::tr("The initramfs %1 of kernel %2 does not contain virtio_blk; whether the "
                       "kernel has it built in cannot be told without the root file system.")
                 .arg(kernel.initramfsPath, kernel.version),
             Check::tr("Rebuild the initramfs with the virtio drivers (`dracut -f --add-drivers "
                       "\"virtio_blk virtio_pci virtio_net\"`) unless the kernel has them built "
                       "in."));
        return;
    }
    unknown(r, Check::tr("Kernel %1 was found in /boot, but its initramfs could not be read (%2) "
                         "and the root file system could not be read either.")
                   .arg(kernel.version, kernel.initramfsNote));
}

void linuxVirtio(const CheckInput& in, RuleResult* r)
{
    const auto& g = in.facts.guest;
    const auto* kernel = defaultKernel(g);
    if (kernel && g.bootOnly) {
        bootOnlyVirtio(in, r, *kernel);
        return;
    }
    if (!kernel) {
        failRule(r, Check::tr("No kernel was found, so no virtio driver either."),
                 Check::tr("Make sure /boot and /lib/modules are on the exported disk."));
        return;
    }
    const QStringList needed = stringListParam(in.params, "linux");
    QStringList missing, have;
    for (const QString& driver : needed) {
        if (kernel->virtioModules.contains(driver))
            have << Check::tr("%1 (module)").arg(driver);
        else if (kernel->virtioBuiltin.contains(driver))
            have << Check::tr("%1 (built in)").arg(driver);
        else
            missing << driver;
    }
    if (!missing.isEmpty()) {
        failRule(r,
                 Check::tr("Kernel %1 has no %2 driver (looked in %3).")
                     .arg(kernel->version, joined(missing), kernel->modulesPath),
                 Check::tr("Install the kernel's virtio drivers (they ship with every distribution "
                           "kernel) and rebuild the initramfs, then export again."));
        return;
    }
    // virtio_blk as a module must be in the initramfs, or the root disk is not found at boot.
    const bool blkIsModule = !kernel->virtioBuiltin.contains(QStringLiteral("virtio_blk"));
    if (blkIsModule && kernel->initramfsTimedOut) {
        notReadInTime(in, r, kernel->initramfsPath);
        return;
    }
    if (blkIsModule && kernel->initramfsRead && !kernel->initramfsHasVirtioBlk) {
        failRule(r,
                 Check::tr("Kernel %1 has %2, but its initramfs %3 does not contain virtio_blk: "
                           "the system will not find its disk at boot.")
                     .arg(kernel->version, joined(have), kernel->initramfsPath),
                 g.distro == QLatin1String("debian") || g.distro == QLatin1String("ubuntu")
                     ? Check::tr("Add virtio_blk, virtio_pci and virtio_net to "
                                 "/etc/initramfs-tools/modules and run `update-initramfs -u -k "
                                 "all`.")
                     : Check::tr("Run `dracut -f --add-drivers \"virtio_blk virtio_pci "
                                 "virtio_net\" %1 %2` (or mkinitrd on SUSE 11).")
                           .arg(kernel->initramfsPath, kernel->version));
        return;
    }
    if (blkIsModule && !kernel->initramfsPath.isEmpty() && !kernel->initramfsRead) {
        warn(r,
             Check::tr("Kernel %1 has %2; its initramfs %3 could not be checked for virtio_blk "
                       "(%4).")
                 .arg(kernel->version, joined(have), kernel->initramfsPath, kernel->initramfsNote),
             Check::tr("Make sure the initramfs includes virtio_blk (`lsinitrd | grep virtio` or "
                       "`lsinitramfs`), or rebuild it with the virtio drivers."));
        return;
    }
    pass(r, kernel->initramfsHasVirtioBlk
                ? Check::tr("Kernel %1 has %2, and virtio_blk is in %3.")
                      .arg(kernel->version, joined(have), kernel->initramfsPath)
                : Check::tr("Kernel %1 has %2.").arg(kernel->version, joined(have)));
}

void windowsVirtio(const CheckInput& in, RuleResult* r)
{
    const auto& w = in.facts.guest.windows;
    const auto present = [&](const QString& name) {
        for (const auto& d : w.drivers)
            if (d.name.compare(name, Qt::CaseInsensitive) == 0 && !d.filePath.isEmpty())
                return true;
        return false;
    };
    QStringList storage, network;
    for (const QString& n : stringListParam(in.params, "windows_storage"))
        if (present(n))
            storage << n;
    for (const QString& n : stringListParam(in.params, "windows_network"))
        if (present(n))
            network << n;
    if (!storage.isEmpty() && !network.isEmpty()) {
        pass(r, Check::tr("Virtio drivers installed: %1.").arg(joined(storage + network)));
        return;
    }
    QStringList missing;
    if (storage.isEmpty())
        missing << stringListParam(in.params, "windows_storage").join(Check::tr(" or "));
    if (network.isEmpty())
        missing << stringListParam(in.params, "windows_network").join(Check::tr(" or "));
    failRule(r,
             Check::tr("Missing in Windows\\System32\\drivers: %1. Windows does not include the "
                       "KVM virtio drivers.")
                 .arg(joined(missing)),
             Check::tr("On the original machine, run Tencent Cloud's InstallQCloud.exe "
                       "(http://windowsvirtio-10016717.file.myqcloud.com/InstallQCloud.exe), "
                       "then export the disk again."));
}

void virtioDrivers(const CheckInput& in, RuleResult* r)
{
    if (in.facts.guest.family.isEmpty() ? linuxKernelsMissing(in, r) : guestMissing(in, r))
        return;
    if (in.facts.guest.family == QLatin1String("windows"))
        windowsVirtio(in, r);
    else
        linuxVirtio(in, r);
}

void networkInterfaces(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r))
        return;
    const auto& g = in.facts.guest;
    const QStringList allowed = stringListParam(in.params, "allowed");
    const Verdict severity = severityParam(in.params, "severity", Verdict::Fail);
    if (g.family == QLatin1String("windows")) {
        if (g.windows.networkAdapters > 1)
            warn(r,
                 Check::tr("%n network adapter(s) are configured for TCP/IP.", nullptr,
                           g.windows.networkAdapters),
                 Check::tr("Only one network adapter is supported: remove the others in Device "
                           "Manager before exporting."));
        else
            pass(r, Check::tr("No more than one network adapter is configured."));
        return;
    }
    if (g.interfaces.isEmpty()) {
        pass(r, Check::tr("No network interface is configured statically; the cloud writes "
                          "/etc/qcloud-network-config.ini on first boot."));
        return;
    }
    QStringList names, others;
    for (const auto& i : g.interfaces) {
        names << QStringLiteral("%1 (%2)").arg(i.name, i.source);
        if (!allowed.contains(i.name))
            others << i.name;
    }
    if (g.interfaces.size() > 1) {
        judge(r, severity,
              Check::tr("%n interface(s) are configured: %1.", nullptr, int(g.interfaces.size()))
                  .arg(joined(names)),
              Check::tr("Only one network interface, eth0, is supported: remove the configuration "
                        "of the others."));
    } else if (!others.isEmpty()) {
        judge(r, severity,
              Check::tr("The interface is named %1, not eth0: %2.")
                  .arg(others.first(), names.first()),
              Check::tr("Rename it to eth0: add `net.ifnames=0 biosdevname=0` to the kernel "
                        "command line (GRUB_CMDLINE_LINUX, then regenerate grub.cfg) and rename "
                        "its configuration to eth0."));
    } else {
        pass(r, Check::tr("Only eth0 is configured: %1.").arg(names.first()));
    }
}

void networkIpv6(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r))
        return;
    const auto& g = in.facts.guest;
    if (g.family == QLatin1String("windows")) {
        if (g.windows.ipv6Known && (g.windows.ipv6DisabledComponents & 0xFF) == 0xFF) {
            pass(r, Check::tr("IPv6 is disabled (Tcpip6\\Parameters\\DisabledComponents = 0x%1).")
                        .arg(g.windows.ipv6DisabledComponents, 0, 16));
            return;
        }
        judge(r, severityParam(in.params, "windows_severity", Verdict::Warn),
              g.windows.ipv6Known
                  ? Check::tr("IPv6 is enabled (DisabledComponents = 0x%1).")
                        .arg(g.windows.ipv6DisabledComponents, 0, 16)
                  : Check::tr("IPv6 is enabled (Windows' default: no DisabledComponents value)."),
              Check::tr("Tencent Cloud does not support IPv6 addresses on imported images: set "
                        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters\\"
                        "DisabledComponents to 0xFF and restart before exporting."));
        return;
    }
    if (g.ipv6Disabled) {
        pass(r, Check::tr("IPv6 is disabled: %1.").arg(g.ipv6DisabledEvidence));
        return;
    }
    QStringList on;
    for (const auto& i : g.interfaces)
        if (i.ipv6)
            on << QStringLiteral("%1: %2 (%3)").arg(i.name, i.ipv6Evidence, i.source);
    if (on.isEmpty()) {
        pass(r, Check::tr("No interface configures IPv6."));
        return;
    }
    judge(r, severityParam(in.params, "severity", Verdict::Fail),
          Check::tr("IPv6 is configured: %1.").arg(on.join(QStringLiteral("; "))),
          Check::tr("Tencent Cloud does not support IPv6 on imported images: turn it off in the "
                    "interface configuration (IPV6INIT=no, remove inet6 stanzas or dhcp6: true), "
                    "or set net.ipv6.conf.all.disable_ipv6 = 1 in /etc/sysctl.conf."));
}

void fstabDeviceNames(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    QStringList bad;
    for (const QString& pattern : stringListParam(in.params, "patterns")) {
        const QRegularExpression re(pattern);
        for (const auto& e : in.facts.guest.fstab)
            if (re.match(e.spec).hasMatch())
                bad << QStringLiteral("%1 %2 (line %3)").arg(e.spec, e.mountPoint).arg(e.line);
    }
    if (bad.isEmpty()) {
        pass(r, Check::tr("/etc/fstab names its file systems by UUID, LABEL or /dev/vd*."));
        return;
    }
    warn(
        r,
        Check::tr("/etc/fstab names disks by device: %1. On Tencent Cloud the disk is /dev/vda, so "
                  "these will not be found at boot.")
            .arg(bad.join(QStringLiteral("; "))),
        Check::tr("Use UUID= or LABEL= in /etc/fstab (see `blkid`), and the same for root= on "
                  "the kernel command line."));
}

void cloudInit(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& g = in.facts.guest;
    if (g.cloudInit) {
        pass(r, Check::tr("cloud-init is installed (%1).").arg(g.cloudInitEvidence));
        return;
    }
    warn(r,
         Check::tr("cloud-init is not installed: the cloud cannot set the password, host name or "
                   "network for you; it writes /etc/qcloud-network-config.ini instead."),
         Check::tr("Install cloud-init before exporting if you want Tencent Cloud to initialise "
                   "new instances, or configure the network by hand after the first boot."));
}

const CheckDefinition kSystemChecks[] = {
    {"virtio_drivers", QT_TRANSLATE_NOOP("cvmi::policy::Check", "KVM virtio drivers"), true,
     virtioDrivers, "os kernels drivers"},
    {"network_interfaces", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Only eth0"), true,
     networkInterfaces, "os network"},
    {"network_ipv6", QT_TRANSLATE_NOOP("cvmi::policy::Check", "No IPv6"), true, networkIpv6,
     "os network"},
    {"fstab_device_names",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "Disks named by UUID in /etc/fstab"), true,
     fstabDeviceNames, "os fstab"},
    {"cloud_init", QT_TRANSLATE_NOOP("cvmi::policy::Check", "cloud-init"), true, cloudInit,
     "os cloud_init"},
};

} // namespace

std::span<const CheckDefinition> guestSystemChecks()
{
    return kSystemChecks;
}

} // namespace cvmi::policy

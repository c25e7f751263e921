// Checks on the guest's configuration that decide whether an instance that boots is reachable
// and healthy: DHCP on eth0, SELinux's boot state, the hardware clock, the storage drivers of
// newer instance types and online resizing.
#include "policy/GuestCheckSupport.h"

namespace cvmi::policy {

namespace {

// The interface that will be eth0: the one named eth0, else the only one configured.
const inspect::NetInterface* futureEth0(const inspect::GuestFacts& g)
{
    for (const auto& i : g.interfaces)
        if (i.name == QLatin1String("eth0"))
            return &i;
    return g.interfaces.size() == 1 ? &g.interfaces.first() : nullptr;
}

void networkDhcp(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& g = in.facts.guest;
    if (g.interfaces.isEmpty()) {
        pass(r, Check::tr("No network interface is configured statically; the cloud configures "
                          "eth0 on first boot."));
        return;
    }
    const auto* eth0 = futureEth0(g);
    if (!eth0) {
        QStringList fixed;
        for (const auto& i : g.interfaces)
            if (i.staticIpv4)
                fixed
                    << QStringLiteral("%1 (%2: %3)").arg(i.name, i.staticSource, i.staticEvidence);
        if (fixed.isEmpty())
            pass(r, Check::tr("No configured interface has a static IPv4 address."));
        else
            warn(r,
                 Check::tr("Several interfaces are configured and none is eth0; static addresses: "
                           "%1.")
                     .arg(fixed.join(QStringLiteral("; "))),
                 Check::tr("Keep one interface, named eth0, configured by DHCP."));
        return;
    }
    if (!eth0->staticIpv4) {
        pass(r, Check::tr("%1 takes its address by DHCP (%2).").arg(eth0->name, eth0->source));
        return;
    }
    failRule(r,
             Check::tr("%1 has a static IPv4 address: %2: %3. The instance would come up with an "
                       "address its VPC does not route, and cannot be reached.")
                 .arg(eth0->name, eth0->staticSource, eth0->staticEvidence),
             Check::tr("Configure it by DHCP (BOOTPROTO=dhcp, `inet dhcp`, `dhcp4: true`, "
                       "method=auto or DHCP=ipv4) before exporting."));
}

void selinuxState(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& s = in.facts.guest.system;
    const QString config = QStringLiteral("/etc/selinux/config");
    if (s.selinuxMode.isEmpty() || s.selinuxMode == QLatin1String("disabled")) {
        pass(r, s.selinuxMode.isEmpty()
                    ? Check::tr("SELinux is not configured (no SELINUX= in %1).").arg(config)
                    : Check::tr("SELinux is disabled (%1: %2).").arg(config, s.selinuxModeLine));
        return;
    }
    // Only enforcing mode stops the boot without a policy: in permissive mode systemd logs that
    // the policy could not be loaded and goes on.
    if (!s.selinuxPolicyPresent && s.selinuxMode != QLatin1String("enforcing")) {
        pass(r, Check::tr("%1: %2: the policy /etc/selinux/%3/policy is missing, but a permissive "
                          "system boots without it.")
                    .arg(config, s.selinuxModeLine,
                         s.selinuxType.isEmpty() ? QStringLiteral("targeted") : s.selinuxType));
        return;
    }
    if (!s.selinuxPolicyPresent) {
        const QString type = s.selinuxType.isEmpty() ? QStringLiteral("targeted") : s.selinuxType;
        failRule(r,
                 Check::tr("%1: %2 %3, but /etc/selinux/%4/policy is missing: the boot stops "
                           "with \"Failed to load SELinux policy\".")
                     .arg(config, s.selinuxModeLine, s.selinuxTypeLine, type),
                 Check::tr("Install the policy package (selinux-policy-%1) or set "
                           "SELINUX=permissive in %2.")
                     .arg(type, config));
        return;
    }
    if (s.selinuxMode == QLatin1String("enforcing") && s.autorelabel) {
        warn(r,
             Check::tr("%1: %2, and /.autorelabel is pending: the first boot relabels every file "
                       "and reboots, which takes long on a large disk.")
                 .arg(config, s.selinuxModeLine),
             Check::tr("Boot the source system once so the relabel completes, then export "
                       "again."));
        return;
    }
    pass(r, Check::tr("SELinux is %1 with its %2 policy present (%3).")
                .arg(s.selinuxMode, s.selinuxType, config));
}

void rtcUtc(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& s = in.facts.guest.system;
    if (!s.rtcLocal) {
        pass(r,
             s.adjtimeRead && !s.adjtimeLine.isEmpty()
                 ? Check::tr("The hardware clock keeps UTC (/etc/adjtime: %1).").arg(s.adjtimeLine)
                 : Check::tr("The hardware clock keeps UTC (no LOCAL in /etc/adjtime)."));
        return;
    }
    warn(r,
         Check::tr("/etc/adjtime: %1: the system reads the hardware clock as local time, but the "
                   "cloud's clock is UTC: the instance's time is off by the zone offset.")
             .arg(s.adjtimeLine),
         Check::tr("Change LOCAL to UTC on the third line of /etc/adjtime (`timedatectl "
                   "set-local-rtc 0`)."));
}

void storageDrivers(const CheckInput& in, RuleResult* r)
{
    if (linuxKernelsMissing(in, r))
        return;
    const auto* kernel = defaultKernel(in.facts.guest);
    if (!kernel) {
        unknown(r, Check::tr("No kernel was found."));
        return;
    }
    if (in.facts.guest.bootOnly) {
        // The modules are under the root file system, which could not be read.
        unknown(r, Check::tr("Only /boot could be read: the modules of kernel %1 are out of reach.")
                       .arg(kernel->version));
        return;
    }
    QStringList missing, notInInitramfs, have;
    for (const QString& driver : stringListParam(in.params, "linux")) {
        if (kernel->storageBuiltin.contains(driver)) {
            have << Check::tr("%1 (built in)").arg(driver);
        } else if (!kernel->storageModules.contains(driver)) {
            missing << driver;
        } else if (kernel->initramfsRead && !kernel->initramfsStorage.contains(driver)) {
            notInInitramfs << driver;
        } else {
            have << Check::tr("%1 (module)").arg(driver);
        }
    }
    if (!missing.isEmpty()) {
        warn(r,
             Check::tr("Kernel %1 has no %2 driver: newer instance types (virtio-scsi and NVMe "
                       "disks) cannot boot it.")
                 .arg(kernel->version, missing.join(QStringLiteral(", "))),
             Check::tr("Boot a distribution kernel that has these drivers."));
        return;
    }
    if (!notInInitramfs.isEmpty()) {
        warn(r,
             Check::tr("Kernel %1 has %2 as modules, but its initramfs %3 does not contain them: "
                       "on newer instance types the system disk is not found at boot.")
                 .arg(kernel->version, notInInitramfs.join(QStringLiteral(", ")),
                      kernel->initramfsPath),
             Check::tr("Rebuild the initramfs with them (`dracut -f --add-drivers \"%1\"`, or "
                       "add them to /etc/initramfs-tools/modules and run update-initramfs -u).")
                 .arg(notInInitramfs.join(u' ')));
        return;
    }
    pass(r, Check::tr("Kernel %1 has %2.").arg(kernel->version, have.join(QStringLiteral(", "))));
}

void onlineResize(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, QStringLiteral("linux")))
        return;
    const auto& g = in.facts.guest;
    const auto& s = g.system;
    if (!s.growpartPath.isEmpty()) {
        pass(r, s.cloudInitGrowpart
                    ? Check::tr("growpart is installed (%1) and cloud-init runs it (/etc/cloud/"
                                "cloud.cfg: %2).")
                          .arg(s.growpartPath, s.cloudInitGrowpartLine)
                    : Check::tr("growpart is installed (%1).").arg(s.growpartPath));
        return;
    }
    warn(r,
         s.cloudInitGrowpart
             ? Check::tr("cloud-init's growpart module is configured (/etc/cloud/cloud.cfg: %1), "
                         "but the growpart program is not installed.")
                   .arg(s.cloudInitGrowpartLine)
             : Check::tr("Neither growpart nor cloud-init's growpart module is installed: a "
                         "system disk larger than the image stays at the image's size until "
                         "the partition is grown by hand."),
         Check::tr("Install cloud-utils-growpart (cloud-guest-utils on Debian and Ubuntu) and "
                   "cloud-init before exporting."));
}

const CheckDefinition kChecks[] = {
    {"network_dhcp", QT_TRANSLATE_NOOP("cvmi::policy::Check", "eth0 by DHCP"), true, networkDhcp,
     "os network"},
    {"selinux_state", QT_TRANSLATE_NOOP("cvmi::policy::Check", "SELinux can boot"), true,
     selinuxState, "os system"},
    {"rtc_utc", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Hardware clock in UTC"), true, rtcUtc,
     "os system"},
    {"storage_drivers", QT_TRANSLATE_NOOP("cvmi::policy::Check", "virtio-scsi and NVMe drivers"),
     true, storageDrivers, "os kernels"},
    {"online_resize", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Online disk resize"), true,
     onlineResize, "os system"},
};

} // namespace

std::span<const CheckDefinition> guestConfigChecks()
{
    return kChecks;
}

} // namespace cvmi::policy

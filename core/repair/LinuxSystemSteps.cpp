// The Linux system steps: SELinux, the hardware clock, the initramfs drivers, the packages for
// online resizing and cloud-init; the network steps are in LinuxNetworkSteps.cpp.
#include "policy/GuestCheckSupport.h"
#include "repair/LinuxSystemSupport.h"

namespace cvmi::repair {

using namespace linuxsys;

namespace {

QList<FixStep> selinuxSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                            QString* manual)
{
    const auto& s = facts.guest.system;
    if (s.selinuxMode == QLatin1String("enforcing") && !s.selinuxPolicyPresent)
        return {FixStep{Fix::tr("SELinux permissive (its policy is missing)"),
                        QStringLiteral("set_conf \"$ROOT/etc/selinux/config\" SELINUX permissive\n"
                                       "note \"install the SELinux policy package, then set "
                                       "SELINUX=enforcing again\"")}};
    // A pending relabel finishes only by booting with SELinux on; removing /.autorelabel would
    // leave files unlabelled for an enforcing system.
    *manual = Fix::tr("Boot the source system once so the pending SELinux relabel completes, "
                      "then export the disk again.");
    return {};
}

QList<FixStep> rtcSteps(const inspect::ImageFacts&, const policy::RuleResult&, QString*)
{
    return {FixStep{Fix::tr("Hardware clock in UTC (/etc/adjtime)"),
                    QStringLiteral(R"sh(f="$ROOT/etc/adjtime"
if [ -f "$f" ] && sed -n 3p "$f" | grep -q -x -E '[[:space:]]*LOCAL[[:space:]]*'; then
    change "LOCAL -> UTC on the third line of /etc/adjtime" sed_file "$f" '3s/^[[:space:]]*LOCAL[[:space:]]*$/UTC/'
else
    already "/etc/adjtime says UTC"
fi)sh")}};
}

// The initramfs of the default kernel rebuilt with `modules`, by the guest's own tool; skipped
// when its lister (lsinitrd, lsinitramfs) shows every module inside already.
FixStep initramfsStep(const inspect::GuestFacts& g, const inspect::KernelFacts& kernel,
                      const QStringList& modules)
{
    QString image = kernel.initramfsPath;
    if (g.bootPartition >= 0 && !image.startsWith(QLatin1String("/boot/")))
        image = QStringLiteral("/boot") + image; // read from a separate /boot file system
    // One quoted word, split by the loop: `for m in 'virtio_scsi'` is a loop over one literal,
    // which shellcheck rightly questions (SC2041).
    const QString code = fill(QStringLiteral(R"sh(kver=@KVER@
img=@IMG@
modules=@MODULES@
_cvmi_list() {
    if guest_has lsinitrd; then guest_run lsinitrd "$img"
    elif guest_has lsinitramfs; then guest_run lsinitramfs "$img"
    fi
}
missing=
for m in $modules; do
    _cvmi_list 2>/dev/null | grep -q -E "/$m\.ko" || missing="$missing $m"
done
missing=${missing# }
if [ -z "$missing" ]; then
    already "$img has @LIST@"
elif guest_has dracut; then
    change "rebuild $img with dracut, adding $missing" guest_run dracut --add-drivers "$missing" -f "$img" "$kver"
elif guest_has update-initramfs; then
    for m in $missing; do append_line "$ROOT/etc/initramfs-tools/modules" "$m"; done
    change "rebuild $img with update-initramfs" guest_run update-initramfs -u -k "$kver"
elif guest_has mkinitrd; then
    change "rebuild $img with mkinitrd, adding $missing" guest_run mkinitrd -k "/boot/vmlinuz-$kver" -i "$img" -m "$missing"
else
    note "no dracut, update-initramfs or mkinitrd in the guest: install one and rebuild $img with$missing"
fi)sh"),
                              {{"KVER", shQuote(kernel.version)},
                               {"IMG", shQuote(image)},
                               {"MODULES", shQuote(modules.join(u' '))},
                               {"LIST", modules.join(u' ')}});
    return FixStep{
        Fix::tr("%1 in the initramfs of kernel %2").arg(modules.join(u' '), kernel.version), code};
}

bool safeModules(const QStringList& modules)
{
    for (const QString& m : modules)
        if (!plainName(m))
            return false;
    return !modules.isEmpty();
}

QList<FixStep> virtioSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                           QString* manual)
{
    const auto& g = facts.guest;
    const auto* kernel = policy::defaultKernel(g);
    if (!kernel || kernel->initramfsPath.isEmpty() || kernel->virtioModules.isEmpty() ||
        !kernel->virtioModules.contains(QStringLiteral("virtio_blk"))) {
        *manual = Fix::tr("Install a distribution kernel with the virtio drivers, then rebuild "
                          "its initramfs.");
        return {};
    }
    QStringList modules;
    for (const char* m : {"virtio_blk", "virtio_pci", "virtio_net"})
        if (kernel->virtioModules.contains(QLatin1String(m)))
            modules << QLatin1String(m);
    return {initramfsStep(g, *kernel, modules)};
}

QList<FixStep> storageSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                            QString* manual)
{
    const auto& g = facts.guest;
    const auto* kernel = policy::defaultKernel(g);
    QStringList modules;
    if (kernel)
        for (const QString& m : kernel->storageModules)
            if (!kernel->initramfsStorage.contains(m) && !kernel->storageBuiltin.contains(m))
                modules << m;
    if (!kernel || kernel->initramfsPath.isEmpty() || !safeModules(modules)) {
        *manual = Fix::tr("Boot a distribution kernel that has the virtio_scsi and nvme drivers.");
        return {};
    }
    return {initramfsStep(g, *kernel, modules)};
}

// One package per package manager: (yum/dnf, apt-get, zypper) names.
const char kPackageCode[] = R"sh(if guest_has @PROG@; then
    already "@PROG@ is installed"
elif guest_has dnf; then
    change "install @RPM@ with dnf (needs the network)" guest_run dnf -y install @RPM@
elif guest_has yum; then
    change "install @RPM@ with yum (needs the network)" guest_run yum -y install @RPM@
elif guest_has apt-get; then
    change "install @DEB@ with apt-get (needs the network)" guest_run apt-get install -y @DEB@
elif guest_has zypper; then
    change "install @SUSE@ with zypper (needs the network)" guest_run zypper --non-interactive install @SUSE@
else
    note "no yum, dnf, apt-get or zypper in the guest: install @RPM@ (@DEB@ on Debian) by hand"
fi)sh";

FixStep packageStep(const QString& title, const QString& program, const QString& rpm,
                    const QString& deb, const QString& suse)
{
    return FixStep{title, fill(QString::fromUtf8(kPackageCode),
                               {{"PROG", program}, {"RPM", rpm}, {"DEB", deb}, {"SUSE", suse}})};
}

QList<FixStep> growpartSteps(const inspect::ImageFacts&, const policy::RuleResult&, QString*)
{
    return {packageStep(Fix::tr("growpart installed"), QStringLiteral("growpart"),
                        QStringLiteral("cloud-utils-growpart"), QStringLiteral("cloud-guest-utils"),
                        QStringLiteral("growpart"))};
}

QList<FixStep> cloudInitSteps(const inspect::ImageFacts&, const policy::RuleResult&, QString*)
{
    return {packageStep(Fix::tr("cloud-init installed"), QStringLiteral("cloud-init"),
                        QStringLiteral("cloud-init"), QStringLiteral("cloud-init"),
                        QStringLiteral("cloud-init"))};
}

const StepDefinition kSteps[] = {
    {"network_dhcp", dhcpSteps},
    {"network_interfaces", renameSteps},
    {"network_ipv6", ipv6Steps},
    {"selinux_state", selinuxSteps},
    {"rtc_utc", rtcSteps},
    {"virtio_drivers", virtioSteps},
    {"storage_drivers", storageSteps},
    {"online_resize", growpartSteps},
    {"cloud_init", cloudInitSteps},
};

} // namespace

std::span<const StepDefinition> linuxSystemSteps()
{
    return kSteps;
}

} // namespace cvmi::repair

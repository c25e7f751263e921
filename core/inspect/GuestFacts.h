#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace cvmi::inspect {

// Where a fact was read: the guest path (as the guest names it) and the raw value found there,
// so the report can say "/etc/os-release: VERSION_ID=\"7\"" rather than just "CentOS 7".
struct Evidence {
    QString path;
    QString value;
};

struct KernelFacts {
    QString version;     // "3.10.0-1160.el7.x86_64", from the /boot/vmlinuz-* or /lib/modules name
    QString imagePath;   // "/boot/vmlinuz-3.10.0-1160.el7.x86_64" (empty when only modules exist)
    QString modulesPath; // "/lib/modules/3.10.0-1160.el7.x86_64" (empty when absent)
    // virtio drivers found as module files (virtio_blk.ko.xz ...) or listed in modules.builtin
    QStringList virtioModules;
    QStringList virtioBuiltin;
    // The initramfs: whether it could be read and whether virtio_blk is inside it.
    QString initramfsPath;
    QString initramfsCompression; // gzip|xz|zstd|lz4|none|unknown
    bool initramfsRead = false;
    bool initramfsHasVirtioBlk = false;
    QString initramfsNote; // why it could not be read, when it could not
    // The storage drivers of newer instance types (virtio_scsi, nvme): found as modules, built in,
    // and which of the modules the initramfs holds (when it was read).
    QStringList storageModules;
    QStringList storageBuiltin;
    QStringList initramfsStorage;
    // Its scan was stopped by the inspection's deadline: nothing can be said about its content.
    bool initramfsTimedOut = false;
    // The kernel's release string matches the distribution's own packaging (".el7.x86_64", ...).
    bool native = false;
    QString nativeNote; // the pattern expected or matched
};

// A network interface the guest configures at boot.
struct NetInterface {
    QString name;   // "eth0", "ens3", ...
    QString source; // the file that configures it
    bool ipv6 = false;
    QString ipv6Evidence; // "IPV6INIT=yes", "inet6 static", "dhcp6: true", ...
    // A static IPv4 address instead of DHCP: the line that sets it ("BOOTPROTO=static",
    // "iface eth0 inet static", "addresses: 10.0.0.5/24", "[ipv4] method=manual", "Address=...").
    bool staticIpv4 = false;
    QString staticEvidence;
    QString staticSource; // the file that sets it (may differ from `source`)
};

struct FstabEntry {
    QString spec;       // "UUID=...", "/dev/sda1", "LABEL=root"
    QString mountPoint; // "/", "/boot"
    QString type;       // "ext4", "xfs", "swap"
    int line = 0;
    QString options; // "defaults,nofail" (the fourth field; empty when absent)
};

// A kernel command line the boot loader configuration gives (GRUB 2 grub.cfg, grubenv
// kernelopts, a BLS entry, GRUB legacy menu.lst, /etc/default/grub).
struct BootCommandLine {
    QString source;         // the guest path as the running system sees it: "/boot/grub2/grub.cfg"
    int line = 0;           // 1-based line of the kernel line (or of options=, kernelopts=, ...)
    QString entry;          // the menu entry's title, or "kernelopts", "GRUB_CMDLINE_LINUX", ...
    QString kind;           // grub.cfg | grubenv | bls | menu.lst | default-grub
    QString root;           // the root= value the kernel takes (the last one), empty when none
    QString command;        // the command line itself (bounded), after $kernelopts is substituted
    bool isDefault = false; // the entry the boot loader starts without a choice (best guess)
    // A BLS entry whose root= came from grubenv's kernelopts ($kernelopts): the file itself
    // does not hold it, grubenv does.
    bool fromKernelopts = false;
};

// A Windows driver the import needs (viostor, vioscsi, netkvm).
struct WindowsDriver {
    QString name;         // "viostor"
    QString filePath;     // "Windows/System32/drivers/viostor.sys" when present
    bool service = false; // a Services\<name> key exists in the current control set
    int start = -1;       // its Start value (0 = boot) when present
};

// A Windows Firewall rule as FirewallPolicy\FirewallRules stores it: one REG_SZ per rule,
// "v2.22|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=3389|...".
struct WindowsFirewallRule {
    QString name;        // "RemoteDesktop-UserMode-In-TCP"
    QString value;       // the rule string as stored
    bool active = false; // Active=TRUE and Action=Allow
};

// What decides whether a Windows instance answers after its first boot, read from the current
// control set, the SOFTWARE hive and the Setup state files (WindowsReach.cpp).
struct WindowsReachFacts {
    bool read = false; // the reader ran over a control set
    // Control\Terminal Server fDenyTSConnections (1 = RDP off); -1 absent.
    int denyTsConnections = -1;
    // The same value set by Group Policy (SOFTWARE Policies\Microsoft\Windows NT\Terminal
    // Services), which wins over the one above; -1 absent.
    int denyTsConnectionsPolicy = -1;
    bool firewallPolicy = false;         // Services\SharedAccess\Parameters\FirewallPolicy exists
    QList<WindowsFirewallRule> rdpRules; // the Remote Desktop TCP/UDP rules found
    // EnableFirewall of DomainProfile, StandardProfile, PublicProfile; -1 where absent (on).
    QMap<QString, int> firewallEnabled;
    int sanPolicy = -1;        // Services\partmgr\Parameters\SanPolicy (1..4); -1 absent
    QStringList pendingReboot; // the markers of a pending reboot found, as registry paths
    int setupInProgress = -1;  // SYSTEM\Setup SystemSetupInProgress; -1 absent
    int oobeInProgress = -1;   // SYSTEM\Setup OOBEInProgress
    int setupType = -1;        // SYSTEM\Setup SetupType
    QString imageState;        // Setup\State\State.ini ImageState; empty when absent
    QString stateIniPath;      // "/Windows/Setup/State/State.ini" when it was read
    QStringList answerFiles;   // unattend.xml files Windows Setup would read (guest paths)
};

struct WindowsFacts {
    QString systemRoot;       // "/Windows" as found on the NTFS volume
    QString productName;      // "Windows Server 2012 R2 Standard"
    QString editionId;        // "ServerStandard"
    QString installationType; // "Server", "Client", "Server Core"
    QString currentVersion;   // "6.3"
    QString currentBuild;     // "9600"
    QString controlSet;       // "ControlSet001"
    QList<WindowsDriver> drivers;
    bool ipv6Known = false;
    uint32_t ipv6DisabledComponents = 0; // Tcpip6\Parameters\DisabledComponents (0xFF = off)
    int networkAdapters = -1;            // adapters bound to TCP/IP, when known
    // Hives whose two sequence numbers differ ("SYSTEM"): Windows was not shut down cleanly and
    // recent changes (a driver just installed) may exist only in the .LOG1/.LOG2 files, which
    // are not replayed; what was read may be older than the running system was.
    QStringList dirtyHives;
    WindowsReachFacts reach;
};

// /etc/selinux/config, /etc/adjtime and the online-resize tools (LinuxSystem.h reads them).
struct LinuxSystemFacts {
    bool read = false;       // the step ran
    QString selinuxMode;     // enforcing|permissive|disabled; empty when the config is absent
    QString selinuxModeLine; // "SELINUX=enforcing"
    QString selinuxType;     // "targeted"
    QString selinuxTypeLine; // "SELINUXTYPE=targeted"
    bool selinuxPolicyPresent = false; // /etc/selinux/<type>/policy exists
    bool autorelabel = false;          // /.autorelabel is pending
    bool adjtimeRead = false;
    bool rtcLocal = false;
    QString adjtimeLine;            // the third line of /etc/adjtime: "LOCAL" or "UTC"
    QString growpartPath;           // /usr/bin/growpart, when present
    bool cloudInitGrowpart = false; // cloud.cfg lists the growpart module
    QString cloudInitGrowpartLine;  // " - growpart" as found, with the list it is in
};

// What the guest operating system is, read from its files. Filled by inspectGuest() after the
// layout is known; the policy judges it.
struct GuestFacts {
    bool searched = false;  // an OS search ran over the partitions
    QString family;         // "linux" | "windows" | "" (no OS found)
    int rootPartition = -1; // PartitionInfo::index of the system (root / C:) partition; for a
                            // root in LVM, the first partition holding its volume group
    QString rootFilesystem; // ext4, ntfs, xfs, ...
    QString rootVolume;     // "centos/root" when the root is an LVM logical volume
    // A separate /boot file system, when one was read (partition index, LV name, file system).
    int bootPartition = -1;
    QString bootVolume;
    QString bootFilesystem;
    // The root file system could not be read, but a separate /boot could: the kernels (and the
    // distribution the boot loader names, when it does) come from /boot alone, so the kernel and
    // virtio rules can still be judged while `family` stays empty.
    bool bootOnly = false;
    // Why no OS could be looked for where one probably is (root on LVM, XFS, LUKS, unreadable).
    QString obstacle;

    QString distro;       // os-release ID style: centos|rhel|ubuntu|debian|coreos|fedora-coreos|
                          // flatcar|opensuse-leap|opensuse-tumbleweed|sles|windows|<other id>
    QString distroName;   // "CentOS Linux", "Windows Server 2012 R2 Standard"
    QString version;      // "7", "22.04", "15.5", "6.3.9600"
    QString prettyName;   // as the OS names itself
    QString architecture; // x86_64 | i386 | arm64 | arm | ppc64le | s390x | unknown
    QMap<QString, Evidence> evidence; // keyed "distro", "version", "architecture", ...

    // Linux
    QList<KernelFacts> kernels;
    QList<NetInterface> interfaces;
    bool ipv6Disabled = false; // sysctl or kernel command line turns IPv6 off everywhere
    // "path: line" that decided ipv6Disabled; also set when sysctl turns IPv6 on explicitly
    // (net.ipv6.conf.all.disable_ipv6 = 0) while ipv6Disabled stays false.
    QString ipv6DisabledEvidence;
    // Network configuration files that could not be parsed: path, and why (a broken netplan YAML).
    QList<Evidence> networkConfigErrors;
    QList<FstabEntry> fstab;
    // The boot loader configuration: every kernel command line found, and where it was looked
    // for (the guest paths tried, for the evidence when none is found).
    QList<BootCommandLine> bootCommandLines;
    QStringList bootConfigFiles;  // the files that were read
    QStringList bootConfigSearch; // the places looked in
    bool cloudInit = false;
    QString cloudInitEvidence;
    bool lvmRoot = false;
    LinuxSystemFacts system;

    // Windows
    WindowsFacts windows;
};

} // namespace cvmi::inspect

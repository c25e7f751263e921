#include "inspect/LinuxKernels.h"

#include "inspect/GuestPath.h"
#include "inspect/Initramfs.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::LinuxKernels)
};

// The virtio drivers a KVM guest needs to see its disk and network card.
const QStringList& virtioDrivers()
{
    static const QStringList kNames = {QStringLiteral("virtio_blk"), QStringLiteral("virtio_net"),
                                       QStringLiteral("virtio_pci"), QStringLiteral("virtio_scsi")};
    return kNames;
}

const QStringList& moduleSuffixes()
{
    static const QStringList kSuffixes = {QStringLiteral(".ko"), QStringLiteral(".ko.xz"),
                                          QStringLiteral(".ko.zst"), QStringLiteral(".ko.gz")};
    return kSuffixes;
}

// A bounded recursive search for module files under /lib/modules/<release>/kernel/drivers.
// Only the folders where the virtio drivers live are walked, so this stays a handful of reads.
void findVirtioModules(GuestFs& fs, const QString& modules, KernelFacts* kernel)
{
    const QStringList folders = {
        QStringLiteral("/kernel/drivers/block"), QStringLiteral("/kernel/drivers/net"),
        QStringLiteral("/kernel/drivers/virtio"), QStringLiteral("/kernel/drivers/scsi")};
    for (const QString& folder : folders) {
        const QStringList names = GuestPath::list(fs, modules + folder);
        for (const QString& driver : virtioDrivers()) {
            for (const QString& suffix : moduleSuffixes()) {
                if (names.contains(driver + suffix) && !kernel->virtioModules.contains(driver))
                    kernel->virtioModules << driver;
            }
        }
    }
    // Built in: modules.builtin lists "kernel/drivers/block/virtio_blk.ko".
    const auto builtin =
        GuestPath::readFile(fs, modules + QStringLiteral("/modules.builtin"), 4 * 1024 * 1024);
    if (builtin) {
        for (const QString& driver : virtioDrivers()) {
            if (builtin->contains(QStringLiteral("/%1.ko\n").arg(driver).toUtf8()) &&
                !kernel->virtioBuiltin.contains(driver))
                kernel->virtioBuiltin << driver;
        }
    }
}

// initramfs names by distribution family, for a kernel release.
QStringList initramfsCandidates(const QString& release)
{
    return {QStringLiteral("initramfs-%1.img").arg(release), // Red Hat family (dracut)
            QStringLiteral("initrd.img-%1").arg(release),    // Debian / Ubuntu
            QStringLiteral("initrd-%1").arg(release),        // SUSE
            QStringLiteral("initramfs-%1").arg(release),
            QStringLiteral("initrd-%1.img").arg(release)}; // CentOS 5
}

void scanKernelInitramfs(GuestFs& bootFs, const QString& bootDir, KernelFacts* kernel)
{
    for (const QString& name : initramfsCandidates(kernel->version)) {
        const QString path = bootDir + u'/' + name;
        Error error;
        const auto node = GuestPath::resolve(bootFs, path, true, &error);
        if (!node || node->kind != GuestNode::Kind::File)
            continue;
        kernel->initramfsPath = path;
        QStringList wanted;
        for (const QString& suffix : moduleSuffixes())
            wanted << QStringLiteral("virtio_blk") + suffix;
        const GuestNode file = *node;
        // Directory listings do not carry sizes; the scan reads until the file ends.
        const InitramfsScan scan = scanInitramfs(
            file.size ? file.size : UINT64_MAX,
            [&](uint64_t offset, size_t length, QByteArray* out) {
                Error readError;
                return bootFs.readFile(file, offset, length, out, &readError);
            },
            wanted);
        kernel->initramfsCompression = scan.compression;
        kernel->initramfsRead = scan.read;
        kernel->initramfsHasVirtioBlk = !scan.found.isEmpty();
        kernel->initramfsNote = scan.note;
        return;
    }
}

} // namespace

bool isNativeKernel(const QString& distro, const QString& release, QString* expectation)
{
    struct Rule {
        QStringList distros;
        const char* pattern;
        const char* example;
    };
    static const Rule kRules[] = {
        {{QStringLiteral("centos"), QStringLiteral("rhel"), QStringLiteral("rocky"),
          QStringLiteral("almalinux"), QStringLiteral("ol")},
         "^\\d+\\.\\d+\\.\\d+-[\\d.]+\\.el\\d+(_\\d+)*\\.(x86_64|i686|aarch64)$",
         "3.10.0-1160.el7.x86_64"},
        {{QStringLiteral("ubuntu")},
         "^\\d+\\.\\d+\\.\\d+-\\d+-(generic|generic-pae|virtual|kvm|lowlatency|server)$",
         "5.15.0-91-generic"},
        {{QStringLiteral("debian")},
         "^\\d+\\.\\d+\\.\\d+-\\d+-(amd64|686|686-pae|cloud-amd64|486)$",
         "6.1.0-13-amd64"},
        {{QStringLiteral("opensuse"), QStringLiteral("opensuse-leap"),
          QStringLiteral("opensuse-tumbleweed"), QStringLiteral("sles"), QStringLiteral("sled")},
         "^\\d+\\.\\d+\\.\\d+-[\\d.]+-(default|pae|xen)$",
         "5.14.21-150500.53-default"},
        {{QStringLiteral("fedora"), QStringLiteral("fedora-coreos")},
         "^\\d+\\.\\d+\\.\\d+-[\\d.]+\\.fc\\d+\\.(x86_64|i686|aarch64)$",
         "6.5.6-300.fc39.x86_64"},
        {{QStringLiteral("coreos"), QStringLiteral("flatcar")},
         "^\\d+\\.\\d+\\.\\d+-(coreos|flatcar)",
         "4.19.56-coreos"},
    };
    for (const Rule& rule : kRules) {
        if (!rule.distros.contains(distro))
            continue;
        if (expectation)
            *expectation = Text::tr("a release like %1").arg(QLatin1String(rule.example));
        return QRegularExpression(QLatin1String(rule.pattern)).match(release).hasMatch();
    }
    if (expectation)
        *expectation = Text::tr("no packaging pattern is known for this distribution");
    return false;
}

void inspectLinuxKernels(GuestFs& root, GuestFs* boot, GuestFacts* facts)
{
    GuestFs& bootFs = boot ? *boot : root;
    const QString bootDir = boot ? QString() : QStringLiteral("/boot");
    const QString bootShown = QStringLiteral("/boot");

    QStringList releases;
    for (const QString& name :
         GuestPath::list(bootFs, bootDir.isEmpty() ? QStringLiteral("/") : bootDir))
        if (name.startsWith(QLatin1String("vmlinuz-")) ||
            name.startsWith(QLatin1String("vmlinux-")))
            releases << name.mid(8);
    QStringList moduleDirs;
    for (const char* base : {"/lib/modules", "/usr/lib/modules"}) {
        moduleDirs = GuestPath::list(root, QLatin1String(base));
        if (!moduleDirs.isEmpty())
            break;
    }
    for (const QString& release : moduleDirs)
        if (!releases.contains(release))
            releases << release;
    releases.removeAll(QString());
    releases.sort();

    for (const QString& release : releases) {
        KernelFacts kernel;
        kernel.version = release;
        for (const char* prefix : {"vmlinuz-", "vmlinux-"}) {
            const QString name = QLatin1String(prefix) + release;
            if (GuestPath::exists(bootFs, bootDir + u'/' + name)) {
                kernel.imagePath = bootShown + u'/' + name;
                break;
            }
        }
        for (const char* base : {"/lib/modules/", "/usr/lib/modules/"}) {
            const QString path = QLatin1String(base) + release;
            if (GuestPath::isDirectory(root, path)) {
                kernel.modulesPath = path;
                findVirtioModules(root, path, &kernel);
                break;
            }
        }
        if (!kernel.imagePath.isEmpty())
            scanKernelInitramfs(bootFs, bootDir, &kernel);
        if (!kernel.initramfsPath.isEmpty() && boot)
            kernel.initramfsPath = bootShown + kernel.initramfsPath;
        kernel.native = isNativeKernel(facts->distro, release, &kernel.nativeNote);
        facts->kernels.append(kernel);
    }
}

} // namespace cvmi::inspect

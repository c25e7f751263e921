#include "inspect/LinuxKernels.h"

#include "inspect/GuestPath.h"
#include "inspect/Initramfs.h"

#include <QCollator>
#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

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

// The storage drivers of newer instance types (virtio-scsi and NVMe disks).
const QStringList& storageDrivers()
{
    static const QStringList kNames = {QStringLiteral("virtio_scsi"), QStringLiteral("nvme")};
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
        QStringLiteral("/kernel/drivers/virtio"), QStringLiteral("/kernel/drivers/scsi"),
        QStringLiteral("/kernel/drivers/nvme/host")};
    for (const QString& folder : folders) {
        const QStringList names = GuestPath::list(fs, modules + folder);
        for (const QString& driver : storageDrivers())
            for (const QString& suffix : moduleSuffixes())
                if (names.contains(driver + suffix) && !kernel->storageModules.contains(driver))
                    kernel->storageModules << driver;
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
        for (const QString& driver : storageDrivers())
            if (builtin->contains(QStringLiteral("/%1.ko\n").arg(driver).toUtf8()) &&
                !kernel->storageBuiltin.contains(driver))
                kernel->storageBuiltin << driver;
    }
}

QList<KernelFacts> listKernels(GuestFs& root, GuestFs* boot, const QString& distro);

// initramfs names by distribution family, for a kernel release.
QStringList initramfsCandidates(const QString& release)
{
    return {QStringLiteral("initramfs-%1.img").arg(release), // Red Hat family (dracut)
            QStringLiteral("initrd.img-%1").arg(release),    // Debian / Ubuntu
            QStringLiteral("initrd-%1").arg(release),        // SUSE
            QStringLiteral("initramfs-%1").arg(release),
            QStringLiteral("initrd-%1.img").arg(release)}; // CentOS 5
}

// The initramfs scans of one inspection: each distinct file (by its node) is scanned once.
struct InitramfsScans {
    InspectionBudget& budget;
    QHash<uint64_t, InitramfsScan> byNode;
};

void scanKernelInitramfs(GuestFs& bootFs, const QString& bootDir, KernelFacts* kernel,
                         InitramfsScans& scans)
{
    for (const QString& name : initramfsCandidates(kernel->version)) {
        const QString path = bootDir + u'/' + name;
        Error error;
        const auto node = GuestPath::resolve(bootFs, path, true, &error);
        if (!node || node->kind != GuestNode::Kind::File)
            continue;
        kernel->initramfsPath = path;
        InitramfsScan scan;
        if (const auto known = scans.byNode.constFind(node->id); known != scans.byNode.cend()) {
            scan = *known; // the same file as another kernel's: hard-linked or symlinked
        } else if (scans.budget.expired()) {
            scan.timedOut = true;
            scan.note = Text::tr("it was not read within the time limit");
        } else if (!scans.budget.claimKernelScan()) {
            scan.note = Text::tr("only the initramfs files of the newest %n kernel(s) are read",
                                 nullptr, scans.budget.maxKernelScans());
        } else {
            // The questions the rules ask of an initramfs: is virtio_blk inside, under any of
            // its names, and which storage drivers are? The scan stops once all are answered.
            QList<InitramfsQuestion> questions;
            for (const QString& driver :
                 QStringList{QStringLiteral("virtio_blk")} + storageDrivers()) {
                InitramfsQuestion question;
                for (const QString& suffix : moduleSuffixes())
                    question << driver + suffix;
                questions << question;
            }
            const GuestNode file = *node;
            InitramfsLimits limits;
            limits.budget = &scans.budget;
            // Only the blocks the file really has are read: holes are zeros nobody wrote.
            if (file.allocatedSize > 0)
                limits.maxInput = file.allocatedSize;
            // Directory listings do not carry sizes; the scan reads until the file ends.
            scan = scanInitramfs(
                file.size ? file.size : UINT64_MAX,
                [&](uint64_t offset, size_t length, QByteArray* out) {
                    Error readError;
                    return bootFs.readFile(file, offset, length, out, &readError);
                },
                questions, limits);
            // A read the deadline refused ends the scan like a short file: say why.
            if (!scan.read && !scan.timedOut && scans.budget.expired()) {
                scan.timedOut = true;
                scan.note = Text::tr("it was not read within the time limit");
            }
            scans.byNode.insert(file.id, scan);
        }
        kernel->initramfsCompression = scan.compression;
        kernel->initramfsRead = scan.read;
        kernel->initramfsHasVirtioBlk = false;
        kernel->initramfsStorage.clear();
        for (const QString& entry : std::as_const(scan.found)) {
            const QString module = entry.section(u'/', -1).section(u'.', 0, 0);
            if (module == QLatin1String("virtio_blk"))
                kernel->initramfsHasVirtioBlk = true;
            else if (storageDrivers().contains(module) &&
                     !kernel->initramfsStorage.contains(module))
                kernel->initramfsStorage << module;
        }
        kernel->initramfsNote = scan.note;
        kernel->initramfsTimedOut = scan.timedOut;
        if (scan.timedOut)
            scans.budget.markNotRead(QLatin1String(part::kInitramfs));
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

void inspectLinuxKernels(GuestFs& root, GuestFs* boot, GuestFacts* facts, InspectionBudget* budget)
{
    InspectionBudget defaultBudget;
    InspectionBudget& spend = budget ? *budget : defaultBudget;
    QList<KernelFacts> kernels;
    if (!spend.step(part::kKernels, [&] { kernels = listKernels(root, boot, facts->distro); }))
        return;

    // Newest first, as defaultKernel() (policy) picks the one the guest boots.
    QList<KernelFacts*> newestFirst;
    for (KernelFacts& kernel : kernels)
        newestFirst << &kernel;
    QCollator collator;
    collator.setNumericMode(true);
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [&](const KernelFacts* a, const KernelFacts* b) {
                         return collator.compare(a->version, b->version) > 0;
                     });
    GuestFs& bootFs = boot ? *boot : root;
    const QString bootDir = boot ? QString() : QStringLiteral("/boot");
    InitramfsScans scans{spend, {}};
    for (KernelFacts* kernel : newestFirst) {
        if (kernel->imagePath.isEmpty())
            continue;
        scanKernelInitramfs(bootFs, bootDir, kernel, scans);
        if (!kernel->initramfsPath.isEmpty() && boot)
            kernel->initramfsPath = QStringLiteral("/boot") + kernel->initramfsPath;
    }
    facts->kernels.append(kernels);
}

namespace {

// The kernels found, oldest first, without their initramfs.
QList<KernelFacts> listKernels(GuestFs& root, GuestFs* boot, const QString& distro)
{
    QList<KernelFacts> kernels;
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
        kernel.native = isNativeKernel(distro, release, &kernel.nativeNote);
        kernels.append(kernel);
    }
    return kernels;
}

} // namespace

} // namespace cvmi::inspect

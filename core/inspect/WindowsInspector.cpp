#include "inspect/WindowsInspector.h"

#include "inspect/PeHeader.h"
#include "inspect/RegistryHive.h"
#include "inspect/WindowsReach.h"

#include <QCoreApplication>

#include <optional>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::WindowsInspector)
};

const QString kCurrentVersionKey = QStringLiteral("Microsoft\\Windows NT\\CurrentVersion");
const QString kSoftwarePrefix = QStringLiteral("HKLM\\SOFTWARE\\");
const QString kSystemPrefix = QStringLiteral("HKLM\\SYSTEM\\");
const QStringList kVirtioDrivers = {QStringLiteral("viostor"), QStringLiteral("vioscsi"),
                                    QStringLiteral("netkvm")};
// Every PE header Microsoft's linkers write sits in the first KiB; 4 KiB leaves room for stubs.
constexpr size_t kPeHeadBytes = 4096;

// One directory's entries, with the path they were listed under (as the volume spells it).
struct Listing {
    QString path;
    QList<GuestDirEntry> entries;

    // Windows ignores case whatever the file system reports, so do we.
    const GuestDirEntry* find(const QString& name, GuestNode::Kind kind) const
    {
        for (const GuestDirEntry& entry : entries) {
            if (entry.node.kind == kind && entry.name.compare(name, Qt::CaseInsensitive) == 0)
                return &entry;
        }
        return nullptr;
    }
    QString childPath(const GuestDirEntry& entry) const
    {
        return path == QLatin1String("/") ? QString(path + entry.name)
                                          : QString(path + u'/' + entry.name);
    }
};

std::optional<Listing> listDirectory(GuestFs& fs, const GuestNode& directory, const QString& path)
{
    Listing listing{path, {}};
    // A directory that cannot be listed is treated as absent: before the hives are found this is
    // not known to be Windows, and afterwards only optional files live in such directories.
    if (!fs.listDirectory(directory, &listing.entries, nullptr))
        return std::nullopt;
    return listing;
}

std::optional<Listing> listChild(GuestFs& fs, const Listing& parent, const QString& name)
{
    const GuestDirEntry* entry = parent.find(name, GuestNode::Kind::Directory);
    if (!entry)
        return std::nullopt;
    return listDirectory(fs, entry->node, parent.childPath(*entry));
}

// The system root: where Windows, System32, config and both hives are.
struct SystemRoot {
    Listing windows;
    Listing system32;
    Listing config;
    GuestDirEntry software;
    GuestDirEntry system;
};

std::optional<SystemRoot> findSystemRoot(GuestFs& fs)
{
    const std::optional<Listing> root = listDirectory(fs, fs.root(), QStringLiteral("/"));
    if (!root)
        return std::nullopt;
    // WINNT is where Windows 2000 and NT kept it; later releases use Windows.
    for (const QString& name : {QStringLiteral("Windows"), QStringLiteral("WINNT")}) {
        std::optional<Listing> windows = listChild(fs, *root, name);
        if (!windows)
            continue;
        std::optional<Listing> system32 = listChild(fs, *windows, QStringLiteral("System32"));
        if (!system32)
            continue;
        std::optional<Listing> config = listChild(fs, *system32, QStringLiteral("config"));
        if (!config)
            continue;
        const GuestDirEntry* software =
            config->find(QStringLiteral("SOFTWARE"), GuestNode::Kind::File);
        const GuestDirEntry* system = config->find(QStringLiteral("SYSTEM"), GuestNode::Kind::File);
        if (software && system)
            return SystemRoot{*windows, *system32, *config, *software, *system};
    }
    return std::nullopt;
}

QString quoted(const QString& name, const QString& value)
{
    return QStringLiteral("%1=\"%2\"").arg(name, value);
}

QString startName(int start)
{
    switch (start) {
    case 0:
        return Text::tr("boot");
    case 1:
        return Text::tr("system");
    case 2:
        return Text::tr("automatic");
    case 3:
        return Text::tr("manual");
    case 4:
        return Text::tr("disabled");
    default:
        return Text::tr("unknown");
    }
}

void readVersion(const RegistryHive& software, GuestFacts* facts)
{
    WindowsFacts& w = facts->windows;
    const QString key = kCurrentVersionKey;
    const QString evidencePath = kSoftwarePrefix + key;
    w.productName = software.getString(key, QStringLiteral("ProductName")).value_or(QString());
    w.editionId = software.getString(key, QStringLiteral("EditionID")).value_or(QString());
    w.installationType =
        software.getString(key, QStringLiteral("InstallationType")).value_or(QString());
    const QString storedVersion =
        software.getString(key, QStringLiteral("CurrentVersion")).value_or(QString());
    QString buildName = QStringLiteral("CurrentBuild");
    std::optional<QString> build = software.getString(key, buildName);
    if (!build || build->isEmpty()) {
        buildName = QStringLiteral("CurrentBuildNumber");
        build = software.getString(key, buildName);
    }
    w.currentBuild = build.value_or(QString());

    QStringList versionEvidence;
    const std::optional<uint32_t> major =
        software.getDword(key, QStringLiteral("CurrentMajorVersionNumber"));
    if (major) {
        const uint32_t minor =
            software.getDword(key, QStringLiteral("CurrentMinorVersionNumber")).value_or(0);
        w.currentVersion = QStringLiteral("%1.%2").arg(*major).arg(minor);
        versionEvidence << QStringLiteral("CurrentMajorVersionNumber=%1").arg(*major)
                        << QStringLiteral("CurrentMinorVersionNumber=%1").arg(minor);
    } else {
        w.currentVersion = storedVersion;
        versionEvidence << quoted(QStringLiteral("CurrentVersion"), storedVersion);
    }
    if (!w.currentBuild.isEmpty())
        versionEvidence << quoted(buildName, w.currentBuild);

    facts->distroName = w.productName;
    facts->prettyName = w.productName;
    facts->version = w.currentBuild.isEmpty() || w.currentVersion.isEmpty()
                         ? w.currentVersion
                         : w.currentVersion + u'.' + w.currentBuild;
    facts->evidence.insert(QStringLiteral("distro"),
                           {evidencePath, quoted(QStringLiteral("ProductName"), w.productName)});
    facts->evidence.insert(QStringLiteral("version"),
                           {evidencePath, versionEvidence.join(QLatin1Char(' '))});
    facts->evidence.insert(
        QStringLiteral("edition"),
        {evidencePath, quoted(QStringLiteral("EditionID"), w.editionId) + u' ' +
                           quoted(QStringLiteral("InstallationType"), w.installationType)});
}

// The control set Windows boots with: Select\Current names ControlSet00N. Offline hives have no
// CurrentControlSet (the running kernel makes that link), so this is the only way to it.
QString currentControlSet(const RegistryHive& system, GuestFacts* facts)
{
    const std::optional<uint32_t> current =
        system.getDword(QStringLiteral("Select"), QStringLiteral("Current"));
    if (current && *current > 0 && *current < 1000) {
        const QString name = QStringLiteral("ControlSet%1").arg(*current, 3, 10, QLatin1Char('0'));
        if (system.hasKey(name)) {
            facts->evidence.insert(QStringLiteral("controlSet"),
                                   {kSystemPrefix + QStringLiteral("Select"),
                                    QStringLiteral("Current=%1").arg(*current)});
            return name;
        }
    }
    // A hive without a usable Select key: the first control set is the one every Windows has.
    const QString fallback = QStringLiteral("ControlSet001");
    if (!system.hasKey(fallback))
        return {};
    facts->evidence.insert(
        QStringLiteral("controlSet"),
        {kSystemPrefix + fallback,
         Text::tr("Select\\Current missing or invalid; using %1").arg(fallback)});
    return fallback;
}

void readDrivers(GuestFs& fs, const SystemRoot& root, const RegistryHive& system,
                 const QString& controlSet, GuestFacts* facts)
{
    const std::optional<Listing> drivers = listChild(fs, root.system32, QStringLiteral("drivers"));
    for (const QString& name : kVirtioDrivers) {
        WindowsDriver driver;
        driver.name = name;
        if (drivers) {
            if (const GuestDirEntry* file =
                    drivers->find(name + QStringLiteral(".sys"), GuestNode::Kind::File))
                // GuestFacts spells these relative to the volume: "Windows/System32/...".
                driver.filePath = drivers->childPath(*file).mid(1);
        }
        const QString serviceKey = controlSet + QStringLiteral("\\Services\\") + name;
        if (!controlSet.isEmpty() && system.hasKey(serviceKey)) {
            driver.service = true;
            const std::optional<uint32_t> start =
                system.getDword(serviceKey, QStringLiteral("Start"));
            if (start && *start <= 4)
                driver.start = int(*start);
        }
        const QString fileText = driver.filePath.isEmpty() ? Text::tr("%1.sys absent").arg(name)
                                                           : Text::tr("%1.sys present").arg(name);
        QString serviceText;
        if (!driver.service)
            serviceText = Text::tr("no Services\\%1 key").arg(name);
        else if (driver.start < 0)
            serviceText = Text::tr("Services\\%1 without a Start value").arg(name);
        else
            serviceText = QStringLiteral("Services\\%1 Start=%2 (%3)")
                              .arg(name)
                              .arg(driver.start)
                              .arg(startName(driver.start));
        const QString path = driver.filePath.isEmpty() ? QString(kSystemPrefix + serviceKey)
                                                       : QString(u'/' + driver.filePath);
        facts->evidence.insert(QStringLiteral("driver.") + name,
                               {path, fileText + QStringLiteral("; ") + serviceText});
        facts->windows.drivers.append(driver);
    }
}

void readNetwork(const RegistryHive& system, const QString& controlSet, GuestFacts* facts)
{
    WindowsFacts& w = facts->windows;
    if (controlSet.isEmpty())
        return;
    const QString tcpip6 = controlSet + QStringLiteral("\\Services\\Tcpip6\\Parameters");
    const std::optional<uint32_t> disabled =
        system.getDword(tcpip6, QStringLiteral("DisabledComponents"));
    // No DisabledComponents value is Windows' default: IPv6 on, on every interface.
    w.ipv6Known = true;
    w.ipv6DisabledComponents = disabled.value_or(0);
    facts->evidence.insert(
        QStringLiteral("ipv6"),
        {kSystemPrefix + tcpip6,
         disabled
             ? QStringLiteral("DisabledComponents=0x%1").arg(*disabled, 8, 16, QLatin1Char('0'))
             : Text::tr("DisabledComponents not set (IPv6 enabled)")});

    // An approximation: Tcpip\Parameters\Interfaces has one subkey per adapter TCP/IP was ever
    // bound to (a NIC removed since keeps its key), which is what an offline hive can tell.
    const QString interfaces =
        controlSet + QStringLiteral("\\Services\\Tcpip\\Parameters\\Interfaces");
    const std::optional<QStringList> adapters = system.subkeys(interfaces);
    if (adapters) {
        w.networkAdapters = int(adapters->size());
        facts->evidence.insert(QStringLiteral("network"),
                               {kSystemPrefix + interfaces, adapters->join(QLatin1Char(' '))});
    }
}

void readArchitecture(GuestFs& fs, const SystemRoot& root, const RegistryHive& system,
                      const QString& controlSet, GuestFacts* facts)
{
    if (const GuestDirEntry* kernel =
            root.system32.find(QStringLiteral("ntoskrnl.exe"), GuestNode::Kind::File)) {
        QByteArray head;
        if (fs.readFile(kernel->node, 0, kPeHeadBytes, &head, nullptr)) {
            const PeHeaderInfo pe = parsePeHeader(head);
            if (pe.valid) {
                facts->architecture = pe.architecture;
                facts->evidence.insert(
                    QStringLiteral("architecture"),
                    {root.system32.childPath(*kernel), QStringLiteral("PE Machine=0x%1 (%2)")
                                                           .arg(pe.machine, 4, 16, QLatin1Char('0'))
                                                           .arg(pe.architecture)});
                return;
            }
        }
    }
    // No readable kernel image: the architecture Windows tells its own programs.
    const QString environment =
        controlSet + QStringLiteral("\\Control\\Session Manager\\Environment");
    const QString processor =
        controlSet.isEmpty()
            ? QString()
            : system.getString(environment, QStringLiteral("PROCESSOR_ARCHITECTURE"))
                  .value_or(QString());
    if (processor.compare(QLatin1String("AMD64"), Qt::CaseInsensitive) == 0)
        facts->architecture = QStringLiteral("x86_64");
    else if (processor.compare(QLatin1String("x86"), Qt::CaseInsensitive) == 0)
        facts->architecture = QStringLiteral("i386");
    else if (processor.compare(QLatin1String("ARM64"), Qt::CaseInsensitive) == 0)
        facts->architecture = QStringLiteral("arm64");
    else
        facts->architecture = QStringLiteral("unknown");
    facts->evidence.insert(
        QStringLiteral("architecture"),
        processor.isEmpty()
            ? Evidence{root.system32.path + QStringLiteral("/ntoskrnl.exe"),
                       Text::tr("no readable PE header, no PROCESSOR_ARCHITECTURE")}
            : Evidence{kSystemPrefix + environment,
                       quoted(QStringLiteral("PROCESSOR_ARCHITECTURE"), processor)});
}

} // namespace

bool inspectWindows(GuestFs& fs, GuestFacts* facts, Error* error, InspectionBudget* budget)
{
    // Without a budget, every step runs.
    const auto step = [budget](const char* partName, const std::function<void()>& run) {
        if (budget)
            budget->step(partName, run);
        else
            run();
    };
    const std::optional<SystemRoot> root = findSystemRoot(fs);
    if (!root)
        return false;
    facts->family = QStringLiteral("windows");
    facts->distro = QStringLiteral("windows");
    facts->windows.systemRoot = root->windows.path;

    const std::unique_ptr<RegistryHive> software =
        RegistryHive::open(fs, root->software.node, root->config.childPath(root->software), error);
    if (!software)
        return false;
    const std::unique_ptr<RegistryHive> system =
        RegistryHive::open(fs, root->system.node, root->config.childPath(root->system), error);
    if (!system)
        return false;

    for (const RegistryHive* hive : {software.get(), system.get()}) {
        if (hive->dirty())
            facts->windows.dirtyHives.append(hive->name().section(u'/', -1));
    }
    if (!facts->windows.dirtyHives.isEmpty())
        facts->evidence.insert(
            QStringLiteral("registry"),
            {root->config.path,
             Text::tr("%1: sequence numbers differ; the newest changes may be only in the "
                      ".LOG1/.LOG2 files, which are not read")
                 .arg(facts->windows.dirtyHives.join(QStringLiteral(", ")))});
    readVersion(*software, facts);
    const QString controlSet = currentControlSet(*system, facts);
    facts->windows.controlSet = controlSet;
    step(part::kDrivers, [&] { readDrivers(fs, *root, *system, controlSet, facts); });
    step(part::kNetwork, [&] { readNetwork(*system, controlSet, facts); });
    step(part::kArchitecture, [&] { readArchitecture(fs, *root, *system, controlSet, facts); });
    step(part::kWindowsState, [&] { readWindowsReach(fs, *system, *software, controlSet, facts); });
    return true;
}

} // namespace cvmi::inspect

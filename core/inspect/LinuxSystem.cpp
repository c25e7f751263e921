#include "inspect/LinuxSystem.h"

#include "inspect/GuestPath.h"
#include "inspect/network/ConfigText.h"

#include <yaml-cpp/yaml.h>

#include <exception>
#include <string>

namespace cvmi::inspect {

using namespace netcfg;

namespace {

// These files are a few hundred bytes; a megabyte bounds a hostile one.
constexpr size_t kMaxFile = 1024 * 1024;

} // namespace

SelinuxConfig parseSelinuxConfig(QByteArrayView text)
{
    SelinuxConfig config;
    const QHash<QString, ShellVar> vars = lastAssignments(text);
    if (const auto mode = vars.constFind(QStringLiteral("SELINUX")); mode != vars.constEnd()) {
        config.mode = mode->value.trimmed().toLower();
        config.modeLine = mode->line;
    }
    if (const auto type = vars.constFind(QStringLiteral("SELINUXTYPE")); type != vars.constEnd()) {
        config.type = type->value.trimmed().toLower();
        config.typeLine = type->line;
    }
    return config;
}

Adjtime parseAdjtime(QByteArrayView text)
{
    Adjtime adjtime;
    const QStringList lines = textLines(text);
    if (lines.size() < 3)
        return adjtime;
    adjtime.line = lines[2].trimmed();
    adjtime.local = adjtime.line == QLatin1String("LOCAL");
    return adjtime;
}

namespace {

bool isGrowpartModule(const YAML::Node& item)
{
    // An entry is a module name, or a list [name, frequency], or (newer) a map {name: ...}.
    YAML::Node name = item;
    if (item.IsDefined() && item.IsSequence() && item.size() > 0)
        name = item[0];
    else if (item.IsDefined() && item.IsMap())
        name = item["name"];
    if (!name.IsDefined() || !name.IsScalar())
        return false;
    const std::string& n = name.Scalar();
    return n == "growpart" || n == "cc_growpart";
}

} // namespace

QString parseCloudCfgGrowpart(QByteArrayView text, QString* error)
{
    try {
        const YAML::Node root = YAML::Load(std::string(text.data(), size_t(text.size())));
        if (!root.IsDefined() || !root.IsMap())
            return {};
        for (const char* list : {"cloud_init_modules", "cloud_config_modules"}) {
            const YAML::Node modules = root[list];
            if (!modules.IsDefined() || !modules.IsSequence())
                continue;
            for (const auto& item : modules)
                if (isGrowpartModule(item))
                    return QStringLiteral("%1: growpart").arg(QLatin1String(list));
        }
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
    } catch (...) {
        if (error)
            *error = QStringLiteral("invalid YAML");
    }
    return {};
}

void inspectLinuxSystem(GuestFs& fs, GuestFacts* facts)
{
    LinuxSystemFacts& s = facts->system;
    s = LinuxSystemFacts{};
    s.read = true;
    if (const auto text =
            GuestPath::readFile(fs, QStringLiteral("/etc/selinux/config"), kMaxFile)) {
        const SelinuxConfig config = parseSelinuxConfig(*text);
        s.selinuxMode = config.mode;
        s.selinuxModeLine = config.modeLine;
        s.selinuxType = config.type;
        s.selinuxTypeLine = config.typeLine;
        // A type is a directory name: one with a slash (or "..") names no policy of its own.
        if (!config.type.isEmpty() && !config.type.contains(u'/') &&
            config.type != QLatin1String(".."))
            s.selinuxPolicyPresent = GuestPath::isDirectory(
                fs, QStringLiteral("/etc/selinux/%1/policy").arg(config.type));
    }
    s.autorelabel = GuestPath::exists(fs, QStringLiteral("/.autorelabel"));
    if (const auto text = GuestPath::readFile(fs, QStringLiteral("/etc/adjtime"), kMaxFile)) {
        const Adjtime adjtime = parseAdjtime(*text);
        s.adjtimeRead = true;
        s.rtcLocal = adjtime.local;
        s.adjtimeLine = adjtime.line;
    }
    for (const char* path : {"/usr/bin/growpart", "/usr/sbin/growpart", "/bin/growpart",
                             "/sbin/growpart", "/usr/local/bin/growpart"}) {
        if (GuestPath::resolve(fs, QLatin1String(path), true, nullptr).has_value()) {
            s.growpartPath = QLatin1String(path);
            break;
        }
    }
    if (const auto text =
            GuestPath::readFile(fs, QStringLiteral("/etc/cloud/cloud.cfg"), kMaxFile)) {
        s.cloudInitGrowpartLine = parseCloudCfgGrowpart(*text);
        s.cloudInitGrowpart = !s.cloudInitGrowpartLine.isEmpty();
    }
}

} // namespace cvmi::inspect

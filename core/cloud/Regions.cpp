#include "cloud/Regions.h"

#include <QRegularExpression>

namespace cvmi::cloud {

namespace {

struct RegionEntry {
    const char* id;
    const char* name; // translated in the context cvmi::cloud::Regions
    bool imports;     // ImportImage is offered there
};

// The console's names (the API's without its missing space), as the Chinese console writes them
// in translations/. QT_TRANSLATE_NOOP: lupdate reads them, Regions::displayName translates them.
constexpr RegionEntry kRegions[] = {
    {"ap-guangzhou", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "South China (Guangzhou)"), true},
    {"ap-shenzhen-fsi", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "South China (Shenzhen Finance)"),
     false},
    {"ap-shanghai", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "East China (Shanghai)"), true},
    {"ap-shanghai-fsi", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "East China (Shanghai Finance)"),
     false},
    {"ap-nanjing", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "East China (Nanjing)"), true},
    {"ap-beijing", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "North China (Beijing)"), true},
    {"ap-beijing-fsi", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "North China (Beijing Finance)"),
     false},
    {"ap-tianjin", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "North China (Tianjin)"), false},
    {"ap-chengdu", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Southwest China (Chengdu)"), true},
    {"ap-chongqing", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Southwest China (Chongqing)"),
     true},
    {"ap-hongkong",
     QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Hong Kong, Macau and Taiwan (Hong Kong)"), true},
    {"ap-taipei", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Hong Kong, Macau and Taiwan (Taipei)"),
     false},
    {"ap-singapore", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Southeast Asia (Singapore)"), true},
    {"ap-jakarta", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Southeast Asia (Jakarta)"), true},
    {"ap-bangkok", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Southeast Asia (Bangkok)"), true},
    {"ap-seoul", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Northeast Asia (Seoul)"), true},
    {"ap-tokyo", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Northeast Asia (Tokyo)"), true},
    {"ap-mumbai", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "South Asia (Mumbai)"), true},
    {"na-siliconvalley", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "US West (Silicon Valley)"),
     true},
    {"na-ashburn", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "US East (Virginia)"), true},
    {"na-toronto", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "North America (Toronto)"), false},
    {"eu-frankfurt", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Europe (Frankfurt)"), true},
    {"eu-moscow", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "Europe (Moscow)"), false},
    {"sa-saopaulo", QT_TRANSLATE_NOOP("cvmi::cloud::Regions", "South America (São Paulo)"), true},
};

const RegionEntry* find(const QString& id)
{
    for (const RegionEntry& entry : kRegions) {
        if (id == QLatin1String(entry.id))
            return &entry;
    }
    return nullptr;
}

} // namespace

QString Regions::defaultRegion()
{
    return QStringLiteral("ap-guangzhou");
}

bool Regions::isValidId(const QString& region)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z]{2,}(-[a-z0-9]+){1,3}$"));
    return region.size() <= 64 && shape.match(region).hasMatch();
}

QList<KnownRegion> Regions::importRegions()
{
    QList<KnownRegion> regions;
    for (const RegionEntry& entry : kRegions) {
        if (entry.imports)
            regions.append({QLatin1String(entry.id), tr(entry.name)});
    }
    return regions;
}

QString Regions::displayName(const QString& id, const QString& serviceName)
{
    if (const RegionEntry* entry = find(id))
        return tr(entry->name);
    return serviceName.trimmed().isEmpty() ? id : serviceName.trimmed();
}

QString Regions::label(const QString& id, const QString& serviceName)
{
    const QString name = displayName(id, serviceName);
    return name == id ? id : tr("%1 — %2", "region id — region name").arg(id, name);
}

} // namespace cvmi::cloud

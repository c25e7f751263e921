#include "cloud/Regions.h"

#include <QRegularExpression>

namespace cvmi::cloud {

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
    return {
        {QStringLiteral("ap-guangzhou"), tr("South China (Guangzhou)")},
        {QStringLiteral("ap-shanghai"), tr("East China (Shanghai)")},
        {QStringLiteral("ap-nanjing"), tr("East China (Nanjing)")},
        {QStringLiteral("ap-beijing"), tr("North China (Beijing)")},
        {QStringLiteral("ap-chengdu"), tr("Southwest China (Chengdu)")},
        {QStringLiteral("ap-chongqing"), tr("Southwest China (Chongqing)")},
        {QStringLiteral("ap-hongkong"), tr("Hong Kong, Macau and Taiwan (Hong Kong)")},
        {QStringLiteral("ap-singapore"), tr("Southeast Asia (Singapore)")},
        {QStringLiteral("ap-jakarta"), tr("Southeast Asia (Jakarta)")},
        {QStringLiteral("ap-bangkok"), tr("Southeast Asia (Bangkok)")},
        {QStringLiteral("ap-seoul"), tr("Northeast Asia (Seoul)")},
        {QStringLiteral("ap-tokyo"), tr("Northeast Asia (Tokyo)")},
        {QStringLiteral("ap-mumbai"), tr("South Asia (Mumbai)")},
        {QStringLiteral("na-siliconvalley"), tr("US West (Silicon Valley)")},
        {QStringLiteral("na-ashburn"), tr("US East (Virginia)")},
        {QStringLiteral("eu-frankfurt"), tr("Europe (Frankfurt)")},
        {QStringLiteral("sa-saopaulo"), tr("South America (São Paulo)")},
    };
}

} // namespace cvmi::cloud

#include "cloud/ConsoleLinks.h"

#include <QUrlQuery>

namespace cvmi::cloud {

namespace {

// The console of the Chinese site, which Tencent Cloud's API reference links to for images
// ("console.cloud.tencent.com/cvm/image?rid=1&imageType=PUBLIC_IMAGE" in ImageId's description).
constexpr auto kImageList = "https://console.cloud.tencent.com/cvm/image";

struct RegionNumber {
    const char* region;
    int number;
};

// The console's region numbers that two independent public tables agree on (Tencent's TI-ONE
// SDK, tikit's REGION_DICT, and a price tool's list for buy.cloud.tencent.com), the first also
// used by the API reference's console links. Other regions open the list without a number rather
// than in a wrong region.
constexpr RegionNumber kNumbers[] = {
    {"ap-guangzhou", 1},
    {"ap-shanghai", 4},
    {"ap-beijing", 8},
    {"ap-nanjing", 33},
};

} // namespace

std::optional<int> ConsoleLinks::regionNumber(const QString& region)
{
    for (const RegionNumber& known : kNumbers) {
        if (region == QLatin1String(known.region))
            return known.number;
    }
    return std::nullopt;
}

QUrl ConsoleLinks::imageList(const QString& region)
{
    QUrl url(QString::fromLatin1(kImageList));
    QUrlQuery query;
    if (const auto number = regionNumber(region))
        query.addQueryItem(QStringLiteral("rid"), QString::number(*number));
    // The API's name for custom images (DescribeImages' image-type filter); the console's link
    // to public images uses PUBLIC_IMAGE, the API's name for those.
    query.addQueryItem(QStringLiteral("imageType"), QStringLiteral("PRIVATE_IMAGE"));
    url.setQuery(query);
    return url;
}

} // namespace cvmi::cloud

#pragma once

// The one home of what we know about Tencent Cloud regions before asking the service: the shape of
// a region id (it names hosts, <bucket>.cos.<region>.myqcloud.com, and goes into signatures, so
// nothing else may get through), the default, the regions that import images, and every known
// region's display name in the user's language. DescribeRegions answers with its own names
// ("South China(Guangzhou)", always English); the wizard shows ours wherever a region appears, so
// a name neither changes after a check nor stays English in Chinese.
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cvmi::cloud {

struct KnownRegion {
    QString id;   // "ap-guangzhou"
    QString name; // "South China (Guangzhou)", translated
};

class Regions {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::Regions)
public:
    // "ap-guangzhou": where a user without a saved or configured region starts.
    static QString defaultRegion();
    // "ap-guangzhou", "na-siliconvalley", "ap-shanghai-fsi": lower-case letters, then one to three
    // "-word" parts of letters and digits; at most 64 characters.
    static bool isValidId(const QString& region);
    // The CVM regions that support image import, as the console lists them.
    static QList<KnownRegion> importRegions();
    // "South China (Guangzhou)" (zh_CN "华南地区（广州）") for a region we know; else
    // `serviceName` (what DescribeRegions called it) when given; else the id itself.
    static QString displayName(const QString& id, const QString& serviceName = {});
    // "ap-guangzhou — South China (Guangzhou)": the id a user types or finds in the console and
    // the display name, as the region list and the checklist show a region; the id alone when no
    // name is known.
    static QString label(const QString& id, const QString& serviceName = {});
};

} // namespace cvmi::cloud

#pragma once

// The one home of what we know about Tencent Cloud regions before asking the service: the shape of
// a region id (it names hosts, <bucket>.cos.<region>.myqcloud.com, and goes into signatures, so
// nothing else may get through), the default, and the regions that import images with their
// names (DescribeRegions replaces the list once credentials work).
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
};

} // namespace cvmi::cloud

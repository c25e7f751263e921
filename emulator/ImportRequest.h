#pragma once

// ImportImage's parameters read and checked the way the service checks them, in its order:
// required names present, each of its type, the name and description within their lengths, an
// OsType / OsVersion / Architecture that DescribeImportImageOs lists, the BootMode, LicenseType
// and ImageFamily values it documents, and a Key on every tag. What needs the service's state
// (CAM, the URLs' buckets, a duplicate name) is CvmService's to check.
#include "CvmParams.h"

#include <QJsonArray>
#include <QStringList>
#include <optional>

namespace cvmi::emu {

struct ImportRequest {
    QString name;
    QString description;
    QString osType;
    QString osVersion;
    QString architecture;
    QString bootMode;    // "Legacy BIOS" unless given
    QString licenseType; // "TencentCloud" unless given
    QString family;
    QString url;      // the system disk's ImageUrl
    QStringList urls; // it, then each data disk's
    QJsonArray tags;  // [{Key, Value}] from every TagSpecification
    bool dryRun = false;

    static constexpr int maxName = 60;         // characters, not bytes
    static constexpr int maxDescription = 256; // characters
};

// `osList` is DescribeImportImageOs' answer.
std::optional<ParamProblem> readImportRequest(const QJsonObject& params, const QJsonObject& osList,
                                              ImportRequest* out);

} // namespace cvmi::emu

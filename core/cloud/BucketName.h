#pragma once

// COS bucket names: "<name>-<APPID>", where <name> is 1 to 50 lower-case letters, digits and
// '-', not starting or ending with '-', and APPID is the account's numeric id. Checked here
// before a PUT Bucket so that the user learns the rule at once, not from an InvalidBucketName.
#include "util/Error.h"

#include <QCoreApplication>
#include <QString>

namespace cvmi::cloud {

class BucketName {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::BucketName)
public:
    static constexpr int maxNameLength = 50;

    // The short name (before -APPID); false with *error (code "bucket.name") saying which rule.
    static bool validateName(const QString& name, Error* error);
    static bool validateAppId(const QString& appId, Error* error);
    // "<name>-<APPID>" when both are valid, else empty with *error.
    static QString compose(const QString& name, const QString& appId, Error* error);
    // The APPID of a full bucket name ("images-1250000000" → "1250000000"), else empty.
    static QString appIdOf(const QString& bucket);
};

} // namespace cvmi::cloud

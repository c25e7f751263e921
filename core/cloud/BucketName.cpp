#include "cloud/BucketName.h"

#include <QRegularExpression>

namespace cvmi::cloud {

bool BucketName::validateName(const QString& name, Error* error)
{
    const auto bad = [error](const QString& message) {
        return fail(error, QStringLiteral("bucket.name"), message);
    };
    if (name.isEmpty())
        return bad(tr("Enter a bucket name: 1 to %1 lower-case letters, digits and '-'.")
                       .arg(maxNameLength));
    if (name.size() > maxNameLength)
        return bad(tr("The bucket name \"%1\" has %2 characters; COS allows at most %3 before "
                      "the -APPID suffix.")
                       .arg(name)
                       .arg(name.size())
                       .arg(maxNameLength));
    for (const QChar c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!allowed)
            return bad(tr("The bucket name \"%1\" contains '%2'; COS allows only lower-case "
                          "letters a-z, digits 0-9 and '-'.")
                           .arg(name, c));
    }
    if (name.startsWith(u'-') || name.endsWith(u'-'))
        return bad(tr("The bucket name \"%1\" starts or ends with '-'; COS does not allow that.")
                       .arg(name));
    return true;
}

bool BucketName::validateAppId(const QString& appId, Error* error)
{
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{3,19}$"));
    if (!digits.match(appId).hasMatch())
        return fail(error, QStringLiteral("bucket.appid"),
                    tr("\"%1\" is not an APPID: it is the number shown under Account Information "
                       "in the Tencent Cloud console (e.g. 1250000000).")
                        .arg(appId));
    return true;
}

QString BucketName::compose(const QString& name, const QString& appId, Error* error)
{
    if (!validateName(name, error) || !validateAppId(appId, error))
        return {};
    return name + u'-' + appId;
}

QString BucketName::appIdOf(const QString& bucket)
{
    const qsizetype dash = bucket.lastIndexOf(u'-');
    if (dash <= 0)
        return {};
    const QString appId = bucket.mid(dash + 1);
    return validateAppId(appId, nullptr) ? appId : QString();
}

} // namespace cvmi::cloud

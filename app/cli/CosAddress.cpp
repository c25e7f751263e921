#include "CosAddress.h"

#include "cloud/BucketName.h"

#include <QCoreApplication>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::CosAddress)
};

// COS limits an object key to 850 bytes of UTF-8.
constexpr int maxKeyBytes = 850;
} // namespace

QString CosAddress::keyFor(const QString& fileName) const
{
    return keyIsFolder() ? path + fileName : path;
}

std::optional<CosAddress> CosAddress::parse(const QString& text, Error* error)
{
    const QString example = QStringLiteral("cos://images-1250000000/disks/centos7.qcow2");
    const auto bad = [&](const QString& what) {
        fail(error, QStringLiteral("cli.destination"),
             Text::tr("The destination \"%1\" %2 Write it as cos://BUCKET-APPID/KEY, e.g. %3.")
                 .arg(text, what, example));
        return std::nullopt;
    };
    const QString scheme = QStringLiteral("cos://");
    if (!text.startsWith(scheme, Qt::CaseInsensitive))
        return bad(Text::tr("is not a COS address (it must start with cos://)."));
    const QString rest = text.mid(scheme.size());
    const qsizetype slash = rest.indexOf(u'/');
    CosAddress address;
    address.bucket = slash < 0 ? rest : rest.left(slash);
    address.path = slash < 0 ? QString() : rest.mid(slash + 1);
    if (address.bucket.isEmpty())
        return bad(Text::tr("names no bucket."));
    const qsizetype dash = address.bucket.lastIndexOf(u'-');
    if (dash <= 0)
        return bad(Text::tr("names the bucket \"%1\" without its APPID: COS buckets are "
                            "called NAME-APPID (the APPID is the number under Account "
                            "Information in the console).")
                       .arg(address.bucket));
    Error nameError;
    if (!cloud::BucketName::validateName(address.bucket.left(dash), &nameError) ||
        !cloud::BucketName::validateAppId(address.bucket.mid(dash + 1), &nameError))
        return bad(nameError.message);
    if (address.path.startsWith(u'/'))
        return bad(Text::tr("has a key starting with '/' (two slashes after the bucket)."));
    if (address.path.toUtf8().size() > maxKeyBytes)
        return bad(
            Text::tr("has a key longer than COS allows (%1 bytes of UTF-8).").arg(maxKeyBytes));
    for (const QChar c : address.path) {
        if (c.category() == QChar::Other_Control)
            return bad(Text::tr("has a control character in its key."));
    }
    return address;
}

} // namespace cvmi::cli

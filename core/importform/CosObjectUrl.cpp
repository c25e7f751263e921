#include "importform/CosObjectUrl.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace cvmi::importform {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importform::CosObjectUrl)
};

QString expectedForm()
{
    return QStringLiteral("https://<bucket>-<APPID>.cos.<region>.myqcloud.com/<key>");
}

} // namespace

bool isSignatureParameter(const QString& rawName)
{
    const QString name = rawName.trimmed().toLower();
    // COS's native signature (q-sign-algorithm, q-ak, q-sign-time, q-key-time, q-header-list,
    // q-url-param-list, q-signature) and its older single "sign" parameter; the session token of
    // temporary credentials; AWS SigV4 / V2 query signing (COS's S3-compatible API).
    return name.startsWith(u"q-") || name == u"sign" || name == u"x-cos-security-token" ||
           name.startsWith(u"x-amz-") || name == u"signature" || name == u"awsaccesskeyid";
}

QString stripSignature(const QString& url, bool* stripped)
{
    bool removed = false;
    QString text = url;
    // user:password@ between the scheme and the host.
    const qsizetype schemeEnd = text.indexOf(u"://");
    if (schemeEnd >= 0) {
        const qsizetype hostStart = schemeEnd + 3;
        qsizetype hostEnd = text.size();
        for (const QChar c : {u'/', u'?', u'#'}) {
            const qsizetype at = text.indexOf(c, hostStart);
            if (at >= 0)
                hostEnd = std::min(hostEnd, at);
        }
        const qsizetype at = text.lastIndexOf(u'@', hostEnd - 1);
        if (at >= hostStart) {
            text.remove(hostStart, at + 1 - hostStart);
            removed = true;
        }
    }
    // A fragment is never sent to COS, so it cannot matter to the import; dropping it means a
    // signature pasted after a '#' cannot survive either.
    const qsizetype fragment = text.indexOf(u'#');
    if (fragment >= 0)
        text.truncate(fragment);
    const qsizetype queryStart = text.indexOf(u'?');
    if (queryStart >= 0) {
        const QStringList pairs = text.mid(queryStart + 1).split(u'&', Qt::SkipEmptyParts);
        QStringList kept;
        for (const QString& pair : pairs) {
            const QString name = pair.section(u'=', 0, 0);
            const QString decoded = QUrl::fromPercentEncoding(name.toUtf8());
            if (isSignatureParameter(name) || isSignatureParameter(decoded))
                removed = true;
            else
                kept.append(pair);
        }
        text.truncate(queryStart);
        if (!kept.isEmpty())
            text += u'?' + kept.join(u'&');
    }
    if (stripped)
        *stripped = removed;
    return text;
}

std::optional<CosObjectUrl> parseCosObjectUrl(const QString& text, Error* error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        fail(error, QStringLiteral("url.empty"),
             Text::tr("empty; upload the image first, or paste its COS URL (%1).")
                 .arg(expectedForm()));
        return std::nullopt;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        fail(error, QStringLiteral("url.invalid"),
             Text::tr("\"%1\" is not a valid URL; a COS object URL looks like %2.")
                 .arg(stripSignature(trimmed), expectedForm()));
        return std::nullopt;
    }
    if (url.scheme() != u"https") {
        fail(error, QStringLiteral("url.not_https"),
             Text::tr("uses \"%1\"; use https:// so that the image cannot be altered on the way "
                      "(%2).")
                 .arg(url.scheme(), expectedForm()));
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty()) {
        fail(error, QStringLiteral("url.user_info"),
             Text::tr("carries a user name or password before the host; remove it, COS URLs "
                      "never contain credentials (%1).")
                 .arg(expectedForm()));
        return std::nullopt;
    }
    if (url.port() != -1 && url.port() != 443) {
        fail(error, QStringLiteral("url.port"),
             Text::tr("names port %1, but COS serves https on the default port only; remove "
                      "\":%1\".")
                 .arg(url.port()));
        return std::nullopt;
    }
    static const QRegularExpression host(QStringLiteral(
        "^(([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-([0-9]+))\\.cos\\.([a-z]+(?:-[a-z0-9]+)+)\\."
        "(myqcloud\\.com|tencentcos\\.cn)$"));
    const auto m = host.match(url.host().toLower());
    if (!m.hasMatch()) {
        fail(error, QStringLiteral("url.not_cos"),
             Text::tr("\"%1\" is not a COS bucket's regional address; CVM imports only from "
                      "COS, so give a COS object URL of the form %2 (or the .tencentcos.cn "
                      "alias).")
                 .arg(url.host(), expectedForm()));
        return std::nullopt;
    }
    CosObjectUrl out;
    out.bucket = m.captured(1);
    out.appId = m.captured(3);
    out.region = m.captured(4);
    out.domain = m.captured(5);
    out.key = url.path(QUrl::FullyDecoded).mid(1);
    if (out.key.isEmpty() || out.key.endsWith(u'/')) {
        fail(error, QStringLiteral("url.no_key"),
             Text::tr("names the bucket %1 but no object; add the image's object key after the "
                      "host, e.g. %2/images/disk.qcow2.")
                 .arg(out.bucket, QStringLiteral("https://") + url.host()));
        return std::nullopt;
    }
    const QString query = url.query(QUrl::FullyEncoded);
    QDateTime amzDate;
    qint64 amzExpires = -1;
    for (const QString& pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const QString name = QUrl::fromPercentEncoding(pair.section(u'=', 0, 0).toUtf8());
        const QString value = QUrl::fromPercentEncoding(pair.section(u'=', 1).toUtf8());
        if (isSignatureParameter(name))
            out.presigned = true;
        bool ok = false;
        if (name.compare(QLatin1String("q-key-time"), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String("q-sign-time"), Qt::CaseInsensitive) == 0) {
            const qint64 end = value.section(u';', 1, 1).toLongLong(&ok);
            if (ok && end > 0 && end < (qint64(1) << 40)) {
                const QDateTime at = QDateTime::fromSecsSinceEpoch(end, Qt::UTC);
                if (!out.signatureExpires.isValid() || at < out.signatureExpires)
                    out.signatureExpires = at;
            }
        } else if (name.compare(QLatin1String("X-Amz-Date"), Qt::CaseInsensitive) == 0) {
            amzDate = QDateTime::fromString(value, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
            amzDate.setTimeSpec(Qt::UTC);
            // Like q-key-time above: only a date after 1970 is a signing time (the fuzzer found
            // a year 1013, whose "end" would have been a negative time stamp).
            if (amzDate.isValid() && amzDate.toSecsSinceEpoch() <= 0)
                amzDate = QDateTime();
        } else if (name.compare(QLatin1String("X-Amz-Expires"), Qt::CaseInsensitive) == 0) {
            amzExpires = value.toLongLong(&ok);
            if (!ok || amzExpires < 0 || amzExpires > 7 * 24 * 3600)
                amzExpires = -1;
        }
    }
    if (!out.signatureExpires.isValid() && amzDate.isValid() && amzExpires >= 0)
        out.signatureExpires = amzDate.addSecs(amzExpires);
    return out;
}

} // namespace cvmi::importform

#include "importrun/ImportUrlResolver.h"

#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"
#include "cloud/CosSigner.h"
#include "cloud/HttpClient.h"

#include <QPointer>

namespace cvmi::importrun {

namespace {

enum class Access { Public, Private, Unknown };

ImportUrlDecision decide(cloud::CosClient* cos, const QString& bucket, const QString& region,
                         const QString& key, Access access, const QString& why)
{
    ImportUrlDecision d;
    const QString plain = cloud::CosClient::objectUrl(bucket, region, key);
    if (access == Access::Public) {
        d.url = plain;
        d.note = ImportUrlResolver::tr("The bucket is public-read: the import gets the object's "
                                       "plain URL.");
        return d;
    }
    Error error;
    const std::optional<QString> presigned =
        cos ? cos->presignedGetUrl(bucket, region, key, ImportUrlResolver::signedValiditySeconds,
                                   &error)
            : std::nullopt;
    if (!presigned) {
        d.url = plain;
        d.note = ImportUrlResolver::tr("No signed link could be made (%1): the import gets the "
                                       "plain URL, which it can read only if the bucket is "
                                       "public.")
                     .arg(error.isSet() ? error.message
                                        : ImportUrlResolver::tr("no account is connected"));
        return d;
    }
    d.url = *presigned;
    d.signedUrl = true;
    d.expires = QDateTime::currentDateTimeUtc().addSecs(ImportUrlResolver::signedValiditySeconds);
    const int hours = int(ImportUrlResolver::signedValiditySeconds / 3600);
    d.note = access == Access::Private
                 ? ImportUrlResolver::tr("The bucket is private: the import gets a signed link "
                                         "valid for %1 hours.")
                       .arg(hours)
                 : ImportUrlResolver::tr("Whether the bucket is public could not be checked (%1): "
                                         "the import gets a signed link valid for %2 hours, "
                                         "which works either way.")
                       .arg(why)
                       .arg(hours);
    d.note += u' ' + ImportUrlResolver::tr("Anyone who has that link can download the image "
                                           "until it expires.");
    return d;
}

} // namespace

void ImportUrlResolver::resolve(cloud::CosClient* cos, const QString& bucket, const QString& region,
                                const QString& key, QObject* context,
                                std::function<void(const ImportUrlDecision&)> done)
{
    QPointer<QObject> guard(context);
    if (!cos) {
        done(decide(nullptr, bucket, region, key, Access::Unknown, QString()));
        return;
    }
    const QString host = cloud::CosClient::bucketHost(bucket, region);
    cloud::HttpRequest request;
    request.method = "HEAD";
    request.url = cos->endpoints().cosConnectUrl(host, cloud::CosSigner::encodeKeyPath(key));
    // Only the Host header: no Authorization, no token, as CVM's import (or anyone) would ask.
    request.headers.append({"Host", host.toUtf8()});
    request.timeoutMs = probeTimeoutMs;
    QPointer<cloud::CosClient> cosGuard(cos);
    cos->http()->send(request, [=](const cloud::HttpResponse& response) {
        if (!guard)
            return;
        Access access = Access::Unknown;
        QString why;
        if (response.transportFailed())
            why = response.errorString;
        else if (response.status >= 200 && response.status <= 299)
            access = Access::Public;
        else if (response.status == 403)
            access = Access::Private;
        else
            why = tr("COS answered HTTP %1").arg(response.status);
        // The signed link must be valid by COS's clock, which CVM's import reads it by: a Date
        // well away from our corrected clock (the vendor SDK's 30 s) is learnt first.
        const auto server = cloud::ClockSkew::parseHttpDate(response.header("date"));
        // One read of the guard: GCC's -Wnull-dereference cannot see that it stays set.
        if (cloud::CosClient* const client = cosGuard.data(); client && server) {
            if (const auto offset = cloud::ClockSkew::correction(
                    *server, QDateTime::currentSecsSinceEpoch(), client->clockOffset()))
                client->setClockOffset(*offset);
        }
        done(decide(cosGuard, bucket, region, key, access, why));
    });
}

} // namespace cvmi::importrun

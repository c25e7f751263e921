#include "transfer/RetryPolicy.h"

#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"

#include <curl/curl.h>

namespace cvmi::transfer {

namespace {

bool permanentTransport(int code)
{
    switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_OUT_OF_MEMORY:
        return true;
    default:
        return false;
    }
}

bool transientCode(const QString& code)
{
    return code == QLatin1String("SlowDown") || code == QLatin1String("ServiceUnavailable") ||
           code == QLatin1String("InternalError") || code == QLatin1String("RequestTimeout") ||
           code == QLatin1String("BadDigest");
}

} // namespace

Verdict RetryPolicy::judge(const HttpAnswer& answer, qint64 localNow, qint64 signedOffset)
{
    Verdict v;
    if (answer.transportFailed()) {
        if (answer.bodyTooLarge) {
            v.kind = Verdict::Kind::Fatal;
            v.error = cloud::CloudErrors::networkError(QStringLiteral("Network.BadResponse"),
                                                       QStringLiteral("answer too large"));
            return v;
        }
        const bool timeout = answer.curlCode == CURLE_OPERATION_TIMEDOUT;
        v.kind = permanentTransport(answer.curlCode) ? Verdict::Kind::Fatal : Verdict::Kind::Retry;
        v.error = cloud::CloudErrors::networkError(timeout ? QStringLiteral("Network.Timeout")
                                                           : QStringLiteral("Network.Failure"),
                                                   answer.curlError);
        return v;
    }
    if (answer.status >= 200 && answer.status <= 299)
        return v;
    v.error = cloud::CosClient::parseError(answer.status, answer.body,
                                           answer.header("x-cos-request-id"), false);
    if (cloud::ClockSkew::isCosClockError(v.error.code, v.error.message)) {
        const auto server = cloud::CosClient::serverTime(answer.header("date"), answer.body);
        if (const auto offset = server
                                    ? cloud::ClockSkew::correction(*server, localNow, signedOffset)
                                    : std::nullopt) {
            v.kind = Verdict::Kind::Retry;
            v.clockOffset = offset;
            return v;
        }
    }
    v.kind = answer.status >= 500 || answer.status == 429 || transientCode(v.error.code)
                 ? Verdict::Kind::Retry
                 : Verdict::Kind::Fatal;
    return v;
}

int RetryPolicy::delayMs(const RetrySettings& settings, int retry, double random01)
{
    const int shift = qBound(0, retry - 1, 20);
    const qint64 ceiling = qMin<qint64>(settings.maxDelayMs, qint64(settings.baseDelayMs) << shift);
    return int(double(ceiling) * qBound(0.0, random01, 1.0));
}

} // namespace cvmi::transfer

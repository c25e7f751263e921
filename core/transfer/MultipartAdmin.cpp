#include "transfer/MultipartAdmin.h"

#include "transfer/CurlTransfer.h"
#include "transfer/MultipartCalls.h"
#include "transfer/RetryPolicy.h"
#include "transfer/StoreDialect.h"

#include <QDateTime>
#include <QThread>
#include <QtConcurrent>

namespace cvmi::transfer {

namespace {

constexpr int attempts = 4;

// One request, retried like the engine's; the answer, or the error in *error.
HttpAnswer call(const StoreDialect& dialect, const StoreRequest& request, cloud::CloudError* error,
                qint64* clockOffset)
{
    HttpAnswer answer;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        const qint64 signedOffset = *clockOffset;
        const PreparedRequest prepared =
            dialect.prepare(request, QDateTime::currentSecsSinceEpoch() + signedOffset);
        CurlTransfer transfer(prepared, nullptr, TransferSettings{});
        answer = transfer.perform();
        const Verdict verdict =
            RetryPolicy::judge(answer, QDateTime::currentSecsSinceEpoch(), signedOffset);
        if (verdict.kind == Verdict::Kind::Success) {
            *error = {};
            return answer;
        }
        *error = verdict.error;
        if (verdict.clockOffset)
            *clockOffset = *verdict.clockOffset;
        if (verdict.kind == Verdict::Kind::Fatal)
            break;
        if (verdict.clockOffset)
            continue; // signed with the server's time: at once, as the vendor's SDK does
        QThread::msleep(ulong(RetryPolicy::delayMs(RetrySettings{}, attempt, 0.5)));
    }
    return answer;
}

} // namespace

QFuture<cloud::CloudResult<QList<PendingUpload>>>
MultipartAdmin::listPending(const UploadDestination& destination,
                            const cloud::Credentials& credentials, const QString& prefix)
{
    return QtConcurrent::run([destination, credentials, prefix] {
        cloud::CloudResult<QList<PendingUpload>> result;
        const auto dialect = StoreDialect::create(destination, credentials);
        qint64 offset = 0;
        QString keyMarker;
        QString idMarker;
        for (int page = 0; page < 100; ++page) {
            const HttpAnswer answer =
                call(*dialect, MultipartCalls::listUploads(prefix, keyMarker, idMarker),
                     &result.error, &offset);
            if (!result.ok())
                return result;
            QString problem;
            const auto uploads = MultipartXml::uploadsPage(answer.body, &problem);
            if (!uploads) {
                result.error = cloud::CloudErrors::networkError(
                    QStringLiteral("Network.BadResponse"), problem);
                return result;
            }
            result.value += uploads->uploads;
            if (!uploads->truncated || uploads->nextKeyMarker.isEmpty())
                break;
            keyMarker = uploads->nextKeyMarker;
            idMarker = uploads->nextUploadIdMarker;
        }
        if (offset != 0)
            result.clockSkewSeconds = offset;
        return result;
    });
}

QFuture<cloud::CloudResult<bool>> MultipartAdmin::abort(const UploadDestination& destination,
                                                        const cloud::Credentials& credentials,
                                                        const QString& key, const QString& uploadId)
{
    return QtConcurrent::run([destination, credentials, key, uploadId] {
        cloud::CloudResult<bool> result;
        const auto dialect = StoreDialect::create(destination, credentials);
        qint64 offset = 0;
        call(*dialect, MultipartCalls::abort(key, uploadId), &result.error, &offset);
        result.value = result.ok();
        return result;
    });
}

} // namespace cvmi::transfer

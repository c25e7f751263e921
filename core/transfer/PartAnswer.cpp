#include "transfer/PartAnswer.h"

#include "cloud/CloudError.h"
#include "transfer/Integrity.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace cvmi::transfer {

PartOutcome judgePartAnswer(const HttpAnswer& answer, qint64 signedOffset, bool bodyComplete,
                            int number, quint64 crc, Dialect dialect)
{
    PartOutcome outcome;
    outcome.verdict = RetryPolicy::judge(answer, QDateTime::currentSecsSinceEpoch(), signedOffset);
    if (outcome.verdict.kind != Verdict::Kind::Success) {
        outcome.kind = PartOutcome::Kind::Retry;
        return outcome;
    }
    outcome.etag = QString::fromLatin1(answer.header("etag"));
    if (outcome.etag.isEmpty() || !bodyComplete) {
        // A 2xx without an ETag is an answer cut short (the headers came half): the part may or
        // may not be stored, so it is sent again like after any transport failure.
        outcome.kind = PartOutcome::Kind::Retry;
        outcome.verdict.kind = Verdict::Kind::Retry;
        outcome.verdict.error = cloud::CloudErrors::networkError(
            QStringLiteral("Network.BadResponse"),
            outcome.etag.isEmpty() ? QStringLiteral("no ETag")
                                   : QStringLiteral("answered before the whole part was sent"));
        return outcome;
    }
    // COS always states a part's CRC-64; S3 stores do not (Content-MD5 guards their parts).
    if (const auto mismatch = Integrity::check(number, crc, answer.header("x-cos-hash-crc64ecma"),
                                               dialect == Dialect::Cos)) {
        outcome.kind = PartOutcome::Kind::Damaged;
        outcome.mismatch = *mismatch;
    }
    return outcome;
}

int partRetryDelayMs(const RetrySettings& settings, int attempts, const Verdict& verdict)
{
    return verdict.clockOffset ? 0
                               : RetryPolicy::delayMs(settings, attempts,
                                                      QRandomGenerator::global()->generateDouble());
}

} // namespace cvmi::transfer

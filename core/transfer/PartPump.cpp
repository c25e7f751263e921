#include "transfer/PartPump.h"

#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

namespace cvmi::transfer {

namespace {

// How many times one part is sent while COS answers with another CRC-64 than the part's (or
// none): a flipped bit on the way is sent again, a part that keeps arriving damaged points at
// something that will not go away by itself (memory, a proxy that alters data) and ends the run.
constexpr int maxDamagedSends = 3;

} // namespace

PartPump::PartPump(Context context, Host& host) : m_context(context), m_host(host) {}

PartPump::~PartPump()
{
    m_reader.reset();
    for (auto& [number, entry] : m_inFlight)
        m_context.pool.release(entry.buffer);
    for (const Waiting& w : m_retries)
        m_context.pool.release(w.buffer);
}

bool PartPump::run(std::optional<UploadFailure>* failure)
{
    const PartPlan& plan = m_context.plan;
    QList<PartRange> todo;
    for (int n = 1; n <= plan.partCount; ++n) {
        if (!m_context.checkpoint.parts.contains(n))
            todo.append({n, plan.offsetOf(n), plan.lengthOf(n)});
    }
    m_reader = std::make_unique<PartReader>(m_context.job.filePath, todo, m_context.pool,
                                            m_context.dialect.sendsContentMd5(),
                                            [this] { m_context.loop.wakeup(); });
    m_host.progress(UploadState::Uploading, true);
    while (m_context.checkpoint.parts.size() < plan.partCount) {
        if (m_host.stopRequested())
            return false;
        if (m_partFailure) {
            *failure = m_partFailure;
            return false;
        }
        const bool paused = m_host.pauseRequested();
        if (!paused && !fill(failure))
            return false;
        const UploadState state = !paused              ? UploadState::Uploading
                                  : m_inFlight.empty() ? UploadState::Paused
                                                       : UploadState::Pausing;
        m_context.loop.step(waitMs(paused));
        // After the step, so that the next part's first bytes are already in the socket while
        // the record is written.
        m_host.saveRecord();
        m_host.progress(state, false);
    }
    return true;
}

bool PartPump::fill(std::optional<UploadFailure>* failure)
{
    while (int(m_inFlight.size()) < m_context.job.concurrency) {
        PartBuffer* buffer = nullptr;
        int attempts = 0;
        int damaged = 0;
        if (!m_retries.empty() && m_retries.front().dueMs <= m_context.clock.elapsed()) {
            buffer = m_retries.front().buffer;
            attempts = m_retries.front().attempts;
            damaged = m_retries.front().damaged;
            m_retries.pop_front();
        } else if (!(buffer = m_reader->take())) {
            break;
        }
        m_context.poolHighWater = m_context.pool.highWater();
        if (!buffer->readError.isEmpty()) {
            *failure = UploadFailure{Error::make(QStringLiteral("upload.file"),
                                                 tr("Cannot read part %1 of \"%2\": %3.")
                                                     .arg(buffer->number)
                                                     .arg(m_context.filePath, buffer->readError)),
                                     {}};
            m_context.pool.release(buffer);
            return false;
        }
        startPart(buffer, attempts, damaged);
    }
    return true;
}

int PartPump::waitMs(bool paused) const
{
    if (m_retries.empty() || paused)
        return uploadTickMs;
    return int(qBound<qint64>(0, m_retries.front().dueMs - m_context.clock.elapsed(),
                              qint64(uploadTickMs)));
}

void PartPump::startPart(PartBuffer* buffer, int attempts, int damaged)
{
    StoreRequest request =
        MultipartCalls::uploadPart(m_context.job.destination.key, m_context.checkpoint.uploadId,
                                   buffer->number, buffer->contentMd5);
    request.contentLength = buffer->data.size();
    const PreparedRequest prepared = m_context.dialect.prepare(request, m_host.signingTime());
    const int number = buffer->number;
    InFlight entry;
    entry.buffer = buffer;
    entry.attempts = attempts + 1;
    entry.damaged = damaged;
    entry.signedOffset = m_host.clockOffset();
    m_inFlight[number] = entry;
    m_inFlight[number].transferId = m_context.loop.add(
        std::make_unique<CurlTransfer>(prepared, buffer->data.constData(), buffer->data.size(),
                                       m_context.partSettings),
        [this, number](const HttpAnswer& answer) { onPartDone(number, answer); });
}

void PartPump::onPartDone(int number, const HttpAnswer& answer)
{
    const auto it = m_inFlight.find(number);
    if (it == m_inFlight.end())
        return;
    const InFlight entry = it->second;
    m_inFlight.erase(it);
    PartBuffer* buffer = entry.buffer;

    const Verdict verdict =
        RetryPolicy::judge(answer, QDateTime::currentSecsSinceEpoch(), entry.signedOffset);
    if (verdict.kind != Verdict::Kind::Success) {
        retryOrFail(number, entry, verdict);
        return;
    }
    const QString etag = QString::fromLatin1(answer.header("etag"));
    if (etag.isEmpty()) {
        // A 2xx without an ETag is an answer cut short (the headers came half): the part may or
        // may not be stored, so it is sent again like after any transport failure.
        Verdict cut;
        cut.kind = Verdict::Kind::Retry;
        cut.error = cloud::CloudErrors::networkError(QStringLiteral("Network.BadResponse"),
                                                     QStringLiteral("no ETag"));
        retryOrFail(number, entry, cut);
        return;
    }
    // COS always states a part's CRC-64; S3 stores do not (Content-MD5 guards their parts).
    if (const auto mismatch =
            Integrity::check(number, buffer->crc64, answer.header("x-cos-hash-crc64ecma"),
                             m_context.job.destination.dialect == Dialect::Cos)) {
        retryDamaged(number, entry, *mismatch);
        return;
    }
    m_context.readCrcs.insert(number, buffer->crc64);
    m_context.checkpoint.parts.insert(number, {etag, buffer->crc64, qint64(buffer->data.size())});
    ++m_context.partsUploaded;
    m_context.pool.release(buffer);
    m_context.checkpointDirty = true;
}

void PartPump::retryOrFail(int number, const InFlight& entry, const Verdict& verdict)
{
    PartBuffer* buffer = entry.buffer;
    m_host.noteClock(verdict);
    if (verdict.kind == Verdict::Kind::Fatal || entry.attempts >= m_context.job.retry.maxAttempts) {
        m_partFailure = m_host.cloudFailure(
            tr("sending part %1 of %2").arg(number).arg(m_context.plan.partCount), verdict.error);
        m_context.pool.release(buffer);
        return;
    }
    const int delay = verdict.clockOffset
                          ? 0
                          : RetryPolicy::delayMs(m_context.job.retry, entry.attempts,
                                                 QRandomGenerator::global()->generateDouble());
    qCInfo(lcTransfer).noquote() << "part" << number << "failed with" << verdict.error.code
                                 << "- retry" << entry.attempts << "in" << delay << "ms";
    queueRetry({buffer, entry.attempts, entry.damaged, m_context.clock.elapsed() + delay});
}

void PartPump::retryDamaged(int number, const InFlight& entry, const Error& mismatch)
{
    // The part is not recorded: sent again, it replaces the damaged copy under its number.
    const int damaged = entry.damaged + 1;
    if (damaged >= maxDamagedSends || entry.attempts >= m_context.job.retry.maxAttempts) {
        m_partFailure = UploadFailure{
            Error::make(mismatch.code, tr("Part %1 was sent %n time(s) and COS did not confirm "
                                          "its bytes: %2",
                                          nullptr, entry.attempts)
                                           .arg(number)
                                           .arg(mismatch.message)),
            {}};
        m_context.pool.release(entry.buffer);
        return;
    }
    const int delay = RetryPolicy::delayMs(m_context.job.retry, entry.attempts,
                                           QRandomGenerator::global()->generateDouble());
    qCWarning(lcTransfer).noquote()
        << mismatch.message << "- sending part" << number << "again in" << delay << "ms";
    queueRetry({entry.buffer, entry.attempts, damaged, m_context.clock.elapsed() + delay});
}

void PartPump::queueRetry(const Waiting& waiting)
{
    const auto at = std::upper_bound(m_retries.begin(), m_retries.end(), waiting.dueMs,
                                     [](qint64 due, const Waiting& w) { return due < w.dueMs; });
    m_retries.insert(at, waiting);
}

} // namespace cvmi::transfer

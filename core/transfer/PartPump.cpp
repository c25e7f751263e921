#include "transfer/PartPump.h"

#include "transfer/PartAnswer.h"

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
    m_digests.reset();
}

bool PartPump::run(std::optional<UploadFailure>* failure)
{
    const PartPlan& plan = m_context.plan;
    for (int n = 1; n <= plan.partCount; ++n) {
        if (!m_context.checkpoint.parts.contains(n))
            m_todo.append({n, plan.offsetOf(n), plan.lengthOf(n)});
    }
    if (m_context.dialect.sendsContentMd5())
        m_digests =
            std::make_unique<PartDigests>(m_context.file, m_todo, m_context.job.concurrency + 2,
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
        // the journal is synced.
        m_host.saveRecord();
        m_host.progress(state, false);
    }
    return true;
}

UploadFailure PartPump::readFailure(int number, const QString& why) const
{
    return UploadFailure{
        Error::make(
            QStringLiteral("upload.file"),
            tr("Cannot read part %1 of \"%2\": %3.").arg(number).arg(m_context.filePath, why)),
        {}};
}

bool PartPump::fill(std::optional<UploadFailure>* failure)
{
    while (int(m_inFlight.size()) < m_context.job.concurrency) {
        if (!m_retries.empty() && m_retries.front().dueMs <= m_context.clock.elapsed()) {
            const Waiting w = m_retries.front();
            m_retries.pop_front();
            startPart(w.number, w.contentMd5, w.attempts, w.damaged);
            continue;
        }
        if (m_next >= m_todo.size())
            break;
        QByteArray contentMd5;
        if (m_digests) {
            auto digest = m_digests->take();
            if (!digest)
                break; // not computed yet: the digest thread wakes the loop when it is
            if (!digest->readError.isEmpty()) {
                *failure = readFailure(digest->number, digest->readError);
                return false;
            }
            contentMd5 = digest->contentMd5;
        }
        startPart(m_todo.at(m_next++).number, contentMd5, 0, 0);
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

void PartPump::startPart(int number, const QByteArray& contentMd5, int attempts, int damaged)
{
    const qint64 offset = m_context.plan.offsetOf(number);
    const qint64 length = m_context.plan.lengthOf(number);
    StoreRequest request = MultipartCalls::uploadPart(
        m_context.job.destination.key, m_context.checkpoint.uploadId, number, contentMd5);
    request.contentLength = length;
    const PreparedRequest prepared = m_context.dialect.prepare(request, m_host.signingTime());
    m_context.file.prefetch(offset, length);
    InFlight& entry = m_inFlight[number];
    entry.body = std::make_unique<FileRangeBody>(m_context.file, offset, length);
    entry.contentMd5 = contentMd5;
    entry.attempts = attempts + 1;
    entry.damaged = damaged;
    entry.signedOffset = m_host.clockOffset();
    entry.transferId = m_context.loop.add(
        std::make_unique<CurlTransfer>(prepared, entry.body.get(), m_context.partSettings,
                                       m_context.loop.spareHandle()),
        [this, number](const HttpAnswer& answer) { onPartDone(number, answer); });
}

void PartPump::onPartDone(int number, const HttpAnswer& answer)
{
    const auto it = m_inFlight.find(number);
    if (it == m_inFlight.end())
        return;
    InFlight entry = std::move(it->second);
    m_inFlight.erase(it);
    // The file could not be read: not the network's fault, and no retry will fix it.
    if (!entry.body->error().isEmpty()) {
        m_partFailure = readFailure(number, entry.body->error());
        return;
    }
    const quint64 crc = entry.body->crc64();
    const PartOutcome outcome = judgePartAnswer(answer, entry.signedOffset, entry.body->complete(),
                                                number, crc, m_context.job.destination.dialect);
    if (outcome.kind == PartOutcome::Kind::Retry) {
        retryOrFail(number, entry, outcome.verdict);
        return;
    }
    if (outcome.kind == PartOutcome::Kind::Damaged) {
        retryDamaged(number, entry, outcome.mismatch);
        return;
    }
    const QString& etag = outcome.etag;
    const CheckpointPart part{etag, crc, entry.body->length()};
    m_context.readCrcs.insert(number, crc);
    m_context.checkpoint.parts.insert(number, part);
    ++m_context.partsUploaded;
    Error error;
    if (!m_context.journal.append(number, part, &error))
        qCWarning(lcTransfer).noquote() << error.message;
}

void PartPump::retryOrFail(int number, InFlight& entry, const Verdict& verdict)
{
    m_host.noteClock(verdict);
    if (verdict.kind == Verdict::Kind::Fatal || entry.attempts >= m_context.job.retry.maxAttempts) {
        m_partFailure = m_host.cloudFailure(
            tr("sending part %1 of %2").arg(number).arg(m_context.plan.partCount), verdict.error);
        return;
    }
    const int delay = partRetryDelayMs(m_context.job.retry, entry.attempts, verdict);
    qCInfo(lcTransfer).noquote() << "part" << number << "failed with" << verdict.error.code
                                 << "- retry" << entry.attempts << "in" << delay << "ms";
    queueRetry({number, entry.contentMd5, entry.attempts, entry.damaged,
                m_context.clock.elapsed() + delay});
}

void PartPump::retryDamaged(int number, InFlight& entry, const Error& mismatch)
{
    // The part is not recorded: sent again (read again from the file), it replaces the damaged
    // copy under its number.
    const int damaged = entry.damaged + 1;
    if (damaged >= maxDamagedSends || entry.attempts >= m_context.job.retry.maxAttempts) {
        m_partFailure = UploadFailure{
            Error::make(mismatch.code, tr("Part %1 was sent %n time(s) and COS did not confirm "
                                          "its bytes: %2",
                                          nullptr, entry.attempts)
                                           .arg(number)
                                           .arg(mismatch.message)),
            {}};
        return;
    }
    const int delay = RetryPolicy::delayMs(m_context.job.retry, entry.attempts,
                                           QRandomGenerator::global()->generateDouble());
    qCWarning(lcTransfer).noquote()
        << mismatch.message << "- sending part" << number << "again in" << delay << "ms";
    queueRetry(
        {number, entry.contentMd5, entry.attempts, damaged, m_context.clock.elapsed() + delay});
}

void PartPump::queueRetry(const Waiting& waiting)
{
    const auto at = std::upper_bound(m_retries.begin(), m_retries.end(), waiting.dueMs,
                                     [](qint64 due, const Waiting& w) { return due < w.dueMs; });
    m_retries.insert(at, waiting);
}

} // namespace cvmi::transfer

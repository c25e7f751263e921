#include "transfer/UploadSession.h"

#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

// The sending of UploadSession: a file small enough goes in one PUT; otherwise the part pump: the
// parts not on record go through the curl multi loop, at most `concurrency` at a time, read ahead
// into the buffer pool; each answer is judged (stored with its ETag and a matching CRC-64, retried
// after a delay, or the end of the run), and the record is written once the next parts are on their
// way. The session's set-up, reconciliation and completion are in UploadSession.cpp.
namespace cvmi::transfer {

namespace {

// How many times one part is sent while COS answers with another CRC-64 than the part's (or
// none): a flipped bit on the way is sent again, a part that keeps arriving damaged points at
// something that will not go away by itself (memory, a proxy that alters data) and ends the run.
constexpr int maxDamagedSends = 3;

} // namespace

void UploadSession::saveCheckpoint()
{
    if (!m_checkpointDirty)
        return;
    m_checkpointDirty = false;
    Error error;
    if (!m_checkpoints.save(m_checkpoint, &error))
        qCWarning(lcTransfer).noquote() << error.message;
}

bool UploadSession::uploadParts(std::optional<Failure>* failure)
{
    // Whatever way this ends (done, stopped, failed), every confirmed part is on record.
    struct SaveOnExit {
        UploadSession* session;
        ~SaveOnExit() { session->saveCheckpoint(); }
    } saveOnExit{this};
    QList<PartRange> todo;
    for (int n = 1; n <= m_plan.partCount; ++n) {
        if (!m_checkpoint.parts.contains(n))
            todo.append({n, m_plan.offsetOf(n), m_plan.lengthOf(n)});
    }
    m_reader = std::make_unique<PartReader>(
        m_job.filePath, todo, *m_pool, m_dialect->sendsContentMd5(), [this] { m_loop.wakeup(); });
    m_meter.start(m_clock.elapsed(), bytesDone());
    m_state = UploadState::Uploading;
    report(m_state, true);
    while (m_checkpoint.parts.size() < m_plan.partCount) {
        if (stopRequest() != Stop::None)
            return false;
        if (m_partFailure) {
            *failure = m_partFailure;
            return false;
        }
        const bool paused = m_paused.load();
        if (!paused) {
            while (int(m_inFlight.size()) < m_job.concurrency) {
                PartBuffer* buffer = nullptr;
                int attempts = 0;
                int damaged = 0;
                if (!m_retries.empty() && m_retries.front().dueMs <= m_clock.elapsed()) {
                    buffer = m_retries.front().buffer;
                    attempts = m_retries.front().attempts;
                    damaged = m_retries.front().damaged;
                    m_retries.pop_front();
                } else if (!(buffer = m_reader->take())) {
                    break;
                }
                m_highWater = m_pool->highWater();
                if (!buffer->readError.isEmpty()) {
                    *failure = Failure{Error::make(QStringLiteral("upload.file"),
                                                   tr("Cannot read part %1 of \"%2\": %3.")
                                                       .arg(buffer->number)
                                                       .arg(m_file.path, buffer->readError)),
                                       {}};
                    m_pool->release(buffer);
                    return false;
                }
                startPart(buffer, attempts, damaged);
            }
        }
        m_state = !paused              ? UploadState::Uploading
                  : m_inFlight.empty() ? UploadState::Paused
                                       : UploadState::Pausing;
        int wait = tickMs;
        if (!m_retries.empty() && !paused)
            wait =
                int(qBound<qint64>(0, m_retries.front().dueMs - m_clock.elapsed(), qint64(tickMs)));
        m_loop.step(wait);
        // After the step, so that the next part's first bytes are already in the socket while
        // the record is written.
        saveCheckpoint();
        report(m_state, false);
    }
    return true;
}

void UploadSession::startPart(PartBuffer* buffer, int attempts, int damaged)
{
    StoreRequest request = MultipartCalls::uploadPart(m_job.destination.key, m_checkpoint.uploadId,
                                                      buffer->number, buffer->contentMd5);
    request.contentLength = buffer->data.size();
    const PreparedRequest prepared = m_dialect->prepare(request, nowSeconds());
    const int number = buffer->number;
    InFlight entry;
    entry.buffer = buffer;
    entry.attempts = attempts + 1;
    entry.damaged = damaged;
    entry.signedOffset = m_clockOffset;
    m_inFlight[number] = entry;
    m_inFlight[number].transferId =
        m_loop.add(std::make_unique<CurlTransfer>(prepared, buffer->data.constData(),
                                                  buffer->data.size(), settings(true)),
                   [this, number](const HttpAnswer& answer) { onPartDone(number, answer); });
}

void UploadSession::onPartDone(int number, const HttpAnswer& answer)
{
    const auto it = m_inFlight.find(number);
    if (it == m_inFlight.end())
        return;
    const InFlight entry = it->second;
    m_inFlight.erase(it);
    PartBuffer* buffer = entry.buffer;

    const Verdict verdict =
        RetryPolicy::judge(answer, QDateTime::currentSecsSinceEpoch(), entry.signedOffset);
    if (verdict.kind == Verdict::Kind::Success) {
        const QString etag = QString::fromLatin1(answer.header("etag"));
        if (etag.isEmpty()) {
            // A 2xx without an ETag is an answer cut short (the headers came half): the part
            // may or may not be stored, so it is sent again like after any transport failure.
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
                                 m_job.destination.dialect == Dialect::Cos)) {
            retryDamaged(number, entry, *mismatch);
            return;
        }
        m_readCrcs.insert(number, buffer->crc64);
        m_checkpoint.parts.insert(number, {etag, buffer->crc64, qint64(buffer->data.size())});
        ++m_partsUploaded;
        m_pool->release(buffer);
        m_checkpointDirty = true;
        return;
    }
    retryOrFail(number, entry, verdict);
}

void UploadSession::retryOrFail(int number, const InFlight& entry, const Verdict& verdict)
{
    PartBuffer* buffer = entry.buffer;
    noteClock(verdict);
    if (verdict.kind == Verdict::Kind::Fatal || entry.attempts >= m_job.retry.maxAttempts) {
        m_partFailure = cloudFailure(tr("sending part %1 of %2").arg(number).arg(m_plan.partCount),
                                     verdict.error);
        m_pool->release(buffer);
        return;
    }
    const int delay = verdict.clockOffset
                          ? 0
                          : RetryPolicy::delayMs(m_job.retry, entry.attempts,
                                                 QRandomGenerator::global()->generateDouble());
    qCInfo(lcTransfer).noquote() << "part" << number << "failed with" << verdict.error.code
                                 << "- retry" << entry.attempts << "in" << delay << "ms";
    queueRetry({buffer, entry.attempts, entry.damaged, m_clock.elapsed() + delay});
}

void UploadSession::retryDamaged(int number, const InFlight& entry, const Error& mismatch)
{
    // The part is not recorded: sent again, it replaces the damaged copy under its number.
    const int damaged = entry.damaged + 1;
    if (damaged >= maxDamagedSends || entry.attempts >= m_job.retry.maxAttempts) {
        m_partFailure = Failure{
            Error::make(mismatch.code, tr("Part %1 was sent %n time(s) and COS did not confirm "
                                          "its bytes: %2",
                                          nullptr, entry.attempts)
                                           .arg(number)
                                           .arg(mismatch.message)),
            {}};
        m_pool->release(entry.buffer);
        return;
    }
    const int delay = RetryPolicy::delayMs(m_job.retry, entry.attempts,
                                           QRandomGenerator::global()->generateDouble());
    qCWarning(lcTransfer).noquote()
        << mismatch.message << "- sending part" << number << "again in" << delay << "ms";
    queueRetry({entry.buffer, entry.attempts, damaged, m_clock.elapsed() + delay});
}

void UploadSession::queueRetry(const Waiting& waiting)
{
    const auto at = std::upper_bound(m_retries.begin(), m_retries.end(), waiting.dueMs,
                                     [](qint64 due, const Waiting& w) { return due < w.dueMs; });
    m_retries.insert(at, waiting);
}

UploadResult UploadSession::singlePut()
{
    m_state = UploadState::Uploading;
    m_reader =
        std::make_unique<PartReader>(m_job.filePath, QList<PartRange>{{1, 0, m_file.size}}, *m_pool,
                                     m_dialect->sendsContentMd5(), [this] { m_loop.wakeup(); });
    PartBuffer* buffer = nullptr;
    while (!(buffer = m_reader->take())) {
        if (stopRequest() != Stop::None)
            return stopped();
        m_loop.step(tickMs);
    }
    m_highWater = m_pool->highWater();
    const auto give = [&] {
        m_pool->release(buffer);
    };
    if (!buffer->readError.isEmpty()) {
        give();
        return failed(
            {Error::make(QStringLiteral("upload.file"),
                         tr("Cannot read \"%1\": %2.").arg(m_file.path, buffer->readError)),
             {}});
    }
    HttpAnswer answer;
    std::optional<Failure> failure;
    m_meter.start(m_clock.elapsed(), 0);
    const bool ok = exchange(MultipartCalls::putObject(m_job.destination.key, buffer->contentMd5),
                             buffer->data, tr("uploading the file"), &answer, &failure);
    const quint64 crc = buffer->crc64;
    give();
    if (!ok)
        return failure ? failed(*failure) : stopped();
    if (const auto mismatch = Integrity::check(0, crc, answer.header("x-cos-hash-crc64ecma")))
        return failed({*mismatch, {}});
    m_partsUploaded = 1;
    UploadResult r = counted();
    r.ok = true;
    r.objectUrl = m_dialect->objectUrl();
    r.crc64 = crc;
    r.etag = QString::fromLatin1(answer.header("etag"));
    r.size = m_file.size;
    r.partsUploaded = 1;
    return r;
}

} // namespace cvmi::transfer

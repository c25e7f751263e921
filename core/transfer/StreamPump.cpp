#include "transfer/StreamPump.h"

#include "transfer/PartAnswer.h"

#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cstring>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

namespace cvmi::transfer {

namespace {

// As PartPump's: a part COS keeps receiving damaged is not sent for ever.
constexpr int maxDamagedSends = 3;

// A held part as a request body: the bytes are shared with the part (no copy) and stay valid
// while the transfer reads them, whatever happens to the entry that owns it.
class HeldPartBody final : public RequestBody {
public:
    explicit HeldPartBody(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    qint64 length() const override { return m_bytes.size(); }
    qint64 read(char* into, qint64 capacity) override
    {
        const qint64 n = qMin(capacity, m_bytes.size() - m_position);
        if (n <= 0)
            return 0;
        memcpy(into, m_bytes.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    void rewind() override { m_position = 0; }
    bool complete() const { return m_position == m_bytes.size(); }

private:
    const QByteArray m_bytes;
    qint64 m_position = 0;
};

} // namespace

StreamPump::StreamPump(Context context, PartPump::Host& host) : m_context(context), m_host(host) {}

StreamPump::~StreamPump()
{
    m_parts.reset(); // stops the reader before the stream goes
}

UploadFailure StreamPump::differs(int number) const
{
    return UploadFailure{
        Error::make(QStringLiteral("upload.stream_changed"),
                    tr("The converted stream of \"%1\" differs from the one sent before at part "
                       "%2: start over with --restart.")
                        .arg(m_context.filePath)
                        .arg(number)),
        {}};
}

bool StreamPump::run(std::optional<UploadFailure>* failure)
{
    // concurrency parts in flight, one read ahead, and part 1 kept back to the end.
    m_parts = std::make_unique<StreamParts>(
        m_context.stream, m_context.partSize, m_context.job.concurrency + 2,
        m_context.dialect.sendsContentMd5(), [this] { m_context.loop.wakeup(); });
    m_host.progress(UploadState::Uploading, true);
    for (;;) {
        if (m_host.stopRequested())
            return false;
        if (m_partFailure) {
            *failure = m_partFailure;
            return false;
        }
        const bool paused = m_host.pauseRequested();
        if (!paused && !fill(failure))
            return false;
        // Not while paused: the header part and Complete would end the upload the user is
        // stopping (Ctrl+C pauses first, then stops once nothing is in flight).
        if (!paused && m_ended && m_inFlight.empty() && m_retries.empty())
            return streamEnded(failure);
        const UploadState state = !paused              ? UploadState::Uploading
                                  : m_inFlight.empty() ? UploadState::Paused
                                                       : UploadState::Pausing;
        m_context.loop.step(waitMs(paused));
        m_host.saveRecord();
        m_host.progress(state, false);
    }
}

bool StreamPump::fill(std::optional<UploadFailure>* failure)
{
    while (int(m_inFlight.size()) < m_context.job.concurrency) {
        if (!m_retries.empty() && m_retries.front().dueMs <= m_context.clock.elapsed()) {
            Waiting w = std::move(m_retries.front());
            m_retries.pop_front();
            startPart(std::move(w.part), w.attempts, w.damaged);
            continue;
        }
        // finished() before take(): a part handed out just before the end is still taken.
        const bool finished = m_parts->finished();
        auto part = m_parts->take();
        if (!part) {
            if (!finished)
                break;
            const Error error = m_parts->error();
            if (error.isSet()) {
                *failure = UploadFailure{error, {}};
                return false;
            }
            m_ended = true;
            m_length = m_parts->length();
            m_partCount = m_parts->partCount();
            break;
        }
        if (m_context.checkpoint.parts.contains(part->number)) {
            if (!reuse(*part, failure))
                return false;
            continue;
        }
        startPart(std::move(*part), 0, 0);
    }
    return true;
}

bool StreamPump::reuse(const StreamPart& part, std::optional<UploadFailure>* failure)
{
    const CheckpointPart& recorded = m_context.checkpoint.parts[part.number];
    ++m_context.partsChecked;
    m_parts->release();
    if (recorded.crc64 != part.crc64 || recorded.size != part.bytes.size()) {
        qCWarning(lcTransfer).noquote()
            << "part" << part.number << "of the regenerated stream differs from the one sent";
        *failure = differs(part.number);
        return false;
    }
    m_context.readCrcs.insert(part.number, part.crc64);
    return true;
}

bool StreamPump::streamEnded(std::optional<UploadFailure>* failure)
{
    // A record holding parts beyond the regenerated stream's end was another stream.
    for (auto it = m_context.checkpoint.parts.cbegin(); it != m_context.checkpoint.parts.cend();
         ++it) {
        if (it.key() > m_partCount) {
            *failure = differs(it.key());
            return false;
        }
    }
    return true;
}

int StreamPump::waitMs(bool paused) const
{
    if (m_retries.empty() || paused)
        return uploadTickMs;
    return int(qBound<qint64>(0, m_retries.front().dueMs - m_context.clock.elapsed(),
                              qint64(uploadTickMs)));
}

void StreamPump::startPart(StreamPart part, int attempts, int damaged)
{
    const int number = part.number;
    StoreRequest request = MultipartCalls::uploadPart(
        m_context.job.destination.key, m_context.checkpoint.uploadId, number, part.contentMd5);
    request.contentLength = part.bytes.size();
    const PreparedRequest prepared = m_context.dialect.prepare(request, m_host.signingTime());
    InFlight& entry = m_inFlight[number];
    entry.body = std::make_unique<HeldPartBody>(part.bytes);
    entry.part = std::move(part);
    entry.attempts = attempts + 1;
    entry.damaged = damaged;
    entry.signedOffset = m_host.clockOffset();
    entry.transferId = m_context.loop.add(
        std::make_unique<CurlTransfer>(prepared, entry.body.get(), m_context.partSettings,
                                       m_context.loop.spareHandle()),
        [this, number](const HttpAnswer& answer) { onPartDone(number, answer); });
}

void StreamPump::onPartDone(int number, const HttpAnswer& answer)
{
    const auto it = m_inFlight.find(number);
    if (it == m_inFlight.end())
        return;
    InFlight entry = std::move(it->second);
    m_inFlight.erase(it);
    const PartOutcome outcome = judgePartAnswer(
        answer, entry.signedOffset, static_cast<HeldPartBody&>(*entry.body).complete(), number,
        entry.part.crc64, m_context.job.destination.dialect);
    if (outcome.kind == PartOutcome::Kind::Retry) {
        retryOrFail(entry, outcome.verdict);
        return;
    }
    if (outcome.kind == PartOutcome::Kind::Damaged) {
        retryDamaged(entry, outcome.mismatch);
        return;
    }
    const QString& etag = outcome.etag;
    const CheckpointPart part{etag, entry.part.crc64, entry.part.bytes.size()};
    m_context.readCrcs.insert(number, entry.part.crc64);
    m_context.checkpoint.parts.insert(number, part);
    ++m_context.partsUploaded;
    m_parts->release(); // its bytes go with `entry`
    Error error;
    if (!m_context.journal.append(number, part, &error))
        qCWarning(lcTransfer).noquote() << error.message;
}

void StreamPump::retryOrFail(InFlight& entry, const Verdict& verdict)
{
    m_host.noteClock(verdict);
    const int number = entry.part.number;
    if (verdict.kind == Verdict::Kind::Fatal || entry.attempts >= m_context.job.retry.maxAttempts) {
        m_partFailure = m_host.cloudFailure(tr("sending part %1").arg(number), verdict.error);
        return;
    }
    const int delay = partRetryDelayMs(m_context.job.retry, entry.attempts, verdict);
    qCInfo(lcTransfer).noquote() << "part" << number << "failed with" << verdict.error.code
                                 << "- retry" << entry.attempts << "in" << delay << "ms";
    queueRetry(
        {std::move(entry.part), entry.attempts, entry.damaged, m_context.clock.elapsed() + delay});
}

void StreamPump::retryDamaged(InFlight& entry, const Error& mismatch)
{
    const int damaged = entry.damaged + 1;
    const int number = entry.part.number;
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
    queueRetry({std::move(entry.part), entry.attempts, damaged, m_context.clock.elapsed() + delay});
}

void StreamPump::queueRetry(Waiting waiting)
{
    const auto at = std::upper_bound(m_retries.begin(), m_retries.end(), waiting.dueMs,
                                     [](qint64 due, const Waiting& w) { return due < w.dueMs; });
    m_retries.insert(at, std::move(waiting));
}

} // namespace cvmi::transfer

#include "transfer/UploadSession.h"

#include "cloud/CosClient.h"
#include "cloud/SigV4Signer.h"
#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"
#include "transfer/MultipartXml.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcTransfer, "cvmi.transfer")

namespace cvmi::transfer {

UploadSession::UploadSession(UploadJob job, Sink sink)
    : m_job(std::move(job)), m_sink(std::move(sink)), m_checkpoints(m_job.checkpointDir)
{
    m_job.concurrency = UploadLimits::boundedConcurrency(m_job.concurrency);
    m_job.retry.maxAttempts = qMax(1, m_job.retry.maxAttempts);
    m_clock.start();
}

UploadSession::~UploadSession()
{
    releaseAll();
}

void UploadSession::pause()
{
    m_paused = true;
    m_loop.wakeup();
}

void UploadSession::resume()
{
    m_paused = false;
    m_loop.wakeup();
}

void UploadSession::cancel()
{
    int expected = int(Stop::None);
    m_stop.compare_exchange_strong(expected, int(Stop::Cancel));
    m_paused = false;
    m_loop.wakeup();
}

void UploadSession::shutdown()
{
    m_stop = int(Stop::Shutdown);
    m_loop.wakeup();
}

void UploadSession::noteClock(const Verdict& verdict)
{
    if (!verdict.clockOffset)
        return;
    m_clockOffset = *verdict.clockOffset;
    m_clockCorrected = true;
    qCWarning(lcTransfer).noquote()
        << verdict.error.code << verdict.error.message << "- signing with the server's clock offset"
        << m_clockOffset << "s from now on";
}

qint64 UploadSession::nowSeconds() const
{
    return QDateTime::currentSecsSinceEpoch() + m_clockOffset;
}

TransferSettings UploadSession::settings(bool part) const
{
    TransferSettings s;
    s.connectTimeoutSeconds = m_job.retry.connectTimeoutSeconds;
    s.stallSeconds = m_job.retry.stallSeconds;
    s.proxy = m_job.proxy;
    // The limit is shared by the parts in flight: each handle gets its share.
    if (part && m_job.rateLimitBytesPerSecond > 0)
        s.maxSendBytesPerSecond = qMax<qint64>(1, m_job.rateLimitBytesPerSecond /
                                                      (m_plan.singlePut ? 1 : m_job.concurrency));
    return s;
}

void UploadSession::run()
{
    UploadResult result = runImpl();
    if (m_clockCorrected)
        result.clockSkewSeconds = m_clockOffset;
    releaseAll();
    m_lock.reset(); // before the result: a run started on it must find the destination free
    if (stopRequest() == Stop::Shutdown)
        return;
    if (result.ok)
        report(UploadState::Finished, true);
    m_sink.finished(result);
}

UploadSession::Failure UploadSession::cloudFailure(const QString& what,
                                                   const cloud::CloudError& error) const
{
    return {Error::make(QStringLiteral("upload.failed"),
                        tr("Uploading \"%1\" failed while %2: %3")
                            .arg(m_job.filePath.fileNameDisplay(), what, error.toString())),
            error};
}

UploadSession::Failure UploadSession::badResponse(const QString& what, const QString& problem) const
{
    const cloud::CloudError error =
        cloud::CloudErrors::networkError(QStringLiteral("Network.BadResponse"), problem);
    return cloudFailure(what, error);
}

UploadResult UploadSession::counted() const
{
    // What this run did to the parts, which every outcome reports alike.
    UploadResult r;
    r.partsUploaded = m_partsUploaded;
    r.partsReused = m_partsReused;
    r.partsChecked = m_partsChecked;
    r.partsChanged = m_partsChanged;
    return r;
}

UploadResult UploadSession::failed(const Failure& failure)
{
    // Info, not a warning: the result carries the error and every front end shows it once.
    qCInfo(lcTransfer).noquote() << "upload failed:" << failure.error.code << failure.error.message;
    UploadResult r = counted();
    r.error = failure.error;
    r.cloudError = failure.cloud;
    return r;
}

UploadResult UploadSession::stopped()
{
    UploadResult r = counted();
    r.cancelled = true;
    r.error = Error::make(QStringLiteral("upload.cancelled"),
                          tr("The upload of \"%1\" was cancelled; nothing of it is left on the "
                             "server.")
                              .arg(m_job.filePath.fileNameDisplay()));
    if (stopRequest() != Stop::Cancel)
        return r;
    m_loop.removeAll();
    if (!m_checkpoint.uploadId.isEmpty()) {
        abortRemote(m_checkpoint.uploadId);
        m_checkpoints.remove(m_file.path, m_destinationKey);
    } else if (m_checkpoint.startedAt > 0 && abortOrphans({}, m_checkpoint.startedAt, true)) {
        // Cancelled while starting: whatever the Initiate in flight created is gone now. If the
        // server could not be asked, the record stays for the next start to finish this.
        m_checkpoints.remove(m_file.path, m_destinationKey);
    }
    return r;
}

UploadResult UploadSession::runImpl()
{
    report(UploadState::Preparing, true);
    Error error;
    const auto file = FileIdentityReader::read(m_job.filePath, &error);
    if (!file)
        return failed({error, {}});
    m_file = *file;
    m_dialect = StoreDialect::create(m_job.destination, m_job.credentials);
    m_destinationKey = Checkpoints::destinationKey(m_job.destination);

    // Before the record is read: another run of this destination owns it and its upload id.
    DestinationLock::Outcome lockOutcome = DestinationLock::Outcome::Taken;
    Error lockError;
    m_lock = DestinationLock::tryAcquire(m_checkpoints.dir(), m_destinationKey, &lockOutcome,
                                         &lockError);
    if (lockOutcome == DestinationLock::Outcome::Busy)
        return failed({lockError, {}});
    // Unavailable: no record can be kept, so none is read either; a file small enough for one
    // PUT needs none, anything larger is refused below before the server is asked anything.
    const bool recordable = lockOutcome == DestinationLock::Outcome::Taken;

    std::optional<Checkpoint> existing;
    qint64 orphansSince = 0;
    if (recordable) {
        if (auto early = takeRecord(&existing, &orphansSince))
            return *early;
    }

    const qint64 partSize = existing ? existing->partSize : m_job.partSize;
    const auto plan = PartPlanner::plan(
        m_file.size, partSize, existing ? 0 : m_job.singlePutThreshold, &error, m_job.minPartSize);
    if (!plan)
        return failed({error, {}});
    m_plan = *plan;
    m_highWater = 0;
    report(UploadState::Preparing, true); // now with the totals: the first report had none
    m_pool = std::make_unique<BufferPool>(m_plan.singlePut ? 1 : m_job.concurrency + 2);
    if (stopRequest() != Stop::None)
        return stopped();
    if (m_plan.singlePut)
        return singlePut();
    if (!recordable)
        return failed({lockError, {}});

    if (existing) {
        if (auto early = resumeFrom(*existing))
            return *early;
    }
    if (m_checkpoint.uploadId.isEmpty()) {
        if (auto early = initiate(orphansSince))
            return *early;
    }
    std::optional<Failure> failure;
    if (!uploadParts(&failure)) {
        if (failure && failure->cloud.code == QLatin1String("NoSuchUpload"))
            return uploadGone(*failure);
        return failure ? failed(*failure) : stopped();
    }
    return complete();
}

std::optional<UploadResult> UploadSession::initiate(qint64 orphansSince)
{
    Error error;
    m_checkpoint = {};
    m_checkpoint.file = m_file;
    m_checkpoint.destination = m_destinationKey;
    m_checkpoint.partSize = m_plan.partSize;
    m_checkpoint.startedAt = orphansSince > 0 ? orphansSince : nowSeconds();
    // Written before the request, so that no moment exists in which the server may hold
    // an upload of ours that no record on this computer leads to.
    if (!m_checkpoints.save(m_checkpoint, &error)) {
        // No record, no upload: nothing has been asked of the server yet. A record of an
        // earlier start (orphansSince) stays as it was and still leads to what it left.
        return failed({Error::make(QStringLiteral("upload.no_record"),
                                   tr("Nothing was uploaded: %1").arg(error.message)),
                       {}});
    }
    HttpAnswer answer;
    int attempts = 0;
    std::optional<Failure> failure;
    if (!exchange(MultipartCalls::initiate(m_job.destination.key), {},
                  tr("starting the multipart upload"), &answer, &failure, false, 0, &attempts)) {
        // Refused by the server at the first attempt: nothing was created. Otherwise an
        // answer may have been lost on the way, and the record stays for the next start
        // (or `cvm-import uploads --abort-all`) to clean up after.
        if (failure && failure->cloud.httpStatus > 0 && attempts <= 1 && orphansSince == 0)
            m_checkpoints.remove(m_file.path, m_destinationKey);
        return failure ? failed(*failure) : stopped();
    }
    QString problem;
    const auto id = MultipartXml::uploadId(answer.body, &problem);
    if (!id)
        return failed(badResponse(tr("starting the multipart upload"), problem));
    m_checkpoint.uploadId = *id;
    if (!m_checkpoints.save(m_checkpoint, &error))
        return unrecorded(error);
    if (attempts > 1 || orphansSince > 0)
        abortOrphans(*id, m_checkpoint.startedAt);
    qCInfo(lcTransfer).noquote() << "multipart upload started," << m_plan.partCount << "parts of"
                                 << m_plan.partSize << "bytes";
    return std::nullopt;
}

UploadResult UploadSession::unrecorded(const Error& writeError)
{
    const QString id = m_checkpoint.uploadId;
    const bool aborted = abortRemote(id);
    // The record written before Initiate, if any made it, would only send the next run
    // looking for this upload; it is gone or, if not, still leads to it.
    if (aborted)
        m_checkpoints.remove(m_file.path, m_destinationKey);
    const QString what =
        aborted ? tr("The upload was stopped and its multipart upload deleted from the server, "
                     "as it could not be resumed: %1")
                      .arg(writeError.message)
                : tr("The upload was stopped, as it could not be resumed: %1 Its multipart "
                     "upload %2 could not be deleted from the server either: delete it with "
                     "`cvm-import uploads cos://%3 --abort %2`.")
                      .arg(writeError.message, id, m_job.destination.bucket);
    return failed({Error::make(QStringLiteral("upload.no_record"), what), {}});
}

UploadResult UploadSession::uploadGone(const Failure& failure)
{
    // Completed by another run, aborted (`uploads --abort`, a lifecycle rule) or expired: the
    // record can lead nowhere now, and a next run must start afresh instead of failing again.
    m_checkpoints.remove(m_file.path, m_destinationKey);
    // Our sentence, not COS's NoSuchUpload, is what the front ends show; COS's goes to the log.
    qCInfo(lcTransfer).noquote() << failure.error.message;
    Failure gone;
    gone.error = Error::make(QStringLiteral("upload.gone"),
                             tr("The multipart upload of \"%1\" is no longer on the server "
                                "(completed, aborted or expired elsewhere); its resume record "
                                "was removed. Run the same command again to upload from the "
                                "start.")
                                 .arg(m_job.filePath.fileNameDisplay()));
    return failed(gone);
}

bool UploadSession::exchange(const StoreRequest& request, const QByteArray& body,
                             const QString& what, HttpAnswer* answer,
                             std::optional<Failure>* failure, bool ignoreStop, int maxAttempts,
                             int* attemptsUsed)
{
    const int attemptsAllowed = maxAttempts > 0 ? maxAttempts : m_job.retry.maxAttempts;
    for (int attempt = 1;; ++attempt) {
        if (attemptsUsed)
            *attemptsUsed = attempt;
        if (!ignoreStop && stopRequest() != Stop::None)
            return false;
        const qint64 signedOffset = m_clockOffset;
        StoreRequest sized = request;
        sized.contentLength = body.size();
        const PreparedRequest prepared = m_dialect->prepare(sized, nowSeconds());
        bool done = false;
        m_loop.add(std::make_unique<CurlTransfer>(prepared, body.constData(), body.size(),
                                                  settings(false)),
                   [&](const HttpAnswer& a) {
                       *answer = a;
                       done = true;
                   });
        while (!done) {
            if (stopRequest() == Stop::Shutdown || (!ignoreStop && stopRequest() != Stop::None)) {
                m_loop.removeAll();
                return false;
            }
            m_loop.step(tickMs);
            report(m_state, false);
        }
        const Verdict verdict =
            RetryPolicy::judge(*answer, QDateTime::currentSecsSinceEpoch(), signedOffset);
        if (verdict.kind == Verdict::Kind::Success)
            return true;
        noteClock(verdict);
        if (verdict.kind == Verdict::Kind::Fatal || attempt >= attemptsAllowed) {
            *failure = cloudFailure(what, verdict.error);
            return false;
        }
        // A corrected clock is tried again at once, as the vendor's SDK does.
        const int delay = verdict.clockOffset
                              ? 0
                              : RetryPolicy::delayMs(m_job.retry, attempt,
                                                     QRandomGenerator::global()->generateDouble());
        qCInfo(lcTransfer).noquote() << "retrying" << request.method << "after"
                                     << verdict.error.code << "in" << delay << "ms";
        const qint64 due = m_clock.elapsed() + delay;
        while (m_clock.elapsed() < due) {
            if (stopRequest() == Stop::Shutdown || (!ignoreStop && stopRequest() != Stop::None))
                return false;
            m_loop.step(int(qBound<qint64>(1, due - m_clock.elapsed(), qint64(tickMs))));
        }
    }
}

bool UploadSession::abortRemote(const QString& uploadId)
{
    HttpAnswer answer;
    std::optional<Failure> failure;
    if (exchange(MultipartCalls::abort(m_job.destination.key, uploadId), {},
                 tr("aborting the multipart upload"), &answer, &failure, true, 4))
        return true;
    if (failure && failure->cloud.code == QLatin1String("NoSuchUpload"))
        return true; // gone already: what an abort wants
    if (failure)
        qCWarning(lcTransfer).noquote()
            << "could not abort multipart upload" << uploadId << ":" << failure->error.message;
    return false;
}

UploadResult UploadSession::complete()
{
    m_state = UploadState::Completing;
    report(m_state, true);
    // A file that changed while its parts were read would complete into a mix of versions.
    Error error;
    const auto now = FileIdentityReader::read(m_job.filePath, &error);
    if (!now)
        return failed({error, {}});
    if (now->size != m_file.size || now->mtimeMs != m_file.mtimeMs)
        return failed({Error::make(QStringLiteral("upload.file_changed"),
                                   tr("\"%1\" changed while it was being uploaded (%2). Upload "
                                      "it again from the start once nothing writes to it.")
                                       .arg(m_file.path, m_file.difference(*now))),
                       {}});
    QList<CompletedPart> parts;
    QList<QPair<quint64, qint64>> crcs;
    for (auto it = m_checkpoint.parts.cbegin(); it != m_checkpoint.parts.cend(); ++it) {
        parts.append({it.key(), it->etag});
        // Every part was read by this run, to be sent or verified (verifyReused): the object's
        // CRC-64 is the file's as read now. A part without one would make the claim a memory.
        const auto read = m_readCrcs.constFind(it.key());
        if (read == m_readCrcs.cend())
            return failed({Error::make(QStringLiteral("upload.internal"),
                                       tr("Part %1 of \"%2\" was not read by this run, so "
                                          "the object cannot be compared with the file. Run "
                                          "the same command again.")
                                           .arg(it.key())
                                           .arg(m_file.path)),
                           {}});
        crcs.append({read.value(), it->size});
    }
    const quint64 crc = Integrity::combine(crcs);
    const QByteArray body = MultipartXml::completeBody(parts);
    HttpAnswer answer;
    std::optional<Failure> failure;
    const QString what = tr("completing the multipart upload");
    QString headEtag;
    if (!exchange(MultipartCalls::complete(m_job.destination.key, m_checkpoint.uploadId, body),
                  body, what, &answer, &failure)) {
        // A Complete whose answer was lost succeeded on the server, and its retry finds the
        // upload gone: the object is ours if it has exactly our size and CRC-64.
        if (failure && failure->cloud.code == QLatin1String("NoSuchUpload"))
            return completedEarlier(crc, &headEtag) ? succeeded(crc, headEtag)
                                                    : uploadGone(*failure);
        return failure ? failed(*failure) : stopped();
    }
    bool errorBody = false;
    QString problem;
    const auto etag = MultipartXml::completedEtag(answer.body, &errorBody, &problem);
    if (errorBody)
        return failed(cloudFailure(
            what, cloud::CosClient::parseError(answer.status, answer.body,
                                               answer.header("x-cos-request-id"), false)));
    if (!etag) {
        // An answer cut short after COS completed the object: recognise it by size and CRC.
        if (completedEarlier(crc, &headEtag))
            return succeeded(crc, headEtag);
        return failed(badResponse(what, problem));
    }
    const QByteArray objectCrc = answer.header("x-cos-hash-crc64ecma");
    const bool required = m_job.destination.dialect == Dialect::Cos;
    // "Equals the file's" is only said when COS said so: an answer without the value is asked
    // again with a HEAD (which compares size and CRC-64) before it counts.
    if (required && objectCrc.trimmed().isEmpty() && completedEarlier(crc, &headEtag))
        return succeeded(crc, *etag);
    if (const auto mismatch = Integrity::check(0, crc, objectCrc, required))
        return failed({*mismatch, {}});
    return succeeded(crc, *etag);
}

bool UploadSession::completedEarlier(quint64 crc, QString* etag)
{
    StoreRequest head;
    head.method = "HEAD";
    head.key = m_job.destination.key;
    head.payloadSha256 = cloud::SigV4Signer::payloadHash({});
    HttpAnswer answer;
    std::optional<Failure> failure;
    if (!exchange(head, {}, tr("checking the completed object"), &answer, &failure))
        return false;
    bool ok = false;
    const qint64 size = answer.header("content-length").toLongLong(&ok);
    const QByteArray header = answer.header("x-cos-hash-crc64ecma");
    *etag = QString::fromLatin1(answer.header("etag"));
    return ok && size == m_file.size && !header.isEmpty() && !Integrity::check(0, crc, header);
}

UploadResult UploadSession::succeeded(quint64 crc, const QString& etag)
{
    m_checkpoints.remove(m_file.path, m_destinationKey);
    qCInfo(lcTransfer).noquote() << "upload complete:" << m_plan.partCount << "parts,"
                                 << m_partsUploaded << "sent by this run";
    UploadResult r = counted();
    r.ok = true;
    r.objectUrl = m_dialect->objectUrl();
    r.crc64 = crc;
    r.etag = etag;
    r.size = m_file.size;
    return r;
}

qint64 UploadSession::bytesDone() const
{
    qint64 sum = 0;
    for (const CheckpointPart& p : m_checkpoint.parts)
        sum += p.size;
    return sum;
}

void UploadSession::report(UploadState state, bool force)
{
    const qint64 nowMs = m_clock.elapsed();
    const qint64 sent = state == UploadState::Finished
                            ? m_file.size
                            : qMin(m_file.size, bytesDone() + m_loop.bytesInFlight());
    m_meter.sample(nowMs, sent);
    if (!m_meter.due(nowMs) && !force)
        return;
    m_state = state;
    UploadProgress p;
    p.totalBytes = m_file.size;
    p.bytesSent = qMax<qint64>(0, sent);
    p.partsDone = m_plan.singlePut ? (state == UploadState::Finished ? 1 : 0)
                                   : int(m_checkpoint.parts.size());
    p.partsTotal = m_plan.partCount;
    p.bytesPerSecond = m_meter.bytesPerSecond();
    // Before the file is read there is nothing to estimate from.
    p.etaSeconds = m_file.size < 0 ? -1 : m_meter.etaSeconds(m_file.size - sent);
    p.state = state;
    p.partsToCheck = m_checkParts;
    p.partsChecked = m_checkedParts;
    p.bytesToCheck = m_checkBytes;
    p.bytesChecked = m_checkedBytes;
    p.partsChanged = m_partsChanged;
    if (m_sink.progress)
        m_sink.progress(p);
}

void UploadSession::releaseAll()
{
    m_loop.removeAll();
    m_reader.reset();
    if (!m_pool)
        return;
    for (auto& [number, entry] : m_inFlight)
        m_pool->release(entry.buffer);
    m_inFlight.clear();
    for (const Waiting& w : m_retries)
        m_pool->release(w.buffer);
    m_retries.clear();
}

} // namespace cvmi::transfer

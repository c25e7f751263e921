#include "transfer/UploadSession.h"

#include "transfer/ConvertedUpload.h"

#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"
#include "transfer/MultipartXml.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcTransfer, "cvmi.transfer")

namespace cvmi::transfer {

UploadSession::UploadSession(UploadJob job, Sink sink, ObjectStreamFactory streams)
    : m_job(std::move(job)), m_sink(std::move(sink)), m_streamFactory(std::move(streams)),
      m_checkpoints(m_job.checkpointDir)
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

std::optional<UploadResult> UploadSession::prepare(std::optional<Checkpoint>* existing,
                                                   bool* recordable, Error* lockError,
                                                   qint64* orphansSince)
{
    Error error;
    const auto file = FileIdentityReader::read(m_job.filePath, &error);
    if (!file)
        return failed({error, {}});
    m_file = *file;
    // The front ends convert these themselves (ConvertedUpload.h); a job that would still send
    // a VHDX, VDI or OVA as it is would store an object the import refuses, after hours.
    if (m_job.conversion == Conversion::None) {
        const ConversionNeed need = conversionNeed(m_job.filePath);
        if (need.required != Conversion::None)
            return failed({Error::make(QStringLiteral("upload.needs_conversion"),
                                       tr("\"%1\" is a %2 disk, which Tencent Cloud does not "
                                          "import as it is: upload it converted to qcow2 "
                                          "(cvm-import upload --convert qcow2).")
                                           .arg(m_file.path, need.format.toUpper())),
                           {}});
    }
    m_dialect = StoreDialect::create(m_job.destination, m_job.credentials);
    m_destinationKey = Checkpoints::destinationKey(m_job.destination);

    // Before the record is read: another run of this destination owns it and its upload id.
    DestinationLock::Outcome lockOutcome = DestinationLock::Outcome::Taken;
    m_lock =
        DestinationLock::tryAcquire(m_checkpoints.dir(), m_destinationKey, &lockOutcome, lockError);
    if (lockOutcome == DestinationLock::Outcome::Busy)
        return failed({*lockError, {}});
    // Unavailable: no record can be kept, so none is read either; a file small enough for one
    // PUT needs none, anything larger is refused below before the server is asked anything.
    *recordable = lockOutcome == DestinationLock::Outcome::Taken;

    *existing =
        *recordable ? m_checkpoints.load(m_file.path, m_destinationKey, &error) : std::nullopt;
    if (error.isSet())
        qCWarning(lcTransfer).noquote() << error.message;
    // A start that died before the server's answer (see Checkpoint::uploadId) may have left an
    // upload nobody knows the id of: abort it before beginning afresh. When the server cannot
    // be asked now, the record stays and the new start keeps its time, so the cleanup is only
    // postponed.
    if (*existing && (*existing)->awaitingUploadId()) {
        qCInfo(lcTransfer) << "an earlier start was interrupted before its answer; aborting "
                              "what it may have created";
        if (abortOrphans({}, (*existing)->startedAt))
            m_checkpoints.remove(m_file.path, m_destinationKey);
        else
            *orphansSince = (*existing)->startedAt;
        existing->reset();
        if (stopRequest() != Stop::None)
            return stopped();
    }
    if (*existing && m_job.restart) {
        qCInfo(lcTransfer) << "restart: aborting the earlier multipart upload";
        abortRemote((*existing)->uploadId);
        m_checkpoints.remove(m_file.path, m_destinationKey);
        existing->reset();
    }
    if (*existing) {
        const QString difference = (*existing)->file.difference(m_file);
        if (!difference.isEmpty())
            return failed({Error::make(QStringLiteral("upload.file_changed"),
                                       tr("\"%1\" cannot be resumed: %2 since the interrupted "
                                          "upload. Upload it again from the start (the parts "
                                          "already sent are then discarded).")
                                           .arg(m_file.path, difference)),
                           {}});
        // Parts of a plain upload are not parts of a converted one, nor the reverse.
        if ((*existing)->conversion != m_job.conversion)
            return failed({Error::make(QStringLiteral("upload.conversion_changed"),
                                       tr("\"%1\" cannot be resumed: the interrupted upload "
                                          "sent it %2, this one would send it %3. Upload it "
                                          "again from the start (--restart; the parts already "
                                          "sent are then discarded).")
                                           .arg(m_file.path,
                                                (*existing)->conversion == Conversion::None
                                                    ? tr("as it is")
                                                    : tr("converted to qcow2"),
                                                m_job.conversion == Conversion::None
                                                    ? tr("as it is")
                                                    : tr("converted to qcow2"))),
                           {}});
    }
    return std::nullopt;
}

UploadResult UploadSession::runImpl()
{
    report(UploadState::Preparing, true);
    std::optional<Checkpoint> existing;
    bool recordable = false;
    Error lockError;
    qint64 orphansSince = 0;
    if (auto outcome = prepare(&existing, &recordable, &lockError, &orphansSince))
        return *outcome;
    if (converting())
        return runConverted(std::move(existing), recordable, lockError, orphansSince);
    m_objectSize = m_file.size;

    Error error;
    const qint64 partSize = existing ? existing->partSize : m_job.partSize;
    const auto plan = PartPlanner::plan(
        m_file.size, partSize, existing ? 0 : m_job.singlePutThreshold, &error, m_job.minPartSize);
    if (!plan)
        return failed({error, {}});
    m_plan = *plan;
    report(UploadState::Preparing, true); // now with the totals: the first report had none
    m_source = SourceFile::open(m_job.filePath, &error);
    if (!m_source)
        return failed({error, {}});
    if (stopRequest() != Stop::None)
        return stopped();
    if (m_plan.singlePut)
        return singlePut();
    if (!recordable)
        return failed({lockError, {}});

    std::optional<Failure> failure;
    if (existing) {
        m_checkpoint = *existing;
        if (!reconcile(m_checkpoint, &failure)) {
            if (failure)
                return failed(*failure);
            if (stopRequest() != Stop::None)
                return stopped();
        }
        if (!m_checkpoint.uploadId.isEmpty() && !verifyReused(&failure))
            return failure ? failed(*failure) : stopped();
    }
    if (m_checkpoint.uploadId.isEmpty()) {
        if (auto outcome = initiate(orphansSince))
            return *outcome;
    }
    if (!uploadParts(&failure)) {
        if (failure && failure->cloud.code == QLatin1String("NoSuchUpload"))
            return uploadGone(*failure);
        return failure ? failed(*failure) : stopped();
    }
    return complete();
}

std::optional<UploadResult> UploadSession::initiate(qint64 orphansSince)
{
    m_checkpoint = {};
    m_checkpoint.file = m_file;
    m_checkpoint.destination = m_destinationKey;
    m_checkpoint.partSize = m_plan.partSize;
    m_checkpoint.startedAt = orphansSince > 0 ? orphansSince : nowSeconds();
    m_checkpoint.conversion = m_job.conversion;
    m_checkpoint.streamIdentity = m_stream ? m_stream->identity() : QString();
    // Written before the request, so that no moment exists in which the server may hold an
    // upload of ours that no record on this computer leads to.
    Error error;
    if (!m_checkpoints.save(m_checkpoint, &error)) {
        // No record, no upload: nothing has been asked of the server yet. A record of an
        // earlier start (orphansSince) stays as it was and still leads to what it left.
        return failed({Error::make(QStringLiteral("upload.no_record"),
                                   tr("Nothing was uploaded: %1").arg(error.message)),
                       {}});
    }
    HttpAnswer answer;
    std::optional<Failure> failure;
    int attempts = 0;
    if (!exchange(MultipartCalls::initiate(m_job.destination.key), nullptr,
                  tr("starting the multipart upload"), &answer, &failure, false, 0, &attempts)) {
        // Refused by the server at the first attempt: nothing was created. Otherwise an answer
        // may have been lost on the way, and the record stays for the next start (or
        // `cvm-import uploads --abort-all`) to clean up after.
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
    qCInfo(lcTransfer).noquote() << "multipart upload started,"
                                 << (converting() ? QStringLiteral("converted, parts")
                                                  : QString::number(m_plan.partCount) +
                                                        QStringLiteral(" parts"))
                                 << "of" << m_plan.partSize << "bytes";
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

bool UploadSession::exchange(const StoreRequest& request, RequestBody* body, const QString& what,
                             HttpAnswer* answer, std::optional<Failure>* failure, bool ignoreStop,
                             int maxAttempts, int* attemptsUsed)
{
    const int attemptsAllowed = maxAttempts > 0 ? maxAttempts : m_job.retry.maxAttempts;
    for (int attempt = 1;; ++attempt) {
        if (attemptsUsed)
            *attemptsUsed = attempt;
        if (!ignoreStop && stopRequest() != Stop::None)
            return false;
        const qint64 signedOffset = m_clockOffset;
        StoreRequest sized = request;
        sized.contentLength = body ? body->length() : 0;
        const PreparedRequest prepared = m_dialect->prepare(sized, nowSeconds());
        if (body)
            body->rewind();
        bool done = false;
        m_loop.add(
            std::make_unique<CurlTransfer>(prepared, body, settings(false), m_loop.spareHandle()),
            [&](const HttpAnswer& a) {
                *answer = a;
                done = true;
            });
        while (!done) {
            if (stopRequest() == Stop::Shutdown || (!ignoreStop && stopRequest() != Stop::None)) {
                m_loop.removeAll();
                return false;
            }
            m_loop.step(uploadTickMs);
            report(m_state, false);
        }
        if (body && !body->error().isEmpty()) {
            *failure =
                Failure{Error::make(QStringLiteral("upload.file"),
                                    tr("Cannot read \"%1\": %2.").arg(m_file.path, body->error())),
                        {}};
            return false;
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
            m_loop.step(int(qBound<qint64>(1, due - m_clock.elapsed(), qint64(uploadTickMs))));
        }
    }
}

bool UploadSession::abortRemote(const QString& uploadId)
{
    HttpAnswer answer;
    std::optional<Failure> failure;
    if (exchange(MultipartCalls::abort(m_job.destination.key, uploadId), nullptr,
                 tr("aborting the multipart upload"), &answer, &failure, true, 4))
        return true;
    if (failure && failure->cloud.code == QLatin1String("NoSuchUpload"))
        return true; // gone already: what an abort wants
    if (failure)
        qCWarning(lcTransfer).noquote()
            << "could not abort multipart upload" << uploadId << ":" << failure->error.message;
    return false;
}

UploadResult UploadSession::singlePut()
{
    m_state = UploadState::Uploading;
    QByteArray contentMd5;
    if (m_dialect->sendsContentMd5()) {
        QString readError;
        contentMd5 = PartDigests::contentMd5(*m_source, {1, 0, m_file.size}, &readError);
        if (!readError.isEmpty())
            return failed({Error::make(QStringLiteral("upload.file"),
                                       tr("Cannot read \"%1\": %2.").arg(m_file.path, readError)),
                           {}});
    }
    if (stopRequest() != Stop::None)
        return stopped();
    FileRangeBody body(*m_source, 0, m_file.size);
    HttpAnswer answer;
    std::optional<Failure> failure;
    m_meter.start(m_clock.elapsed(), 0);
    const bool ok = exchange(MultipartCalls::putObject(m_job.destination.key, contentMd5), &body,
                             tr("uploading the file"), &answer, &failure);
    if (!ok)
        return failure ? failed(*failure) : stopped();
    const quint64 crc = body.crc64();
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
    describeObject(&r);
    return r;
}

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
    // The record is written whole once (with the parts of an earlier run's journal), then each
    // part confirmed from here on is a line of a fresh journal.
    m_checkpointDirty = true;
    saveCheckpoint();
    Error journalError;
    if (!m_journal.open(m_checkpoints.pathFor(m_file.path, m_destinationKey), m_checkpoint.uploadId,
                        &journalError))
        qCWarning(lcTransfer).noquote() << journalError.message;
    // Whatever way this ends (done, stopped, failed), every confirmed part is on disk.
    struct SyncOnExit {
        PartJournal& journal;
        ~SyncOnExit() { journal.close(); }
    } syncOnExit{m_journal};
    m_meter.start(m_clock.elapsed(), bytesDone());
    m_pump = std::make_unique<PartPump>(
        PartPump::Context{m_job, m_plan, m_file.path, m_loop, *m_source, *m_dialect, m_clock,
                          settings(true), m_checkpoint, m_journal, m_readCrcs, m_partsUploaded},
        static_cast<PartPump::Host&>(
            *this)); // the base is private: converted here, where it is known
    return m_pump->run(failure);
}

void UploadSession::releaseAll()
{
    m_loop.removeAll(); // before the bodies the transfers read go with the pump
    m_pump.reset();
    m_streamPump.reset(); // stops its reader before the stream goes
    if (m_stream) {
        m_sourceRead = m_stream->sourceBytesRead();
        m_sourceTotal = m_stream->sourceBytesToRead();
    }
    m_stream.reset();
}

} // namespace cvmi::transfer

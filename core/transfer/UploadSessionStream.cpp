#include "transfer/UploadSession.h"

#include "disk/DiskImageOpener.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

// UploadSession's converted upload (UploadJob::conversion): the object is an ObjectStream made
// from the file while it is sent, cut into parts as it is produced (StreamPump), so no plan
// exists before the stream ends and every run, a resumed one too, produces the stream from its
// start. The steps shared with a plain upload (record, Initiate, Complete) are the same code.
namespace cvmi::transfer {

UploadResult UploadSession::runConverted(std::optional<Checkpoint> existing, bool recordable,
                                         const Error& lockError, qint64 orphansSince)
{
    // Always multipart, so always a record: the header part is sent after the others.
    if (!recordable)
        return failed({lockError, {}});
    Error error;
    m_stream = m_streamFactory(m_job, &error);
    if (!m_stream)
        return failed(
            {Error::make(
                 QStringLiteral("upload.file"),
                 tr("\"%1\" cannot be converted to qcow2: %2").arg(m_file.path, error.message)),
             {}});
    if (existing && existing->streamIdentity != m_stream->identity())
        return failed(
            {Error::make(QStringLiteral("upload.conversion_changed"),
                         tr("\"%1\" cannot be resumed: the interrupted upload was "
                            "converted with other settings (%2, now %3). Upload it "
                            "again from the start (--restart; the parts already sent "
                            "are then discarded).")
                             .arg(m_file.path, existing->streamIdentity, m_stream->identity())),
             {}});
    const auto partSize =
        existing ? std::optional<qint64>(existing->partSize)
                 : PartPlanner::streamPartSize(m_stream->maxLength(), m_stream->headerSize(),
                                               m_job.partSize, &error, m_job.minPartSize);
    if (!partSize)
        return failed({error, {}});
    if (*partSize < m_stream->headerSize())
        return failed({Error::make(QStringLiteral("upload.conversion_changed"),
                                   tr("\"%1\" cannot be resumed: its parts are smaller than the "
                                      "converted disk's header. Upload it again from the start "
                                      "(--restart).")
                                       .arg(m_file.path)),
                       {}});
    // No part count, no file length: the plan only carries the part size (the rate limit and
    // the record read it).
    m_plan = {};
    m_plan.fileSize = -1;
    m_plan.partSize = *partSize;
    report(UploadState::Preparing, true);
    if (stopRequest() != Stop::None)
        return stopped();

    std::optional<Failure> failure;
    if (existing) {
        m_checkpoint = *existing;
        if (!reconcile(m_checkpoint, &failure)) {
            if (failure)
                return failed(*failure);
            if (stopRequest() != Stop::None)
                return stopped();
        }
    }
    if (m_checkpoint.uploadId.isEmpty()) {
        if (auto outcome = initiate(orphansSince))
            return *outcome;
    }
    if (!streamParts(&failure)) {
        if (failure && failure->cloud.code == QLatin1String("NoSuchUpload"))
            return uploadGone(*failure);
        return failure ? failed(*failure) : stopped();
    }
    m_objectSize = m_streamPump->length();
    m_streamPartCount = m_streamPump->partCount();
    qCInfo(lcTransfer).noquote() << "converted stream ended:" << m_objectSize << "bytes in"
                                 << m_streamPump->partCount() << "parts";
    return complete();
}

bool UploadSession::streamParts(std::optional<Failure>* failure)
{
    // As uploadParts(): the record whole once, then a journal line per confirmed part.
    m_checkpointDirty = true;
    saveCheckpoint();
    Error journalError;
    if (!m_journal.open(m_checkpoints.pathFor(m_file.path, m_destinationKey), m_checkpoint.uploadId,
                        &journalError))
        qCWarning(lcTransfer).noquote() << journalError.message;
    struct SyncOnExit {
        PartJournal& journal;
        ~SyncOnExit() { journal.close(); }
    } syncOnExit{m_journal};
    m_meter.start(m_clock.elapsed(), bytesDone());
    m_partsReused = int(m_checkpoint.parts.size());
    m_streamPump = std::make_unique<StreamPump>(
        StreamPump::Context{m_job, m_plan.partSize, m_file.path, m_loop, *m_stream, *m_dialect,
                            m_clock, settings(true), m_checkpoint, m_journal, m_readCrcs,
                            m_partsUploaded, m_partsChecked},
        static_cast<PartPump::Host&>(*this));
    return m_streamPump->run(failure);
}

void UploadSession::describeObject(UploadResult* r) const
{
    r->sourceBytes = m_file.size;
    if (m_stream) {
        r->format = m_stream->format();
        r->virtualSize = m_stream->virtualSize();
        return;
    }
    // A plain upload stores the file as it is: its format is the file's, as the disk readers
    // see it (only headers are read). A file no reader takes is stored as raw bytes.
    Error error;
    const auto image = disk::openDiskImage(m_job.filePath, &error);
    r->format = image ? image->format() : QStringLiteral("raw");
    r->virtualSize = image ? qint64(image->virtualSize()) : m_file.size;
}

} // namespace cvmi::transfer

#include "transfer/UploadSession.h"

#include "transfer/MultipartCalls.h"
#include "transfer/MultipartXml.h"
#include "transfer/PartVerifier.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

// UploadSession's dealings with an earlier run: the record reconciled with the server's parts
// (ListParts), the reused parts read again and compared, the uploads an interrupted start may
// have left, and a record whose upload is gone. The steps of a run are in UploadSession.cpp.
namespace cvmi::transfer {

namespace {

QString unquoted(QString etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith(u'"') && etag.endsWith(u'"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag.toLower();
}

} // namespace

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

bool UploadSession::reconcile(Checkpoint& checkpoint, std::optional<Failure>* failure)
{
    QMap<int, CheckpointPart> kept;
    int marker = 0;
    for (int page = 0; page < 20; ++page) { // 20 pages of 1,000 cover COS's 10,000 parts
        HttpAnswer answer;
        std::optional<Failure> listFailure;
        if (!exchange(MultipartCalls::listParts(m_job.destination.key, checkpoint.uploadId, marker),
                      nullptr, tr("listing the parts already uploaded"), &answer, &listFailure)) {
            if (listFailure && listFailure->cloud.code == QLatin1String("NoSuchUpload")) {
                // Completed or aborted meanwhile, or expired: start a new one.
                qCWarning(lcTransfer).noquote()
                    << tr("The interrupted upload's multipart upload is no longer on the server "
                          "(completed, aborted or expired); its resume record was removed and "
                          "the upload starts over.");
                m_checkpoints.remove(m_file.path, m_destinationKey);
                checkpoint = {};
                return true;
            }
            *failure = listFailure;
            return false;
        }
        QString problem;
        const auto parts = MultipartXml::partsPage(answer.body, &problem);
        if (!parts) {
            *failure = badResponse(tr("listing the parts already uploaded"), problem);
            return false;
        }
        for (const ListedPart& p : parts->parts) {
            const auto it = checkpoint.parts.constFind(p.number);
            // Only parts we recorded (so we know their CRC) and whose size and ETag still match.
            // A converted upload's plan is not known before its stream is made again: its
            // parts are compared with the regenerated ones as they come (StreamPump).
            if (it == checkpoint.parts.constEnd())
                continue;
            const bool placed =
                converting() ? p.size == it->size
                             : p.number <= m_plan.partCount && p.size == m_plan.lengthOf(p.number);
            if (placed && unquoted(p.etag) == unquoted(it->etag))
                kept.insert(p.number, *it);
        }
        if (!parts->truncated || parts->nextMarker <= marker)
            break;
        marker = parts->nextMarker;
    }
    checkpoint.parts = kept;
    m_partsReused = int(kept.size());
    if (converting())
        qCInfo(lcTransfer) << "resuming:" << kept.size()
                           << "parts already on the server, to compare with the stream made again";
    else
        qCInfo(lcTransfer) << "resuming:" << kept.size() << "of" << m_plan.partCount
                           << "parts already on the server";
    return true;
}

bool UploadSession::verifyReused(std::optional<Failure>* failure)
{
    // The file's identity (size, modification time, sampled bytes) let the resume go this far,
    // but a byte changed between the samples with the time restored (cp -p, rsync -t) passes
    // it: only reading every reused part shows whether the server's copy is still the file's.
    QList<PartRange> ranges;
    m_checkBytes = 0;
    for (auto it = m_checkpoint.parts.cbegin(); it != m_checkpoint.parts.cend(); ++it) {
        ranges.append({it.key(), m_plan.offsetOf(it.key()), it->size});
        m_checkBytes += it->size;
    }
    if (ranges.isEmpty())
        return true;
    m_checkParts = int(ranges.size());
    qCInfo(lcTransfer) << "checking" << m_checkParts << "parts already sent against the file";
    m_state = UploadState::Verifying;
    report(m_state, true);
    {
        PartVerifier verifier(m_job.filePath, ranges, [this] { m_loop.wakeup(); });
        while (!verifier.finished()) {
            if (stopRequest() != Stop::None)
                return false; // the verifier stops and joins as it goes out of scope
            m_loop.step(uploadTickMs);
            // The report that every part is read waits for their comparison below: it must
            // carry the parts found changed (a watcher takes it for the end of the check).
            const int read = verifier.partsRead();
            if (read >= m_checkParts)
                continue;
            m_checkedParts = read;
            m_checkedBytes = verifier.bytesRead();
            report(m_state, false);
        }
        m_checkedParts = verifier.partsRead();
        m_checkedBytes = verifier.bytesRead();
        if (!verifier.readError().isEmpty()) {
            *failure = Failure{Error::make(QStringLiteral("upload.file"),
                                           tr("Cannot read part %1 of \"%2\": %3.")
                                               .arg(verifier.failedPart())
                                               .arg(m_file.path, verifier.readError())),
                               {}};
            return false;
        }
        const QMap<int, quint64> crcs = verifier.crcs();
        for (auto it = crcs.cbegin(); it != crcs.cend(); ++it) {
            if (it.value() == m_checkpoint.parts.value(it.key()).crc64)
                m_readCrcs.insert(it.key(), it.value());
            else
                m_partsChanged.append(it.key());
        }
    }
    m_partsChecked = m_checkParts;
    if (!m_partsChanged.isEmpty()) {
        // Sent again under the same numbers: COS keeps the last part uploaded for a number. The
        // record forgets them first, so that a stop now still resumes correctly.
        for (const int number : std::as_const(m_partsChanged))
            m_checkpoint.parts.remove(number);
        m_partsReused -= int(m_partsChanged.size());
        m_checkpointDirty = true;
        saveCheckpoint();
        qCWarning(lcTransfer).noquote()
            << m_partsChanged.size()
            << "parts changed in the file since they were sent:" << m_partsChanged
            << "- sending them again";
    }
    report(m_state, true); // the end of the check, with its outcome
    return true;
}

bool UploadSession::abortOrphans(const QString& ours, qint64 sentAt, bool ignoreStop)
{
    // An Initiate whose answer was lost created an upload nobody knows the id of: it would cost
    // storage until deleted. Only uploads of this very key started since our first attempt
    // (less a margin for clock differences) are ours to abort.
    HttpAnswer answer;
    std::optional<Failure> failure;
    if (!exchange(MultipartCalls::listUploads(m_job.destination.key, {}, {}), nullptr,
                  tr("listing unfinished uploads"), &answer, &failure, ignoreStop,
                  ignoreStop ? 4 : 0)) {
        if (failure)
            qCWarning(lcTransfer).noquote()
                << "could not look for uploads left by an interrupted start:"
                << failure->error.message;
        return false;
    }
    QString problem;
    const auto page = MultipartXml::uploadsPage(answer.body, &problem);
    if (!page) {
        qCWarning(lcTransfer).noquote()
            << "could not look for uploads left by an interrupted start:" << problem;
        return false;
    }
    bool allGone = true;
    for (const PendingUpload& u : page->uploads) {
        if (u.uploadId == ours || !u.mayBeStartedBy(m_job.destination.key, sentAt))
            continue;
        qCInfo(lcTransfer) << "aborting an upload orphaned by a lost Initiate answer";
        allGone = abortRemote(u.uploadId) && allGone;
    }
    return allGone;
}

} // namespace cvmi::transfer

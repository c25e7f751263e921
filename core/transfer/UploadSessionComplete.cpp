#include "transfer/UploadSession.h"

#include "cloud/CosClient.h"
#include "cloud/SigV4Signer.h"
#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"
#include "transfer/MultipartXml.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

// UploadSession's last step: Complete, with the object's CRC-64 combined from the parts as this
// run read them and compared with COS's, and the recognition of an object completed by a request
// whose answer was lost. The steps before are in UploadSession.cpp.
namespace cvmi::transfer {

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
    MemoryBody completeBody(body);
    if (!exchange(MultipartCalls::complete(m_job.destination.key, m_checkpoint.uploadId, body),
                  &completeBody, what, &answer, &failure)) {
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
    if (!exchange(head, nullptr, tr("checking the completed object"), &answer, &failure))
        return false;
    bool ok = false;
    const qint64 size = answer.header("content-length").toLongLong(&ok);
    const QByteArray header = answer.header("x-cos-hash-crc64ecma");
    *etag = QString::fromLatin1(answer.header("etag"));
    return ok && size == m_objectSize && !header.isEmpty() && !Integrity::check(0, crc, header);
}

UploadResult UploadSession::succeeded(quint64 crc, const QString& etag)
{
    m_checkpoints.remove(m_file.path, m_destinationKey);
    qCInfo(lcTransfer).noquote() << "upload complete:" << m_checkpoint.parts.size() << "parts,"
                                 << m_partsUploaded << "sent by this run";
    UploadResult r = counted();
    r.ok = true;
    r.objectUrl = m_dialect->objectUrl();
    r.crc64 = crc;
    r.etag = etag;
    r.size = m_objectSize;
    describeObject(&r);
    return r;
}

} // namespace cvmi::transfer

#pragma once

// The multipart calls as StoreRequests: what each one sends, independent of the dialect that
// signs it. PutObject (a whole small file), InitiateMultipartUpload, UploadPart,
// CompleteMultipartUpload, AbortMultipartUpload, ListParts and ListMultipartUploads (paged).
#include "transfer/StoreRequest.h"

namespace cvmi::transfer::MultipartCalls {

// contentMd5: base64 MD5 of the body, or empty when the dialect does not send it.
StoreRequest putObject(const QString& key, const QByteArray& contentMd5);
StoreRequest initiate(const QString& key);
StoreRequest uploadPart(const QString& key, const QString& uploadId, int partNumber,
                        const QByteArray& contentMd5);
StoreRequest complete(const QString& key, const QString& uploadId, const QByteArray& body);
StoreRequest abort(const QString& key, const QString& uploadId);
StoreRequest listParts(const QString& key, const QString& uploadId, int partNumberMarker);
StoreRequest listUploads(const QString& prefix, const QString& keyMarker,
                         const QString& uploadIdMarker);

} // namespace cvmi::transfer::MultipartCalls

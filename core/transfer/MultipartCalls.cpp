#include "transfer/MultipartCalls.h"

#include "cloud/SigV4Signer.h"
#include "transfer/MultipartXml.h"

namespace cvmi::transfer::MultipartCalls {

namespace {

StoreRequest request(const char* method, const QString& key)
{
    StoreRequest r;
    r.method = method;
    r.key = key;
    return r;
}

void addMd5(StoreRequest& r, const QByteArray& contentMd5)
{
    if (!contentMd5.isEmpty())
        r.headers.append({QStringLiteral("Content-MD5"), QString::fromLatin1(contentMd5)});
}

} // namespace

StoreRequest putObject(const QString& key, const QByteArray& contentMd5)
{
    StoreRequest r = request("PUT", key);
    r.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/octet-stream")});
    addMd5(r, contentMd5);
    return r;
}

StoreRequest initiate(const QString& key)
{
    StoreRequest r = request("POST", key);
    r.query.append({QStringLiteral("uploads"), QString()});
    r.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/octet-stream")});
    r.payloadSha256 = cloud::SigV4Signer::payloadHash({});
    return r;
}

StoreRequest uploadPart(const QString& key, const QString& uploadId, int partNumber,
                        const QByteArray& contentMd5)
{
    StoreRequest r = request("PUT", key);
    r.query.append({QStringLiteral("partNumber"), QString::number(partNumber)});
    r.query.append({QStringLiteral("uploadId"), uploadId});
    addMd5(r, contentMd5);
    return r;
}

StoreRequest complete(const QString& key, const QString& uploadId, const QByteArray& body)
{
    StoreRequest r = request("POST", key);
    r.query.append({QStringLiteral("uploadId"), uploadId});
    r.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/xml")});
    r.payloadSha256 = cloud::SigV4Signer::payloadHash(body);
    return r;
}

StoreRequest abort(const QString& key, const QString& uploadId)
{
    StoreRequest r = request("DELETE", key);
    r.query.append({QStringLiteral("uploadId"), uploadId});
    r.payloadSha256 = cloud::SigV4Signer::payloadHash({});
    return r;
}

StoreRequest listParts(const QString& key, const QString& uploadId, int partNumberMarker)
{
    StoreRequest r = request("GET", key);
    r.query.append({QStringLiteral("max-parts"), QString::number(MultipartXml::maxEntriesPerPage)});
    if (partNumberMarker > 0)
        r.query.append({QStringLiteral("part-number-marker"), QString::number(partNumberMarker)});
    r.query.append({QStringLiteral("uploadId"), uploadId});
    r.payloadSha256 = cloud::SigV4Signer::payloadHash({});
    return r;
}

StoreRequest listUploads(const QString& prefix, const QString& keyMarker,
                         const QString& uploadIdMarker)
{
    StoreRequest r = request("GET", QString());
    if (!keyMarker.isEmpty())
        r.query.append({QStringLiteral("key-marker"), keyMarker});
    r.query.append(
        {QStringLiteral("max-uploads"), QString::number(MultipartXml::maxEntriesPerPage)});
    if (!prefix.isEmpty())
        r.query.append({QStringLiteral("prefix"), prefix});
    if (!uploadIdMarker.isEmpty())
        r.query.append({QStringLiteral("upload-id-marker"), uploadIdMarker});
    r.query.append({QStringLiteral("uploads"), QString()});
    r.payloadSha256 = cloud::SigV4Signer::payloadHash({});
    return r;
}

} // namespace cvmi::transfer::MultipartCalls

#pragma once

// What every COS answer of the emulator looks like, in one place for the files that implement
// CosService's operations: the XML reply with COS's Server and x-cos-request-id headers, COS's
// <Error> body (with what the server signed when a signature failed, so a client can compare),
// and the small pieces several operations share (owner elements, the CRC-64 header, the
// Content-MD5 check).
#include "HttpExchange.h"
#include "SignatureVerifier.h"

#include <QXmlStreamWriter>
#include <optional>

namespace cvmi::emu::cos {

// A 200 with an XML body (possibly empty) and COS's headers.
EmuResponse xmlReply(const QByteArray& body);
// A 200 without a body and so without a Content-Type, as COS answers PUT Object, Upload Part,
// PUT Bucket, DELETE, ...
EmuResponse emptyReply();
// COS's XML error; a HEAD gets the status and headers only. `auth`, when its signature was
// recomputed, adds StringToSign (and FormatString / CanonicalRequest) as COS and S3 do.
EmuResponse errorReply(const EmuRequest& request, int status, const QString& code,
                       const QString& message, const AuthResult* auth = nullptr);
// 400 InvalidDigest / BadDigest for a Content-MD5 that does not describe the body, else nothing.
std::optional<EmuResponse> contentMd5Refusal(const EmuRequest& request);

// <Owner> / <Initiator>: the account's CAM id and its APPID.
void writeOwner(QXmlStreamWriter& w, const char* element, const QString& appId);
// x-cos-hash-crc64ecma's value: the CRC-64/ECMA in decimal.
QByteArray crcHeader(quint64 crc);

} // namespace cvmi::emu::cos

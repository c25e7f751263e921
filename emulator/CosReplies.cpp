#include "CosReplies.h"

#include "util/Crc64.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace cvmi::emu::cos {

namespace {

QByteArray requestId()
{
    // COS's ids are base64 text; the content is opaque to clients.
    quint32 words[6];
    QRandomGenerator::global()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof(words)).toBase64();
}

QString ownerId(const QString& appId)
{
    return QStringLiteral("qcs::cam::uin/%1:uin/%1").arg(appId);
}

// Content-MD5, when sent, must be the base64 MD5 of the body.
std::optional<QString> contentMd5Problem(const EmuRequest& request)
{
    if (!request.hasHeader("content-md5"))
        return std::nullopt;
    const QByteArray sent = QByteArray::fromBase64(request.header("content-md5"));
    if (sent.size() != 16)
        return QStringLiteral("InvalidDigest");
    if (sent != QCryptographicHash::hash(request.body, QCryptographicHash::Md5))
        return QStringLiteral("BadDigest");
    return std::nullopt;
}

} // namespace

EmuResponse xmlReply(const QByteArray& body)
{
    EmuResponse r;
    r.setHeader("Content-Type", "application/xml");
    r.setHeader("Server", "tencent-cos");
    r.setHeader("x-cos-request-id", requestId());
    r.body = body;
    return r;
}

EmuResponse emptyReply()
{
    EmuResponse r = xmlReply({});
    r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    return r;
}

EmuResponse errorReply(const EmuRequest& request, int status, const QString& code,
                       const QString& message, const AuthResult* auth)
{
    const QByteArray id = requestId();
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("Error"));
    w.writeTextElement(QStringLiteral("Code"), code);
    w.writeTextElement(QStringLiteral("Message"), message);
    w.writeTextElement(QStringLiteral("Resource"), request.host + request.path);
    w.writeTextElement(QStringLiteral("RequestId"), QString::fromLatin1(id));
    w.writeTextElement(QStringLiteral("TraceId"), QString::fromLatin1(requestId() + requestId()));
    if (auth && !auth->stringToSign.isEmpty()) {
        w.writeTextElement(QStringLiteral("StringToSign"), auth->stringToSign);
        if (!auth->formatString.isEmpty())
            w.writeTextElement(QStringLiteral("FormatString"), auth->formatString);
        if (!auth->canonicalRequest.isEmpty())
            w.writeTextElement(QStringLiteral("CanonicalRequest"), auth->canonicalRequest);
    }
    w.writeEndElement();
    w.writeEndDocument();
    EmuResponse r = xmlReply(request.method == "HEAD" ? QByteArray() : body);
    r.status = status;
    r.setHeader("x-cos-request-id", id);
    if (request.method == "HEAD")
        r.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
    return r;
}

std::optional<EmuResponse> contentMd5Refusal(const EmuRequest& request)
{
    if (const auto problem = contentMd5Problem(request))
        return errorReply(request, 400, *problem,
                          QStringLiteral("The Content-MD5 you specified did not match what we "
                                         "received."));
    return std::nullopt;
}

void writeOwner(QXmlStreamWriter& w, const char* element, const QString& appId)
{
    w.writeStartElement(QLatin1String(element));
    w.writeTextElement(QStringLiteral("ID"), ownerId(appId));
    w.writeTextElement(QStringLiteral("DisplayName"), appId);
    w.writeEndElement();
}

QByteArray crcHeader(quint64 crc)
{
    return util::Crc64::toDecimal(crc).toLatin1();
}

} // namespace cvmi::emu::cos

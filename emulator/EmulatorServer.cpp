#include "EmulatorServer.h"

#include "ContinueResponder.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace cvmi::emu {

namespace {

// Gives every accepted connection its ContinueResponder before Qt HttpServer sees it.
class ContinueTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new ContinueResponder(socket);
        addPendingConnection(socket);
    }
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

EmuRequest toEmuRequest(const QHttpServerRequest& request)
{
    EmuRequest r;
    r.method = methodName(request.method());
    r.headers = request.headers();
    r.hostLine = request.value("host");
    QByteArray host = r.hostLine;
    const qsizetype colon = host.lastIndexOf(':');
    if (colon > 0 && !host.endsWith(']'))
        host.truncate(colon);
    r.host = QString::fromUtf8(host).toLower();
    const QUrl url = request.url();
    r.rawPath = url.path(QUrl::FullyEncoded).toUtf8();
    if (r.rawPath.isEmpty())
        r.rawPath = "/";
    r.path = decodeComponent(r.rawPath, true);
    r.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    r.query = parseQuery(r.rawQuery);
    r.body = request.body();
    return r;
}

} // namespace

EmulatorServer::EmulatorServer(CvmService& cvm, CosService& cos, FaultInjector& faults,
                               QObject* parent)
    : QAbstractHttpServer(parent), m_cvm(cvm), m_cos(cos), m_faults(faults)
{
}

quint16 EmulatorServer::listenLoopback(quint16 port, QString* error)
{
    auto* tcp = new ContinueTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

void EmulatorServer::send(QTcpSocket* socket, const EmuResponse& response, qint64 now, bool close,
                          bool truncate)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Date: " + httpDate(now) + "\r\n";
    if (response.status != 204) {
        const qint64 length = response.headOnly ? response.headLength : response.body.size();
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    }
    head += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    head += "\r\n";
    const QByteArray body = response.headOnly ? QByteArray() : response.body;
    if (truncate) {
        // Half the body after complete headers; with no body, half the headers.
        if (body.isEmpty())
            socket->write(head.left(head.size() / 2));
        else
            socket->write(head + body.left(body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    socket->write(head);
    if (!body.isEmpty())
        socket->write(body);
    if (close)
        socket->disconnectFromHost();
}

bool EmulatorServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (auto* continuer = socket->findChild<ContinueResponder*>())
        continuer->requestHandled();
    EmuRequest req = toEmuRequest(request);
    const bool close = req.header("connection").toLower() == "close";

    if (req.path.startsWith(QLatin1String("/-/emulator/"))) {
        req.nowMs = QDateTime::currentMSecsSinceEpoch();
        req.now = req.nowMs / 1000;
        send(socket, control(req), req.now, close, false);
        return true;
    }

    const bool isCvm =
        req.hasHeader("x-tc-action") || req.host.endsWith(QLatin1String(".tencentcloudapi.com"));
    const QString service = isCvm ? QStringLiteral("cvm") : QStringLiteral("cos");
    const QString operation = isCvm ? m_cvm.operationFor(req) : m_cos.operationFor(req);
    const FaultDecision fault = m_faults.decide(service, operation);
    req.nowMs =
        QDateTime::currentMSecsSinceEpoch() + (m_clockOffsetSeconds + fault.skewSeconds) * 1000;
    req.now = req.nowMs / 1000;

    if (fault.kind == FaultKind::Reset && !fault.afterProcessing) {
        socket->abort();
        return true;
    }
    EmuResponse response;
    if (fault.kind == FaultKind::InternalError || fault.kind == FaultKind::SlowDown)
        response =
            isCvm ? m_cvm.faultResponse(req, fault.kind) : m_cos.faultResponse(req, fault.kind);
    else
        response = isCvm ? m_cvm.handle(req) : m_cos.handle(req);

    deliver(socket, response, fault, req.now, close);
    return true;
}

void EmulatorServer::deliver(QTcpSocket* socket, EmuResponse response, const FaultDecision& fault,
                             qint64 now, bool close)
{
    switch (fault.kind) {
    case FaultKind::Reset:
        socket->abort();
        break;
    case FaultKind::Stall: {
        // The socket is the timer's context: a client that gives up and closes cancels it.
        QTimer::singleShot(fault.stallMs, socket, [socket, response, now, close] {
            send(socket, response, now, close, false);
        });
        break;
    }
    case FaultKind::Truncate:
        send(socket, response, now, true, true);
        break;
    case FaultKind::BadCrc: {
        // Stored as sent; only the answer's CRC-64 is wrong, as after a bit flipped on the way.
        const QByteArray stated = response.header("x-cos-hash-crc64ecma");
        response.headers.removeIf([](const auto& h) {
            return h.first.compare("x-cos-hash-crc64ecma", Qt::CaseInsensitive) == 0;
        });
        const QByteArray value =
            fault.crcValue ? *fault.crcValue : QByteArray::number(stated.toULongLong() ^ 1);
        if (!value.isEmpty())
            response.setHeader("x-cos-hash-crc64ecma", value);
        send(socket, response, now, close, false);
        break;
    }
    default:
        send(socket, response, now, close, false);
        break;
    }
}

void EmulatorServer::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    // handleRequest answers everything; this only satisfies the interface.
    EmuResponse r;
    r.status = 404;
    send(socket, r, QDateTime::currentSecsSinceEpoch(), true, false);
}

EmuResponse EmulatorServer::control(const EmuRequest& request)
{
    EmuResponse r;
    r.setHeader("Content-Type", "application/json");
    if (request.path == QLatin1String("/-/emulator/faults")) {
        if (request.method == "PUT") {
            QString problem;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body);
            if (!doc.isObject() || !m_faults.configure(doc.object(), &problem)) {
                r.status = 400;
                r.body = QJsonDocument(
                             QJsonObject{{QStringLiteral("error"),
                                          problem.isEmpty() ? QStringLiteral("not a JSON object")
                                                            : problem}})
                             .toJson(QJsonDocument::Compact);
                return r;
            }
        } else if (request.method == "DELETE") {
            m_faults.clear();
        }
        r.body = QJsonDocument(m_faults.counters()).toJson(QJsonDocument::Compact);
        return r;
    }
    if (request.path == QLatin1String("/-/emulator/health")) {
        r.body = R"({"ok":true})";
        return r;
    }
    r.status = 404;
    r.body = R"({"error":"unknown control path"})";
    return r;
}

} // namespace cvmi::emu

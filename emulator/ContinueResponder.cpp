#include "ContinueResponder.h"

#include <QTcpSocket>

namespace cvmi::emu {

namespace {
constexpr qsizetype maxHead = 64 * 1024; // beyond this Qt's parser has its own say
}

ContinueResponder::ContinueResponder(QTcpSocket* socket) : QObject(socket), m_socket(socket)
{
    // Connected before Qt HttpServer connects its own handler, so this runs first and sees the
    // bytes before the parser consumes them.
    connect(socket, &QTcpSocket::readyRead, this, &ContinueResponder::onReadyRead);
}

void ContinueResponder::requestHandled()
{
    m_head.clear();
    m_headComplete = false;
}

void ContinueResponder::onReadyRead()
{
    if (m_headComplete || m_head.size() > maxHead)
        return;
    m_head += m_socket->peek(m_socket->bytesAvailable());
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    m_headComplete = true;
    const QByteArray head = m_head.left(end).toLower();
    for (const QByteArray& line : head.split('\n')) {
        if (line.startsWith("expect:") && line.contains("100-continue")) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
    }
}

} // namespace cvmi::emu

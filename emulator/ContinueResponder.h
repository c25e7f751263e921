#pragma once

// Answers "Expect: 100-continue" with an interim "100 Continue", which Qt HttpServer 6.4 does not
// do. Without it curl (for bodies over 1 MiB) and botocore (for every UploadPart) wait a second
// before sending each body, which would distort the upload engine's benchmark. One per
// connection, a child of its socket; it only peeks at the bytes Qt's parser is about to read.
#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace cvmi::emu {

class ContinueResponder : public QObject {
    Q_OBJECT
public:
    explicit ContinueResponder(QTcpSocket* socket);
    // The request was parsed and handled: the next bytes start a new request head.
    void requestHandled();

private:
    void onReadyRead();

    QTcpSocket* m_socket;
    QByteArray m_head;
    bool m_headComplete = false;
};

} // namespace cvmi::emu

#pragma once

// The HTTP front: Qt HttpServer parses requests; this subclass gets the socket with each one,
// routes it to CVM (X-TC-Action, *.tencentcloudapi.com) or COS (everything else), applies the
// fault injector's decision (abort, late or truncated answer, skewed clock) and writes the
// response itself. Listens on 127.0.0.1 only. Paths under /-/emulator/ are the emulator's own
// control API (fault rules and counters); no COS bucket name can start with '-'.
#include "CosService.h"
#include "CvmService.h"
#include "FaultInjector.h"

#include <QAbstractHttpServer>

namespace cvmi::emu {

class EmulatorServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    EmulatorServer(CvmService& cvm, CosService& cos, FaultInjector& faults,
                   QObject* parent = nullptr);

    // 0 picks a free port; returns the port, or 0 on failure (*error set).
    quint16 listenLoopback(quint16 port, QString* error);
    // The services' clock runs this far ahead of this computer's (negative: behind), for every
    // request and in each Date header, as if the client's clock were off by the opposite.
    void setClockOffsetSeconds(qint64 seconds) { m_clockOffsetSeconds = seconds; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    EmuResponse control(const EmuRequest& request);
    // The answer as the fault decided: aborted, late, cut short, with a wrong CRC-64, or as is.
    static void deliver(QTcpSocket* socket, EmuResponse response, const FaultDecision& fault,
                        qint64 now, bool close);
    static void send(QTcpSocket* socket, const EmuResponse& response, qint64 now, bool close,
                     bool truncate);

    CvmService& m_cvm;
    CosService& m_cos;
    FaultInjector& m_faults;
    qint64 m_clockOffsetSeconds = 0;
};

} // namespace cvmi::emu

#pragma once

// SIGINT and SIGTERM as a Qt signal, so that a long command can stop cleanly (finish what is in
// flight, keep what can be resumed) instead of dying mid-write. The handler only writes a byte
// to a socket pair, the one async-signal-safe way to wake the event loop.
#include <QObject>

class QSocketNotifier;

namespace cvmi::cli {

class StopSignals : public QObject {
    Q_OBJECT
public:
    // Installs the handlers for the life of this object (one at a time).
    explicit StopSignals(QObject* parent = nullptr);
    ~StopSignals() override;

    int count() const { return m_count; }

signals:
    // number: 1 for the first signal, 2 for the second...; signal: SIGINT or SIGTERM.
    void received(int number, int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
    int m_count = 0;
};

} // namespace cvmi::cli

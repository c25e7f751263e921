#pragma once

// How `cvm-import upload` shows progress on stderr. On a terminal: one line redrawn in place
// (bar, percent, bytes, speed, ETA, parts), at most ten times a second. Anywhere else (a log, a
// pipe, CI): a plain line every few seconds and at every change of state, which a log keeps
// readable where carriage returns would pile up.
#include "transfer/UploadJob.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace cvmi::cli {

class UploadProgressView {
public:
    UploadProgressView(QTextStream& err, bool terminal);

    void show(const transfer::UploadProgress& progress);
    // Removes the redrawn line so that a message can be printed on a clean line.
    void clearLine();

    static QString speed(double bytesPerSecond);
    static qint64 etaOf(const transfer::UploadProgress& p); // seconds, -1 unknown

private:
    QString summary(const transfer::UploadProgress& p) const;
    static QString convertingSummary(const transfer::UploadProgress& p);
    static double sourcePercent(const transfer::UploadProgress& p);
    QString bar(const transfer::UploadProgress& p, int width) const;
    static int terminalColumns();

    QTextStream& m_err;
    bool m_terminal;
    bool m_lineShown = false;
    QElapsedTimer m_sinceDraw;
    transfer::UploadState m_lastState = transfer::UploadState::Preparing;
    bool m_anyShown = false;
};

} // namespace cvmi::cli

#include "UploadProgressView.h"

#include "util/Units.h"

#include <QCoreApplication>

#include <sys/ioctl.h>
#include <unistd.h>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::UploadProgressView)
};

using transfer::UploadState;

constexpr int terminalIntervalMs = 100; // ten redraws a second
constexpr int plainIntervalMs = 2000;

QString stateWord(UploadState state)
{
    switch (state) {
    case UploadState::Preparing:
        return Text::tr("preparing");
    case UploadState::Verifying:
        return Text::tr("checking");
    case UploadState::Uploading:
        return Text::tr("uploading");
    case UploadState::Pausing:
        return Text::tr("stopping");
    case UploadState::Paused:
        return Text::tr("stopped");
    case UploadState::Completing:
        return Text::tr("completing");
    case UploadState::Finished:
        return Text::tr("done");
    }
    return {};
}
} // namespace

UploadProgressView::UploadProgressView(QTextStream& err, bool terminal)
    : m_err(err), m_terminal(terminal)
{
}

qint64 UploadProgressView::etaOf(const transfer::UploadProgress& p)
{
    // Unknown (-1) until there is a speed to divide by, whatever the first reports carry.
    if (p.totalBytes >= 0 && p.bytesSent >= p.totalBytes)
        return 0;
    return p.bytesPerSecond > 0 ? p.etaSeconds : -1;
}

QString UploadProgressView::speed(double bytesPerSecond)
{
    return Text::tr("%1/s").arg(formatBytes(uint64_t(qMax(0.0, bytesPerSecond))));
}

QString UploadProgressView::summary(const transfer::UploadProgress& p) const
{
    if (p.state == UploadState::Verifying) {
        // What is read, not sent: the parts already on the server, compared with the file.
        const double checked =
            p.bytesToCheck > 0 ? 100.0 * double(p.bytesChecked) / double(p.bytesToCheck) : 100.0;
        return Text::tr("%1% %2 of %3 read, parts already sent %4/%5")
            .arg(QString::number(checked, 'f', 1), formatBytes(uint64_t(p.bytesChecked)),
                 formatBytes(uint64_t(p.bytesToCheck)))
            .arg(p.partsChecked)
            .arg(p.partsToCheck);
    }
    if (p.converting)
        return convertingSummary(p);
    const double percent =
        p.totalBytes > 0 ? 100.0 * double(p.bytesSent) / double(p.totalBytes) : 0.0;
    return Text::tr("%1% %2 of %3, %4, ETA %5, parts %6/%7")
        .arg(QString::number(percent, 'f', 1), formatBytes(uint64_t(p.bytesSent)),
             formatBytes(uint64_t(p.totalBytes)), speed(p.bytesPerSecond),
             formatShortClock(etaOf(p)))
        .arg(p.partsDone)
        .arg(p.partsTotal);
}

QString UploadProgressView::convertingSummary(const transfer::UploadProgress& p)
{
    // Read of the source and sent of the object: the object's length is known only at the end,
    // so the share done is the source's.
    const QString total =
        p.sourceBytesTotal >= 0 ? formatBytes(uint64_t(p.sourceBytesTotal)) : Text::tr("?");
    const QString parts = p.partsTotal > 0
                              ? QStringLiteral("%1/%2").arg(p.partsDone).arg(p.partsTotal)
                              : QString::number(p.partsDone);
    return Text::tr("%1% read %2 of %3, sent %4, %5, ETA %6, parts %7")
        .arg(QString::number(sourcePercent(p), 'f', 1), formatBytes(uint64_t(p.sourceBytesRead)),
             total, formatBytes(uint64_t(qMax<qint64>(0, p.bytesSent))), speed(p.bytesPerSecond),
             formatShortClock(etaOf(p)), parts);
}

double UploadProgressView::sourcePercent(const transfer::UploadProgress& p)
{
    if (p.sourceBytesTotal == 0)
        return 100.0;
    return p.sourceBytesTotal > 0 ? 100.0 * double(p.sourceBytesRead) / double(p.sourceBytesTotal)
                                  : 0.0;
}

QString UploadProgressView::bar(const transfer::UploadProgress& p, int width) const
{
    const bool checking = p.state == UploadState::Verifying;
    qint64 done = checking ? p.bytesChecked : p.bytesSent;
    qint64 total = checking ? p.bytesToCheck : p.totalBytes;
    if (p.converting && !checking) {
        // The share of the source read: the object's length is unknown until the end.
        done = qint64(sourcePercent(p) * 10);
        total = 1000;
    }
    const int filled = total > 0 ? int(qint64(width) * done / qMax<qint64>(1, total)) : 0;
    return u'[' + QString(qBound(0, filled, width), u'#') +
           QString(width - qBound(0, filled, width), u'.') + u']';
}

int UploadProgressView::terminalColumns()
{
    winsize size = {};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

void UploadProgressView::show(const transfer::UploadProgress& p)
{
    const bool stateChanged = !m_anyShown || p.state != m_lastState;
    const int interval = m_terminal ? terminalIntervalMs : plainIntervalMs;
    if (!stateChanged && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < interval)
        return;
    m_sinceDraw.start();
    m_lastState = p.state;
    m_anyShown = true;
    const QString text = summary(p);
    if (!m_terminal) {
        m_err << Text::tr("%1: %2").arg(stateWord(p.state), text) << '\n';
        m_err.flush();
        return;
    }
    // The bar takes what the text leaves of the terminal's width, between 10 and 40 columns.
    const int columns = terminalColumns();
    const int barWidth = qBound(10, columns - int(text.size()) - 4, 40);
    QString line = bar(p, barWidth) + u' ' + text;
    if (line.size() >= columns)
        line.truncate(qMax(0, columns - 1));
    m_err << '\r' << line << "\033[K";
    m_err.flush();
    m_lineShown = true;
}

void UploadProgressView::clearLine()
{
    if (!m_lineShown)
        return;
    m_err << "\r\033[K";
    m_err.flush();
    m_lineShown = false;
}

} // namespace cvmi::cli

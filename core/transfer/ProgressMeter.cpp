#include "transfer/ProgressMeter.h"

#include <cmath>

namespace cvmi::transfer {

void ProgressMeter::start(qint64 nowMs, qint64 bytes)
{
    m_windowStartMs = nowMs;
    m_windowStartBytes = bytes;
    m_lastReportMs = nowMs - minIntervalMs;
    m_speed = 0;
    m_haveSpeed = false;
}

void ProgressMeter::sample(qint64 nowMs, qint64 bytes)
{
    const qint64 elapsed = nowMs - m_windowStartMs;
    if (elapsed < 1000)
        return;
    const double current = double(qMax<qint64>(0, bytes - m_windowStartBytes)) * 1000.0 / elapsed;
    // Weight 0.3 per second: the figure follows a change in speed within a few seconds.
    m_speed = m_haveSpeed ? 0.7 * m_speed + 0.3 * current : current;
    m_haveSpeed = true;
    m_windowStartMs = nowMs;
    m_windowStartBytes = bytes;
}

qint64 ProgressMeter::etaSeconds(qint64 remainingBytes) const
{
    if (remainingBytes <= 0)
        return 0;
    if (!m_haveSpeed || m_speed < 1)
        return -1;
    return qint64(std::ceil(double(remainingBytes) / m_speed));
}

bool ProgressMeter::due(qint64 nowMs)
{
    if (nowMs - m_lastReportMs < minIntervalMs)
        return false;
    m_lastReportMs = nowMs;
    return true;
}

} // namespace cvmi::transfer

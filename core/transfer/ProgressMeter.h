#pragma once

// Turns byte counts into what the user reads: a speed smoothed over the last seconds (an
// exponential moving average of one-second samples, so one fast or stalled second does not
// swing the figure) and the time left. due() rate-limits the reports to ten a second.
#include <QtGlobal>

namespace cvmi::transfer {

class ProgressMeter {
public:
    static constexpr qint64 minIntervalMs = 100;

    void start(qint64 nowMs, qint64 bytes);
    // Records the total sent at nowMs (monotonic milliseconds).
    void sample(qint64 nowMs, qint64 bytes);
    double bytesPerSecond() const { return m_speed; }
    // -1 while the speed is unknown.
    qint64 etaSeconds(qint64 remainingBytes) const;
    // True at most once per minIntervalMs; marks the report as made.
    bool due(qint64 nowMs);
    // Whether sample() or due() would do anything now: the caller, run after every step of a
    // busy transfer loop, computes the bytes sent only then.
    bool busyAt(qint64 nowMs) const
    {
        return nowMs - m_windowStartMs >= 1000 || nowMs - m_lastReportMs >= minIntervalMs;
    }

private:
    qint64 m_windowStartMs = 0;
    qint64 m_windowStartBytes = 0;
    qint64 m_lastReportMs = -minIntervalMs;
    double m_speed = 0;
    bool m_haveSpeed = false;
};

} // namespace cvmi::transfer

#include "transfer/UploadSession.h"

// UploadSession's progress reports: the bytes sent of the total (unknown, -1, while a converted
// upload's stream has not ended), the parts, the rate and the time left, and for a converted
// upload the source's bytes read. The steps of a run are in UploadSession.cpp.
namespace cvmi::transfer {

void UploadSession::progress(UploadState state, bool force)
{
    m_state = state;
    report(state, force);
}

qint64 UploadSession::bytesDone() const
{
    qint64 sum = 0;
    for (const CheckpointPart& p : m_checkpoint.parts)
        sum += p.size;
    return sum;
}

void UploadSession::report(UploadState state, bool force)
{
    const qint64 nowMs = m_clock.elapsed();
    // After every loop step: the sums over the parts below are for a sample or a report only.
    if (!force && !m_meter.busyAt(nowMs))
        return;
    // A converted object's length is known only when its stream ends (m_objectSize -1 before).
    const qint64 total = converting() ? m_objectSize : m_file.size;
    const qint64 inFlight = bytesDone() + m_loop.bytesInFlight();
    const qint64 sent = state == UploadState::Finished ? total
                        : total < 0                    ? inFlight
                                                       : qMin(total, inFlight);
    m_meter.sample(nowMs, sent);
    if (!m_meter.due(nowMs) && !force)
        return;
    m_state = state;
    UploadProgress p;
    p.totalBytes = total;
    p.bytesSent = qMax<qint64>(0, sent);
    p.partsDone = m_plan.singlePut ? (state == UploadState::Finished ? 1 : 0)
                                   : int(m_checkpoint.parts.size());
    p.partsTotal = converting() ? (m_streamPump ? m_streamPump->partCount() : m_streamPartCount)
                                : m_plan.partCount;
    p.bytesPerSecond = m_meter.bytesPerSecond();
    // Before the file is read there is nothing to estimate from.
    p.etaSeconds = total < 0 ? -1 : m_meter.etaSeconds(total - sent);
    p.state = state;
    p.partsToCheck = m_checkParts;
    p.partsChecked = m_checkedParts;
    p.bytesToCheck = m_checkBytes;
    p.bytesChecked = m_checkedBytes;
    p.partsChanged = m_partsChanged;
    addStreamProgress(&p);
    if (m_sink.progress)
        m_sink.progress(p);
}

void UploadSession::addStreamProgress(UploadProgress* p) const
{
    if (!converting())
        return;
    p->converting = true;
    p->sourceBytesRead = m_stream ? m_stream->sourceBytesRead() : m_sourceRead;
    p->sourceBytesTotal = m_stream ? m_stream->sourceBytesToRead() : m_sourceTotal;
    // Until the stream ends, the time left follows the source: what is left to read at the
    // rate it has been read.
    if (p->totalBytes < 0 && p->sourceBytesTotal > 0 && p->sourceBytesRead > 0) {
        const double seconds = double(m_clock.elapsed()) / 1000.0;
        const double left = double(p->sourceBytesTotal - p->sourceBytesRead);
        p->etaSeconds = qMax<qint64>(0, qRound64(seconds * left / double(p->sourceBytesRead)));
    }
}

} // namespace cvmi::transfer

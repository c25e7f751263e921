#include "UploadEvents.h"

#include "UploadProgressView.h"

#include <QJsonDocument>

namespace cvmi::cli {

using transfer::UploadState;

void UploadEvents::emitEvent(const QString& name, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), name);
    m_out << QJsonDocument(fields).toJson(QJsonDocument::Compact) << '\n';
    m_out.flush();
}

QString UploadEvents::stateName(UploadState state)
{
    switch (state) {
    case UploadState::Preparing:
        return QStringLiteral("preparing");
    case UploadState::Verifying:
        return QStringLiteral("checking");
    case UploadState::Uploading:
        return QStringLiteral("uploading");
    case UploadState::Pausing:
        return QStringLiteral("stopping");
    case UploadState::Paused:
        return QStringLiteral("stopped");
    case UploadState::Completing:
        return QStringLiteral("completing");
    case UploadState::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

QJsonObject UploadEvents::progressFields(const transfer::UploadProgress& p)
{
    QJsonObject fields{
        {QStringLiteral("state"), stateName(p.state)},
        {QStringLiteral("bytes_sent"), double(p.bytesSent)},
        // null while a converted upload's length is unknown (until its stream ends)
        {QStringLiteral("total_bytes"),
         p.totalBytes < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(p.totalBytes))},
        {QStringLiteral("parts_done"), p.partsDone},
        {QStringLiteral("parts_total"), p.partsTotal},
        {QStringLiteral("bytes_per_second"), qRound64(p.bytesPerSecond) * 1.0},
        {QStringLiteral("eta_seconds"), UploadProgressView::etaOf(p) < 0
                                            ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(double(UploadProgressView::etaOf(p)))}};
    if (p.converting) {
        fields.insert(QStringLiteral("source_bytes_read"), double(p.sourceBytesRead));
        fields.insert(QStringLiteral("source_bytes_total"),
                      p.sourceBytesTotal < 0 ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(double(p.sourceBytesTotal)));
    }
    if (p.state == UploadState::Verifying) {
        fields.insert(QStringLiteral("parts_to_check"), p.partsToCheck);
        fields.insert(QStringLiteral("parts_checked"), p.partsChecked);
        fields.insert(QStringLiteral("bytes_to_check"), double(p.bytesToCheck));
        fields.insert(QStringLiteral("bytes_checked"), double(p.bytesChecked));
    }
    return fields;
}

QJsonArray UploadEvents::numbers(const QList<int>& list)
{
    QJsonArray array;
    for (const int n : list)
        array.append(n);
    return array;
}

ConfirmedParts::ConfirmedParts(const QString& checkpointDir, const QString& absoluteFilePath,
                               const QString& destinationKey)
    : m_checkpoints(checkpointDir), m_file(absoluteFilePath), m_destination(destinationKey)
{
}

void ConfirmedParts::prime()
{
    const auto record = m_checkpoints.load(m_file, m_destination, nullptr);
    if (record) {
        m_partSize = record->partSize;
        for (auto it = record->parts.cbegin(); it != record->parts.cend(); ++it)
            m_seen.insert(it.key());
    }
}

void ConfirmedParts::forget(const QList<int>& numbers)
{
    for (const int n : numbers)
        m_seen.remove(n);
}

QMap<int, transfer::CheckpointPart> ConfirmedParts::fresh()
{
    QMap<int, transfer::CheckpointPart> parts;
    const auto record = m_checkpoints.load(m_file, m_destination, nullptr);
    if (!record)
        return parts;
    m_partSize = record->partSize;
    for (auto it = record->parts.cbegin(); it != record->parts.cend(); ++it) {
        if (!m_seen.contains(it.key())) {
            m_seen.insert(it.key());
            parts.insert(it.key(), it.value());
        }
    }
    return parts;
}

QList<int> ConfirmedParts::unseen(int total) const
{
    QList<int> numbers;
    for (int n = 1; n <= total; ++n) {
        if (!m_seen.contains(n))
            numbers.append(n);
    }
    return numbers;
}

} // namespace cvmi::cli

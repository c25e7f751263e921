#include "UploadReport.h"

#include "cloud/ClockSkew.h"
#include "util/Crc64.h"
#include "util/Units.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>

#include <csignal>
#include <unistd.h>

namespace cvmi::cli {

namespace {

// The texts belong to the command that prints them.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::UploadCommand)
};

using transfer::UploadProgress;
using transfer::UploadResult;

QString signalName(int signal)
{
    return signal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT");
}

} // namespace

UploadReport::UploadReport(const CliContext& context, const PreparedUpload& prepared,
                           const SecretScrubber& scrub)
    : m_context(context), m_p(prepared), m_scrub(scrub),
      m_view(context.err, ::isatty(STDERR_FILENO) != 0), m_events(context.out),
      m_parts(m_p.job.checkpointDir, m_p.absolutePath, m_p.destinationKey)
{
}

void UploadReport::say(const QString& text)
{
    m_view.clearLine();
    m_context.err << m_scrub(text) << '\n';
    m_context.err.flush();
}

void UploadReport::started()
{
    m_parts.prime(); // the parts an earlier run left are not this run's news
    const transfer::PartPlan& plan = m_p.plan;
    if (m_p.json) {
        m_events.emitEvent(
            QStringLiteral("started"),
            {{QStringLiteral("file"), m_p.absolutePath},
             {QStringLiteral("size"), double(plan.fileSize)},
             {QStringLiteral("destination"), m_p.destination},
             {QStringLiteral("bucket"), m_p.job.destination.bucket},
             {QStringLiteral("key"), m_p.job.destination.key},
             {QStringLiteral("region"), m_p.job.destination.region},
             {QStringLiteral("convert"),
              m_p.converting() ? QStringLiteral("qcow2") : QStringLiteral("none")},
             {QStringLiteral("convert_required"), m_p.autoConverted},
             // A converted upload: the part size the engine picks (null: not yet chosen) and
             // the part count are known only later.
             {QStringLiteral("part_size"),
              plan.partSize > 0 ? QJsonValue(double(plan.partSize)) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("parts_total"),
              m_p.converting() ? QJsonValue(QJsonValue::Null) : QJsonValue(plan.partCount)},
             {QStringLiteral("single_put"), plan.singlePut},
             {QStringLiteral("concurrency"), m_p.job.concurrency},
             {QStringLiteral("limit_rate"), double(m_p.job.rateLimitBytesPerSecond)},
             {QStringLiteral("resumed"), m_p.record.has_value()},
             {QStringLiteral("parts_on_record"), m_p.record ? m_p.record->partsDone() : 0},
             {QStringLiteral("upload_id"),
              m_p.record ? QJsonValue(m_p.record->uploadId) : QJsonValue(QJsonValue::Null)}});
        return;
    }
    const QString how =
        m_p.converting()
            ? (plan.partSize > 0
                   ? Text::tr("converted to a compressed qcow2 on the way, in parts of %1, %2 at "
                              "a time")
                         .arg(formatBytes(uint64_t(plan.partSize)))
                         .arg(m_p.job.concurrency)
                   : Text::tr("converted to a compressed qcow2 on the way, %1 part(s) at a time")
                         .arg(m_p.job.concurrency))
        : plan.singlePut ? Text::tr("in one request")
                         : Text::tr("in %n part(s) of %1, %2 at a time", nullptr, plan.partCount)
                               .arg(formatBytes(uint64_t(plan.partSize)))
                               .arg(m_p.job.concurrency);
    say(Text::tr("Uploading %1 (%2) to %3 in %4, %5%6.")
            .arg(QDir::toNativeSeparators(m_p.absolutePath), formatBytes(uint64_t(plan.fileSize)),
                 m_p.destination, m_p.job.destination.region, how,
                 m_p.job.rateLimitBytesPerSecond > 0
                     ? Text::tr(", at most %1")
                           .arg(UploadProgressView::speed(double(m_p.job.rateLimitBytesPerSecond)))
                     : QString()));
    if (m_p.record && m_p.converting())
        say(Text::tr("Resuming the interrupted upload: %n part(s) on record; the disk is "
                     "converted again and each part the server still has is compared with the "
                     "new one before the rest is sent.",
                     nullptr, m_p.record->partsDone()));
    else if (m_p.record)
        say(Text::tr("Resuming the interrupted upload: %n of %1 part(s) on record; the "
                     "server is asked which it still has.",
                     nullptr, m_p.record->partsDone())
                .arg(plan.partCount));
}

void UploadReport::emitFreshParts()
{
    const auto fresh = m_parts.fresh();
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
        m_events.emitEvent(QStringLiteral("part"),
                           {{QStringLiteral("number"), it.key()},
                            {QStringLiteral("size"), double(it->size)},
                            {QStringLiteral("crc64"), util::Crc64::toDecimal(it->crc64)}});
}

void UploadReport::progress(const UploadProgress& p, int partsDoneBefore, bool resumeReused)
{
    if (m_p.json) {
        if (p.partsDone != partsDoneBefore)
            emitFreshParts();
        m_events.emitEvent(QStringLiteral("progress"), UploadEvents::progressFields(p));
        return;
    }
    if (resumeReused && m_p.converting())
        say(Text::tr("%n part(s) are on the server; each is reused if the disk converted again "
                     "gives the same bytes.",
                     nullptr, p.partsDone));
    else if (resumeReused)
        say(Text::tr("%n of %1 part(s) are on the server and reused.", nullptr, p.partsDone)
                .arg(p.partsTotal));
    m_view.show(p);
}

// Said when the check starts and when it ends, with the parts found changed (which the engine
// sends again).
void UploadReport::checking(const UploadProgress& p)
{
    if (!m_checkAnnounced) {
        m_checkAnnounced = true;
        if (m_p.json)
            m_events.emitEvent(QStringLiteral("checking"),
                               {{QStringLiteral("parts_to_check"), p.partsToCheck},
                                {QStringLiteral("bytes_to_check"), double(p.bytesToCheck)}});
        else
            say(Text::tr("Checking %n part(s) already sent against the file (%1 to read)...",
                         nullptr, p.partsToCheck)
                    .arg(formatBytes(uint64_t(p.bytesToCheck))));
    }
    if (m_checkDone || p.partsChecked < p.partsToCheck)
        return;
    m_checkDone = true;
    // Sent again, these parts are this run's news once more.
    m_parts.forget(p.partsChanged);
    if (m_p.json) {
        m_events.emitEvent(
            QStringLiteral("checked"),
            {{QStringLiteral("parts_checked"), p.partsChecked},
             {QStringLiteral("parts_changed"), UploadEvents::numbers(p.partsChanged)}});
        return;
    }
    if (p.partsChanged.isEmpty()) {
        say(Text::tr("The %n part(s) already sent match the file.", nullptr, p.partsChecked));
        return;
    }
    QStringList numbers;
    for (const int n : p.partsChanged)
        numbers.append(QString::number(n));
    say(Text::tr("%n part(s) already sent no longer match the file (it changed since, its "
                 "modification time kept): part(s) %1. They are sent again.",
                 nullptr, int(p.partsChanged.size()))
            .arg(numbers.join(QStringLiteral(", "))));
}

void UploadReport::completingAnyway(int signal)
{
    if (!m_p.json)
        say(Text::tr("Every part is sent and the upload is being completed; %1 again "
                     "stops at once.")
                .arg(signalName(signal)));
}

void UploadReport::stopping(int signal)
{
    if (!m_p.json)
        say(Text::tr("Stopping once the parts in flight are confirmed (%1 again stops at "
                     "once)...")
                .arg(signalName(signal)));
}

void UploadReport::stopped(int signal, const std::optional<transfer::Checkpoint>& record)
{
    if (m_p.json) {
        emitFreshParts();
        m_events.emitEvent(
            QStringLiteral("stopped"),
            {{QStringLiteral("signal"), signalName(signal)},
             {QStringLiteral("resumable"), record.has_value()},
             {QStringLiteral("parts_done"), record ? record->partsDone() : 0},
             {QStringLiteral("parts_total"),
              m_p.converting() ? QJsonValue(QJsonValue::Null) : QJsonValue(m_p.plan.partCount)},
             {QStringLiteral("upload_id"),
              record ? QJsonValue(record->uploadId) : QJsonValue(QJsonValue::Null)}});
    } else if (record && m_p.converting()) {
        say(Text::tr("Stopped (%1). %n part(s) are on the server and recorded for resuming: run "
                     "the same command again to resume (the disk is converted again and the "
                     "parts compared), or discard them with `cvm-import uploads --abort %2`.",
                     nullptr, record->partsDone())
                .arg(signalName(signal))
                .arg(record->uploadId));
    } else if (record) {
        say(Text::tr("Stopped (%1). %n of %2 part(s) are on the server and recorded for "
                     "resuming: run the same command again to resume, or discard them with "
                     "`cvm-import uploads --abort %3`.",
                     nullptr, record->partsDone())
                .arg(signalName(signal))
                .arg(m_p.plan.partCount)
                .arg(record->uploadId));
    } else {
        say(Text::tr("Stopped (%1) before anything could be kept: run the same command "
                     "again to upload from the start.")
                .arg(signalName(signal)));
    }
}

void UploadReport::finished(const UploadResult& r, double seconds)
{
    if (m_p.json)
        emitFinished(r, seconds);
    else
        printFinished(r, seconds);
}

void UploadReport::emitFinished(const UploadResult& r, double seconds)
{
    emitFreshParts();
    if (!r.ok) {
        QJsonObject fields{{QStringLiteral("code"), r.error.code},
                           {QStringLiteral("message"), m_scrub(r.error.message)},
                           {QStringLiteral("resumable"), resumable()}};
        if (r.cloudError.isSet())
            fields.insert(
                QStringLiteral("cloud"),
                QJsonObject{{QStringLiteral("code"), m_scrub(r.cloudError.code)},
                            {QStringLiteral("message"), m_scrub(r.cloudError.message)},
                            {QStringLiteral("request_id"), m_scrub(r.cloudError.requestId)},
                            {QStringLiteral("http_status"), r.cloudError.httpStatus}});
        m_events.emitEvent(QStringLiteral("failed"), fields);
        m_context.err << m_scrub(r.error.message) << '\n';
        return;
    }
    // The record of the last parts goes away with the completed upload: their numbers and
    // sizes are still known, their own CRC-64 only inside the object's.
    emitLastParts(r);
    m_events.emitEvent(QStringLiteral("finished"),
                       {{QStringLiteral("url"), r.objectUrl},
                        {QStringLiteral("crc64"), util::Crc64::toDecimal(r.crc64)},
                        {QStringLiteral("etag"), r.etag},
                        {QStringLiteral("size"), double(r.size)},
                        {QStringLiteral("format"), r.format},
                        {QStringLiteral("source_bytes"), double(r.sourceBytes)},
                        {QStringLiteral("virtual_size"), double(r.virtualSize)},
                        {QStringLiteral("bytes_sent"), double(r.size)},
                        {QStringLiteral("parts_uploaded"), r.partsUploaded},
                        {QStringLiteral("parts_reused"), r.partsReused},
                        {QStringLiteral("parts_checked"), r.partsChecked},
                        {QStringLiteral("parts_changed"), UploadEvents::numbers(r.partsChanged)},
                        {QStringLiteral("seconds"), qRound(seconds * 10) / 10.0},
                        {QStringLiteral("clock_skew_seconds"),
                         r.clockSkewSeconds ? QJsonValue(double(*r.clockSkewSeconds))
                                            : QJsonValue(QJsonValue::Null)}});
}

void UploadReport::emitLastParts(const UploadResult& r)
{
    // The record of the last parts goes away with the completed upload: their numbers and
    // sizes are still known, their own CRC-64 only inside the object's.
    const int count = m_p.converting()     ? r.partsUploaded + r.partsReused
                      : m_p.plan.singlePut ? 0
                                           : m_p.plan.partCount;
    const qint64 partSize = m_p.converting() ? m_parts.partSize() : m_p.plan.partSize;
    for (const int number : m_parts.unseen(count)) {
        qint64 size = m_p.plan.lengthOf(number);
        if (m_p.converting())
            size = partSize <= 0 ? -1 : number < count ? partSize : r.size - (count - 1) * partSize;
        m_events.emitEvent(QStringLiteral("part"),
                           {{QStringLiteral("number"), number},
                            {QStringLiteral("size"),
                             size < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(size))},
                            {QStringLiteral("crc64"), QJsonValue(QJsonValue::Null)}});
    }
}

bool UploadReport::resumable() const
{
    return transfer::Checkpoints(m_p.job.checkpointDir)
        .loadResumable(m_p.absolutePath, m_p.destinationKey, nullptr)
        .has_value();
}

void UploadReport::printFailed(const UploadResult& r)
{
    say(Text::tr("Upload failed: %1").arg(r.error.message));
    if (r.clockSkewSeconds)
        say(Text::tr("Clock: %1").arg(cloud::ClockSkew::describe(*r.clockSkewSeconds)));
    // Another run's record, or none that can be kept: nothing of this run is kept.
    const bool notOurs = r.error.code == QLatin1String("upload.busy") ||
                         r.error.code == QLatin1String("upload.no_record");
    if (r.error.code == QLatin1String("upload.file_changed") ||
        r.error.code == QLatin1String("upload.conversion_changed") ||
        r.error.code == QLatin1String("upload.stream_changed"))
        say(Text::tr("To upload the file as it is now, run the command again with "
                     "--restart."));
    else if (!notOurs && resumable())
        say(Text::tr("The parts sent so far are kept: once the problem is fixed, run "
                     "the same command again to resume."));
}

void UploadReport::printFinished(const UploadResult& r, double seconds)
{
    m_view.clearLine();
    if (!r.ok) {
        printFailed(r);
        return;
    }
    say(Text::tr("Uploaded %1 in %2 (%3 on average).")
            .arg(formatBytes(uint64_t(r.size)), formatShortClock(qint64(seconds + 0.5)),
                 UploadProgressView::speed(seconds > 0 ? double(r.size) / seconds : 0)));
    if (m_p.converting())
        say(Text::tr("Converted to %1 on the way: %2 sent for a %3 file (%4 of it) holding a "
                     "%5 disk.")
                .arg(r.format, formatBytes(uint64_t(r.size)), formatBytes(uint64_t(r.sourceBytes)),
                     r.sourceBytes > 0
                         ? QStringLiteral("%1%").arg(QString::number(
                               100.0 * double(r.size) / double(r.sourceBytes), 'f', 1))
                         : QStringLiteral("-"),
                     formatBytes(uint64_t(r.virtualSize))));
    if (r.partsReused > 0)
        say(Text::tr("Resumed: %n part(s) reused from the interrupted upload, %1 sent now.",
                     nullptr, r.partsReused)
                .arg(r.partsUploaded));
    if (r.clockSkewSeconds)
        say(Text::tr("Clock: %1").arg(cloud::ClockSkew::describe(*r.clockSkewSeconds)));
    m_context.out << Text::tr("URL:    %1").arg(r.objectUrl) << '\n'
                  << Text::tr("CRC-64: %1 (x-cos-hash-crc64ecma, checked)")
                         .arg(util::Crc64::toDecimal(r.crc64))
                  << '\n';
    m_context.out.flush();
}

} // namespace cvmi::cli

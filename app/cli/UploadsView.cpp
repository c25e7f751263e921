#include "UploadsView.h"

#include "util/Units.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cvmi::cli {

namespace {

// The texts belong to the command that prints them.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::UploadsCommand)
};

using transfer::CheckpointEntry;
using transfer::PendingUpload;

QString age(const QDateTime& when)
{
    const qint64 s = qMax<qint64>(0, when.secsTo(QDateTime::currentDateTime()));
    if (s < 120)
        return Text::tr("%n second(s) ago", nullptr, int(s));
    if (s < 2 * 3600)
        return Text::tr("%n minute(s) ago", nullptr, int(s / 60));
    if (s < 2 * 86400)
        return Text::tr("%n hour(s) ago", nullptr, int(s / 3600));
    return Text::tr("%n day(s) ago", nullptr, int(s / 86400));
}

QString destinationText(const transfer::DestinationParts& d)
{
    return QStringLiteral("cos://") + d.bucket + u'/' + d.key;
}

void printAborted(const CliContext& context, const QList<AbortOutcome>& aborted)
{
    QTextStream& out = context.out;
    for (const AbortOutcome& o : aborted) {
        if (o.ok && o.uploadId.isEmpty())
            out << Text::tr("Removed the resume record of cos://%1/%2: its interrupted start "
                            "left no upload on the server.")
                       .arg(o.bucket, o.key)
                << '\n';
        else if (o.ok)
            out << Text::tr("Aborted upload %1 of cos://%2/%3%4.")
                       .arg(o.uploadId, o.bucket, o.key,
                            o.recordRemoved ? Text::tr("; its resume record is removed")
                                            : QString())
                << '\n';
        else
            context.err << Text::tr("Could not abort upload %1 of cos://%2/%3: %4")
                               .arg(o.uploadId, o.bucket, o.key, o.message)
                        << '\n';
    }
    if (!aborted.isEmpty())
        out << '\n';
}

void printRecord(QTextStream& out, const CheckpointEntry& e, const SecretScrubber& scrub)
{
    if (!e.checkpoint) {
        out << "  " << Text::tr("(unusable) %1").arg(scrub(e.problem.message)) << '\n';
        return;
    }
    out << "  " << QDir::toNativeSeparators(e.checkpoint->file.path) << " -> "
        << destinationText(e.destination) << " (" << e.destination.region << ")\n"
        << "      ";
    if (e.checkpoint->awaitingUploadId())
        out << Text::tr("interrupted while starting, %1, before the server's answer: "
                        "running its upload command again (or --abort-all) aborts "
                        "whatever that start left")
                   .arg(age(e.updated));
    else if (e.checkpoint->conversion != transfer::Conversion::None)
        // A converted upload's length is known only when its stream ends: no total to show.
        out << Text::tr("converted to qcow2, %n part(s) of %1 done, last part %2, upload ID %3",
                        nullptr, e.partsDone())
                   .arg(formatBytes(uint64_t(e.checkpoint->partSize)))
                   .arg(age(e.updated), e.checkpoint->uploadId);
    else
        out << Text::tr("%1 of %2 parts done, last part %3, upload ID %4")
                   .arg(e.partsDone())
                   .arg(e.partsTotal())
                   .arg(age(e.updated), e.checkpoint->uploadId);
    if (e.inUseBy)
        out << "; "
            << (*e.inUseBy > 0 ? Text::tr("in use by process %1").arg(*e.inUseBy)
                               : Text::tr("in use by another run"));
    out << '\n';
}

void printServer(QTextStream& out, const UploadsListing& listing)
{
    out << '\n'
        << Text::tr("Unfinished multipart uploads in %1 (%2): %3")
               .arg(listing.bucketText, listing.bucket.region,
                    listing.server.isEmpty() ? Text::tr("none")
                                             : QString::number(listing.server.size()))
        << '\n';
    for (const PendingUpload& u : listing.server) {
        const auto record = listing.recordOf(u.uploadId);
        out << "  " << u.key << '\n'
            << "      "
            << Text::tr("upload ID %1, started %2, %3")
                   .arg(u.uploadId, u.initiated,
                        record ? Text::tr("resumable from %1")
                                     .arg(QDir::toNativeSeparators(record->file.path))
                               : Text::tr("no local resume record"))
            << '\n';
    }
    if (!listing.server.isEmpty())
        out << "  "
            << Text::tr("Their parts cost storage until completed or aborted: "
                        "cvm-import uploads %1 --abort UPLOAD_ID (or --abort-all).")
                   .arg(listing.bucketText)
            << '\n';
}

QJsonObject recordJson(const CheckpointEntry& e, const SecretScrubber& scrub)
{
    QJsonObject o{{QStringLiteral("record"), e.recordPath},
                  {QStringLiteral("updated"), e.updated.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("age_seconds"),
                   double(qMax<qint64>(0, e.updated.secsTo(QDateTime::currentDateTime())))}};
    if (!e.checkpoint) {
        o.insert(QStringLiteral("problem"), scrub(e.problem.message));
        return o;
    }
    o.insert(QStringLiteral("file"), e.checkpoint->file.path);
    o.insert(QStringLiteral("size"), double(e.checkpoint->file.size));
    o.insert(QStringLiteral("destination"), destinationText(e.destination));
    o.insert(QStringLiteral("bucket"), e.destination.bucket);
    o.insert(QStringLiteral("key"), e.destination.key);
    o.insert(QStringLiteral("region"), e.destination.region);
    o.insert(QStringLiteral("endpoint"), e.destination.endpoint);
    o.insert(QStringLiteral("upload_id"), e.checkpoint->awaitingUploadId()
                                              ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(e.checkpoint->uploadId));
    o.insert(QStringLiteral("started"),
             e.checkpoint->startedAt > 0
                 ? QJsonValue(QDateTime::fromSecsSinceEpoch(e.checkpoint->startedAt)
                                  .toUTC()
                                  .toString(Qt::ISODate))
                 : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("part_size"), double(e.checkpoint->partSize));
    o.insert(QStringLiteral("parts_done"), e.partsDone());
    // null for a converted upload, whose part count is known only at its end.
    const bool converted = e.checkpoint->conversion != transfer::Conversion::None;
    o.insert(QStringLiteral("parts_total"),
             converted ? QJsonValue(QJsonValue::Null) : QJsonValue(e.partsTotal()));
    o.insert(QStringLiteral("convert"),
             converted ? QStringLiteral("qcow2") : QStringLiteral("none"));
    o.insert(QStringLiteral("in_use_by_pid"),
             e.inUseBy ? QJsonValue(double(*e.inUseBy)) : QJsonValue(QJsonValue::Null));
    return o;
}

QJsonValue serverJson(const UploadsListing& listing)
{
    if (listing.bucketText.isEmpty())
        return QJsonValue(QJsonValue::Null);
    QJsonArray uploads;
    for (const PendingUpload& u : listing.server) {
        const auto record = listing.recordOf(u.uploadId);
        uploads.append(
            QJsonObject{{QStringLiteral("key"), u.key},
                        {QStringLiteral("upload_id"), u.uploadId},
                        {QStringLiteral("initiated"), u.initiated},
                        {QStringLiteral("local"), record.has_value()},
                        {QStringLiteral("file"),
                         record ? QJsonValue(record->file.path) : QJsonValue(QJsonValue::Null)}});
    }
    return QJsonObject{{QStringLiteral("bucket"), listing.bucket.bucket},
                       {QStringLiteral("region"), listing.bucket.region},
                       {QStringLiteral("prefix"), listing.prefix},
                       {QStringLiteral("uploads"), uploads}};
}

QJsonArray abortedJson(const QList<AbortOutcome>& outcomes)
{
    QJsonArray aborted;
    for (const AbortOutcome& o : outcomes) {
        QJsonObject a{{QStringLiteral("bucket"), o.bucket},
                      {QStringLiteral("key"), o.key},
                      {QStringLiteral("upload_id"), o.uploadId.isEmpty()
                                                        ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(o.uploadId)},
                      {QStringLiteral("ok"), o.ok},
                      {QStringLiteral("record_removed"), o.recordRemoved}};
        if (!o.ok)
            a.insert(QStringLiteral("error"), o.message);
        aborted.append(a);
    }
    return aborted;
}

} // namespace

std::optional<transfer::Checkpoint> UploadsListing::recordOf(const QString& uploadId) const
{
    for (const CheckpointEntry& e : records) {
        if (e.checkpoint && e.checkpoint->uploadId == uploadId)
            return e.checkpoint;
    }
    return std::nullopt;
}

void printUploadsText(const CliContext& context, const UploadsListing& listing,
                      const SecretScrubber& scrub)
{
    QTextStream& out = context.out;
    printAborted(context, listing.aborted);
    out << Text::tr("Resume records in %1: %2")
               .arg(QDir::toNativeSeparators(listing.checkpointDir))
               .arg(listing.records.isEmpty() ? Text::tr("none")
                                              : QString::number(listing.records.size()))
        << '\n';
    for (const CheckpointEntry& e : listing.records)
        printRecord(out, e, scrub);
    if (!listing.records.isEmpty())
        out << "  " << Text::tr("Resume one by running its upload command again.") << '\n';
    if (!listing.bucketText.isEmpty())
        printServer(out, listing);
    out.flush();
}

void printUploadsJson(QTextStream& out, const UploadsListing& listing, const SecretScrubber& scrub)
{
    QJsonArray local;
    for (const CheckpointEntry& e : listing.records)
        local.append(recordJson(e, scrub));
    const QJsonObject document{{QStringLiteral("schema"), 1},
                               {QStringLiteral("checkpoint_dir"), listing.checkpointDir},
                               {QStringLiteral("local"), local},
                               {QStringLiteral("server"), serverJson(listing)},
                               {QStringLiteral("aborted"), abortedJson(listing.aborted)}};
    out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    out.flush();
}

} // namespace cvmi::cli

#include "UploadsCommand.h"

#include "CloudOptions.h"
#include "CosAddress.h"
#include "SecretScrubber.h"
#include "transfer/CheckpointIndex.h"
#include "transfer/DestinationLock.h"
#include "transfer/MultipartAdmin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cvmi::cli {

namespace {

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

// What is to be aborted: an upload on the server, and the local record that resumes it, if any.
// No uploadId: only the record goes (one awaiting its upload id whose start left nothing).
struct Abort {
    transfer::UploadDestination destination;
    QString uploadId;
    std::optional<transfer::Checkpoint> record;
};

struct AbortOutcome {
    QString bucket;
    QString key;
    QString uploadId;
    bool ok = false;
    bool recordRemoved = false;
    QString message; // the failure, scrubbed
};

class UploadsRun {
public:
    UploadsRun(const CliContext& context, bool json) : m_context(context), m_json(json) {}

    int run(const QCommandLineParser& parser, CloudOptions& cloud,
            const QCommandLineOption& abortOne, const QCommandLineOption& abortAll)
    {
        const QStringList positional = parser.positionalArguments();
        if (positional.size() > 1)
            return usageError(Text::tr("uploads takes at most one bucket (unexpected \"%1\").")
                                  .arg(positional.at(1)));
        if (parser.isSet(abortOne) && parser.isSet(abortAll))
            return usageError(Text::tr("Use either --abort UPLOAD_ID or --abort-all, not both."));
        Error error;
        std::optional<CosAddress> bucket;
        if (!positional.isEmpty()) {
            bucket = CosAddress::parse(positional.at(0), &error);
            if (!bucket)
                return usageError(error.message);
        }
        const bool aborting = parser.isSet(abortOne) || parser.isSet(abortAll);
        m_checkpointDir = transfer::Checkpoints(QString()).dir();
        m_records = transfer::CheckpointIndex::list(m_checkpointDir);

        // Credentials only when the server is asked: listing the local records needs none.
        if (bucket || aborting) {
            if (!cloud.resolveForCommand(parser, CloudOptions::Quiet::CloudAndTransfer, &error))
                return fail(error.message);
            m_credentials = cloud.credentials();
            m_scrub.setSecrets(m_credentials);
        }
        if (bucket) {
            m_bucket.bucket = bucket->bucket;
            m_bucket.region = cloud.region();
            m_bucket.endpoints = cloud.endpoints();
            m_prefix = bucket->path;
            m_bucketText = bucket->toString();
            if (!listServer())
                return ExitError;
        }
        if (aborting) {
            QList<Abort> aborts;
            const bool planned =
                parser.isSet(abortAll)
                    ? planAbortAll(bucket.has_value(), &aborts)
                    : planAbortOne(parser.value(abortOne).trimmed(), bucket.has_value(), &aborts);
            if (!planned)
                return ExitError;
            for (const Abort& a : aborts)
                m_aborted.append(abort(a));
            // What is left, as the lists show it.
            m_records = transfer::CheckpointIndex::list(m_checkpointDir);
            if (bucket && !listServer())
                return ExitError;
        }
        if (m_json)
            printJson();
        else
            printText();
        for (const AbortOutcome& o : m_aborted) {
            if (!o.ok)
                return ExitError;
        }
        return ExitOk;
    }

private:
    int usageError(const QString& message)
    {
        m_context.err << message << '\n'
                      << Text::tr("Usage: cvm-import uploads [cos://BUCKET-APPID[/PREFIX]] "
                                  "[--abort UPLOAD_ID | --abort-all] [--json]")
                      << '\n';
        return ExitError;
    }

    int fail(const QString& message)
    {
        m_context.err << m_scrub(message) << '\n';
        return ExitError;
    }

    bool listServer()
    {
        const auto listed =
            transfer::MultipartAdmin::listPending(m_bucket, m_credentials, m_prefix).result();
        if (!listed.ok()) {
            fail(Text::tr("Listing the unfinished uploads of %1 failed: %2")
                     .arg(m_bucketText, listed.error.toString()));
            return false;
        }
        m_server = listed.value;
        return true;
    }

    std::optional<transfer::Checkpoint> recordOf(const QString& uploadId) const
    {
        for (const CheckpointEntry& e : m_records) {
            if (e.checkpoint && e.checkpoint->uploadId == uploadId)
                return e.checkpoint;
        }
        return std::nullopt;
    }

    // A record's own destination (bucket, region, endpoint), as the upload went there.
    bool abortOfRecord(const CheckpointEntry& e, Abort* a)
    {
        Error error;
        const auto destination = transfer::CheckpointIndex::destinationOf(e.destination, &error);
        if (!destination) {
            fail(Text::tr("The resume record %1 names an endpoint that cannot be used: %2")
                     .arg(e.recordPath, error.message));
            return false;
        }
        *a = {*destination, e.checkpoint->uploadId, e.checkpoint};
        return true;
    }

    Abort abortOfServer(const PendingUpload& u) const
    {
        Abort a{m_bucket, u.uploadId, recordOf(u.uploadId)};
        a.destination.key = u.key;
        return a;
    }

    bool planAbortOne(const QString& uploadId, bool haveBucket, QList<Abort>* aborts)
    {
        if (uploadId.isEmpty()) {
            usageError(Text::tr("--abort needs an upload ID, as `cvm-import uploads` lists it."));
            return false;
        }
        if (haveBucket) {
            for (const PendingUpload& u : m_server) {
                if (u.uploadId == uploadId) {
                    aborts->append(abortOfServer(u));
                    return true;
                }
            }
        }
        for (const CheckpointEntry& e : m_records) {
            if (!e.checkpoint || e.checkpoint->uploadId != uploadId)
                continue;
            Abort a;
            if (!abortOfRecord(e, &a))
                return false;
            aborts->append(a);
            return true;
        }
        fail(haveBucket
                 ? Text::tr("No unfinished upload %1 in %2, and no local resume record of it.")
                       .arg(uploadId, m_bucketText)
                 : Text::tr("No local resume record has the upload ID %1. To abort an upload "
                            "only the server knows, name its bucket: cvm-import uploads "
                            "cos://BUCKET-APPID --abort %1.")
                       .arg(uploadId));
        return false;
    }

    bool planAbortAll(bool haveBucket, QList<Abort>* aborts)
    {
        if (haveBucket) {
            for (const PendingUpload& u : m_server)
                aborts->append(abortOfServer(u));
            return true;
        }
        for (const CheckpointEntry& e : m_records) {
            Abort a;
            if (!e.checkpoint || !abortOfRecord(e, &a))
                continue;
            if (!e.checkpoint->awaitingUploadId())
                aborts->append(a);
            else if (!planAbortUnconfirmed(a, aborts))
                return false;
        }
        return true;
    }

    // The record of a start interrupted before its answer: the server is asked which uploads
    // of its key that start may have created, and those are aborted; the record goes with them.
    bool planAbortUnconfirmed(const Abort& base, QList<Abort>* aborts)
    {
        const transfer::Checkpoint& record = *base.record;
        const auto listed = transfer::MultipartAdmin::listPending(base.destination, m_credentials,
                                                                  base.destination.key)
                                .result();
        if (!listed.ok()) {
            fail(Text::tr("Listing the unfinished uploads of cos://%1/%2 failed: %3")
                     .arg(base.destination.bucket, base.destination.key, listed.error.toString()));
            return false;
        }
        bool any = false;
        for (const PendingUpload& u : listed.value) {
            if (!u.mayBeStartedBy(base.destination.key, record.startedAt))
                continue;
            Abort a = base;
            a.uploadId = u.uploadId;
            aborts->append(a);
            any = true;
        }
        if (!any)
            aborts->append(base); // nothing on the server: only the record goes
        return true;
    }

    AbortOutcome abort(const Abort& a)
    {
        AbortOutcome o;
        o.bucket = a.destination.bucket;
        o.key = a.destination.key;
        o.uploadId = a.uploadId;
        if (a.record) {
            const auto holder =
                transfer::DestinationLock::holder(m_checkpointDir, a.record->destination);
            if (holder) {
                // Aborting under a running upload would only make it fail: it is stopped first.
                o.message =
                    Text::tr("it is in use by process %1; stop that run first").arg(*holder);
                return o;
            }
        }
        if (a.uploadId.isEmpty()) {
            transfer::Checkpoints(m_checkpointDir)
                .remove(a.record->file.path, a.record->destination);
            o.ok = o.recordRemoved = true;
            return o;
        }
        const auto result = transfer::MultipartAdmin::abort(a.destination, m_credentials,
                                                            a.destination.key, a.uploadId)
                                .result();
        // Gone already (completed, aborted, expired): what the user wanted is true.
        o.ok = result.ok() || result.error.code == QLatin1String("NoSuchUpload");
        if (!o.ok)
            o.message = m_scrub(result.error.toString());
        if (o.ok && a.record) {
            transfer::Checkpoints(m_checkpointDir)
                .remove(a.record->file.path, a.record->destination);
            o.recordRemoved = true;
        }
        return o;
    }

    void printText()
    {
        QTextStream& out = m_context.out;
        for (const AbortOutcome& o : m_aborted) {
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
                m_context.err << Text::tr("Could not abort upload %1 of cos://%2/%3: %4")
                                     .arg(o.uploadId, o.bucket, o.key, o.message)
                              << '\n';
        }
        if (!m_aborted.isEmpty())
            out << '\n';
        out << Text::tr("Resume records in %1: %2")
                   .arg(QDir::toNativeSeparators(m_checkpointDir))
                   .arg(m_records.isEmpty() ? Text::tr("none") : QString::number(m_records.size()))
            << '\n';
        for (const CheckpointEntry& e : m_records) {
            if (!e.checkpoint) {
                out << "  " << Text::tr("(unusable) %1").arg(m_scrub(e.problem.message)) << '\n';
                continue;
            }
            out << "  " << QDir::toNativeSeparators(e.checkpoint->file.path) << " -> "
                << destinationText(e.destination) << " (" << e.destination.region << ")\n"
                << "      ";
            if (e.checkpoint->awaitingUploadId())
                out << Text::tr("interrupted while starting, %1, before the server's answer: "
                                "running its upload command again (or --abort-all) aborts "
                                "whatever that start left")
                           .arg(age(e.updated));
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
        if (!m_records.isEmpty())
            out << "  " << Text::tr("Resume one by running its upload command again.") << '\n';
        if (!m_bucketText.isEmpty()) {
            out << '\n'
                << Text::tr("Unfinished multipart uploads in %1 (%2): %3")
                       .arg(m_bucketText, m_bucket.region,
                            m_server.isEmpty() ? Text::tr("none")
                                               : QString::number(m_server.size()))
                << '\n';
            for (const PendingUpload& u : m_server) {
                const auto record = recordOf(u.uploadId);
                out << "  " << u.key << '\n'
                    << "      "
                    << Text::tr("upload ID %1, started %2, %3")
                           .arg(u.uploadId, u.initiated,
                                record ? Text::tr("resumable from %1")
                                             .arg(QDir::toNativeSeparators(record->file.path))
                                       : Text::tr("no local resume record"))
                    << '\n';
            }
            if (!m_server.isEmpty())
                out << "  "
                    << Text::tr("Their parts cost storage until completed or aborted: "
                                "cvm-import uploads %1 --abort UPLOAD_ID (or --abort-all).")
                           .arg(m_bucketText)
                    << '\n';
        }
        out.flush();
    }

    void printJson()
    {
        QJsonArray local;
        for (const CheckpointEntry& e : m_records) {
            QJsonObject o{
                {QStringLiteral("record"), e.recordPath},
                {QStringLiteral("updated"), e.updated.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("age_seconds"),
                 double(qMax<qint64>(0, e.updated.secsTo(QDateTime::currentDateTime())))}};
            if (!e.checkpoint) {
                o.insert(QStringLiteral("problem"), m_scrub(e.problem.message));
            } else {
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
                o.insert(QStringLiteral("parts_total"), e.partsTotal());
                o.insert(QStringLiteral("in_use_by_pid"),
                         e.inUseBy ? QJsonValue(double(*e.inUseBy)) : QJsonValue(QJsonValue::Null));
            }
            local.append(o);
        }
        QJsonObject document{{QStringLiteral("schema"), 1},
                             {QStringLiteral("checkpoint_dir"), m_checkpointDir},
                             {QStringLiteral("local"), local}};
        if (!m_bucketText.isEmpty()) {
            QJsonArray uploads;
            for (const PendingUpload& u : m_server) {
                const auto record = recordOf(u.uploadId);
                uploads.append(
                    QJsonObject{{QStringLiteral("key"), u.key},
                                {QStringLiteral("upload_id"), u.uploadId},
                                {QStringLiteral("initiated"), u.initiated},
                                {QStringLiteral("local"), record.has_value()},
                                {QStringLiteral("file"), record ? QJsonValue(record->file.path)
                                                                : QJsonValue(QJsonValue::Null)}});
            }
            document.insert(QStringLiteral("server"),
                            QJsonObject{{QStringLiteral("bucket"), m_bucket.bucket},
                                        {QStringLiteral("region"), m_bucket.region},
                                        {QStringLiteral("prefix"), m_prefix},
                                        {QStringLiteral("uploads"), uploads}});
        } else {
            document.insert(QStringLiteral("server"), QJsonValue(QJsonValue::Null));
        }
        QJsonArray aborted;
        for (const AbortOutcome& o : m_aborted) {
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
        document.insert(QStringLiteral("aborted"), aborted);
        m_context.out << QJsonDocument(document).toJson(QJsonDocument::Indented);
        m_context.out.flush();
    }

    const CliContext& m_context;
    bool m_json;
    SecretScrubber m_scrub;
    QString m_checkpointDir;
    QList<CheckpointEntry> m_records;
    cloud::Credentials m_credentials;
    transfer::UploadDestination m_bucket; // key unused: the bucket the server lists are of
    QString m_prefix;
    QString m_bucketText;
    QList<PendingUpload> m_server;
    QList<AbortOutcome> m_aborted;
};

} // namespace

int runUploads(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Lists the resume records of interrupted uploads on this computer and, given a "
                 "bucket, the unfinished multipart uploads the server keeps (their parts cost "
                 "storage until completed or aborted), marking those a record here can resume. "
                 "--abort and --abort-all abort on the server and remove the matching "
                 "records.\nExit status: 0 done, 2 error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("BUCKET"), Text::tr("cos://BUCKET-APPID[/PREFIX]"),
                                 QStringLiteral("[cos://BUCKET-APPID[/PREFIX]]"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print the lists as JSON (see docs/cli-upload.md)."));
    const QCommandLineOption abortOne(
        QStringLiteral("abort"),
        Text::tr("Abort the upload with this ID (from the list) and remove its resume record."),
        QStringLiteral("UPLOAD_ID"));
    const QCommandLineOption abortAll(
        QStringLiteral("abort-all"),
        Text::tr("Abort every unfinished upload listed: the bucket's (under PREFIX), or without "
                 "a bucket every one a local record names."));
    parser.addOptions({json, abortOne, abortAll});
    CloudOptions cloud;
    cloud.addTo(parser);
    if (const auto exit = parseArguments(parser, context))
        return *exit;
    return UploadsRun(context, parser.isSet(json)).run(parser, cloud, abortOne, abortAll);
}

} // namespace cvmi::cli

#include "UploadsCommand.h"

#include "CloudOptions.h"
#include "CosAddress.h"
#include "SecretScrubber.h"
#include "UploadsView.h"
#include "transfer/CheckpointIndex.h"
#include "transfer/DestinationLock.h"
#include "transfer/MultipartAdmin.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::UploadsCommand)
};

using transfer::CheckpointEntry;
using transfer::PendingUpload;

// What is to be aborted: an upload on the server, and the local record that resumes it, if any.
// No uploadId: only the record goes (one awaiting its upload id whose start left nothing).
struct Abort {
    transfer::UploadDestination destination;
    QString uploadId;
    std::optional<transfer::Checkpoint> record;
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
        m_l.checkpointDir = transfer::Checkpoints(QString()).dir();
        m_l.records = transfer::CheckpointIndex::list(m_l.checkpointDir);

        // Credentials only when the server is asked: listing the local records needs none.
        if (bucket || aborting) {
            if (!cloud.resolveForCommand(parser, CloudOptions::Quiet::CloudAndTransfer, &error))
                return fail(error.message);
            m_credentials = cloud.credentials();
            m_scrub.setSecrets(m_credentials);
        }
        if (bucket && !listBucket(*bucket, cloud))
            return ExitError;
        if (aborting && !abortAsked(parser.isSet(abortAll) ? std::optional<QString>()
                                                           : parser.value(abortOne).trimmed(),
                                    bucket.has_value()))
            return ExitError;
        if (m_json)
            printUploadsJson(m_context.out, m_l, m_scrub);
        else
            printUploadsText(m_context, m_l, m_scrub);
        for (const AbortOutcome& o : m_l.aborted) {
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

    bool listBucket(const CosAddress& bucket, const CloudOptions& cloud)
    {
        m_l.bucket.bucket = bucket.bucket;
        m_l.bucket.region = cloud.region();
        m_l.bucket.endpoints = cloud.endpoints();
        m_l.prefix = bucket.path;
        m_l.bucketText = bucket.toString();
        return listServer();
    }

    // --abort UPLOAD_ID (`uploadId`) or --abort-all (nullopt): planned, then done one by one; the
    // lists are read again to show what is left. False: the plan failed (said on stderr).
    bool abortAsked(const std::optional<QString>& uploadId, bool haveBucket)
    {
        QList<Abort> aborts;
        const bool planned = uploadId ? planAbortOne(*uploadId, haveBucket, &aborts)
                                      : planAbortAll(haveBucket, &aborts);
        if (!planned)
            return false;
        for (const Abort& a : aborts)
            m_l.aborted.append(abort(a));
        // What is left, as the lists show it.
        m_l.records = transfer::CheckpointIndex::list(m_l.checkpointDir);
        return !haveBucket || listServer();
    }

    bool listServer()
    {
        const auto listed =
            transfer::MultipartAdmin::listPending(m_l.bucket, m_credentials, m_l.prefix).result();
        if (!listed.ok()) {
            fail(Text::tr("Listing the unfinished uploads of %1 failed: %2")
                     .arg(m_l.bucketText, listed.error.toString()));
            return false;
        }
        m_l.server = listed.value;
        return true;
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
        Abort a{m_l.bucket, u.uploadId, m_l.recordOf(u.uploadId)};
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
            for (const PendingUpload& u : m_l.server) {
                if (u.uploadId == uploadId) {
                    aborts->append(abortOfServer(u));
                    return true;
                }
            }
        }
        for (const CheckpointEntry& e : m_l.records) {
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
                       .arg(uploadId, m_l.bucketText)
                 : Text::tr("No local resume record has the upload ID %1. To abort an upload "
                            "only the server knows, name its bucket: cvm-import uploads "
                            "cos://BUCKET-APPID --abort %1.")
                       .arg(uploadId));
        return false;
    }

    bool planAbortAll(bool haveBucket, QList<Abort>* aborts)
    {
        if (haveBucket) {
            for (const PendingUpload& u : m_l.server)
                aborts->append(abortOfServer(u));
            return true;
        }
        for (const CheckpointEntry& e : m_l.records) {
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
                transfer::DestinationLock::holder(m_l.checkpointDir, a.record->destination);
            if (holder) {
                // Aborting under a running upload would only make it fail: it is stopped first.
                o.message =
                    Text::tr("it is in use by process %1; stop that run first").arg(*holder);
                return o;
            }
        }
        if (a.uploadId.isEmpty()) {
            transfer::Checkpoints(m_l.checkpointDir)
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
            transfer::Checkpoints(m_l.checkpointDir)
                .remove(a.record->file.path, a.record->destination);
            o.recordRemoved = true;
        }
        return o;
    }

    const CliContext& m_context;
    bool m_json;
    SecretScrubber m_scrub;
    cloud::Credentials m_credentials;
    UploadsListing m_l; // what is printed
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

#include "UploadCommand.h"

#include "CloudOptions.h"
#include "CosAddress.h"
#include "SecretScrubber.h"
#include "SizeArgument.h"
#include "StopSignals.h"
#include "UploadEvents.h"
#include "UploadProgressView.h"
#include "cloud/ClockSkew.h"
#include "transfer/Checkpoint.h"
#include "transfer/PartPlanner.h"
#include "transfer/UploadEngine.h"
#include "transfer/UploadLimits.h"
#include "util/Crc64.h"
#include "util/Units.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>

#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::UploadCommand)
};

using transfer::UploadProgress;
using transfer::UploadResult;
using transfer::UploadState;

QString signalName(int signal)
{
    return signal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT");
}

// What was parsed and checked before any request: the job, and what the messages need.
struct Prepared {
    transfer::UploadJob job;
    QString destination; // cos://bucket/key, for messages
    QString absolutePath;
    QString destinationKey;
    transfer::PartPlan plan;
    std::optional<transfer::Checkpoint> record; // the interrupted upload this run resumes
    bool json = false;
};

// One upload from start to exit status: the engine, its progress shown or emitted, the stop
// signals.
class UploadRun {
public:
    UploadRun(const CliContext& context, Prepared prepared, const SecretScrubber& scrub)
        : m_context(context), m_p(std::move(prepared)), m_scrub(scrub),
          m_view(context.err, ::isatty(STDERR_FILENO) != 0), m_events(context.out),
          m_parts(m_p.job.checkpointDir, m_p.absolutePath, m_p.destinationKey)
    {
    }

    int exec()
    {
        m_parts.prime();
        announce();
        StopSignals stopSignals;
        QObject::connect(&stopSignals, &StopSignals::received, &m_loop,
                         [this](int number, int signal) { onSignal(number, signal); });
        m_engine = std::make_unique<transfer::UploadEngine>(m_p.job);
        QObject::connect(m_engine.get(), &transfer::UploadEngine::progressChanged, &m_loop,
                         [this](const UploadProgress& p) { onProgress(p); });
        QObject::connect(m_engine.get(), &transfer::UploadEngine::finished, &m_loop,
                         [this](const UploadResult& r) { onFinished(r); });
        m_clock.start();
        m_engine->start();
        const int status = m_loop.exec();
        m_engine.reset();
        return status;
    }

private:
    void say(const QString& text)
    {
        m_view.clearLine();
        m_context.err << m_scrub(text) << '\n';
        m_context.err.flush();
    }

    void announce()
    {
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
                 {QStringLiteral("part_size"), double(plan.partSize)},
                 {QStringLiteral("parts_total"), plan.partCount},
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
            plan.singlePut ? Text::tr("in one request")
                           : Text::tr("in %n part(s) of %1, %2 at a time", nullptr, plan.partCount)
                                 .arg(formatBytes(uint64_t(plan.partSize)))
                                 .arg(m_p.job.concurrency);
        say(Text::tr("Uploading %1 (%2) to %3 in %4, %5%6.")
                .arg(QDir::toNativeSeparators(m_p.absolutePath),
                     formatBytes(uint64_t(plan.fileSize)), m_p.destination,
                     m_p.job.destination.region, how,
                     m_p.job.rateLimitBytesPerSecond > 0
                         ? Text::tr(", at most %1")
                               .arg(UploadProgressView::speed(
                                   double(m_p.job.rateLimitBytesPerSecond)))
                         : QString()));
        if (m_p.record)
            say(Text::tr("Resuming the interrupted upload: %n of %1 part(s) on record; the "
                         "server is asked which it still has.",
                         nullptr, m_p.record->partsDone())
                    .arg(plan.partCount));
    }

    void emitFreshParts()
    {
        const auto fresh = m_parts.fresh();
        for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
            m_events.emitEvent(QStringLiteral("part"),
                               {{QStringLiteral("number"), it.key()},
                                {QStringLiteral("size"), double(it->size)},
                                {QStringLiteral("crc64"), util::Crc64::toDecimal(it->crc64)}});
    }

    void onProgress(const UploadProgress& reported)
    {
        // Before the engine has read the file its first report has no totals yet (-1, 0): the
        // plan made here already knows them.
        UploadProgress p = reported;
        if (p.totalBytes < 0) {
            p.totalBytes = m_p.plan.fileSize;
            p.bytesSent = qMax<qint64>(0, p.bytesSent);
        }
        if (p.partsTotal <= 0)
            p.partsTotal = m_p.plan.partCount;
        const bool firstUploading = p.state == UploadState::Uploading &&
                                    m_last.state != UploadState::Uploading && !m_announcedReuse;
        if (p.state == UploadState::Verifying)
            onChecking(p);
        if (m_p.json) {
            if (p.partsDone != m_last.partsDone)
                emitFreshParts();
            m_events.emitEvent(QStringLiteral("progress"), UploadEvents::progressFields(p));
        } else {
            if (firstUploading && m_p.record) {
                say(Text::tr("%n of %1 part(s) are on the server and reused.", nullptr, p.partsDone)
                        .arg(p.partsTotal));
            }
            m_view.show(p);
        }
        m_announcedReuse = m_announcedReuse || firstUploading;
        m_last = p;
        if (m_stopping && p.state == UploadState::Paused)
            stopSoon();
    }

    // A resume first reads the parts already sent again (UploadState::Verifying): said when it
    // starts and when it ends, with the parts found changed (which the engine sends again).
    void onChecking(const UploadProgress& p)
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

    void onSignal(int number, int signal)
    {
        m_stopSignal = signal;
        if (m_stopRequested)
            return;
        // Nothing is in flight while the parts already sent are read: stopping loses nothing.
        if (number >= 2 || m_p.plan.singlePut || m_last.state == UploadState::Verifying) {
            stopSoon();
            return;
        }
        if (m_last.state == UploadState::Completing || m_last.state == UploadState::Finished) {
            if (!m_p.json)
                say(Text::tr("Every part is sent and the upload is being completed; %1 again "
                             "stops at once.")
                        .arg(signalName(signal)));
            return;
        }
        m_stopping = true;
        if (!m_p.json)
            say(Text::tr("Stopping once the parts in flight are confirmed (%1 again stops at "
                         "once)...")
                    .arg(signalName(signal)));
        m_engine->pause();
    }

    // Destroying the engine from inside one of its own signals would pull the object from under
    // the call: the stop runs from the event loop instead.
    void stopSoon()
    {
        m_stopRequested = true;
        QMetaObject::invokeMethod(
            &m_loop, [this] { stop(); }, Qt::QueuedConnection);
    }

    void stop()
    {
        m_engine.reset(); // stops the transfer thread; the server's parts and the record stay
        const auto record = transfer::Checkpoints(m_p.job.checkpointDir)
                                .loadResumable(m_p.absolutePath, m_p.destinationKey, nullptr);
        const int status =
            m_stopSignal == SIGTERM ? ExitStoppedByTerminate : ExitStoppedByInterrupt;
        if (m_p.json) {
            emitFreshParts();
            m_events.emitEvent(
                QStringLiteral("stopped"),
                {{QStringLiteral("signal"), signalName(m_stopSignal)},
                 {QStringLiteral("resumable"), record.has_value()},
                 {QStringLiteral("parts_done"), record ? record->partsDone() : 0},
                 {QStringLiteral("parts_total"), m_p.plan.partCount},
                 {QStringLiteral("upload_id"),
                  record ? QJsonValue(record->uploadId) : QJsonValue(QJsonValue::Null)}});
        } else if (record) {
            say(Text::tr("Stopped (%1). %n of %2 part(s) are on the server and recorded for "
                         "resuming: run the same command again to resume, or discard them with "
                         "`cvm-import uploads --abort %3`.",
                         nullptr, record->partsDone())
                    .arg(signalName(m_stopSignal))
                    .arg(m_p.plan.partCount)
                    .arg(record->uploadId));
        } else {
            say(Text::tr("Stopped (%1) before anything could be kept: run the same command "
                         "again to upload from the start.")
                    .arg(signalName(m_stopSignal)));
        }
        m_loop.exit(status);
    }

    void onFinished(const UploadResult& r)
    {
        if (m_stopRequested)
            return;
        const double seconds = double(m_clock.elapsed()) / 1000.0;
        if (m_p.json)
            emitFinished(r, seconds);
        else
            printFinished(r, seconds);
        m_loop.exit(r.ok ? ExitOk : ExitError);
    }

    void emitFinished(const UploadResult& r, double seconds)
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
        for (const int number : m_parts.unseen(m_p.plan.singlePut ? 0 : m_p.plan.partCount))
            m_events.emitEvent(QStringLiteral("part"),
                               {{QStringLiteral("number"), number},
                                {QStringLiteral("size"), double(m_p.plan.lengthOf(number))},
                                {QStringLiteral("crc64"), QJsonValue(QJsonValue::Null)}});
        m_events.emitEvent(
            QStringLiteral("finished"),
            {{QStringLiteral("url"), r.objectUrl},
             {QStringLiteral("crc64"), util::Crc64::toDecimal(r.crc64)},
             {QStringLiteral("etag"), r.etag},
             {QStringLiteral("size"), double(r.size)},
             {QStringLiteral("parts_uploaded"), r.partsUploaded},
             {QStringLiteral("parts_reused"), r.partsReused},
             {QStringLiteral("parts_checked"), r.partsChecked},
             {QStringLiteral("parts_changed"), UploadEvents::numbers(r.partsChanged)},
             {QStringLiteral("seconds"), qRound(seconds * 10) / 10.0},
             {QStringLiteral("clock_skew_seconds"), r.clockSkewSeconds
                                                        ? QJsonValue(double(*r.clockSkewSeconds))
                                                        : QJsonValue(QJsonValue::Null)}});
    }

    bool resumable() const
    {
        return transfer::Checkpoints(m_p.job.checkpointDir)
            .loadResumable(m_p.absolutePath, m_p.destinationKey, nullptr)
            .has_value();
    }

    void printFinished(const UploadResult& r, double seconds)
    {
        m_view.clearLine();
        if (!r.ok) {
            say(Text::tr("Upload failed: %1").arg(r.error.message));
            if (r.clockSkewSeconds)
                say(Text::tr("Clock: %1").arg(cloud::ClockSkew::describe(*r.clockSkewSeconds)));
            // Another run's record, or none that can be kept: nothing of this run is kept.
            const bool notOurs = r.error.code == QLatin1String("upload.busy") ||
                                 r.error.code == QLatin1String("upload.no_record");
            if (r.error.code == QLatin1String("upload.file_changed"))
                say(Text::tr("To upload the file as it is now, run the command again with "
                             "--restart."));
            else if (!notOurs && resumable())
                say(Text::tr("The parts sent so far are kept: once the problem is fixed, run "
                             "the same command again to resume."));
            return;
        }
        say(Text::tr("Uploaded %1 in %2 (%3 on average).")
                .arg(formatBytes(uint64_t(r.size)), formatShortClock(qint64(seconds + 0.5)),
                     UploadProgressView::speed(seconds > 0 ? double(r.size) / seconds : 0)));
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

    const CliContext& m_context;
    Prepared m_p;
    const SecretScrubber& m_scrub;
    UploadProgressView m_view;
    UploadEvents m_events;
    ConfirmedParts m_parts;
    std::unique_ptr<transfer::UploadEngine> m_engine;
    QEventLoop m_loop;
    QElapsedTimer m_clock;
    UploadProgress m_last;
    bool m_announcedReuse = false;
    bool m_checkAnnounced = false;
    bool m_checkDone = false;
    bool m_stopping = false;      // paused, waiting for the parts in flight
    bool m_stopRequested = false; // the engine is being destroyed
    int m_stopSignal = SIGINT;
};

int usageError(const CliContext& context, const QString& message)
{
    context.err << message << '\n'
                << Text::tr("Usage: cvm-import upload FILE cos://BUCKET-APPID[/KEY] [options]; "
                            "see cvm-import upload --help.")
                << '\n';
    return ExitError;
}

} // namespace

int runUpload(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Uploads FILE to COS as cos://BUCKET-APPID/KEY (KEY: default the file's name; "
                 "ending in '/': a folder, the file's name added), in parts sent in parallel, "
                 "each checked with CRC-64. An interrupted upload (Ctrl+C, a crash, a lost "
                 "network) resumes when the same command runs again.\nExit status: 0 uploaded, "
                 "2 error, 130/143 stopped by SIGINT/SIGTERM (resumable)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), Text::tr("The disk image to upload."));
    parser.addPositionalArgument(QStringLiteral("DESTINATION"),
                                 Text::tr("cos://BUCKET-APPID[/KEY]"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Write one JSON event per line to stdout instead of "
                                           "the progress line (see docs/cli-upload.md)."));
    const QCommandLineOption partSize(
        QStringLiteral("part-size"),
        Text::tr("Size of each part, 1M to 5G (default: 8M, more for files over 78 GiB)."),
        QStringLiteral("SIZE"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         Text::tr("Parts sent at once, 1 to 32 (default 4)."),
                                         QStringLiteral("N"));
    const QCommandLineOption limitRate(
        QStringLiteral("limit-rate"),
        Text::tr("At most this many bytes per second over all parts, e.g. 2M (default: none)."),
        QStringLiteral("RATE"));
    const QCommandLineOption restart(
        QStringLiteral("restart"),
        Text::tr("Discard an interrupted upload of this file to this place (its parts are "
                 "aborted on the server) and start over."));
    parser.addOptions({json, partSize, concurrency, limitRate, restart});
    CloudOptions cloudOptions;
    cloudOptions.addTo(parser);
    if (!parser.parse(context.arguments))
        return usageError(context, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usageError(context,
                          positional.size() < 2
                              ? Text::tr("upload needs a file and a destination.")
                              : Text::tr("upload takes one file and one destination (unexpected "
                                         "\"%1\").")
                                    .arg(positional.at(2)));

    Prepared p;
    p.json = parser.isSet(json);
    const util::NativePath file = pathArgument(context, positional.at(0));
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        return usageError(context, Text::tr("\"%1\" does not exist.").arg(file.display()));
    if (!S_ISREG(st.st_mode) || ::access(file.c_str(), R_OK) != 0)
        return usageError(context, Text::tr("\"%1\" is not a readable file.").arg(file.display()));
    p.absolutePath = file.absolute().display();

    Error error;
    const auto address = CosAddress::parse(positional.at(1), &error);
    if (!address)
        return usageError(context, error.message);

    transfer::UploadJob& job = p.job;
    job.filePath = file.absolute();
    job.restart = parser.isSet(restart);
    if (parser.isSet(partSize)) {
        const auto size =
            parseByteSize(parser.value(partSize), QStringLiteral("part-size"), &error);
        if (!size)
            return usageError(context, error.message);
        if (!transfer::UploadLimits::partSizeInRange(*size))
            return usageError(context,
                              Text::tr("--part-size %1 is outside what COS accepts: from 1 MiB "
                                       "to 5 GiB.")
                                  .arg(parser.value(partSize)));
        job.partSize = *size;
    }
    if (parser.isSet(concurrency)) {
        bool ok = false;
        job.concurrency = parser.value(concurrency).toInt(&ok);
        if (!ok || !transfer::UploadLimits::concurrencyInRange(job.concurrency))
            return usageError(context,
                              Text::tr("--concurrency \"%1\" is not a number from 1 to 32.")
                                  .arg(parser.value(concurrency)));
    }
    if (parser.isSet(limitRate)) {
        const auto rate =
            parseByteSize(parser.value(limitRate), QStringLiteral("limit-rate"), &error, true);
        if (!rate)
            return usageError(context, error.message);
        if (*rate < transfer::UploadLimits::minUsefulRate)
            return usageError(context, Text::tr("--limit-rate %1 is below 1 KiB/s, too slow to "
                                                "finish a part before the stall timeout.")
                                           .arg(parser.value(limitRate)));
        job.rateLimitBytesPerSecond = *rate;
    }

    // The engine's and the clients' log lines repeat what the progress and the messages say;
    // QT_LOGGING_RULES still turns them on. Warnings (a resume record that cannot be written)
    // stay visible.
    if (!cloudOptions.resolveForCommand(parser, CloudOptions::Quiet::CloudAndTransfer, &error)) {
        if (p.json)
            UploadEvents(context.out)
                .emitEvent(QStringLiteral("failed"), {{QStringLiteral("code"), error.code},
                                                      {QStringLiteral("message"), error.message},
                                                      {QStringLiteral("resumable"), false}});
        context.err << error.message << '\n';
        return ExitError;
    }
    SecretScrubber scrub;
    scrub.setSecrets(cloudOptions.credentials());
    job.credentials = cloudOptions.credentials();
    job.destination.dialect = transfer::Dialect::Cos;
    job.destination.bucket = address->bucket;
    job.destination.key = address->keyFor(util::textWithReplacements(file.fileNameBytes()));
    if (!file.isValidUtf8() && !p.json)
        context.err << Text::tr("The file name %1 is not valid UTF-8, which an object key must "
                                "be: the object is named \"%2\". Add the key to the destination "
                                "(cos://BUCKET-APPID/KEY) to choose another name.")
                           .arg(file.fileNameDisplay(), job.destination.key)
                    << '\n';
    job.destination.region = cloudOptions.region();
    job.destination.endpoints = cloudOptions.endpoints();
    p.destination = CosAddress{address->bucket, job.destination.key}.toString();
    p.destinationKey = transfer::Checkpoints::destinationKey(job.destination);

    // The record of an interrupted run fixes the part size: its parts are only reusable cut
    // the same way.
    const transfer::Checkpoints checkpoints(job.checkpointDir);
    Error recordError;
    if (!job.restart)
        p.record = checkpoints.loadResumable(p.absolutePath, p.destinationKey, &recordError);
    if (recordError.isSet() && !p.json)
        context.err << scrub(recordError.message) << '\n';
    if (p.record && job.partSize > 0 && job.partSize != p.record->partSize && !p.json)
        context.err << Text::tr("The interrupted upload used %1 parts and resumes with them; "
                                "add --restart to start over with %2 parts.")
                           .arg(formatBytes(uint64_t(p.record->partSize)),
                                formatBytes(uint64_t(job.partSize)))
                    << '\n';
    const auto plan = transfer::PartPlanner::plan(
        qint64(st.st_size), p.record ? p.record->partSize : job.partSize,
        p.record ? 0 : job.singlePutThreshold, &error, job.minPartSize);
    if (!plan) {
        if (p.json)
            UploadEvents(context.out)
                .emitEvent(QStringLiteral("failed"), {{QStringLiteral("code"), error.code},
                                                      {QStringLiteral("message"), error.message},
                                                      {QStringLiteral("resumable"), false}});
        context.err << error.message << '\n';
        return ExitError;
    }
    p.plan = *plan;
    return UploadRun(context, std::move(p), scrub).exec();
}

} // namespace cvmi::cli

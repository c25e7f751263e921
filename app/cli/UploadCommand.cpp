#include "UploadCommand.h"

#include "CloudOptions.h"
#include "CosAddress.h"
#include "SecretScrubber.h"
#include "SizeArgument.h"
#include "UploadEvents.h"
#include "UploadRun.h"
#include "transfer/Checkpoint.h"
#include "transfer/ConvertedUpload.h"
#include "transfer/PartPlanner.h"
#include "transfer/UploadLimits.h"
#include "util/Units.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::UploadCommand)
};

int usageError(const CliContext& context, const QString& message)
{
    context.err << message << '\n'
                << Text::tr("Usage: cvm-import upload FILE cos://BUCKET-APPID[/KEY] [options]; "
                            "see cvm-import upload --help.")
                << '\n';
    return ExitError;
}

// The options of `upload` besides the cloud ones.
struct UploadOptions {
    QCommandLineOption json{QStringLiteral("json"),
                            Text::tr("Write one JSON event per line to stdout instead of "
                                     "the progress line (see docs/cli-upload.md).")};
    QCommandLineOption partSize{
        QStringLiteral("part-size"),
        Text::tr("Size of each part, 1M to 5G (default: 8M, more for files over 78 GiB)."),
        QStringLiteral("SIZE")};
    QCommandLineOption concurrency{QStringLiteral("concurrency"),
                                   Text::tr("Parts sent at once, 1 to 32 (default 4)."),
                                   QStringLiteral("N")};
    QCommandLineOption limitRate{
        QStringLiteral("limit-rate"),
        Text::tr("At most this many bytes per second over all parts, e.g. 2M (default: none)."),
        QStringLiteral("RATE")};
    QCommandLineOption convert{
        QStringLiteral("convert"),
        Text::tr("qcow2: send the disk as a compressed, sparse qcow2 made while it is sent (any "
                 "image format we read; no temporary copy); none: send the file as it is (the "
                 "default)."),
        QStringLiteral("FORMAT")};
    QCommandLineOption restart{
        QStringLiteral("restart"),
        Text::tr("Discard an interrupted upload of this file to this place (its parts are "
                 "aborted on the server) and start over.")};
};

void describe(QCommandLineParser& parser, const UploadOptions& options)
{
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
    parser.addOptions({options.json, options.convert, options.partSize, options.concurrency,
                       options.limitRate, options.restart});
}

// An error before the upload started: said on stderr, and with --json also as a "failed" event.
int failBeforeStart(const CliContext& context, bool json, const Error& error)
{
    if (json)
        UploadEvents(context.out)
            .emitEvent(QStringLiteral("failed"), {{QStringLiteral("code"), error.code},
                                                  {QStringLiteral("message"), error.message},
                                                  {QStringLiteral("resumable"), false}});
    context.err << error.message << '\n';
    return ExitError;
}

// FILE: a readable regular file; its size in *size.
std::optional<int> checkFile(const CliContext& context, const util::NativePath& file, qint64* size)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        return usageError(context, Text::tr("\"%1\" does not exist.").arg(file.display()));
    if (!S_ISREG(st.st_mode) || ::access(file.c_str(), R_OK) != 0)
        return usageError(context, Text::tr("\"%1\" is not a readable file.").arg(file.display()));
    *size = qint64(st.st_size);
    return std::nullopt;
}

// --part-size, --concurrency and --limit-rate into the job, each checked against UploadLimits.
std::optional<int> readTransferOptions(const CliContext& context, const QCommandLineParser& parser,
                                       const UploadOptions& options, transfer::UploadJob* job)
{
    Error error;
    if (parser.isSet(options.convert)) {
        const QString value = parser.value(options.convert).toLower();
        if (value == QLatin1String("qcow2"))
            job->conversion = transfer::Conversion::Qcow2;
        else if (value != QLatin1String("none"))
            return usageError(context, Text::tr("--convert \"%1\" is not a conversion: use "
                                                "qcow2 or none.")
                                           .arg(parser.value(options.convert)));
    }
    if (parser.isSet(options.partSize)) {
        const QString value = parser.value(options.partSize);
        const auto size = parseByteSize(value, QStringLiteral("part-size"), &error);
        if (!size)
            return usageError(context, error.message);
        if (!transfer::UploadLimits::partSizeInRange(*size))
            return usageError(context, Text::tr("--part-size %1 is outside what COS accepts: "
                                                "from 1 MiB to 5 GiB.")
                                           .arg(value));
        job->partSize = *size;
    }
    if (parser.isSet(options.concurrency)) {
        bool ok = false;
        job->concurrency = parser.value(options.concurrency).toInt(&ok);
        if (!ok || !transfer::UploadLimits::concurrencyInRange(job->concurrency))
            return usageError(context,
                              Text::tr("--concurrency \"%1\" is not a number from 1 to 32.")
                                  .arg(parser.value(options.concurrency)));
    }
    if (parser.isSet(options.limitRate)) {
        const QString value = parser.value(options.limitRate);
        const auto rate = parseByteSize(value, QStringLiteral("limit-rate"), &error, true);
        if (!rate)
            return usageError(context, error.message);
        if (*rate < transfer::UploadLimits::minUsefulRate)
            return usageError(context, Text::tr("--limit-rate %1 is below 1 KiB/s, too slow to "
                                                "finish a part before the stall timeout.")
                                           .arg(value));
        job->rateLimitBytesPerSecond = *rate;
    }
    return std::nullopt;
}

// A VHDX, VDI or OVA goes up converted to qcow2 without being asked (the import takes none of
// them as it is); "--convert none" for one is a contradiction, said before anything is sent.
std::optional<int> requireConversion(const CliContext& context, const QCommandLineParser& parser,
                                     const UploadOptions& options, PreparedUpload* p)
{
    const transfer::ConversionNeed need = transfer::conversionNeed(p->job.filePath);
    if (need.required == transfer::Conversion::None || p->job.conversion == need.required)
        return std::nullopt;
    const QString format = need.format.toUpper();
    if (parser.isSet(options.convert))
        return usageError(context,
                          Text::tr("--convert none: %1 is a %2 disk, which Tencent Cloud does not "
                                   "import as it is, so it can only be uploaded converted to "
                                   "qcow2. Leave out --convert none.")
                              .arg(p->job.filePath.fileNameDisplay(), format));
    p->job.conversion = need.required;
    p->autoConverted = true;
    if (!p->json)
        context.err << Text::tr("%1 is a %2 disk, which Tencent Cloud does not import as it is: "
                                "it is sent converted to a compressed qcow2, made while "
                                "sending.")
                           .arg(p->job.filePath.fileNameDisplay(), format)
                    << '\n';
    return std::nullopt;
}

// The object the file becomes: bucket, key (the file's name where the address ends in '/'),
// region and endpoints.
void setDestination(const CliContext& context, const CloudOptions& cloudOptions,
                    const CosAddress& address, const util::NativePath& file, PreparedUpload* p)
{
    transfer::UploadJob& job = p->job;
    job.credentials = cloudOptions.credentials();
    job.destination.dialect = transfer::Dialect::Cos;
    job.destination.bucket = address.bucket;
    const QString fileName = util::textWithReplacements(file.fileNameBytes());
    job.destination.key = address.keyFor(fileName);
    // A key made from the file's name names what is stored: "disk.vhdx" goes up as
    // "disk.qcow2". A key the user wrote is theirs.
    if (p->converting() && address.keyIsFolder())
        job.destination.key = transfer::keyForConversion(job.destination.key, fileName, true);
    if (!file.isValidUtf8() && !p->json)
        context.err << Text::tr("The file name %1 is not valid UTF-8, which an object key must "
                                "be: the object is named \"%2\". Add the key to the destination "
                                "(cos://BUCKET-APPID/KEY) to choose another name.")
                           .arg(file.fileNameDisplay(), job.destination.key)
                    << '\n';
    job.destination.region = cloudOptions.region();
    job.destination.endpoints = cloudOptions.endpoints();
    p->destination = CosAddress{address.bucket, job.destination.key}.toString();
    p->destinationKey = transfer::Checkpoints::destinationKey(job.destination);
}

// The interrupted upload this run resumes (unless --restart) and the parts the file is cut into.
std::optional<int> planParts(const CliContext& context, const SecretScrubber& scrub,
                             qint64 fileSize, PreparedUpload* p)
{
    const transfer::UploadJob& job = p->job;
    // The record of an interrupted run fixes the part size: its parts are only reusable cut
    // the same way.
    const transfer::Checkpoints checkpoints(job.checkpointDir);
    Error recordError;
    if (!job.restart)
        p->record = checkpoints.loadResumable(p->absolutePath, p->destinationKey, &recordError);
    if (recordError.isSet() && !p->json)
        context.err << scrub(recordError.message) << '\n';
    if (p->record && job.partSize > 0 && job.partSize != p->record->partSize && !p->json)
        context.err << Text::tr("The interrupted upload used %1 parts and resumes with them; "
                                "add --restart to start over with %2 parts.")
                           .arg(formatBytes(uint64_t(p->record->partSize)),
                                formatBytes(uint64_t(job.partSize)))
                    << '\n';
    if (p->converting()) {
        // The object's length is known only when its stream ends: the engine cuts the parts
        // as the stream comes, at the record's part size or one chosen from the disk's size.
        p->plan = {};
        p->plan.fileSize = fileSize;
        p->plan.partSize = p->record ? p->record->partSize : job.partSize;
        return std::nullopt;
    }
    Error error;
    const auto plan = transfer::PartPlanner::plan(
        fileSize, p->record ? p->record->partSize : job.partSize,
        p->record ? 0 : job.singlePutThreshold, &error, job.minPartSize);
    if (!plan)
        return failBeforeStart(context, p->json, error);
    p->plan = *plan;
    return std::nullopt;
}

} // namespace

int runUpload(const CliContext& context)
{
    QCommandLineParser parser;
    const UploadOptions options;
    describe(parser, options);
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

    PreparedUpload p;
    p.json = parser.isSet(options.json);
    const util::NativePath file = pathArgument(context, positional.at(0));
    qint64 fileSize = 0;
    if (const auto exit = checkFile(context, file, &fileSize))
        return *exit;
    p.absolutePath = file.absolute().display();
    Error error;
    const auto address = CosAddress::parse(positional.at(1), &error);
    if (!address)
        return usageError(context, error.message);
    p.job.filePath = file.absolute();
    p.job.restart = parser.isSet(options.restart);
    if (const auto exit = readTransferOptions(context, parser, options, &p.job))
        return *exit;
    if (const auto exit = requireConversion(context, parser, options, &p))
        return *exit;

    // The engine's and the clients' log lines repeat what the progress and the messages say;
    // QT_LOGGING_RULES still turns them on. Warnings (a resume record that cannot be written)
    // stay visible.
    if (!cloudOptions.resolveForCommand(parser, CloudOptions::Quiet::CloudAndTransfer, &error))
        return failBeforeStart(context, p.json, error);
    SecretScrubber scrub;
    scrub.setSecrets(cloudOptions.credentials());
    setDestination(context, cloudOptions, *address, file, &p);
    if (const auto exit = planParts(context, scrub, fileSize, &p))
        return *exit;
    return runPreparedUpload(context, std::move(p), scrub);
}

} // namespace cvmi::cli

#include "ObjectsCommand.h"

#include "CloudOptions.h"
#include "CosAddress.h"
#include "SecretScrubber.h"

#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::ObjectsCommand)
};

constexpr int kDefaultMax = 1000;

int usageError(const CliContext& context, const QString& message)
{
    context.err << message << '\n'
                << Text::tr("Usage: cvm-import objects cos://BUCKET-APPID[/PREFIX] [--max N] "
                            "[--json] [--region REGION]")
                << '\n';
    return ExitError;
}

QString modifiedText(const QString& iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                          : iso;
}

struct Listing {
    QList<cloud::CosListedObject> objects;
    bool more = false; // the bucket holds more under the prefix than --max let through
    QString nextMarker;
};

// The command line, parsed and checked.
struct ObjectsArgs {
    CosAddress address;
    int limit = kDefaultMax;
    bool json = false;
};

// Parses and checks the command line into `args` and resolves the cloud options; an exit status
// when the command ends here (--help, a usage error, no credentials).
std::optional<int> parseObjectsArgs(const CliContext& context, CloudOptions& cloud,
                                    ObjectsArgs* args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Lists the objects of a COS bucket (under PREFIX) with their size, last "
                 "modification and the ImageUrl to pass to `cvm-import import --image-url`, for "
                 "an image that is in COS already. For a private bucket, the import signs that "
                 "URL when it starts.\nExit status: 0 listed, 2 error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("BUCKET"), Text::tr("cos://BUCKET-APPID[/PREFIX]"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print the list as JSON (see docs/cli-objects.md)."));
    const QCommandLineOption max(QStringLiteral("max"),
                                 Text::tr("List at most N objects (default %1).").arg(kDefaultMax),
                                 QStringLiteral("N"));
    parser.addOptions({json, max});
    cloud.addTo(parser);
    if (const auto exit = parseArguments(parser, context))
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(
            context,
            positional.isEmpty()
                ? Text::tr("objects needs a bucket, e.g. cos://images-1250000000/.")
                : Text::tr("objects takes one bucket (unexpected \"%1\").").arg(positional.at(1)));
    Error error;
    const std::optional<CosAddress> address = CosAddress::parse(positional.at(0), &error);
    if (!address)
        return usageError(context, error.message);
    args->address = *address;
    args->json = parser.isSet(json);
    if (parser.isSet(max)) {
        bool ok = false;
        args->limit = parser.value(max).trimmed().toInt(&ok);
        if (!ok || args->limit < 1)
            return usageError(context, Text::tr("--max needs a whole number of objects, 1 or "
                                                "more (got \"%1\").")
                                           .arg(parser.value(max)));
    }
    // The command's own words only; the clients' log lines would interleave with the list.
    if (!cloud.resolveForCommand(parser, CloudOptions::Quiet::Cloud, &error)) {
        context.err << error.message << '\n';
        return ExitError;
    }
    return std::nullopt;
}

// Lists page after page until `limit` objects or the end; the error, scrubbed, on failure.
std::optional<Listing> listObjects(const CliContext& context, const CloudOptions& cloud,
                                   const ObjectsArgs& args)
{
    SecretScrubber scrub;
    scrub.setSecrets(cloud.credentials());
    const QString region = cloud.region();
    cloud::HttpClient http;
    cloud::CosClient cos(&http, cloud.endpoints(), cloud.credentials());
    Listing listing;
    cloud::CosListQuery query;
    query.prefix = args.address.path;
    while (listing.objects.size() < args.limit) {
        query.maxKeys = int(
            qMin<qsizetype>(args.limit - listing.objects.size(), cloud::CosObjectPage::maxKeys));
        const auto page = cloud::waitFor(cos.listObjects(args.address.bucket, region, query));
        if (!page.ok()) {
            context.err << scrub(Text::tr("Listing %1 (%2) failed: %3")
                                     .arg(args.address.toString(), region, page.error.toString()))
                        << '\n';
            return std::nullopt;
        }
        listing.objects += page.value.objects;
        listing.more = page.value.isTruncated;
        listing.nextMarker = page.value.nextMarker;
        if (!page.value.isTruncated)
            break;
        query.marker = page.value.nextMarker;
    }
    return listing;
}

void printJson(QTextStream& out, const CosAddress& address, const QString& region,
               const Listing& listing)
{
    QJsonArray objects;
    for (const cloud::CosListedObject& o : std::as_const(listing.objects))
        objects.append(QJsonObject{{QStringLiteral("key"), o.key},
                                   {QStringLiteral("size"), double(o.size)},
                                   {QStringLiteral("last_modified"), o.lastModified},
                                   {QStringLiteral("etag"), o.etag},
                                   {QStringLiteral("storage_class"), o.storageClass},
                                   {QStringLiteral("image_url"),
                                    cloud::CosClient::objectUrl(address.bucket, region, o.key)}});
    const QJsonObject document{{QStringLiteral("schema"), 1},
                               {QStringLiteral("bucket"), address.bucket},
                               {QStringLiteral("region"), region},
                               {QStringLiteral("prefix"), address.path},
                               {QStringLiteral("objects"), objects},
                               {QStringLiteral("truncated"), listing.more},
                               {QStringLiteral("next_marker"), listing.more
                                                                   ? QJsonValue(listing.nextMarker)
                                                                   : QJsonValue(QJsonValue::Null)}};
    out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    out.flush();
}

void printText(QTextStream& out, const ObjectsArgs& args, const QString& region,
               const Listing& listing)
{
    const CosAddress& address = args.address;
    out << Text::tr("Objects in %1 (%2): %3%4")
               .arg(address.toString(), region)
               .arg(listing.objects.size())
               .arg(listing.more ? Text::tr(" (more follow)") : QString())
        << '\n';
    for (const cloud::CosListedObject& o : std::as_const(listing.objects)) {
        out << "  " << o.key << '\n'
            << "      "
            << (o.size < 1024 ? Text::tr("%1 bytes, modified %2")
                                    .arg(QLocale().toString(o.size), modifiedText(o.lastModified))
                              : Text::tr("%1 (%2 bytes), modified %3")
                                    .arg(QLocale().formattedDataSize(o.size),
                                         QLocale().toString(o.size), modifiedText(o.lastModified)))
            << '\n'
            << "      ImageUrl: " << cloud::CosClient::objectUrl(address.bucket, region, o.key)
            << '\n';
    }
    if (listing.more)
        out << Text::tr("More objects follow: --max %1 lists more, a longer PREFIX fewer.")
                   .arg(qMin<qint64>(qint64(args.limit) * 10, 100000))
            << '\n';
    if (!listing.objects.isEmpty())
        out << Text::tr("Pass an ImageUrl to `cvm-import import --image-url`; for a private bucket "
                        "the import signs it when it starts.")
            << '\n';
    out.flush();
}

} // namespace

int runObjects(const CliContext& context)
{
    CloudOptions cloud;
    ObjectsArgs args;
    if (const auto exit = parseObjectsArgs(context, cloud, &args))
        return *exit;
    const auto listing = listObjects(context, cloud, args);
    if (!listing)
        return ExitError;
    if (args.json)
        printJson(context.out, args.address, cloud.region(), *listing);
    else
        printText(context.out, args, cloud.region(), *listing);
    return ExitOk;
}

} // namespace cvmi::cli

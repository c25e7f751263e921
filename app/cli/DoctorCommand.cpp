#include "DoctorCommand.h"

#include "CloudOptions.h"
#include "SecretScrubber.h"
#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"
#include "cloud/HttpClient.h"
#include "cloud/PermissionCheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <unistd.h>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::DoctorCommand)
};

using cloud::PermissionLine;
using State = PermissionLine::State;

// Every client call has its own timeout; this only guards against a check that never settles.
constexpr int kWatchdogMs = 5 * 60 * 1000;

QString lineId(PermissionLine::Item item)
{
    switch (item) {
    case PermissionLine::Item::Credentials:
        return QStringLiteral("credentials");
    case PermissionLine::Item::Region:
        return QStringLiteral("region");
    case PermissionLine::Item::ImportPermission:
        return QStringLiteral("import_permission");
    case PermissionLine::Item::Cos:
        return QStringLiteral("cos");
    }
    return {};
}

using Scrubber = SecretScrubber;

QJsonObject attemptsJson(const cloud::CredentialDiscovery& discovery, QJsonObject document)
{
    QJsonArray tried;
    for (const cloud::CredentialAttempt& attempt : discovery.tried)
        tried.append(
            QJsonObject{{QStringLiteral("source"), attempt.source},
                        {QStringLiteral("location"), attempt.location},
                        {QStringLiteral("outcome"), CloudOptions::outcomeName(attempt.outcome)},
                        {QStringLiteral("detail"), attempt.detail}});
    document.insert(QStringLiteral("credential_sources"), tried);
    return document;
}

// The document of a run that ended with exit 2: what went wrong and where credentials were sought.
QByteArray failureJson(const Error& error, const cloud::CredentialDiscovery& discovery)
{
    const QJsonObject document{
        {QStringLiteral("schema"), 1},
        {QStringLiteral("ok"), false},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.code},
                                              {QStringLiteral("message"), error.message}}}};
    return QJsonDocument(attemptsJson(discovery, document)).toJson(QJsonDocument::Indented);
}

QJsonObject lineJson(const PermissionLine& line, const Scrubber& scrub)
{
    QJsonObject o{{QStringLiteral("id"), lineId(line.item)},
                  {QStringLiteral("title"), line.title},
                  {QStringLiteral("state"), cloud::PermissionCheck::stateName(line.state)},
                  {QStringLiteral("message"), scrub(line.message)},
                  {QStringLiteral("remedy"), scrub(line.remedy)}};
    if (line.error.isSet()) {
        o.insert(QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), scrub(line.error.code)},
                             {QStringLiteral("message"), scrub(line.error.message)},
                             {QStringLiteral("request_id"), scrub(line.error.requestId)},
                             {QStringLiteral("http_status"), line.error.httpStatus}});
    }
    return o;
}

void printAttempts(QTextStream& out, const cloud::CredentialDiscovery& discovery)
{
    out << Text::tr("Credentials looked for in:") << '\n';
    for (const cloud::CredentialAttempt& attempt : discovery.tried)
        out << "  - " << CloudOptions::describeAttempt(attempt) << '\n';
}

QString mark(State state, bool unicode)
{
    if (state == State::Ok)
        return unicode ? QStringLiteral("✓") : QStringLiteral("[ok]  ");
    return unicode ? QStringLiteral("✗") : QStringLiteral("[FAIL]");
}

void printLine(QTextStream& out, const PermissionLine& line, bool unicode, const Scrubber& scrub)
{
    const QString pad(unicode ? 2 : 7, u' ');
    out << mark(line.state, unicode) << ' ' << line.title << '\n';
    out << pad << scrub(line.message) << '\n';
    if (line.state == State::Failed && !line.remedy.isEmpty())
        out << pad << Text::tr("What to do: %1").arg(scrub(line.remedy)) << '\n';
    out.flush(); // live: a script or a person watching sees each line as it settles
}

void printSummary(QTextStream& out, const cloud::PermissionCheck& check, const QString& region,
                  const Scrubber& scrub)
{
    const PermissionLine cos = check.lines().at(static_cast<int>(PermissionLine::Item::Cos));
    if (cos.state == State::Ok) {
        const QList<cloud::CosBucket> local = check.bucketsInRegion();
        QStringList names;
        for (const cloud::CosBucket& bucket : local)
            names.append(scrub(bucket.name));
        if (local.isEmpty() && check.buckets().isEmpty())
            out << Text::tr("Buckets in %1: none; the upload will create one.").arg(region) << '\n';
        else if (local.isEmpty())
            out << Text::tr("Buckets in %1: none (%n in other regions); the upload will create "
                            "one.",
                            nullptr, int(check.buckets().size()))
                       .arg(region)
                << '\n';
        else
            out << Text::tr("Buckets in %1: %2").arg(region, names.join(QStringLiteral(", ")))
                << '\n';
    }
    if (const auto skew = check.clockSkewSeconds())
        out << Text::tr("Clock: %1").arg(cloud::ClockSkew::describe(*skew)) << '\n';
    int failed = 0;
    for (const PermissionLine& line : check.lines())
        failed += line.state == State::Ok ? 0 : 1;
    if (failed == 0)
        out << Text::tr("Result: all %n check(s) passed.", nullptr, int(check.lines().size()))
            << '\n';
    else
        out << Text::tr("Result: %n of %1 check(s) failed.", nullptr, failed)
                   .arg(check.lines().size())
            << '\n';
}

QJsonObject resultJson(const cloud::PermissionCheck& check, const CloudOptions& options,
                       const Scrubber& scrub)
{
    QJsonObject o{
        {QStringLiteral("schema"), 1},
        {QStringLiteral("ok"), check.allOk()},
        {QStringLiteral("region"), options.region()},
        {QStringLiteral("credentials"),
         QJsonObject{{QStringLiteral("display"), options.credentials().redacted()},
                     {QStringLiteral("source"), options.credentials().source}}},
        {QStringLiteral("endpoints"),
         QJsonObject{
             {QStringLiteral("cvm"), options.endpoints().cvmEndpoint().toString()},
             {QStringLiteral("cos"), options.endpoints().cosEndpoint()
                                         ? QJsonValue(options.endpoints().cosEndpoint()->toString())
                                         : QJsonValue(QJsonValue::Null)}}}};
    o = attemptsJson(options.discovery(), o);
    QJsonArray lines;
    for (const PermissionLine& line : check.lines())
        lines.append(lineJson(line, scrub));
    o.insert(QStringLiteral("lines"), lines);
    QJsonArray buckets;
    for (const cloud::CosBucket& bucket : check.buckets())
        buckets.append(
            QJsonObject{{QStringLiteral("name"), scrub(bucket.name)},
                        {QStringLiteral("location"), scrub(bucket.location)},
                        {QStringLiteral("creation_date"), scrub(bucket.creationDate)},
                        {QStringLiteral("in_region"), bucket.location == options.region()}});
    o.insert(QStringLiteral("buckets"), buckets);
    const auto skew = check.clockSkewSeconds();
    o.insert(QStringLiteral("clock_skew_seconds"),
             skew ? QJsonValue(double(*skew)) : QJsonValue(QJsonValue::Null));
    if (skew)
        o.insert(QStringLiteral("clock_message"), cloud::ClockSkew::describe(*skew));
    return o;
}

// Parses and checks the command line into *asJson and resolves `options`; an exit status when
// the command ends here (--help, a usage error, no credentials: said as text or JSON).
std::optional<int> parseDoctorArgs(const CliContext& context, CloudOptions& options, bool* asJson)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Checks that this computer can import images into Tencent Cloud: the "
                 "credentials are valid, the region is available, the account may import "
                 "images, and COS answers with the buckets of the region.\nExit status: 0 "
                 "every check passed, 1 a check failed, 2 bad arguments or no credentials."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print the result as JSON (see docs/cli-doctor.md)."));
    parser.addOption(json);
    options.addTo(parser);
    if (const auto exit = parseArguments(parser, context))
        return exit;
    if (!parser.positionalArguments().isEmpty()) {
        context.err << Text::tr("doctor takes no file or name, only options (unexpected \"%1\"). "
                                "Usage: cvm-import doctor [--region R] [--json] [--profile NAME]")
                           .arg(parser.positionalArguments().constFirst())
                    << '\n';
        return ExitError;
    }
    *asJson = parser.isSet(json);
    Error error;
    if (!options.resolveForCommand(parser, CloudOptions::Quiet::Cloud, &error)) {
        if (*asJson) {
            context.out << failureJson(error, options.discovery());
        } else if (options.stage() != CloudOptions::Stage::Endpoints) {
            printAttempts(context.out, options.discovery());
            context.out.flush();
        }
        context.err << error.message << '\n';
        return ExitError;
    }
    return std::nullopt;
}

// What the checks run with: where the credentials were sought and found, the region, the
// endpoints.
void printSetup(QTextStream& out, const CloudOptions& options)
{
    printAttempts(out, options.discovery());
    out << Text::tr("Using:      %1").arg(options.credentials().redacted()) << '\n';
    out << Text::tr("Region:     %1 (%2)")
               .arg(options.region(), options.regionFromOption()
                                          ? Text::tr("from --region")
                                          : Text::tr("from %1").arg(options.credentials().source))
        << '\n';
    out << Text::tr("CVM API:    %1 (as %2)")
               .arg(options.endpoints().cvmEndpoint().toString(),
                    options.endpoints().cvmServiceHost())
        << '\n';
    if (const auto cos = options.endpoints().cosEndpoint())
        out << Text::tr("COS:        %1").arg(cos->toString()) << '\n';
    out << '\n';
    out.flush();
}

// Runs the checks to their end, each settled line printed as it settles unless `asJson`; false:
// the watchdog fired first.
bool runChecks(const CliContext& context, cloud::PermissionCheck& check, bool asJson,
               const Scrubber& scrub)
{
    const bool unicode = ::isatty(STDOUT_FILENO) != 0 || qEnvironmentVariableIsSet("CVMI_UNICODE");
    if (!asJson) {
        QObject::connect(&check, &cloud::PermissionCheck::lineChanged, &check,
                         [&context, unicode, &scrub](int, const PermissionLine& line) {
                             if (line.state == State::Ok || line.state == State::Failed)
                                 printLine(context.out, line, unicode, scrub);
                         });
    }
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&check, &cloud::PermissionCheck::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kWatchdogMs, &loop, &QEventLoop::quit);
    check.start();
    if (check.isRunning())
        loop.exec();
    return finished;
}

} // namespace

int runDoctor(const CliContext& context)
{
    CloudOptions options;
    bool asJson = false;
    if (const auto exit = parseDoctorArgs(context, options, &asJson))
        return *exit;
    Scrubber scrub;
    scrub.setSecrets(options.credentials());
    if (!asJson)
        printSetup(context.out, options);

    cloud::HttpClient http;
    cloud::CvmClient cvm(&http, options.endpoints(), options.credentials());
    cloud::CosClient cos(&http, options.endpoints(), options.credentials());
    cloud::PermissionCheck check(&cvm, &cos, options.region());
    if (!runChecks(context, check, asJson, scrub)) {
        const Error timeout = Error::make(
            QStringLiteral("doctor.timeout"),
            Text::tr("The checks did not finish within %1 minutes; try again, and check the "
                     "network connection to Tencent Cloud.")
                .arg(kWatchdogMs / 60000));
        if (asJson)
            context.out << failureJson(timeout, options.discovery());
        context.err << timeout.message << '\n';
        return ExitError;
    }

    if (asJson)
        context.out
            << QJsonDocument(resultJson(check, options, scrub)).toJson(QJsonDocument::Indented);
    else
        printSummary(context.out, check, options.region(), scrub);
    // 1 is "not compliant" for check and "a check failed" here: the same promise to scripts.
    return check.allOk() ? ExitOk : ExitNotCompliant;
}

} // namespace cvmi::cli

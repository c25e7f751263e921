#include "CheckCommand.h"

#include "TextReport.h"
#include "importform/FormPrefill.h"
#include "importform/OsCatalogue.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "policy/ReportJson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::CheckCommand)
};
} // namespace

int runCheck(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Inspects a disk image (reading only its metadata) and judges it against the "
                 "Tencent Cloud import rules.\nExit status: 0 compliant, 1 not compliant, 2 "
                 "unusable input or error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("IMAGE"),
                                 Text::tr("A .qcow2, .vmdk, .vhd or .raw file."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print the result as JSON (see docs/check-json.md)."));
    const QCommandLineOption policyFile(
        QStringLiteral("policy"),
        Text::tr("Judge with this rule file instead of the built-in rules."),
        QStringLiteral("FILE"));
    const QCommandLineOption stats(
        QStringLiteral("stats"),
        Text::tr("Print the bytes read from the image to standard error."));
    const QCommandLineOption timeout(
        QStringLiteral("inspect-timeout"),
        Text::tr("Stop reading the image after SECONDS (default %1, at most %2); what is not read "
                 "by then is reported as not checked, and the exit status is 2.")
            .arg(inspect::InspectOptions::kDefaultTimeLimitMs / 1000)
            .arg(inspect::InspectOptions::kMaxTimeLimitMs / 1000),
        QStringLiteral("SECONDS"));
    parser.addOptions({json, policyFile, stats, timeout});
    if (const auto exit = parseArguments(parser, context))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("Usage: cvm-import check IMAGE [--json] [--policy FILE]") << '\n';
        return ExitError;
    }

    policy::Policy rules = policy::Policy::builtin();
    if (parser.isSet(policyFile)) {
        Error error;
        auto loaded = policy::Policy::fromFile(parser.value(policyFile), &error);
        if (!loaded) {
            context.err << error.message << '\n';
            return ExitError;
        }
        rules = *loaded;
    }

    inspect::InspectOptions options;
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || !(seconds > 0) ||
            seconds * 1000 > double(inspect::InspectOptions::kMaxTimeLimitMs)) {
            context.err << Text::tr("--inspect-timeout: \"%1\" is not a number of seconds between "
                                    "0 and %2 (e.g. 30 or 2.5).")
                               .arg(parser.value(timeout))
                               .arg(inspect::InspectOptions::kMaxTimeLimitMs / 1000)
                        << '\n';
            return ExitError;
        }
        options.timeLimit = std::chrono::milliseconds(std::max<qint64>(1, qint64(seconds * 1000)));
    }
    const inspect::ImageFacts facts =
        inspect::inspectImage(pathArgument(context, parser.positionalArguments().first()), options);
    policy::Report report = rules.evaluate(facts);
    // OsType and OsVersion as the OS list offers them (the one `import` cached, else the
    // built-in one), and a note on how they were chosen: "7.9.2009 detected; ... offers 7".
    const importform::OsChoice os =
        importform::chooseOs(report.form, importform::OsCatalogueStore().load());
    report.form.osType = os.osType;
    report.form.osVersion = os.osVersion;
    if (!os.note.isEmpty())
        report.form.notes.append(os.note);
    if (parser.isSet(json))
        context.out << QJsonDocument(policy::checkResultToJson(facts, report))
                           .toJson(QJsonDocument::Indented);
    else
        printTextReport(context.out, facts, report,
                        ::isatty(STDOUT_FILENO) != 0 || qEnvironmentVariableIsSet("CVMI_UNICODE"));
    if (parser.isSet(stats))
        context.err << "bytes_read=" << facts.bytesRead << '\n';
    if (facts.error.isSet())
        return ExitError;
    // An image not read to the end is not known to be compliant: a script must not go on.
    if (report.compliant() && !facts.limits.notRead.isEmpty()) {
        context.err << Text::tr("The inspection ran out of time (%1 s): some rules could not be "
                                "checked. Raise the limit with --inspect-timeout SECONDS.")
                           .arg(QString::number(double(facts.limits.timeLimitMs) / 1000.0, 'g', 6))
                    << '\n';
        return ExitError;
    }
    return report.compliant() ? ExitOk : ExitNotCompliant;
}

} // namespace cvmi::cli

#include "CheckCommand.h"

#include "TextReport.h"
#include "disk/ImageFinder.h"
#include "importform/FormPrefill.h"
#include "importform/OsCatalogue.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "policy/ReportJson.h"
#include "repair/FixScript.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::CheckCommand)
};
} // namespace

namespace {

// The command line, parsed and checked: what the inspection and the report need.
struct CheckArgs {
    util::NativePath image;
    bool json = false;
    bool stats = false;
    QString fixScript; // --fix-script FILE
    policy::Policy rules = policy::Policy::builtin();
    inspect::InspectOptions options;
};

// --inspect-timeout SECONDS as the inspection's time limit; false: not a usable number.
bool parseTimeout(const QString& value, inspect::InspectOptions* options)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds * 1000 > double(inspect::InspectOptions::kMaxTimeLimitMs))
        return false;
    options->timeLimit = std::chrono::milliseconds(std::max<qint64>(1, qint64(seconds * 1000)));
    return true;
}

// Parses and checks the command line into `args`; an exit status when the command ends here
// (--help, a usage error, a rule file that cannot be read).
std::optional<int> parseCheckArgs(const CliContext& context, CheckArgs* args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Inspects a disk image (reading only its metadata) and judges it against the "
                 "Tencent Cloud import rules.\nExit status: 0 compliant, 1 not compliant, 2 "
                 "unusable input or error."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("IMAGE"),
        Text::tr("A .qcow2, .vmdk, .vhd, .raw, .vhdx, .vdi or .ova file, or a folder holding "
                 "one."));
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
    const QCommandLineOption fixScript(
        QStringLiteral("fix-script"),
        Text::tr("Write a repair script to FILE: the changes to make inside the source VM, before "
                 "exporting it again, for the failed and warned rules that can be fixed there "
                 "(sh for Linux, PowerShell for Windows; see docs/repair-script.md)."),
        QStringLiteral("FILE"));
    parser.addOptions({json, policyFile, stats, timeout, fixScript});
    if (const auto exit = parseArguments(parser, context))
        return exit;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("Usage: cvm-import check IMAGE [--json] [--policy FILE]") << '\n';
        return ExitError;
    }
    if (parser.isSet(policyFile)) {
        Error error;
        auto loaded = policy::Policy::fromFile(parser.value(policyFile), &error);
        if (!loaded) {
            context.err << error.message << '\n';
            return ExitError;
        }
        args->rules = *loaded;
    }
    if (parser.isSet(timeout) && !parseTimeout(parser.value(timeout), &args->options)) {
        context.err << Text::tr("--inspect-timeout: \"%1\" is not a number of seconds between "
                                "0 and %2 (e.g. 30 or 2.5).")
                           .arg(parser.value(timeout))
                           .arg(inspect::InspectOptions::kMaxTimeLimitMs / 1000)
                    << '\n';
        return ExitError;
    }
    args->image = pathArgument(context, parser.positionalArguments().first());
    args->json = parser.isSet(json);
    args->stats = parser.isSet(stats);
    args->fixScript = parser.value(fixScript);
    return std::nullopt;
}

// OsType and OsVersion as the OS list offers them (the one `import` cached, else the built-in
// one), and a note on how they were chosen: "7.9.2009 detected; ... offers 7".
void offerOs(policy::Report* report)
{
    const importform::OsChoice os =
        importform::chooseOs(report->form, importform::OsCatalogueStore().load());
    report->form.osType = os.osType;
    report->form.osVersion = os.osVersion;
    if (!os.note.isEmpty())
        report->form.notes.append(os.note);
}

int exitStatus(const CliContext& context, const inspect::ImageFacts& facts,
               const policy::Report& report)
{
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

// --fix-script FILE: writes the script, and says on standard error what it fixes and what it
// leaves to the user (standard output stays the report). No file when nothing can be fixed.
int writeFixScript(const CliContext& context, const repair::FixScript& script, const QString& path)
{
    if (script.isEmpty()) {
        context.err << (script.manualRules.isEmpty()
                            ? Text::tr("No repair script written: no rule failed or warned.")
                            : Text::tr("No repair script written: the rules that failed or warned "
                                       "(%1) cannot be fixed by a script inside the VM; their "
                                       "fixes are in the report.")
                                  .arg(script.manualRules.join(QStringLiteral(", "))))
                    << '\n';
        return ExitOk;
    }
    Error error;
    if (!repair::saveFixScript(script, path, &error)) {
        context.err << error.message << '\n';
        return ExitError;
    }
    context.err << Text::tr("Repair script written to %1: %n step(s) for %2.", nullptr,
                            script.steps)
                       .arg(path, script.fixedRules.join(QStringLiteral(", ")))
                << '\n';
    if (!script.manualRules.isEmpty())
        context.err << Text::tr("Not fixed by it (see the report): %1.")
                           .arg(script.manualRules.join(QStringLiteral(", ")))
                    << '\n';
    return ExitOk;
}

// IMAGE named a folder: the disk image in it (disk::findDiskImages), said on standard error so
// that the report on standard output stays the image's. An exit status when there is none, or
// more than one to choose from.
std::optional<int> findImageInFolder(const CliContext& context, util::NativePath* image)
{
    const disk::ImageSearch search = disk::findDiskImages(QFile::decodeName(image->bytes()));
    if (search.images.isEmpty()) {
        context.err << disk::noImageMessage(search) << '\n';
        return ExitError;
    }
    if (search.images.size() > 1) {
        context.err << Text::tr("%1 holds several disk images (%2%3); name the one to check:")
                           .arg(image->display())
                           .arg(search.images.size())
                           .arg(search.limitReached ? Text::tr(" or more") : QString())
                    << '\n';
        for (const QString& found : search.images)
            context.err << "  " << found << '\n';
        return ExitError;
    }
    context.err << Text::tr("Checking %1, the disk image found in %2.")
                       .arg(search.images.first(), image->display())
                << '\n';
    *image = util::NativePath(search.images.first());
    return std::nullopt;
}

} // namespace

int runCheck(const CliContext& context)
{
    CheckArgs args;
    if (const auto exit = parseCheckArgs(context, &args))
        return *exit;
    if (QFileInfo(QFile::decodeName(args.image.bytes())).isDir()) {
        if (const auto exit = findImageInFolder(context, &args.image))
            return *exit;
    }
    const inspect::ImageFacts facts = inspect::inspectImage(args.image, args.options);
    policy::Report report = args.rules.evaluate(facts);
    offerOs(&report);
    const repair::FixScript script =
        repair::buildFixScript(facts, report, QCoreApplication::applicationVersion());
    if (args.json) {
        QJsonObject json = policy::checkResultToJson(facts, report);
        json.insert(QStringLiteral("fix_script"), repair::fixScriptToJson(script));
        context.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        printTextReport(context.out, facts, report,
                        ::isatty(STDOUT_FILENO) != 0 || qEnvironmentVariableIsSet("CVMI_UNICODE"));
        // The way to the repair script, for the reader who did not ask for it.
        if (!script.isEmpty() && args.fixScript.isEmpty())
            context.out << Text::tr("Repair script: `cvm-import check --fix-script FILE IMAGE` "
                                    "writes a script that fixes %1 inside the source VM.")
                               .arg(script.fixedRules.join(QStringLiteral(", ")))
                        << '\n';
    }
    if (args.stats)
        context.err << "bytes_read=" << facts.bytesRead << '\n';
    if (!args.fixScript.isEmpty() && !facts.error.isSet() &&
        writeFixScript(context, script, args.fixScript) != ExitOk)
        return ExitError;
    return exitStatus(context, facts, report);
}

} // namespace cvmi::cli

#include "ImportCommand.h"

#include "CloudOptions.h"
#include "ImportHistoryView.h"
#include "ImportView.h"
#include "SecretScrubber.h"
#include "StopSignals.h"
#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"
#include "cloud/HttpClient.h"
#include "importform/Draft.h"
#include "importform/OsCatalogue.h"
#include "importrun/ImportHistory.h"
#include "importrun/ImportRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>

#include <csignal>
#include <functional>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::ImportCommand)
};

using importrun::ImportHistory;
using importrun::ImportRecord;
using importrun::ImportRunner;

// The form options; --draft is the other way to give the form, and the two do not mix.
struct FormOptions {
    QCommandLineOption osType{QStringLiteral("os-type"),
                              Text::tr("OsType, e.g. CentOS (see DescribeImportImageOs)."),
                              QStringLiteral("T")};
    QCommandLineOption osVersion{QStringLiteral("os-version"),
                                 Text::tr("OsVersion as DescribeImportImageOs lists it, e.g. 7."),
                                 QStringLiteral("V")};
    QCommandLineOption arch{QStringLiteral("arch"),
                            Text::tr("Architecture: x86_64, i386 or arm_64."), QStringLiteral("A")};
    QCommandLineOption imageUrl{QStringLiteral("image-url"),
                                Text::tr("ImageUrl: the COS object URL of the disk image."),
                                QStringLiteral("URL")};
    QCommandLineOption name{QStringLiteral("name"),
                            Text::tr("ImageName of the new custom image (at most 60 characters)."),
                            QStringLiteral("N")};
    QCommandLineOption description{QStringLiteral("description"), Text::tr("ImageDescription."),
                                   QStringLiteral("D")};
    QCommandLineOption bootMode{QStringLiteral("boot-mode"),
                                Text::tr("BootMode: \"Legacy BIOS\" (default) or UEFI."),
                                QStringLiteral("M")};
    QCommandLineOption license{QStringLiteral("license"),
                               Text::tr("LicenseType: TencentCloud (default) or BYOL."),
                               QStringLiteral("L")};
    QCommandLineOption tag{QStringLiteral("tag"),
                           Text::tr("A tag KEY=VALUE for the image (repeatable)."),
                           QStringLiteral("K=V")};
    QCommandLineOption family{QStringLiteral("family"), Text::tr("ImageFamily."),
                              QStringLiteral("F")};

    QList<QCommandLineOption> all() const
    {
        return {osType,      osVersion, arch,    imageUrl, name,
                description, bootMode,  license, tag,      family};
    }
};

// The options of `import` besides the cloud ones.
struct ImportOptions {
    QCommandLineOption draft{QStringLiteral("draft"),
                             Text::tr("Take the form from this draft file."),
                             QStringLiteral("FILE")};
    FormOptions form;
    QCommandLineOption force{QStringLiteral("force"),
                             Text::tr("Force: import even if the image fails the "
                                      "service's own checks.")};
    QCommandLineOption dryRun{QStringLiteral("dry-run"),
                              Text::tr("Only validate and run the DryRun; import nothing.")};
    QCommandLineOption noWait{QStringLiteral("no-wait"),
                              Text::tr("Exit once the import has started (print the "
                                       "ImageId) instead of following it.")};
    QCommandLineOption json{QStringLiteral("json"),
                            Text::tr("Print one JSON event per line (docs/cli-import.md).")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOption(draft);
        parser.addOptions(form.all());
        parser.addOptions({force, dryRun, noWait, json});
    }
};

// The form to import and what came with it from a draft.
struct ImportInput {
    importform::ImportForm form;
    QString draftRegion;
    QString sourcePath; // the disk image the draft was made from
};

// The region a command should use when --region is not given: the draft's or the record's,
// passed on as --region so that CloudOptions resolves it like the user's own choice.
QStringList withRegion(QStringList arguments, const QCommandLineParser& parser,
                       const QString& region)
{
    if (!region.isEmpty() && !parser.isSet(QStringLiteral("region")))
        arguments << QStringLiteral("--region") << region;
    return arguments;
}

void printError(const CliContext& context, ImportView& view, bool json, const Error& error)
{
    if (json)
        view.event(QStringLiteral("error"), {{QStringLiteral("code"), error.code},
                                             {QStringLiteral("message"), error.message}});
    context.err << error.message << '\n';
}

// Resolves the cloud options, builds the clients and runs `begin` on the runner until it ends;
// SIGINT/SIGTERM stop following (the import goes on in the cloud).
int runWithRunner(const CliContext& context, QCommandLineParser& parser, CloudOptions& options,
                  bool json, const std::function<void(ImportRunner&)>& configure,
                  const std::function<void(ImportRunner&)>& begin)
{
    SecretScrubber scrub;
    ImportView view(context.out, json, scrub);
    Error error;
    if (!options.resolveForCommand(parser, CloudOptions::Quiet::CloudAndImport, &error)) {
        if (!json && options.stage() != CloudOptions::Stage::Endpoints) {
            context.err << Text::tr("Credentials looked for in:") << '\n';
            for (const cloud::CredentialAttempt& attempt : options.discovery().tried)
                context.err << "  - " << CloudOptions::describeAttempt(attempt) << '\n';
        }
        printError(context, view, json, error);
        return ExitError;
    }
    scrub.setSecrets(options.credentials());
    if (!json) {
        context.out << Text::tr("Using:      %1").arg(options.credentials().redacted()) << '\n';
        context.out << Text::tr("Region:     %1").arg(options.region()) << '\n';
        context.out.flush();
    }

    cloud::HttpClient http;
    cloud::CvmClient cvm(&http, options.endpoints(), options.credentials());
    // To sign a private object's plain URL (a draft keeps no signature) before the DryRun.
    cloud::CosClient cos(&http, options.endpoints(), options.credentials());
    const ImportHistory history;
    ImportRunner runner(&cvm);
    runner.setCos(&cos);
    runner.setHistory(&history);
    configure(runner);
    view.attach(runner);

    QEventLoop loop;
    QObject::connect(&runner, &ImportRunner::finished, &loop, &QEventLoop::quit);
    StopSignals stopSignals;
    int stoppedBy = 0;
    QObject::connect(&stopSignals, &StopSignals::received, &runner, [&](int, int signal) {
        stoppedBy = signal;
        runner.stop();
    });
    begin(runner);
    if (runner.isRunning())
        loop.exec();
    view.finished(runner);
    if (runner.outcome() == ImportRunner::Outcome::Stopped && stoppedBy != 0)
        return 128 + stoppedBy;
    return ImportView::exitCode(runner.outcome());
}

std::optional<cloud::CvmTag> parseTag(const QString& text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0)
        return std::nullopt;
    return cloud::CvmTag{text.left(eq), text.mid(eq + 1)};
}

int importUsageError(const CliContext& context, const QString& message)
{
    context.err << message << '\n'
                << Text::tr("Usage: cvm-import import (--draft FILE | --os-type T "
                            "--os-version V --arch A --image-url URL --name N ...) "
                            "[--dry-run] [--no-wait] [--json]; see --help.")
                << '\n';
    return ExitError;
}

// The form from the form options; an exit status for a --tag that is not KEY=VALUE.
std::optional<int> formFromOptions(const CliContext& context, const QCommandLineParser& parser,
                                   const FormOptions& form, importform::ImportForm* importForm)
{
    importForm->osType = parser.value(form.osType);
    importForm->osVersion = parser.value(form.osVersion);
    importForm->architecture = parser.value(form.arch);
    importForm->imageUrl = parser.value(form.imageUrl);
    importForm->imageName = parser.value(form.name);
    importForm->imageDescription = parser.value(form.description);
    if (parser.isSet(form.bootMode))
        importForm->bootMode = parser.value(form.bootMode);
    if (parser.isSet(form.license))
        importForm->licenseType = parser.value(form.license);
    importForm->imageFamily = parser.value(form.family);
    for (const QString& text : parser.values(form.tag)) {
        const auto tag = parseTag(text);
        if (!tag)
            return importUsageError(context, Text::tr("--tag \"%1\" is not KEY=VALUE (the key "
                                                      "must not be empty; the value may be).")
                                                 .arg(text));
        importForm->tags.append(*tag);
    }
    return std::nullopt;
}

// The form from --draft (no form option may come with it) or from the form options; an exit
// status when the command ends here.
std::optional<int> readImportInput(const CliContext& context, const QCommandLineParser& parser,
                                   const ImportOptions& options, ImportInput* input)
{
    if (!parser.isSet(options.draft))
        return formFromOptions(context, parser, options.form, &input->form);
    for (const QCommandLineOption& option : options.form.all()) {
        if (parser.isSet(option))
            return importUsageError(context, Text::tr("--%1 cannot be combined with --draft: edit "
                                                      "the draft, or give the whole form as "
                                                      "options.")
                                                 .arg(option.names().constFirst()));
    }
    Error error;
    const auto draft = importform::readDraft(parser.value(options.draft), &error);
    if (!draft) {
        context.err << error.message << '\n';
        return ExitError;
    }
    input->form = draft->form;
    input->draftRegion = draft->region;
    input->sourcePath = draft->source.imagePath;
    return std::nullopt;
}

// `imports --follow IMAGE_ID`: the record of that import (or, with --region, one made up for an
// import not started here), followed again until it ends.
int followImport(const CliContext& context, QCommandLineParser& parser, CloudOptions& cloudOptions,
                 const QString& imageId, bool asJson)
{
    const ImportHistory history;
    Error error;
    std::optional<ImportRecord> record = history.find(imageId, &error);
    if (!record) {
        // Not ours (or the history is gone): followable all the same, in the region given.
        if (error.code != QLatin1String("history.not_found") ||
            !parser.isSet(QStringLiteral("region"))) {
            context.err << error.message << '\n';
            return ExitError;
        }
        record = ImportRecord{};
        record->imageId = imageId;
    }
    if (!parser.parse(withRegion(context.arguments, parser, record->region))) {
        context.err << parser.errorText() << '\n';
        return ExitError;
    }
    return runWithRunner(
        context, parser, cloudOptions, asJson, [](ImportRunner&) {},
        [&](ImportRunner& runner) {
            ImportRecord r = *record;
            r.region = cloudOptions.region();
            if (!asJson)
                context.out << Text::tr("Image ID:   %1").arg(r.imageId) << '\n';
            runner.follow(r);
        });
}

} // namespace

int runImport(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Imports a disk image from COS as a custom CVM image: checks the form, runs the "
        "ImportImage DryRun, imports, and follows the image until it is NORMAL or has failed. "
        "The form comes from a draft (--draft) or from the options.\nExit status: 0 NORMAL "
        "(or the dry run allowed, or started with --no-wait), 1 IMPORTFAILED or a form with "
        "errors, 2 an error, 130/143 stopped by SIGINT/SIGTERM (the import goes on; follow it "
        "with `cvm-import imports --follow IMAGE_ID`)."));
    parser.addHelpOption();
    const ImportOptions options;
    options.addTo(parser);
    CloudOptions cloudOptions;
    cloudOptions.addTo(parser);
    if (const auto exit = parseArguments(parser, context))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return importUsageError(
            context, Text::tr("import takes no file name, only options (unexpected \"%1\").")
                         .arg(parser.positionalArguments().constFirst()));
    ImportInput input;
    if (const auto exit = readImportInput(context, parser, options, &input))
        return *exit;
    if (parser.isSet(options.force))
        input.form.force = true;

    // The draft's region counts as if given with --region (still overridden by --region).
    if (!input.draftRegion.isEmpty() && !parser.isSet(QStringLiteral("region")) &&
        !parser.parse(withRegion(context.arguments, parser, input.draftRegion)))
        return importUsageError(context, parser.errorText());

    // The live OS list is asked first and kept here; the cached (or built-in) one is the
    // fallback when the service cannot be asked.
    const importform::OsCatalogueStore store;
    QStringList catalogueWarnings;
    const importform::OsCatalogue catalogue = store.load(&catalogueWarnings);
    for (const QString& warning : catalogueWarnings)
        context.err << warning << '\n';
    return runWithRunner(
        context, parser, cloudOptions, parser.isSet(options.json),
        [&](ImportRunner& runner) {
            runner.setCatalogue(catalogue);
            runner.setCatalogueStore(store);
            runner.setDryRunOnly(parser.isSet(options.dryRun));
            runner.setWait(!parser.isSet(options.noWait));
            runner.setSourceImagePath(input.sourcePath);
        },
        [&](ImportRunner& runner) { runner.start(input.form, cloudOptions.region()); });
}

int runImports(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Lists the imports started from this computer (newest first), or follows one "
                 "again until it ends.\nExit status: 0 listed, or the followed image is NORMAL; "
                 "1 it failed; 2 an error."));
    parser.addHelpOption();
    const QCommandLineOption follow(QStringLiteral("follow"),
                                    Text::tr("Follow this import until it ends."),
                                    QStringLiteral("IMAGE_ID"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print JSON (docs/cli-import.md)."));
    parser.addOptions({follow, json});
    CloudOptions cloudOptions;
    cloudOptions.addTo(parser);
    if (const auto exit = parseArguments(parser, context))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        context.err << Text::tr("imports takes no file or name, only options (unexpected "
                                "\"%1\"). Usage: cvm-import imports [--follow IMAGE_ID] [--json]")
                           .arg(parser.positionalArguments().constFirst())
                    << '\n';
        return ExitError;
    }
    const bool asJson = parser.isSet(json);
    if (parser.isSet(follow))
        return followImport(context, parser, cloudOptions, parser.value(follow).trimmed(), asJson);
    return printImportHistory(context, asJson);
}

} // namespace cvmi::cli

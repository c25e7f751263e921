// cvm-import: the wizard's core from the command line, for scripts and servers. Built twice:
// as cvm-import, which runs `check` itself and hands the cloud commands to its companion
// (CompanionCommand.h says why), and, with CVMI_CLI_CLOUD, as that companion, cvm-import-cloud,
// which runs every command.
#include "CheckCommand.h"
#include "CliContext.h"
#ifdef CVMI_CLI_CLOUD
#include "DoctorCommand.h"
#include "ImportCommand.h"
#include "ObjectsCommand.h"
#include "UploadCommand.h"
#include "UploadsCommand.h"
#else
#include "CompanionCommand.h"
#endif

#include "util/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <vector>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::Main)
};

QString usage()
{
    return Text::tr(
        "Usage: cvm-import COMMAND [OPTIONS]\n\n"
        "Commands:\n"
        "  check IMAGE    inspect a disk image and judge it against the import rules\n"
        "  doctor         check the credentials, region, import permission and COS access\n"
        "  upload FILE cos://BUCKET-APPID[/KEY]\n"
        "                 upload a disk image to COS (resumable, checked with CRC-64)\n"
        "  uploads [cos://BUCKET-APPID]\n"
        "                 list or abort interrupted uploads\n"
        "  objects cos://BUCKET-APPID[/PREFIX]\n"
        "                 list a bucket's objects and the ImageUrl of each\n"
        "  import (--draft FILE | --os-type T --os-version V --arch A --image-url URL --name N)\n"
        "                 import a COS object as a custom image and follow it until it ends\n"
        "  imports [--follow IMAGE_ID]\n"
        "                 list the imports started here, or follow one again\n\n"
        "Run `cvm-import COMMAND --help` for a command's options.\n"
        "Exit status: 0 success/compliant, 1 not compliant or a check failed, 2 error;\n"
        "upload, import: 130/143 stopped by SIGINT/SIGTERM (resumable).\n");
}
} // namespace

int main(int argc, char* argv[])
{
#ifndef CVMI_CLI_CLOUD
    // As typed, for the companion: QCoreApplication may take arguments of its own out of argv.
    std::vector<char*> typed(argv, argv + argc + 1);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cvm-import"));
    QCoreApplication::setOrganizationName(QStringLiteral("cvm-import-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CVMI_VERSION));
    // The system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English when none is shipped.
    cvmi::util::installTranslations(app, {});

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        out << usage();
        return args.size() < 2 ? cvmi::cli::ExitError : cvmi::cli::ExitOk;
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) {
        out << "cvm-import " << QCoreApplication::applicationVersion() << '\n';
        return cvmi::cli::ExitOk;
    }
    const QString command = args[1];
    // The command's own parser sees "cvm-import check ..." as its program name and arguments.
    args.removeAt(1);
    args[0] = QStringLiteral("cvm-import ") + command;
    QByteArrayList rawArgs;
    for (int i = 2; i < argc; ++i)
        rawArgs.append(QByteArray(argv[i]));
    const cvmi::cli::CliContext context{args, out, err, rawArgs};
    if (command == QLatin1String("check"))
        return cvmi::cli::runCheck(context);
#ifdef CVMI_CLI_CLOUD
    if (command == QLatin1String("doctor"))
        return cvmi::cli::runDoctor(context);
    if (command == QLatin1String("import"))
        return cvmi::cli::runImport(context);
    if (command == QLatin1String("imports"))
        return cvmi::cli::runImports(context);
    if (command == QLatin1String("upload"))
        return cvmi::cli::runUpload(context);
    if (command == QLatin1String("uploads"))
        return cvmi::cli::runUploads(context);
    if (command == QLatin1String("objects"))
        return cvmi::cli::runObjects(context);
#else
    static const QStringList cloudCommands{QStringLiteral("doctor"),  QStringLiteral("import"),
                                           QStringLiteral("imports"), QStringLiteral("upload"),
                                           QStringLiteral("uploads"), QStringLiteral("objects")};
    if (cloudCommands.contains(command))
        return cvmi::cli::runInCompanion(command, typed.data(), out, err);
#endif
    err << Text::tr("Unknown command \"%1\".").arg(command) << "\n\n" << usage();
    return cvmi::cli::ExitError;
}

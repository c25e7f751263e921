#include "CommandLine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>

namespace cvmi::gui {

namespace {

// The pages --page opens directly.
const QStringList kPages = {QStringLiteral("account"), QStringLiteral("upload"),
                            QStringLiteral("import"), QStringLiteral("objects"),
                            QStringLiteral("settings")};

QCommandLineOption fileOption(const char* name, const QString& description)
{
    return QCommandLineOption(QString::fromLatin1(name), description, QStringLiteral("FILE"));
}

QCommandLineOption pageOption()
{
    return QCommandLineOption(
        QStringLiteral("page"),
        QApplication::translate("main",
                                "Start on PAGE instead of the image page: \"account\" or "
                                "\"upload\" (after the account is checked and its first bucket "
                                "chosen). With --screenshot, credentials found (or the demo's) "
                                "are checked, and IMAGE is uploaded, before the picture is "
                                "taken. \"import\": the last page; with --demo, a demo disk in "
                                "the demo bucket and the form filled for it (with --screenshot, "
                                "imported first). \"objects\": with --demo, the form's "
                                "\"Choose Object…\" dialog listing the demo bucket. "
                                "\"settings\": the settings dialog over the wizard."),
        QStringLiteral("PAGE"));
}

// Absolute, so that the page shows where the image lives and later steps need no working
// directory.
QString absolute(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

Options parseCommandLine(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Checks a VM disk image against Tencent Cloud's import rules and imports it "
                "as a CVM custom image."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("IMAGE"),
        QApplication::translate(
            "main", "Disk image to check at once (.qcow2, .vmdk, .vhd, .raw, .vhdx, .vdi, .ova)."),
        QStringLiteral("[IMAGE]"));
    const QCommandLineOption screenshot = fileOption(
        "screenshot",
        QApplication::translate("main", "Save a PNG of the window to FILE once IMAGE is "
                                        "checked (or at once without IMAGE), then quit."));
    const QCommandLineOption policy = fileOption(
        "policy", QApplication::translate("main", "Judge images by the rule file FILE instead of "
                                                  "the built-in rules (as `cvm-import check "
                                                  "--policy`)."));
    const QCommandLineOption page = pageOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Talk to a local emulator of Tencent Cloud started inside "
                                        "the wizard, with a demo account and bucket, instead of "
                                        "the cloud. Nothing leaves this computer."));
    const QCommandLineOption draft = fileOption(
        "draft", QApplication::translate("main", "Start on the import form, filled from the draft "
                                                 "FILE (saved with \"Save Draft\")."));
    parser.addOptions({screenshot, policy, page, demo, draft});
    parser.process(app); // exits for --help, --version and unknown options
    if (parser.isSet(page) && !kPages.contains(parser.value(page))) {
        std::fprintf(stderr,
                     "cvm-import-wizard: unknown page \"%s\"; the pages that can be "
                     "opened directly are: account, upload, import, objects, settings\n",
                     qPrintable(parser.value(page)));
        std::exit(2);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    return Options{positional.isEmpty() ? QString() : absolute(positional.first()),
                   parser.value(screenshot),
                   parser.value(policy),
                   parser.value(page),
                   parser.isSet(demo),
                   parser.isSet(draft) ? absolute(parser.value(draft)) : QString()};
}

} // namespace cvmi::gui

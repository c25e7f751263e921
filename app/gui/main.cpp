// cvm-import-wizard [IMAGE] [--screenshot FILE] [--page account] [--demo]: the wizard,
// optionally starting on an image, on the account page, or against the local cloud emulator.
#include "DemoCloud.h"

#include "AccountPage.h"
#include "ImagePage.h"
#include "ImportWizard.h"
#include "WizardSession.h"

#include "Icons.h"

#include "policy/Policy.h"
#include "settings/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QScreen>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using cvmi::ui::ImportWizard;

namespace {

const auto kSizeKey = QStringLiteral("window/size");
// A screenshot run must end even if the inspection hangs, or CI would wait for its own timeout.
constexpr int kScreenshotDeadlineMs = 60000;
constexpr int kScreenshotIdleDelayMs = 500;
// Lets the last layout pass and repaint after the report appears happen before the grab.
constexpr int kScreenshotSettleMs = 150;

struct Options {
    QString image;
    QString screenshot;
    QString policyFile;
    QString page; // "" or "account"
    bool demo = false;
};

Options parseArguments(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Checks a VM disk image against Tencent Cloud's import rules and imports it "
                "as a CVM custom image."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("IMAGE"),
        QApplication::translate("main", "Disk image to check at once (.qcow2, .vmdk, .vhd, .raw)."),
        QStringLiteral("[IMAGE]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window to FILE once IMAGE is checked "
                                        "(or at once without IMAGE), then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    const QCommandLineOption policy(
        QStringLiteral("policy"),
        QApplication::translate("main", "Judge images by the rule file FILE instead of the "
                                        "built-in rules (as `cvm-import check --policy`)."),
        QStringLiteral("FILE"));
    parser.addOption(policy);
    const QCommandLineOption page(
        QStringLiteral("page"),
        QApplication::translate("main",
                                "Start on PAGE instead of the image page: \"account\". With "
                                "--screenshot, credentials found (or the demo's) are "
                                "checked before the picture is taken."),
        QStringLiteral("PAGE"));
    parser.addOption(page);
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Talk to a local emulator of Tencent Cloud started inside "
                                        "the wizard, with a demo account and bucket, instead of "
                                        "the cloud. Nothing leaves this computer."));
    parser.addOption(demo);
    parser.process(app); // exits for --help, --version and unknown options
    if (parser.isSet(page) && parser.value(page) != QLatin1String("account")) {
        std::fprintf(stderr,
                     "cvm-import-wizard: unknown page \"%s\"; the pages that can be "
                     "opened directly are: account\n",
                     qPrintable(parser.value(page)));
        std::exit(2);
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    // Absolute, so that the page shows where the image lives and later steps need no working
    // directory.
    const QString image =
        positional.isEmpty() ? QString() : QFileInfo(positional.first()).absoluteFilePath();
    return Options{image, parser.value(screenshot), parser.value(policy), parser.value(page),
                   parser.isSet(demo)};
}

void restoreSize(QWidget* window)
{
    const QSize saved = QSettings().value(kSizeKey).toSize();
    if (!saved.isValid())
        return;
    // A size saved on a larger monitor must not push the buttons off this one.
    const QSize available = window->screen()->availableSize();
    window->resize(saved.boundedTo(available).expandedTo(window->minimumSizeHint()));
}

void takeScreenshot(QApplication& app, ImportWizard& wizard, const QString& file)
{
    const bool saved = wizard.grab().save(file, "PNG");
    if (!saved)
        std::fprintf(stderr, "cvm-import-wizard: cannot write the screenshot %s\n",
                     qPrintable(file));
    app.exit(saved ? 0 : 1);
}

void scheduleScreenshot(QApplication& app, ImportWizard& wizard, const Options& options)
{
    auto grab = [&app, &wizard, file = options.screenshot] {
        QTimer::singleShot(kScreenshotSettleMs, &wizard,
                           [&app, &wizard, file] { takeScreenshot(app, wizard, file); });
    };
    cvmi::ui::AccountPage* account = wizard.accountPage();
    if (!options.page.isEmpty()) {
        // The account page as a user sees it after Check (every line answered, the first bucket
        // chosen) when there are credentials to check, else as it opens.
        QObject::connect(
            account, &cvmi::ui::AccountPage::checkFinished, &wizard,
            [account, grab] {
                if (account->bucketBox()->count() > 0)
                    account->bucketBox()->setCurrentIndex(0);
                grab();
            },
            Qt::SingleShotConnection);
        auto checkOrGrab = [account, grab] {
            if (account->currentCredentials().isUsable())
                account->startCheck();
            else
                grab();
        };
        if (options.demo)
            QTimer::singleShot(kScreenshotIdleDelayMs, account, checkOrGrab);
        else
            QObject::connect(account, &cvmi::ui::AccountPage::discoveryShown, &wizard, checkOrGrab,
                             Qt::SingleShotConnection);
    } else if (options.image.isEmpty())
        QTimer::singleShot(kScreenshotIdleDelayMs, &wizard, grab);
    else
        QObject::connect(wizard.imagePage(), &cvmi::ui::ImagePage::inspectionShown, &wizard, grab,
                         Qt::SingleShotConnection);
    QTimer::singleShot(kScreenshotDeadlineMs, &wizard, [&app] {
        std::fprintf(stderr, "cvm-import-wizard: the inspection or the account check did not "
                             "finish in time for the screenshot\n");
        app.exit(1);
    });
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CVM Import Wizard"));
    QApplication::setApplicationName(QStringLiteral("CVM Import Wizard"));
    QApplication::setApplicationVersion(QStringLiteral(CVMI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cvm-import-wizard"));
    QApplication::setWindowIcon(cvmi::ui::appIcon());

    const Options options = parseArguments(app);
    const bool screenshotRun = !options.screenshot.isEmpty();

    // Before the wizard, so that they outlive its pages.
    cvmi::settings::AppSettings settings;
    cvmi::gui::DemoCloud demo;
    ImportWizard wizard;
    if (options.demo) {
        QString error;
        if (!demo.start(&error)) {
            std::fprintf(stderr, "cvm-import-wizard: the demo's local emulator did not start: %s\n",
                         qPrintable(error));
            return 2;
        }
        wizard.setWindowTitle(QApplication::translate("main", "CVM Import Wizard — Demo (local "
                                                              "emulator, no cloud)"));
        // The demo's port changes every run and its keys are public: neither is saved.
        const QString note = QApplication::translate(
            "main", "The demo account of the local emulator: its keys are published, not "
                    "secret, and nothing is saved.");
        wizard.accountPage()->setFixedAccount(demo.credentials(), demo.endpoints(), demo.endpoint(),
                                              demo.endpoint(), note);
    } else {
        wizard.accountPage()->setSettings(&settings);
    }
    if (options.page == QLatin1String("account"))
        wizard.setStartId(ImportWizard::PageAccount);
    if (!options.policyFile.isEmpty()) {
        cvmi::Error error;
        const auto policy = cvmi::policy::Policy::fromFile(options.policyFile, &error);
        if (!policy) {
            // Exit status 2 as the CLI uses for unusable input: a wizard judging by rules other
            // than the ones asked for would be worse than none.
            std::fprintf(stderr, "cvm-import-wizard: %s\n", qPrintable(error.message));
            return 2;
        }
        wizard.setPolicy(*policy);
    }
    // Screenshots use the default size so that they do not depend on the last user session.
    if (!screenshotRun) {
        restoreSize(&wizard);
        QObject::connect(&app, &QApplication::aboutToQuit, &wizard,
                         [&wizard] { QSettings().setValue(kSizeKey, wizard.size()); });
    } else {
        scheduleScreenshot(app, wizard, options);
    }
    wizard.show();
    if (!options.image.isEmpty())
        wizard.openImage(options.image);
    return app.exec();
}

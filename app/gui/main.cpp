// cvm-import-wizard [IMAGE] [--screenshot FILE] [--page account] [--demo] [--draft FILE]: the
// wizard, optionally starting on an image, on the account page, on the import form filled from a
// draft, or against the local cloud emulator.
#include "DemoCloud.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ObjectUrlChecker.h"
#include "dialogs/SettingsDialog.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"

#include "Icons.h"

#include "policy/Policy.h"
#include "settings/AppSettings.h"
#include "settings/NetworkProxy.h"
#include "util/Translations.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDialog>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>
#include <cstdlib>
#include <memory>

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
    QString page; // "", "account", "upload", "import", "objects" or "settings"
    bool demo = false;
    QString draft; // --draft FILE: start on the import form filled from it
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
    parser.addOption(page);
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Talk to a local emulator of Tencent Cloud started inside "
                                        "the wizard, with a demo account and bucket, instead of "
                                        "the cloud. Nothing leaves this computer."));
    parser.addOption(demo);
    const QCommandLineOption draft(
        QStringLiteral("draft"),
        QApplication::translate("main", "Start on the import form, filled from the draft FILE "
                                        "(saved with \"Save Draft\")."),
        QStringLiteral("FILE"));
    parser.addOption(draft);
    parser.process(app); // exits for --help, --version and unknown options
    if (parser.isSet(page) && parser.value(page) != QLatin1String("account") &&
        parser.value(page) != QLatin1String("upload") &&
        parser.value(page) != QLatin1String("import") &&
        parser.value(page) != QLatin1String("objects") &&
        parser.value(page) != QLatin1String("settings")) {
        std::fprintf(stderr,
                     "cvm-import-wizard: unknown page \"%s\"; the pages that can be "
                     "opened directly are: account, upload, import, objects, settings\n",
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
    Options options{image,
                    parser.value(screenshot),
                    parser.value(policy),
                    parser.value(page),
                    parser.isSet(demo),
                    parser.isSet(draft) ? QFileInfo(parser.value(draft)).absoluteFilePath()
                                        : QString()};
    return options;
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

// --page upload: the way a user gets there. The account is checked (the demo's, or credentials
// found) and its first bucket chosen, IMAGE is checked, then Next.
void walkToUploadPage(ImportWizard& wizard, const Options& options)
{
    cvmi::ui::AccountPage* account = wizard.accountPage();
    auto waiting = std::make_shared<int>(options.image.isEmpty() ? 1 : 2);
    auto step = [&wizard, account, waiting] {
        if (--*waiting > 0)
            return;
        auto* buckets = account->findChild<QComboBox*>(QStringLiteral("bucket"));
        if (buckets->count() > 0 && buckets->currentIndex() < 0)
            buckets->setCurrentIndex(0);
        wizard.next();
    };
    QObject::connect(account, &cvmi::ui::AccountPage::checkFinished, &wizard, step,
                     Qt::SingleShotConnection);
    if (!options.image.isEmpty())
        QObject::connect(wizard.imagePage(), &cvmi::ui::ImagePage::inspectionShown, &wizard, step,
                         Qt::SingleShotConnection);
    auto checkOrStep = [account, step] {
        if (account->currentCredentials().isUsable())
            account->startCheck();
        else
            step();
    };
    if (options.demo)
        QTimer::singleShot(kScreenshotIdleDelayMs, account, checkOrStep);
    else
        QObject::connect(account, &cvmi::ui::AccountPage::discoveryShown, &wizard, checkOrStep,
                         Qt::SingleShotConnection);
}

// --demo --page import: what the earlier pages would leave behind, without walking them: the
// demo account, a small demo disk in the demo bucket, and the form filled for it.
bool prepareDemoImport(ImportWizard& wizard, cvmi::gui::DemoCloud& demo)
{
    QString error;
    const QString url = demo.putDemoDisk(&error);
    if (url.isEmpty()) {
        std::fprintf(stderr, "cvm-import-wizard: the demo disk could not be stored: %s\n",
                     qPrintable(error));
        return false;
    }
    cvmi::ui::WizardSession* session = wizard.session();
    session->setAccount(demo.credentials(), cvmi::gui::DemoCloud::region(), demo.endpoints());
    session->setBucket(cvmi::gui::DemoCloud::bucket());
    cvmi::importform::ImportForm form;
    form.osType = QStringLiteral("CentOS");
    form.osVersion = QStringLiteral("7"); // as DescribeImportImageOs lists it
    form.architecture = QStringLiteral("x86_64");
    form.imageUrl = url;
    form.imageName = QStringLiteral("demo-centos-7.9");
    form.imageDescription = QApplication::translate("main", "Imported in the wizard's demo");
    session->setImportForm(form);
    return true;
}

// The Form page with the demo account and a few objects in the demo bucket, for "Choose
// Object…": disk images of each kind and a file that is none.
bool prepareDemoObjects(ImportWizard& wizard, cvmi::gui::DemoCloud& demo)
{
    QString error;
    bool stored = !demo.putDemoDisk(&error).isEmpty();
    const std::pair<const char*, int> extra[] = {{"demo/ubuntu-22.04 server.vmdk", 6144},
                                                 {"demo/windows-2012r2+data.vhd", 8192},
                                                 {"demo/debian-12.raw", 12288},
                                                 {"demo/README.txt", 512},
                                                 {"backups/centos-7.9-2026-11.qcow2", 2048}};
    for (const auto& [key, size] : extra)
        stored = stored && demo.putObject(QString::fromUtf8(key), QByteArray(size, 'd'), &error);
    if (!stored) {
        std::fprintf(stderr, "cvm-import-wizard: the demo objects could not be stored: %s\n",
                     qPrintable(error));
        return false;
    }
    cvmi::ui::WizardSession* session = wizard.session();
    session->setAccount(demo.credentials(), cvmi::gui::DemoCloud::region(), demo.endpoints());
    session->setBucket(cvmi::gui::DemoCloud::bucket());
    wizard.setStartId(ImportWizard::PageForm);
    return true;
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
    if (options.page == QLatin1String("settings")) {
        // The dialog is a window of its own: it is grabbed, not the wizard under it. Its
        // network and upload tab, the one with the most to explain.
        QTimer::singleShot(
            kScreenshotIdleDelayMs, &wizard, [&app, &wizard, file = options.screenshot] {
                wizard.openSettings();
                auto* dialog = wizard.findChild<cvmi::ui::SettingsDialog*>();
                dialog->findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentIndex(2);
                QTimer::singleShot(kScreenshotSettleMs, dialog, [&app, dialog, file] {
                    const bool saved = dialog->grab().save(file, "PNG");
                    if (!saved)
                        std::fprintf(stderr, "cvm-import-wizard: cannot write the screenshot %s\n",
                                     qPrintable(file));
                    app.exit(saved ? 0 : 1);
                });
            });
    } else if (options.page == QLatin1String("objects")) {
        // The dialog over the form, once its first page of objects is listed.
        QTimer::singleShot(
            kScreenshotIdleDelayMs, &wizard, [&app, &wizard, file = options.screenshot] {
                wizard.formPage()->findChild<QPushButton*>(QStringLiteral("chooseObject"))->click();
                auto* dialog = wizard.findChild<QDialog*>(QStringLiteral("chooseObjectDialog"));
                auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("chooseObjectList"));
                auto* poll = new QTimer(dialog);
                QObject::connect(poll, &QTimer::timeout, dialog, [&app, dialog, list, poll, file] {
                    if (list->topLevelItemCount() == 0)
                        return;
                    poll->stop();
                    list->setCurrentItem(list->topLevelItem(0));
                    QTimer::singleShot(kScreenshotSettleMs, dialog, [&app, dialog, file] {
                        const bool saved = dialog->grab().save(file, "PNG");
                        if (!saved)
                            std::fprintf(stderr,
                                         "cvm-import-wizard: cannot write the screenshot %s\n",
                                         qPrintable(file));
                        app.exit(saved ? 0 : 1);
                    });
                });
                poll->start(50);
            });
    } else if (!options.draft.isEmpty()) {
        // The form as the draft fills it; a refused draft is shown too, with its message.
        // The idle delay lets the typed-URL check (debounced) say its result first.
        QObject::connect(
            wizard.formPage(), &cvmi::ui::FormPage::draftOpened, &wizard,
            [&wizard, grab] {
                QTimer::singleShot(kScreenshotIdleDelayMs + cvmi::ui::ObjectUrlChecker::debounceMs,
                                   &wizard, grab);
            },
            Qt::SingleShotConnection);
    } else if (options.page == QLatin1String("upload")) {
        // The upload page once the image is in the bucket: the bar full, the URL and CRC-64.
        cvmi::ui::UploadPage* upload = wizard.uploadPage();
        QObject::connect(upload, &cvmi::ui::UploadPage::uploadFinished, &wizard, grab,
                         Qt::SingleShotConnection);
        QObject::connect(
            &wizard, &QWizard::currentIdChanged, &wizard,
            [upload, grab](int id) {
                if (id != ImportWizard::PageUpload)
                    return;
                if (upload->findChild<QPushButton*>(QStringLiteral("startUpload"))->isEnabled())
                    upload->start();
                else
                    grab();
            },
            Qt::QueuedConnection);
    } else if (options.page == QLatin1String("import")) {
        // The import page once the demo disk's import has ended: every step, the ImageId and
        // the next step; without a form or an account, the page saying what is missing.
        cvmi::ui::ImportPage* import = wizard.importPage();
        QObject::connect(import, &cvmi::ui::ImportPage::importFinished, &wizard, grab,
                         Qt::SingleShotConnection);
        QTimer::singleShot(kScreenshotIdleDelayMs, import, [import, grab] {
            if (import->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled())
                import->startImport();
            else
                grab();
        });
    } else if (!options.page.isEmpty()) {
        // The account page as a user sees it after Check (every line answered, the first bucket
        // chosen) when there are credentials to check, else as it opens.
        QObject::connect(
            account, &cvmi::ui::AccountPage::checkFinished, &wizard,
            [account, grab] {
                auto* buckets = account->findChild<QComboBox*>(QStringLiteral("bucket"));
                if (buckets->count() > 0)
                    buckets->setCurrentIndex(0);
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
    // Before any text is shown, the help included: the language chosen in the settings, else the
    // system's (a change in the settings applies from the next start).
    cvmi::util::installTranslations(app, cvmi::settings::AppSettings().language());
    // The window shows what the cloud and transfer logs say; on a terminal they would only
    // repeat it (QT_LOGGING_RULES is applied after these rules and still turns them on).
    QLoggingCategory::setFilterRules(QStringLiteral("cvmi.*.debug=false\ncvmi.*.info=false"));

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
    // Part size, concurrency and rate limit. The demo's resume records go with its emulator.
    wizard.uploadPage()->setSettings(&settings);
    // "Settings…" on every page; the proxy chosen there for the control calls from the start.
    wizard.setSettings(&settings);
    cvmi::settings::applyApplicationProxy(settings.proxy());
    QTemporaryDir demoCheckpoints;
    if (options.demo)
        wizard.uploadPage()->setCheckpointDir(demoCheckpoints.path());
    if (options.page == QLatin1String("account"))
        wizard.setStartId(ImportWizard::PageAccount);
    if (options.page == QLatin1String("upload")) {
        wizard.setStartId(ImportWizard::PageAccount);
        walkToUploadPage(wizard, options);
    }
    // The demo's imports are of its emulator: they stay out of the history shared with the CLI.
    QTemporaryDir demoHistory;
    if (options.demo)
        wizard.importPage()->setHistoryDir(demoHistory.path());
    if (options.page == QLatin1String("objects") && options.demo &&
        !prepareDemoObjects(wizard, demo))
        return 2;
    if (options.page == QLatin1String("import")) {
        wizard.setStartId(ImportWizard::PageImport);
        if (options.demo && !prepareDemoImport(wizard, demo))
            return 2;
    }
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
    if (!options.draft.isEmpty())
        wizard.openDraft(options.draft);
    wizard.show();
    if (!options.image.isEmpty())
        wizard.openImage(options.image);
    return app.exec();
}

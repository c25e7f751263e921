// cvm-import-wizard [IMAGE] [--screenshot FILE] [--page account] [--demo] [--draft FILE]: the
// wizard, optionally starting on an image, on the account page, on the import form filled from a
// draft, or against the local cloud emulator.
#include "CommandLine.h"
#include "DemoCloud.h"
#include "DemoFolder.h"
#include "Screenshot.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "pages/AccountPage.h"
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
#include <QDir>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>

#include <cstdio>
#include <memory>

using cvmi::ui::ImportWizard;

namespace {

using cvmi::gui::Options;

const auto kSizeKey = QStringLiteral("window/size");

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
    cvmi::gui::checkAccountOnceShown(wizard, options.demo, step);
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

void setUpApplication(QApplication& app, bool demoRun)
{
    // The demo's own organisation: what Qt keeps per organisation (the OS list's cache under
    // ~/.cache) stays apart from the user's, as its settings do (DemoFolder).
    QApplication::setOrganizationName(demoRun ? cvmi::gui::DemoFolder::organizationName()
                                              : QStringLiteral("CVM Import Wizard"));
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
}

// --demo: the wizard on the emulator started here, its account fixed, its uploads and imports
// kept in the demo folder; else the account from the settings. False: the emulator did not start
// (said on stderr).
bool setUpAccount(ImportWizard& wizard, cvmi::gui::DemoCloud& demo,
                  const cvmi::gui::DemoFolder& folder, cvmi::settings::AppSettings& settings,
                  bool demoRun)
{
    if (!demoRun) {
        wizard.accountPage()->setSettings(&settings);
        return true;
    }
    QString error;
    if (!demo.start(folder.emulatorDir(), folder.lastPort(), &error)) {
        std::fprintf(stderr, "cvm-import-wizard: the demo's local emulator did not start: %s\n",
                     qPrintable(error));
        return false;
    }
    // The same port next time: the resume records name the endpoint.
    folder.rememberPort(demo.port());
    wizard.uploadPage()->setCheckpointDir(folder.uploadsDir());
    wizard.importPage()->setHistoryDir(folder.importsDir());
    wizard.setWindowTitle(QApplication::translate("main", "CVM Import Wizard — Demo (local "
                                                          "emulator, no cloud)"));
    // Its keys are public: they are never saved, and the demo's own things stay in its folder.
    const QString note =
        folder.isTemporary()
            ? QApplication::translate("main",
                                      "The demo account of the local emulator: its keys are "
                                      "published, not secret. Nothing of this demo is kept.")
            : QApplication::translate("main",
                                      "The demo account of the local emulator: its keys are "
                                      "published, not secret. Its uploads and images are kept "
                                      "for the next demo in %1.")
                  .arg(QDir::toNativeSeparators(folder.path()));
    wizard.accountPage()->setFixedAccount(demo.credentials(), demo.endpoints(), demo.endpoint(),
                                          demo.endpoint(), note);
    return true;
}

// --demo, before anything reads the settings: its folder (a temporary one for --screenshot: a
// picture of a fresh demo, beside a running one), whose settings replace the user's.
void chooseDemoFolder(cvmi::gui::DemoFolder& folder, const QStringList& arguments)
{
    using cvmi::gui::DemoFolder;
    QString error;
    if (!DemoFolder::screenshotRequested(arguments) || !folder.useTemporary(&error))
        folder.use(DemoFolder::defaultPath());
    folder.redirectSettings();
}

// False: another demo holds the folder (or it cannot be made), said on stderr and in a message.
bool lockDemoFolder(cvmi::gui::DemoFolder& folder)
{
    QString error;
    if (folder.lock(&error))
        return true;
    std::fprintf(stderr, "cvm-import-wizard: %s\n", qPrintable(error));
    QMessageBox::warning(nullptr, QApplication::translate("main", "The demo is already open"),
                         error);
    return false;
}

// --page: the page the wizard starts on, and (with --demo) what the pages before it would have
// left. False: the demo's objects could not be stored (said on stderr).
bool openStartPage(ImportWizard& wizard, cvmi::gui::DemoCloud& demo, const Options& options)
{
    if (options.page == QLatin1String("account"))
        wizard.setStartId(ImportWizard::PageAccount);
    if (options.page == QLatin1String("upload")) {
        wizard.setStartId(ImportWizard::PageAccount);
        walkToUploadPage(wizard, options);
    }
    if (options.page == QLatin1String("objects") && options.demo &&
        !prepareDemoObjects(wizard, demo))
        return false;
    if (options.page == QLatin1String("import")) {
        wizard.setStartId(ImportWizard::PageImport);
        if (options.demo && !prepareDemoImport(wizard, demo))
            return false;
    }
    return true;
}

// --policy FILE. False: the file is not a usable rule file (said on stderr).
bool applyPolicy(ImportWizard& wizard, const QString& policyFile)
{
    if (policyFile.isEmpty())
        return true;
    cvmi::Error error;
    const auto policy = cvmi::policy::Policy::fromFile(policyFile, &error);
    if (!policy) {
        // Refused (exit status 2, as the CLI's for unusable input): a wizard judging by rules
        // other than the ones asked for would be worse than none.
        std::fprintf(stderr, "cvm-import-wizard: %s\n", qPrintable(error.message));
        return false;
    }
    wizard.setPolicy(*policy);
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    cvmi::gui::DemoFolder demoFolder;
    const bool demoRun = cvmi::gui::DemoFolder::demoRequested(QApplication::arguments());
    if (demoRun)
        chooseDemoFolder(demoFolder, QApplication::arguments());
    setUpApplication(app, demoRun);
    const Options options = cvmi::gui::parseCommandLine(app);
    if (demoRun && !lockDemoFolder(demoFolder))
        return 2;

    // Before the wizard, so that they outlive its pages.
    cvmi::settings::AppSettings settings;
    cvmi::gui::DemoCloud demo;
    ImportWizard wizard;
    if (!setUpAccount(wizard, demo, demoFolder, settings, options.demo))
        return 2;
    // Part size, concurrency and rate limit.
    wizard.uploadPage()->setSettings(&settings);
    // "Settings…" on every page; the proxy chosen there for the control calls from the start.
    wizard.setSettings(&settings);
    cvmi::settings::applyApplicationProxy(settings.proxy());
    if (!openStartPage(wizard, demo, options) || !applyPolicy(wizard, options.policyFile))
        return 2;
    // Screenshots use the default size so that they do not depend on the last user session.
    if (options.screenshot.isEmpty()) {
        restoreSize(&wizard);
        QObject::connect(&app, &QApplication::aboutToQuit, &wizard,
                         [&wizard] { QSettings().setValue(kSizeKey, wizard.size()); });
    } else {
        cvmi::gui::scheduleScreenshot(app, wizard, options);
    }
    if (!options.draft.isEmpty())
        wizard.openDraft(options.draft);
    wizard.show();
    if (!options.image.isEmpty())
        wizard.openImage(options.image);
    return app.exec();
}

#include "Screenshot.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ObjectUrlChecker.h"
#include "dialogs/SettingsDialog.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>
#include <functional>

namespace cvmi::gui {

namespace {

using ui::ImportWizard;

// How long a --page or --screenshot run lets the window settle before it acts.
constexpr int kScreenshotIdleDelayMs = 500;
// A screenshot run must end even if the inspection hangs, or CI would wait for its own timeout.
constexpr int kScreenshotDeadlineMs = 60000;
// Lets the last layout pass and repaint after the report appears happen before the grab.
constexpr int kScreenshotSettleMs = 150;

// Takes the picture of the wizard, once it has settled.
using Grab = std::function<void()>;

void saveAndQuit(QApplication& app, QWidget* window, const QString& file)
{
    const bool saved = window->grab().save(file, "PNG");
    if (!saved)
        std::fprintf(stderr, "cvm-import-wizard: cannot write the screenshot %s\n",
                     qPrintable(file));
    app.exit(saved ? 0 : 1);
}

// A dialog is a window of its own: it is grabbed, not the wizard under it.
void grabDialogSoon(QApplication& app, QWidget* dialog, const QString& file)
{
    QTimer::singleShot(kScreenshotSettleMs, dialog,
                       [&app, dialog, file] { saveAndQuit(app, dialog, file); });
}

// The settings dialog on its network and upload tab, the one with the most to explain.
void shootSettings(QApplication& app, ImportWizard& wizard, const QString& file)
{
    QTimer::singleShot(kScreenshotIdleDelayMs, &wizard, [&app, &wizard, file] {
        wizard.openSettings();
        auto* dialog = wizard.findChild<ui::SettingsDialog*>();
        dialog->findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentIndex(2);
        grabDialogSoon(app, dialog, file);
    });
}

// "Choose Object…" over the form, once its first page of objects is listed.
void shootChooseObject(QApplication& app, ImportWizard& wizard, const QString& file)
{
    QTimer::singleShot(kScreenshotIdleDelayMs, &wizard, [&app, &wizard, file] {
        wizard.formPage()->findChild<QPushButton*>(QStringLiteral("chooseObject"))->click();
        auto* dialog = wizard.findChild<QDialog*>(QStringLiteral("chooseObjectDialog"));
        auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("chooseObjectList"));
        auto* poll = new QTimer(dialog);
        QObject::connect(poll, &QTimer::timeout, dialog, [&app, dialog, list, poll, file] {
            if (list->topLevelItemCount() == 0)
                return;
            poll->stop();
            list->setCurrentItem(list->topLevelItem(0));
            grabDialogSoon(app, dialog, file);
        });
        poll->start(50);
    });
}

// The form as the draft fills it; a refused draft is shown too, with its message. The idle delay
// lets the typed-URL check (debounced) say its result first.
void shootDraft(ImportWizard& wizard, const Grab& grab)
{
    QObject::connect(
        wizard.formPage(), &ui::FormPage::draftOpened, &wizard,
        [&wizard, grab] {
            QTimer::singleShot(kScreenshotIdleDelayMs + ui::ObjectUrlChecker::debounceMs, &wizard,
                               grab);
        },
        Qt::SingleShotConnection);
}

// The upload page once the image is in the bucket: the bar full, the URL and CRC-64.
void shootUpload(ImportWizard& wizard, const Grab& grab)
{
    ui::UploadPage* upload = wizard.uploadPage();
    QObject::connect(upload, &ui::UploadPage::uploadFinished, &wizard, grab,
                     Qt::SingleShotConnection);
    QObject::connect(
        &wizard, &QWizard::currentIdChanged, &wizard,
        [&wizard, upload, grab](int id) {
            if (id != ImportWizard::PageUpload)
                return;
            const auto begin = [upload, grab] {
                if (upload->findChild<QPushButton*>(QStringLiteral("startUpload"))->isEnabled())
                    upload->start();
                else
                    grab();
            };
            // The estimate decides "Send as compressed qcow2": the upload starts once it is in.
            ui::WizardSession* session = wizard.session();
            if (session->isEstimating())
                QObject::connect(session, &ui::WizardSession::sendEstimateChanged, upload, begin,
                                 Qt::SingleShotConnection);
            else
                begin();
        },
        Qt::QueuedConnection);
}

// The import page once the demo disk's import has ended: every step, the ImageId and the next
// step; without a form or an account, the page saying what is missing.
void shootImport(ImportWizard& wizard, const Grab& grab)
{
    ui::ImportPage* import = wizard.importPage();
    QObject::connect(import, &ui::ImportPage::importFinished, &wizard, grab,
                     Qt::SingleShotConnection);
    QTimer::singleShot(kScreenshotIdleDelayMs, import, [import, grab] {
        if (import->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled())
            import->startImport();
        else
            grab();
    });
}

// The account page as a user sees it after its automatic check (every line answered, the bucket
// it chose, else the first) when there are credentials to check, else as it opens.
void shootAccount(ImportWizard& wizard, bool demo, const Grab& grab)
{
    ui::AccountPage* account = wizard.accountPage();
    QObject::connect(
        account, &ui::AccountPage::checkFinished, &wizard,
        [account, grab] {
            auto* buckets = account->findChild<QComboBox*>(QStringLiteral("bucket"));
            if (buckets->count() > 0 && buckets->currentIndex() < 0)
                buckets->setCurrentIndex(0);
            grab();
        },
        Qt::SingleShotConnection);
    checkAccountOnceShown(wizard, demo, grab);
}

} // namespace

void checkAccountOnceShown(ImportWizard& wizard, bool demo, const std::function<void()>& otherwise)
{
    // The page checks by itself once it is shown with credentials (the demo's always, else once
    // discovery found some): checkFinished() follows. Pressing Check as well would start a second
    // check under the first one's answer.
    if (demo)
        return;
    ui::AccountPage* account = wizard.accountPage();
    QObject::connect(
        account, &ui::AccountPage::discoveryShown, &wizard,
        [account, otherwise] {
            if (!account->currentCredentials().isUsable())
                otherwise();
        },
        Qt::SingleShotConnection);
}

void scheduleScreenshot(QApplication& app, ImportWizard& wizard, const Options& options)
{
    const Grab grab = [&app, &wizard, file = options.screenshot] {
        QTimer::singleShot(kScreenshotSettleMs, &wizard,
                           [&app, &wizard, file] { saveAndQuit(app, &wizard, file); });
    };
    if (options.page == QLatin1String("settings"))
        shootSettings(app, wizard, options.screenshot);
    else if (options.page == QLatin1String("objects"))
        shootChooseObject(app, wizard, options.screenshot);
    else if (!options.draft.isEmpty())
        shootDraft(wizard, grab);
    else if (options.page == QLatin1String("upload"))
        shootUpload(wizard, grab);
    else if (options.page == QLatin1String("import"))
        shootImport(wizard, grab);
    else if (!options.page.isEmpty())
        shootAccount(wizard, options.demo, grab);
    else if (options.image.isEmpty())
        QTimer::singleShot(kScreenshotIdleDelayMs, &wizard, grab);
    else
        QObject::connect(wizard.imagePage(), &ui::ImagePage::inspectionShown, &wizard, grab,
                         Qt::SingleShotConnection);
    QTimer::singleShot(kScreenshotDeadlineMs, &wizard, [&app] {
        std::fprintf(stderr, "cvm-import-wizard: the inspection or the account check did not "
                             "finish in time for the screenshot\n");
        app.exit(1);
    });
}

} // namespace cvmi::gui

// The wizard by keyboard (issue 13, finding 8), in English and in Simplified Chinese: every page,
// in the states that show other buttons (the Image page empty, offering an interrupted upload and
// with a report; the Upload page ready, uploading, paused, failed and done; the Import page before
// and after an import), and every dialog (Settings on each tab, Create Bucket, Endpoints, Choose
// Object) is walked as it is on screen. In each, no two controls may answer the same Alt key
// (buttons, the labels of fields, tabs and group boxes, the wizard's own Back/Next/Finish), every
// push button has its Alt key (OK/Cancel of a dialog and the wizard's Cancel have Enter and Esc),
// and no Tab stop lands on an empty widget (the Image page's report area before any report). On a
// ready Upload page, Enter starts the upload.
#include "AccessibilityAudit.h"
#include "CloudTestSupport.h"
#include "TestSupport.h"
#include "WidgetLookup.h"
#include "WizardDriving.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/OsCatalogueController.h"
#include "dialogs/ChooseObjectDialog.h"
#include "dialogs/CreateBucketDialog.h"
#include "dialogs/EndpointsDialog.h"
#include "dialogs/SettingsDialog.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"
#include "widgets/DropZone.h"
#include "widgets/InterruptedUploadNotice.h"
#include "widgets/ReportView.h"

#include "cloud/CredentialStore.h"
#include "importform/OsCatalogue.h"
#include "settings/AppSettings.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QThreadPool>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using Phase = ui::UploadPage::Phase;
using test::child;
using ui::ImportWizard;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr qint64 MiB = 1024 * 1024;

QString fixture(const QString& name)
{
    return QDir(test::fixtureDir()).filePath(name);
}

// How a control is named in a failure: its object name and the text the user sees.
QString describe(const QWidget* widget, const QString& text)
{
    const QString name = widget->objectName().isEmpty()
                             ? QString::fromLatin1(widget->metaObject()->className())
                             : widget->objectName();
    return QStringLiteral("%1 \"%2\"").arg(name, text);
}

bool shownIn(const QWidget* widget, const QWidget* window)
{
    return widget->window() == window && widget->isVisible();
}

// Every Alt key (and other shortcut of a button) that works in `window` as it is on screen, with
// the controls that answer it.
QMap<QString, QStringList> shortcutsOf(const QWidget* window)
{
    QMap<QString, QStringList> keys;
    const auto add = [&keys](const QKeySequence& key, const QWidget* owner, const QString& text) {
        if (!key.isEmpty())
            keys[key.toString(QKeySequence::PortableText)].append(describe(owner, text));
    };
    for (const QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (shownIn(button, window))
            add(button->shortcut(), button, button->text());
    }
    for (const QLabel* label : window->findChildren<QLabel*>()) {
        if (shownIn(label, window) && label->buddy() && label->buddy()->isVisible())
            add(QKeySequence::mnemonic(label->text()), label, label->text());
    }
    for (const QTabBar* bar : window->findChildren<QTabBar*>()) {
        if (!shownIn(bar, window))
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->isTabVisible(i))
                add(QKeySequence::mnemonic(bar->tabText(i)), bar, bar->tabText(i));
        }
    }
    for (const QGroupBox* box : window->findChildren<QGroupBox*>()) {
        if (shownIn(box, window))
            add(QKeySequence::mnemonic(box->title()), box, box->title());
    }
    return keys;
}

// Enter and Esc reach these without an Alt key: a dialog's OK and Cancel, the wizard's Cancel.
bool hasEnterOrEsc(const QAbstractButton* button)
{
    if (const auto* wizard = qobject_cast<const QWizard*>(button->window());
        wizard && button == wizard->button(QWizard::CancelButton))
        return true;
    const auto* box = qobject_cast<const QDialogButtonBox*>(button->parentWidget());
    if (!box)
        return false;
    const QDialogButtonBox::ButtonRole role = box->buttonRole(const_cast<QAbstractButton*>(button));
    return role == QDialogButtonBox::AcceptRole || role == QDialogButtonBox::RejectRole;
}

bool hasFocusableChild(const QWidget* widget)
{
    for (const QWidget* child : widget->findChildren<QWidget*>()) {
        if (child->isVisible() && (child->focusPolicy() & Qt::TabFocus))
            return true;
    }
    return false;
}

// Why a Tab stop shows nothing to act on, or an empty string when it does.
QString emptyTabStop(const QWidget* widget)
{
    if (widget->width() <= 0 || widget->height() <= 0)
        return QStringLiteral("has no size");
    if (const auto* label = qobject_cast<const QLabel*>(widget); label && label->text().isEmpty())
        return QStringLiteral("is an empty label");
    const auto* area = qobject_cast<const QAbstractScrollArea*>(widget);
    if (!area || qobject_cast<const QAbstractItemView*>(widget) ||
        qobject_cast<const QTextEdit*>(widget) || qobject_cast<const QPlainTextEdit*>(widget))
        return {};
    const bool scrolls =
        area->verticalScrollBar()->maximum() > 0 || area->horizontalScrollBar()->maximum() > 0;
    if (!scrolls && !hasFocusableChild(area->viewport()))
        return QStringLiteral("is a scroll area with nothing to scroll or reach");
    return {};
}

// What is wrong with the keyboard in `window` as it is on screen, each line naming `where`.
QStringList keyboardProblems(QWidget* window, const QString& where)
{
    QStringList problems;
    const QMap<QString, QStringList> keys = shortcutsOf(window);
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        if (it.value().size() > 1)
            problems.append(QStringLiteral("%1: %2 belongs to %3")
                                .arg(where, it.key(), it.value().join(QStringLiteral(" and "))));
    }
    for (const QPushButton* button : window->findChildren<QPushButton*>()) {
        if (shownIn(button, window) && button->shortcut().isEmpty() && !hasEnterOrEsc(button))
            problems.append(QStringLiteral("%1: %2 has no Alt key")
                                .arg(where, describe(button, button->text())));
    }
    // The chain Tab walks; Qt skips what is hidden or disabled, not what is empty.
    for (QWidget* w = window->nextInFocusChain(); w != window; w = w->nextInFocusChain()) {
        if (w->window() != window || !(w->focusPolicy() & Qt::TabFocus) || !w->isVisible() ||
            !w->isEnabled())
            continue;
        const QString why = emptyTabStop(w);
        if (!why.isEmpty())
            problems.append(
                QStringLiteral("%1: the Tab stop %2 %3").arg(where, describe(w, QString()), why));
    }
    return problems;
}

} // namespace

class TestKeyboard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyPage_data() { languages(); }
    void everyPage();
    void dialogs_data() { languages(); }
    void dialogs();
    void enterStartsTheUpload_data() { languages(); }
    void enterStartsTheUpload();
    void skippedUploadAndTypedWork_data() { languages(); }
    void skippedUploadAndTypedWork();

private:
    static void languages();
    // Walks every state named in the file's comment, collecting what keyboardProblems finds.
    void walkImagePage(ImportWizard& wizard);
    void walkUploadPage(ImportWizard& wizard);
    void walkFormAndImport(ImportWizard& wizard);
    void audit(QWidget* window, const QString& where);
    // Fails with every problem collected, one line each (a failure message would be cut short).
    void reportProblems();

    std::unique_ptr<ImportWizard> makeWizard();
    bool drop(ImportWizard& wizard, const QString& path);
    bool next(ImportWizard& wizard, ImportWizard::PageId expected);
    void passAccount(ImportWizard& wizard);
    void toUploadPage(ImportWizard& wizard);
    void setFaults(const QJsonArray& rules);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<settings::AppSettings> m_settings;
    cloud::MemoryCredentialStore m_store;
    QStringList m_problems;
};

void TestKeyboard::languages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFileInfo(fixture(QStringLiteral("linux/centos7.raw"))).isFile());
}

void TestKeyboard::init()
{
    // Our texts and Qt's (the wizard's Back/Next, the dialogs' OK/Cancel) as the program loads
    // them; the widgets are made afterwards, so they are born translated.
    if (QLatin1String(QTest::currentDataTag()) != QLatin1String("en"))
        QCOMPARE(util::installTranslations(*qApp, QString::fromLatin1(QTest::currentDataTag())),
                 QString::fromLatin1(QTest::currentDataTag()));
    m_problems.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_emulator = std::make_unique<emu::CloudEmulator>();
    m_emulator->setImportDelayMs(300);
    QString error;
    QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
    m_settings =
        std::make_unique<settings::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    Error settingsError;
    QVERIFY(m_settings->setPartSize(8 * MiB, &settingsError));
    QVERIFY(m_settings->setConcurrency(2, &settingsError));
}

void TestKeyboard::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeoutMs));
    QCoreApplication::processEvents();
    cvmi::test::removeTranslations();
    m_settings.reset();
    m_emulator.reset();
    m_dir.reset();
}

void TestKeyboard::audit(QWidget* window, const QString& where)
{
    QCoreApplication::processEvents(); // layouts settle, so that sizes and scroll ranges are real
    m_problems.append(keyboardProblems(window, where));
    m_problems.append(test::accessibilityProblems(window, where));
}

void TestKeyboard::reportProblems()
{
    for (const QString& problem : std::as_const(m_problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(m_problems.isEmpty(),
             qPrintable(QStringLiteral("%1 keyboard or accessibility problem(s), listed above")
                            .arg(m_problems.size())));
}

std::unique_ptr<ImportWizard> TestKeyboard::makeWizard()
{
    auto wizard = test::wizardOnEmulator(*m_emulator, &m_store, m_settings.get(),
                                         QDir(m_dir->path()), kTimeoutMs);
    wizard->uploadPage()->setAsker(
        [](ui::UploadPage::Question, const QString&, const QString&) { return true; });
    // "Settings…" is on every page of the program; its Ctrl+, belongs in the check.
    wizard->setSettings(m_settings.get());
    return wizard;
}

bool TestKeyboard::drop(ImportWizard& wizard, const QString& path)
{
    return test::dropOnImagePage(wizard, path);
}

bool TestKeyboard::next(ImportWizard& wizard, ImportWizard::PageId expected)
{
    return test::clickNext(wizard, expected, kTimeoutMs);
}

void TestKeyboard::passAccount(ImportWizard& wizard)
{
    ui::AccountPage* page = wizard.accountPage();
    child<QRadioButton>(page, "useTypedCredentials")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(page, "secretId"), kId);
    QTest::keyClicks(child<QLineEdit>(page, "secretKey"), kKey);
    QSignalSpy finished(page, &ui::AccountPage::checkFinished);
    QTest::mouseClick(child<QPushButton>(page, "checkAccount"), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(finished.first().first().toBool());
    auto* bucket = child<QComboBox>(page, "bucket");
    QTRY_VERIFY_WITH_TIMEOUT(bucket->findText(kBucket) >= 0, kTimeoutMs);
    bucket->setCurrentIndex(bucket->findText(kBucket));
    QVERIFY(page->isComplete());
}

void TestKeyboard::toUploadPage(ImportWizard& wizard)
{
    QVERIFY(
        drop(wizard, QFileInfo(fixture(QStringLiteral("linux/centos7.raw"))).absoluteFilePath()));
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard.session()->hasInspection() && !wizard.imagePage()->isInspecting(), kTimeoutMs);
    QSignalSpy discovered(wizard.accountPage(), &ui::AccountPage::discoveryShown);
    QVERIFY(next(wizard, ImportWizard::PageAccount));
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    passAccount(wizard);
    if (QTest::currentTestFailed())
        return;
    audit(&wizard, QStringLiteral("Account page, checked"));
    QVERIFY(next(wizard, ImportWizard::PageUpload));
}

void TestKeyboard::setFaults(const QJsonArray& rules)
{
    QString error;
    QVERIFY2(m_emulator->setFaults(QJsonObject{{QStringLiteral("rules"), rules}}, &error),
             qPrintable(error));
}

void TestKeyboard::walkImagePage(ImportWizard& wizard)
{
    audit(&wizard, QStringLiteral("Image page, empty"));
    ui::InterruptedUploadNotice* notice = wizard.imagePage()->interruptedUploadNotice();
    ui::InterruptedUpload earlier;
    earlier.filePath = fixture(QStringLiteral("linux/centos7.raw"));
    earlier.bucket = kBucket;
    earlier.key = QStringLiteral("centos7.raw");
    earlier.region = kRegion;
    earlier.partsDone = 3;
    earlier.partsTotal = 8;
    earlier.updated = QDateTime::currentDateTimeUtc();
    notice->showUploads({earlier});
    QVERIFY(notice->isVisible());
    audit(&wizard, QStringLiteral("Image page, an interrupted upload offered"));
    notice->dismiss();

    toUploadPage(wizard); // drops the image and audits the Account page on its way
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::PageImage));
    QVERIFY(wizard.imagePage()->findChild<ui::ReportView*>()->hasReport());
    audit(&wizard, QStringLiteral("Image page, with a report"));
    QVERIFY(next(wizard, ImportWizard::PageAccount));
    QVERIFY(next(wizard, ImportWizard::PageUpload));
}

void TestKeyboard::walkUploadPage(ImportWizard& wizard)
{
    ui::UploadPage* page = wizard.uploadPage();
    QCOMPARE(page->phase(), Phase::Ready);
    audit(&wizard, QStringLiteral("Upload page, ready"));

    // Slow enough to be seen uploading and paused; then every part comes back damaged.
    Error error;
    QVERIFY(m_settings->setRateLimit(4 * MiB, &error));
    QTest::mouseClick(child<QPushButton>(page, "startUpload"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page->phase() == Phase::Uploading &&
                                 child<QPushButton>(page, "pauseUpload")->isVisible(),
                             kTimeoutMs);
    audit(&wizard, QStringLiteral("Upload page, uploading"));
    QTest::mouseClick(child<QPushButton>(page, "pauseUpload"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page->phase(), Phase::Paused, kTimeoutMs);
    audit(&wizard, QStringLiteral("Upload page, paused"));
    setFaults(QJsonArray{QJsonObject{{QStringLiteral("operation"), QStringLiteral("UploadPart")},
                                     {QStringLiteral("fault"), QStringLiteral("bad-crc")}}});
    QTest::mouseClick(child<QPushButton>(page, "resumeUpload"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page->phase(), Phase::Failed, kTimeoutMs);
    audit(&wizard, QStringLiteral("Upload page, failed"));

    setFaults(QJsonArray());
    QVERIFY(m_settings->setRateLimit(0, &error));
    QSignalSpy finished(page, &ui::UploadPage::uploadFinished);
    QTest::mouseClick(child<QPushButton>(page, "retryUpload"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page->phase(), Phase::Done, kTimeoutMs);
    audit(&wizard, QStringLiteral("Upload page, done"));
}

void TestKeyboard::walkFormAndImport(ImportWizard& wizard)
{
    QVERIFY(next(wizard, ImportWizard::PageForm));
    ui::FormPage* form = wizard.formPage();
    QTRY_VERIFY_WITH_TIMEOUT(form->isComplete(), kTimeoutMs);
    audit(&wizard, QStringLiteral("Form page"));
    // Force and Dry run, under "Advanced", answer Alt keys of their own once shown.
    QTest::mouseClick(child<QToolButton>(form, "advancedToggle"), Qt::LeftButton);
    audit(&wizard, QStringLiteral("Form page, Advanced open"));
    QTest::mouseClick(child<QToolButton>(form, "advancedToggle"), Qt::LeftButton);

    // Choose Object…, over the uploaded object.
    ui::ChooseObjectDialog chooser(wizard.session(), kBucket, &wizard);
    chooser.show();
    auto* objects = chooser.findChild<QTreeWidget*>();
    QVERIFY(objects);
    QTRY_VERIFY_WITH_TIMEOUT(objects->topLevelItemCount() > 0, kTimeoutMs);
    objects->setCurrentItem(objects->topLevelItem(0));
    audit(&chooser, QStringLiteral("Choose Object dialog"));
    chooser.reject();

    QVERIFY(next(wizard, ImportWizard::PageImport));
    audit(&wizard, QStringLiteral("Import page, before the import"));
    ui::ImportPage* import = wizard.importPage();
    QSignalSpy imported(import, &ui::ImportPage::importFinished);
    QTest::mouseClick(child<QPushButton>(import, "importButton"), Qt::LeftButton);
    QVERIFY(imported.count() > 0 || imported.wait(kTimeoutMs));
    QCOMPARE(child<QLineEdit>(import, "imageIdEdit")->isVisible(), true);
    audit(&wizard, QStringLiteral("Import page, imported"));
}

void TestKeyboard::everyPage()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    walkImagePage(*wizard);
    if (QTest::currentTestFailed())
        return;
    walkUploadPage(*wizard);
    if (QTest::currentTestFailed())
        return;
    walkFormAndImport(*wizard);
    if (QTest::currentTestFailed())
        return;
    reportProblems();
}

void TestKeyboard::dialogs()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));

    wizard->openSettings();
    auto* settings = wizard->findChild<ui::SettingsDialog*>();
    QVERIFY(settings);
    QTRY_VERIFY(settings->isVisible());
    auto* tabs = settings->findChild<QTabWidget*>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        audit(settings, QStringLiteral("Settings dialog, tab %1").arg(tabs->tabText(i)));
    }
    settings->reject();

    ui::CreateBucketDialog create(kRegion, kAppId, wizard.get());
    create.show();
    audit(&create, QStringLiteral("Create Bucket dialog"));
    create.reject();

    ui::EndpointsDialog endpoints(wizard.get());
    endpoints.show();
    audit(&endpoints, QStringLiteral("Endpoints dialog"));
    endpoints.reject();

    reportProblems();
}

void TestKeyboard::enterStartsTheUpload()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QApplication::setActiveWindow(wizard.get());
    QVERIFY(QTest::qWaitForWindowActive(wizard.get()));
    toUploadPage(*wizard);
    if (QTest::currentTestFailed())
        return;
    ui::UploadPage* page = wizard->uploadPage();
    auto* start = child<QPushButton>(page, "startUpload");
    QVERIFY(start->isVisible() && start->isEnabled());
    QTRY_VERIFY(start->isDefault());
    // Enter where the wizard put the focus on arriving, as a user presses it.
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QSignalSpy finished(page, &ui::UploadPage::uploadFinished);
    QTest::keyClick(focus, Qt::Key_Return);
    QVERIFY2(page->phase() != Phase::Ready, qPrintable(describe(focus, QString())));
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    QCOMPARE(page->phase(), Phase::Done);
}

// The form reached through "Skip to the Form", with its "Switch to Upload", and the question
// Esc asks there once something is typed (issue 13, findings 4 and 6).
void TestKeyboard::skippedUploadAndTypedWork()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QSignalSpy discovered(wizard->accountPage(), &ui::AccountPage::discoveryShown);
    QTest::mouseClick(child<QPushButton>(wizard->imagePage(), "skipToForm"), Qt::LeftButton);
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    passAccount(*wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*wizard, ImportWizard::PageForm));
    QVERIFY(wizard->button(QWizard::CustomButton2)->isVisible());
    audit(wizard.get(), QStringLiteral("Form page, upload skipped"));

    QTest::keyClicks(child<QLineEdit>(wizard->formPage(), "imageName"), QStringLiteral("web"));
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = wizard->findChild<QMessageBox*>(QStringLiteral("typedWorkQuestion"))) &&
                box->isVisible());
    audit(box, QStringLiteral("Question on closing with typed work"));
    QTest::mouseClick(child<QPushButton>(box, "keepEditing"), Qt::LeftButton);
    reportProblems();
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"

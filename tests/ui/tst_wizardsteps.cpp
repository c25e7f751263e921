// The wizard's map (issue 13, finding 4), driven against the in-process emulator: the step
// indicator follows the pages ("Step 2 of 5", done steps ticked); a skipped upload shows as
// "Upload (skipped)"; Back to the Image or Upload page ends the skip, visibly; on the form,
// "Switch to Upload" (Alt+W) undoes a skip chosen on the Image page and leads to the Upload page.
#include "CloudTestSupport.h"
#include "ShotSaving.h"
#include "TestSupport.h"
#include "WidgetLookup.h"
#include "WizardDriving.h"

#include "ImportWizard.h"
#include "ImportWizardSteps.h"
#include "WizardSession.h"
#include "widgets/StepIndicator.h"

#include "util/Translations.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTranslator>

using namespace cvmi;
using namespace cvmi::cloudtest;
using test::child;
using ui::ImportWizard;

namespace {

constexpr int kTimeoutMs = 30000;

QString fixture(const QString& name)
{
    return QFileInfo(QDir(test::fixtureDir()).filePath(name)).absoluteFilePath();
}

} // namespace

class TestWizardSteps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void indicatorFollowsThePages();
    void backToImagePageEndsTheSkip();
    void switchToUploadUndoesTheSkip_data();
    void switchToUploadUndoesTheSkip();
    void backToUploadPageEndsTheSkip();

private:
    std::unique_ptr<ImportWizard> makeWizard();
    void passAccount(ImportWizard& wizard);
    void skipFromImagePage(ImportWizard& wizard);
    static QString shown(ImportWizard& wizard);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<settings::AppSettings> m_settings;
    cloud::MemoryCredentialStore m_store;
};

void TestWizardSteps::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFileInfo(fixture(QStringLiteral("linux/centos7.raw"))).isFile());
}

void TestWizardSteps::init()
{
    if (QTest::currentDataTag() && QLatin1String(QTest::currentDataTag()) == QLatin1String("zh_CN"))
        QCOMPARE(util::installTranslations(*qApp, QStringLiteral("zh_CN")),
                 QStringLiteral("zh_CN"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_emulator = std::make_unique<emu::CloudEmulator>();
    QString error;
    QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
    m_settings =
        std::make_unique<settings::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
}

void TestWizardSteps::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeoutMs));
    QCoreApplication::processEvents();
    cvmi::test::removeTranslations();
    m_settings.reset();
    m_emulator.reset();
    m_dir.reset();
}

std::unique_ptr<ImportWizard> TestWizardSteps::makeWizard()
{
    auto wizard = test::wizardOnEmulator(*m_emulator, &m_store, m_settings.get(),
                                         QDir(m_dir->path()), kTimeoutMs);
    wizard->setSettings(m_settings.get()); // the button row as the program has it
    return wizard;
}

void TestWizardSteps::passAccount(ImportWizard& wizard)
{
    ui::AccountPage* page = wizard.accountPage();
    child<QRadioButton>(page, "useTypedCredentials")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(page, "secretId"), kId);
    QTest::keyClicks(child<QLineEdit>(page, "secretKey"), kKey);
    QSignalSpy finished(page, &ui::AccountPage::checkFinished);
    QTest::mouseClick(child<QPushButton>(page, "checkAccount"), Qt::LeftButton);
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    QVERIFY(finished.last().first().toBool());
    auto* bucket = child<QComboBox>(page, "bucket");
    QTRY_VERIFY_WITH_TIMEOUT(bucket->findText(kBucket) >= 0, kTimeoutMs);
    bucket->setCurrentIndex(bucket->findText(kBucket));
    QVERIFY(page->isComplete());
}

void TestWizardSteps::skipFromImagePage(ImportWizard& wizard)
{
    QSignalSpy discovered(wizard.accountPage(), &ui::AccountPage::discoveryShown);
    auto* skip = child<QPushButton>(wizard.imagePage(), "skipToForm");
    QVERIFY(skip->isVisible() && skip->isEnabled());
    QTest::mouseClick(skip, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::PageAccount));
    QVERIFY(wizard.session()->uploadSkipped());
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
}

QString TestWizardSteps::shown(ImportWizard& wizard)
{
    return child<ui::StepIndicator>(&wizard, "stepIndicator")->text();
}

void TestWizardSteps::indicatorFollowsThePages()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    auto* indicator = child<ui::StepIndicator>(wizard.get(), "stepIndicator");
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->countText(), QStringLiteral("Step 1 of 5"));
    // Across the top: above the page title and the page, inside the window.
    const QRect band(indicator->mapTo(wizard.get(), QPoint(0, 0)), indicator->size());
    QVERIFY(wizard->rect().contains(band));
    QVERIFY(band.top() < wizard->imagePage()->mapTo(wizard.get(), QPoint(0, 0)).y());
    QVERIFY(!shown(*wizard).contains(QStringLiteral("\u2713")));

    QVERIFY(test::dropOnImagePage(*wizard, fixture(QStringLiteral("linux/centos7.raw"))));
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard->session()->hasInspection() && !wizard->imagePage()->isInspecting(), kTimeoutMs);
    QVERIFY(test::clickNext(*wizard, ImportWizard::PageAccount, kTimeoutMs));
    QCOMPARE(indicator->countText(), QStringLiteral("Step 2 of 5"));
    QVERIFY2(shown(*wizard).contains(QStringLiteral("\u2713 Image \u203a Account \u203a Upload")),
             qPrintable(shown(*wizard)));
    test::saveShot(wizard.get(), QStringLiteral("steps-indicator"));
    QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(indicator->countText(), QStringLiteral("Step 1 of 5"));
}

void TestWizardSteps::backToImagePageEndsTheSkip()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    skipFromImagePage(*wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(shown(*wizard).contains(QStringLiteral("Upload (skipped)")),
             qPrintable(shown(*wizard)));
    // Back where the skip was chosen: it is off, and the page asks for an image again.
    QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageImage));
    QVERIFY(!wizard->session()->uploadSkipped());
    QVERIFY2(!shown(*wizard).contains(QStringLiteral("skipped")), qPrintable(shown(*wizard)));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
}

void TestWizardSteps::switchToUploadUndoesTheSkip_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestWizardSteps::switchToUploadUndoesTheSkip()
{
    QFETCH(QString, language);
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QVERIFY(test::dropOnImagePage(*wizard, fixture(QStringLiteral("linux/centos7.raw"))));
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard->session()->hasInspection() && !wizard->imagePage()->isInspecting(), kTimeoutMs);
    skipFromImagePage(*wizard);
    if (QTest::currentTestFailed())
        return;
    QAbstractButton* instead = wizard->button(QWizard::CustomButton2);
    QVERIFY(!instead->isVisible()); // only on the form
    passAccount(*wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(test::clickNext(*wizard, ImportWizard::PageForm, kTimeoutMs));
    auto* indicator = child<ui::StepIndicator>(wizard.get(), "stepIndicator");
    QVERIFY(instead->isVisible() && instead->isEnabled());
    QCOMPARE(instead->objectName(), QStringLiteral("uploadInsteadButton"));
    QCOMPARE(instead->shortcut(), QKeySequence(QStringLiteral("Alt+W")));
    if (language == QLatin1String("en")) {
        QCOMPARE(indicator->countText(), QStringLiteral("Step 4 of 5"));
        QVERIFY2(shown(*wizard).contains(QStringLiteral("Upload (skipped) \u203a Form")),
                 qPrintable(shown(*wizard)));
    } else {
        QVERIFY2(!shown(*wizard).contains(QStringLiteral("Step")), qPrintable(shown(*wizard)));
        QVERIFY2(instead->text().endsWith(QStringLiteral("(&W)")), qPrintable(instead->text()));
    }
    const QString suffix = language == QLatin1String("en") ? QString() : u'-' + language;
    test::saveShot(wizard.get(), QStringLiteral("steps-skipped-upload") + suffix);

    // Alt+W, as a keyboard user presses it.
    QApplication::setActiveWindow(wizard.get());
    QVERIFY(QTest::qWaitForWindowActive(wizard.get()));
    // A mnemonic presses its button as a click shown on screen: clicked() comes a moment later.
    QSignalSpy clicked(instead, &QAbstractButton::clicked);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::AltModifier);
    QVERIFY(clicked.count() > 0 || clicked.wait(kTimeoutMs));
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageUpload));
    QVERIFY(!wizard->session()->uploadSkipped());
    QVERIFY(!instead->isVisible());
    QVERIFY(!shown(*wizard).contains(QStringLiteral("(skipped)")));
    if (language == QLatin1String("en"))
        QCOMPARE(indicator->countText(), QStringLiteral("Step 3 of 5"));
    // The upload is what the page waits for now: Next stays off until it is done.
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QPushButton>(wizard->uploadPage(), "startUpload")->isVisible());
}

void TestWizardSteps::backToUploadPageEndsTheSkip()
{
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QVERIFY(test::dropOnImagePage(*wizard, fixture(QStringLiteral("linux/centos7.raw"))));
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard->session()->hasInspection() && !wizard->imagePage()->isInspecting(), kTimeoutMs);
    QSignalSpy discovered(wizard->accountPage(), &ui::AccountPage::discoveryShown);
    QVERIFY(test::clickNext(*wizard, ImportWizard::PageAccount, kTimeoutMs));
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    passAccount(*wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(test::clickNext(*wizard, ImportWizard::PageUpload, kTimeoutMs));
    auto* skip = child<QPushButton>(wizard->uploadPage(), "skipUpload");
    QTRY_VERIFY_WITH_TIMEOUT(skip->isVisible() && skip->isEnabled(), kTimeoutMs);
    QTest::mouseClick(skip, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageForm));
    QVERIFY(shown(*wizard).contains(QStringLiteral("Upload (skipped)")));
    // Skipped on the Upload page, Back is the way back to it; the button is for the other way.
    QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageUpload));
    QVERIFY(!wizard->session()->uploadSkipped());
    QVERIFY(!shown(*wizard).contains(QStringLiteral("(skipped)")));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
}

QTEST_MAIN(TestWizardSteps)
#include "tst_wizardsteps.moc"

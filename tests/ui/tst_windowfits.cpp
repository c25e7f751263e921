// The wizard stays on the screen (issue 13, finding 1): on every page, with a disk image whose file
// name has 240 characters, on the Upload page once it is uploaded (its key is that name), and on
// the Import page after an import ended IMPORTFAILED, the window's
// frame and its Back, Next, Cancel and Finish buttons lie inside the screen's available geometry,
// and the smallest size its layout asks for fits there. CTest runs this twice, on an offscreen
// screen of 1366x768 and on one of 1920x1080 at QT_SCALE_FACTOR=2 (960x540 logical pixels);
// CVMI_SCREEN names the logical size expected, so that a screen setting that did not apply fails.
#include "CloudTestSupport.h"
#include "TestSupport.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/OsCatalogueController.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"
#include "widgets/UploadDestination.h"

#include "cloud/CredentialStore.h"
#include "importform/OsCatalogue.h"
#include "settings/AppSettings.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using Outcome = importrun::ImportRunner::Outcome;
using ui::ImportWizard;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr int kLongNameLength = 240;

QString describe(const QRect& r)
{
    return QStringLiteral("%1x%2%3%4%5%6")
        .arg(r.width())
        .arg(r.height())
        .arg(r.x() < 0 ? QString() : QStringLiteral("+"))
        .arg(r.x())
        .arg(r.y() < 0 ? QString() : QStringLiteral("+"))
        .arg(r.y());
}

} // namespace

class TestWindowFits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyPageFits_data();
    void everyPageFits();
    void uploadedFits();
    void importFailedFits();

private:
    // A wizard as main.cpp builds it, aimed at the emulator and this test's folders, its session
    // holding the account, the bucket and a form for an object that is not there (IMPORTFAILED).
    std::unique_ptr<ImportWizard> makeWizard(ImportWizard::PageId start);
    // Shows the wizard on its start page with the long-named image checked.
    void showWithLongImage(ImportWizard& wizard);
    // The frame, the page buttons and the minimum size inside the screen's available geometry.
    static void verifyFits(ImportWizard& wizard, const QString& where);
    static void settle();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<settings::AppSettings> m_settings;
    cloud::MemoryCredentialStore m_store;
    QString m_longImage;
    QString m_longKey;
};

void TestWindowFits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QSize expected = [] {
        const QStringList parts = qEnvironmentVariable("CVMI_SCREEN").split(u'x');
        return parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
    }();
    QVERIFY2(expected.isValid(), "CVMI_SCREEN (the logical screen size, e.g. 1366x768) is not set");
    const QScreen* screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    QCOMPARE(screen->availableGeometry().size(), expected);
    qInfo("screen %s, available %s, device pixel ratio %.1f",
          qPrintable(describe(screen->geometry())),
          qPrintable(describe(screen->availableGeometry())), screen->devicePixelRatio());

    // The compliant CentOS fixture under a name of 240 characters (its extension included).
    const QString fixture = QDir(test::fixtureDir()).filePath(QStringLiteral("linux/centos7.raw"));
    QVERIFY2(QFileInfo(fixture).isFile(), qPrintable(fixture));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString suffix = QStringLiteral(".raw");
    const QString stem = QStringLiteral("centos-7.9-web-frontend-golden-image-");
    const QString name =
        stem + QString(kLongNameLength - stem.size() - suffix.size(), u'x') + suffix;
    QCOMPARE(name.size(), kLongNameLength);
    m_longImage = m_dir->filePath(name);
    QVERIFY(QFile::link(QFileInfo(fixture).absoluteFilePath(), m_longImage));
    m_longKey = QStringLiteral("disks/") + name; // never uploaded: the import fails
}

void TestWindowFits::init()
{
    m_emulator = std::make_unique<emu::CloudEmulator>();
    addAccounts(*m_emulator);
    m_emulator->setImportDelayMs(300);
    QString error;
    QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
    m_settings =
        std::make_unique<settings::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
}

void TestWindowFits::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeoutMs));
    settle();
    m_settings.reset();
    m_emulator.reset();
}

void TestWindowFits::settle()
{
    // Layout requests and resizes are posted events; two rounds let nested layouts follow.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(20);
    }
}

std::unique_ptr<ImportWizard> TestWindowFits::makeWizard(ImportWizard::PageId start)
{
    auto wizard = std::make_unique<ImportWizard>();
    ui::AccountPage* account = wizard->accountPage();
    account->setCredentialStore(&m_store);
    account->setDiscoverer([] { return cloud::CredentialDiscovery{}; });
    Error error;
    if (!account->setEndpointOverrides(m_emulator->endpoint(), m_emulator->endpoint(), &error))
        qWarning("%s", qPrintable(error.message));
    wizard->uploadPage()->setSettings(m_settings.get());
    wizard->uploadPage()->setCheckpointDir(m_dir->filePath(QStringLiteral("checkpoints")));
    auto* osList = wizard->formPage()->findChild<ui::OsCatalogueController*>();
    QSignalSpy loaded(osList, &ui::OsCatalogueController::changed);
    osList->setStore(importform::OsCatalogueStore(m_dir->filePath(QStringLiteral("cache"))));
    if (!loaded.wait(kTimeoutMs))
        qWarning("the OS list did not load");
    wizard->importPage()->setHistoryDir(m_dir->filePath(QStringLiteral("history")));
    importrun::ImportRunner::Backoff fast;
    fast.initialMs = 50;
    fast.maxMs = 200;
    wizard->importPage()->setBackoff(fast);

    ui::WizardSession* session = wizard->session();
    session->setAccount(credentials(kId, kKey), kRegion, endpointsFor(*m_emulator));
    session->setBucket(kBucket);
    session->setImportForm(importFormFor(m_longKey, QStringLiteral("centos-7.9-web-frontend")));
    wizard->setStartId(start);
    return wizard;
}

void TestWindowFits::showWithLongImage(ImportWizard& wizard)
{
    QSignalSpy shown(wizard.imagePage(), &ui::ImagePage::inspectionShown);
    wizard.openImage(m_longImage);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(shown.count() > 0 || shown.wait(kTimeoutMs));
    // The Upload page takes the checked image when it is entered: enter it again now.
    if (wizard.currentId() == ImportWizard::PageUpload)
        wizard.uploadPage()->initializePage();
    settle();
}

void TestWindowFits::verifyFits(ImportWizard& wizard, const QString& where)
{
    settle();
    const QRect available = wizard.screen()->availableGeometry();
    const QRect frame = wizard.frameGeometry();
    QVERIFY2(available.contains(frame),
             qPrintable(QStringLiteral("%1: the window %2 leaves the "
                                       "available screen %3")
                            .arg(where, describe(frame), describe(available))));
    const QSize frameExtra = frame.size() - wizard.size();
    const QSize minimum = wizard.minimumSizeHint().expandedTo(wizard.minimumSize()) + frameExtra;
    QVERIFY2(minimum.width() <= available.width() && minimum.height() <= available.height(),
             qPrintable(QStringLiteral("%1: the window needs at least %2x%3, the screen has %4")
                            .arg(where)
                            .arg(minimum.width())
                            .arg(minimum.height())
                            .arg(describe(available))));
    for (const QWizard::WizardButton which :
         {QWizard::BackButton, QWizard::NextButton, QWizard::CancelButton, QWizard::FinishButton}) {
        const QAbstractButton* button = wizard.button(which);
        if (!button->isVisible())
            continue;
        const QRect rect(button->mapToGlobal(QPoint(0, 0)), button->size());
        QVERIFY2(available.contains(rect),
                 qPrintable(QStringLiteral("%1: the button \"%2\" at %3 is outside %4")
                                .arg(where, button->text(), describe(rect), describe(available))));
    }
}

void TestWindowFits::everyPageFits_data()
{
    QTest::addColumn<int>("page");
    QTest::newRow("image") << int(ImportWizard::PageImage);
    QTest::newRow("account") << int(ImportWizard::PageAccount);
    QTest::newRow("upload") << int(ImportWizard::PageUpload);
    QTest::newRow("form") << int(ImportWizard::PageForm);
    QTest::newRow("import") << int(ImportWizard::PageImport);
}

void TestWindowFits::everyPageFits()
{
    QFETCH(int, page);
    const auto wizard = makeWizard(ImportWizard::PageId(page));
    showWithLongImage(*wizard);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(wizard->currentId(), page);
    verifyFits(*wizard, QString::fromLatin1(QTest::currentDataTag()));
}

void TestWindowFits::uploadedFits()
{
    Error error;
    QVERIFY(m_settings->setPartSize(8 * 1024 * 1024, &error));
    const auto wizard = makeWizard(ImportWizard::PageUpload);
    showWithLongImage(*wizard);
    if (QTest::currentTestFailed())
        return;
    ui::UploadPage* upload = wizard->uploadPage();
    // The emulator keeps an object in a file named after its key in hex, which allows keys of
    // up to about 120 characters (COS allows 850 bytes): a shorter key, still one that cannot
    // wrap, for the URL the result shows.
    const QString key = QStringLiteral("disks/") + QString(100, u'k') + QStringLiteral(".raw");
    upload->findChild<ui::UploadDestination*>()->setKey(key);
    QSignalSpy finished(upload, &ui::UploadPage::uploadFinished);
    auto* start = upload->findChild<QPushButton*>(QStringLiteral("startUpload"));
    QVERIFY(start && start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    const auto result = qvariant_cast<transfer::UploadResult>(finished.first().first());
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QVERIFY(m_emulator->objectInfo(kBucket, key));
    verifyFits(*wizard, QStringLiteral("upload done"));
}

void TestWindowFits::importFailedFits()
{
    const auto wizard = makeWizard(ImportWizard::PageImport);
    showWithLongImage(*wizard);
    if (QTest::currentTestFailed())
        return;
    ui::ImportPage* import = wizard->importPage();
    QSignalSpy finished(import, &ui::ImportPage::importFinished);
    auto* button = import->findChild<QPushButton*>(QStringLiteral("importButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().first().value<Outcome>(), Outcome::ImportFailed);
    verifyFits(*wizard, QStringLiteral("import after IMPORTFAILED"));
}

QTEST_MAIN(TestWindowFits)
#include "tst_windowfits.moc"

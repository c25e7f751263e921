// The Account page without friction (issue 13, finding 7), against the in-process emulator: with
// known credentials (the demo's) the page checks by itself once shown, exactly once; typed
// credentials are checked once the typing settles, never while half typed, never while a check
// runs; the region's only bucket is chosen, and the bucket used last time is chosen again; the
// region keeps our translated name after the check (DescribeRegions says "South China(Guangzhou)",
// in English only), in English and in Simplified Chinese.
#include "AccountPageHarness.h"
#include "TestSupport.h"

#include "ImportWizard.h"
#include "pages/AccountAutoCheck.h"

#include "util/Translations.h"

#include <QAbstractButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>

using namespace cvmi;
using namespace cvmi::cloudtest;
using State = cloud::PermissionLine::State;
using test::child;
using test::Harness;
using test::kTimeoutMs;
using ui::AccountPage;

namespace {

const QString kShanghai = QStringLiteral("ap-shanghai");
const QString kFirst = QStringLiteral("elsewhere-1250000000");
const QString kSecond = QStringLiteral("second-1250000000");
// Longer than the settling time: an automatic check would have started by then.
constexpr int kQuietMs = ui::AccountAutoCheck::kSettleMs + 600;

QComboBox* bucketBox(const Harness& h)
{
    return child<QComboBox>(h.page.get(), "bucket");
}

void chooseRegion(const Harness& h, const QString& id)
{
    auto* region = child<QComboBox>(h.page.get(), "region");
    region->setCurrentIndex(region->findData(id));
}

} // namespace

class TestAccountPageAutoCheck : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    cloud::MemoryCredentialStore m_store;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        captureLogs();
        // kRegion holds one bucket (as the demo does); ap-shanghai two.
        m_emulator = std::make_unique<emu::CloudEmulator>();
        QString error;
        QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kFirst, kShanghai, false, &error));
        QVERIFY(m_emulator->createBucket(kSecond, kShanghai, false, &error));
    }

    void cleanup() { cvmi::test::removeTranslations(); }

    // `cvm-import-wizard --demo`: the wizard opens on the account with fixed credentials; the
    // check runs without a click, once, and the only bucket is chosen: Next is ready.
    void demoChecksByItselfOnce()
    {
        ui::ImportWizard wizard;
        AccountPage* page = wizard.accountPage();
        cloud::Credentials demo = credentials(kId, kKey);
        demo.source = QStringLiteral("demo");
        page->setFixedAccount(demo, endpointsFor(*m_emulator), m_emulator->endpoint(),
                              m_emulator->endpoint(), QStringLiteral("The demo account."));
        wizard.setStartId(ui::ImportWizard::PageAccount);
        QSignalSpy finished(page, &AccountPage::checkFinished);
        wizard.show();
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QTest::qWait(kQuietMs);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!page->autoCheckPending());
        QCOMPARE(child<QComboBox>(page, "bucket")->currentText(), kBucket);
        QCOMPARE(wizard.session()->bucket(), kBucket);
        QVERIFY(page->isComplete());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        // The Check button stays, for checking again by hand.
        QVERIFY(child<QPushButton>(page, "checkAccount")->isEnabled());
    }

    void typedCredentialsCheckedOnceSettled()
    {
        Harness h(*m_emulator, &m_store);
        QVERIFY(h.discover());
        QSignalSpy finished(h.page.get(), &AccountPage::checkFinished);
        // Half the credentials: nothing is sent.
        child<QRadioButton>(h.page.get(), "useTypedCredentials")->setChecked(true);
        QTest::keyClicks(child<QLineEdit>(h.page.get(), "secretId"), kId);
        QTest::qWait(kQuietMs);
        QVERIFY(!h.page->isChecking());
        QCOMPARE(finished.size(), 0);
        // The key typed: checked once the typing settled, not at every key.
        QTest::keyClicks(child<QLineEdit>(h.page.get(), "secretKey"), kKey);
        QVERIFY(h.page->autoCheckPending());
        QVERIFY(!h.page->isChecking());
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.first().first().toBool());
        QTest::qWait(kQuietMs);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(bucketBox(h)->currentText(), kBucket);
        QVERIFY(h.page->isComplete());

        // Another region: checked again by itself, with that region's buckets.
        chooseRegion(h, kShanghai);
        QVERIFY(!h.page->isComplete());
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(h.session.region(), kShanghai);
        QCOMPARE(h.buckets(), (QStringList{kFirst, kSecond}));
    }

    // A check by hand while one is pending or running leaves exactly one answer.
    void neverTwoChecksAtOnce()
    {
        Harness h(*m_emulator, &m_store);
        h.type(kId, kKey);
        QVERIFY(h.page->autoCheckPending());
        const auto allOk = h.check(); // clicks Check before the settling time is over
        QVERIFY(allOk.value_or(false));
        QVERIFY(!h.page->autoCheckPending());
        QSignalSpy finished(h.page.get(), &AccountPage::checkFinished);
        QTest::qWait(kQuietMs);
        QCOMPARE(finished.size(), 0);
    }

    void noCheckOnAHiddenPage()
    {
        Harness h(*m_emulator, &m_store);
        h.page->hide();
        QSignalSpy finished(h.page.get(), &AccountPage::checkFinished);
        h.type(kId, kKey);
        QTest::qWait(kQuietMs);
        QVERIFY(!h.page->isChecking());
        QCOMPARE(finished.size(), 0);
    }

    void lastBucketChosenAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        settings::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        {
            Harness h(*m_emulator, &m_store, &settings);
            chooseRegion(h, kShanghai);
            h.type(kId, kKey);
            QVERIFY(h.check().value_or(false));
            // Two buckets and none used before: the user chooses.
            QCOMPARE(h.buckets(), (QStringList{kFirst, kSecond}));
            QCOMPARE(bucketBox(h)->currentIndex(), -1);
            QVERIFY(!h.page->isComplete());
            bucketBox(h)->setCurrentIndex(bucketBox(h)->findText(kSecond));
            QVERIFY(h.page->isComplete());
            QCOMPARE(settings.lastBucket(), kSecond);
        }
        Harness again(*m_emulator, &m_store, &settings);
        QCOMPARE(again.page->region(), kShanghai); // saved when the check started
        again.type(kId, kKey);
        QVERIFY(again.check().value_or(false));
        QCOMPARE(bucketBox(again)->currentText(), kSecond);
        QCOMPARE(again.session.bucket(), kSecond);
        QVERIFY(again.page->isComplete());
        QVERIFY(child<QLabel>(again.page.get(), "checkStatus")
                    ->text()
                    .contains(QStringLiteral("used last time")));

        // A remembered bucket the region does not hold is not chosen.
        chooseRegion(again, kRegion);
        QVERIFY(again.check().value_or(false));
        QCOMPARE(bucketBox(again)->currentText(), kBucket); // the only one there
        QCOMPARE(settings.lastBucket(), kBucket);
    }

    void regionKeepsItsName_data()
    {
        QTest::addColumn<QString>("guangzhou");
        QTest::addColumn<QString>("shanghai");
        QTest::newRow("en") << QStringLiteral("ap-guangzhou — South China (Guangzhou)")
                            << QStringLiteral("ap-shanghai — East China (Shanghai)");
        QTest::newRow("zh_CN") << QStringLiteral("ap-guangzhou — 华南地区（广州）")
                               << QStringLiteral("ap-shanghai — 华东地区（上海）");
    }

    void regionKeepsItsName()
    {
        QFETCH(QString, guangzhou);
        QFETCH(QString, shanghai);
        const QString language = QString::fromLatin1(QTest::currentDataTag());
        if (language != QLatin1String("en"))
            QCOMPARE(util::installTranslations(*qApp, language), language);
        Harness h(*m_emulator, &m_store);
        auto* region = child<QComboBox>(h.page.get(), "region");
        QCOMPARE(region->currentText(), guangzhou);
        h.type(kId, kKey);
        QVERIFY(h.check().value_or(false));
        // The account's own list replaced ours (two regions): with our names still.
        QTRY_COMPARE_WITH_TIMEOUT(region->count(), 2, kTimeoutMs);
        QCOMPARE(region->currentText(), guangzhou);
        QCOMPARE(region->itemText(region->findData(kShanghai)), shanghai);
        // The checklist's region line says it with the same words.
        const QString regionLine = h.lines().at(1).message;
        QVERIFY2(regionLine.contains(guangzhou), qPrintable(regionLine));
        for (const QString& text : test::visibleTexts(h.page.get()))
            QVERIFY2(!text.contains(QStringLiteral("China(")), qPrintable(text));
    }
};

QTEST_MAIN(TestAccountPageAutoCheck)
#include "tst_accountpage_autocheck.moc"

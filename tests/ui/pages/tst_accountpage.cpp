// The Account page against the in-process emulator, driven as a user would (typing, clicking
// Check, picking or creating a bucket): good credentials pass every line and list the region's
// buckets; a wrong secret fails the credentials line; an account without cvm:ImportImage fails
// the import line; typed credentials round-trip through the keyring (the fake backend), and a
// missing keyring is explained; plain http:// to another machine is refused; the wizard leads
// from the Image page here; and no secret ever reaches a log line or the screen.
#include "AccountPageHarness.h"

#include "ImportWizard.h"
#include "pages/ImagePage.h"

#include <QCheckBox>

using namespace cvmi;
using namespace cvmi::cloudtest;
using State = cloud::PermissionLine::State;
using test::child;
using test::Harness;
using test::kTimeoutMs;
using test::nextTabStop;
using test::visibleTexts;
using ui::AccountPage;

class TestAccountPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    cloud::MemoryCredentialStore m_store;

private slots:
    void initTestCase()
    {
        captureLogs();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion, false, &error));
        QVERIFY(m_emulator->createBucket(QStringLiteral("elsewhere-1250000000"),
                                         QStringLiteral("ap-shanghai"), false, &error));
    }

    void imagePageLeadsHere()
    {
        ui::ImportWizard wizard;
        QCOMPARE(wizard.imagePage()->nextId(), int(ui::ImportWizard::PageAccount));
        QCOMPARE(wizard.page(ui::ImportWizard::PageAccount), wizard.accountPage());
    }

    void goodCredentials()
    {
        Harness h(*m_emulator, &m_store);
        QVERIFY(h.discover());
        QVERIFY(!h.page->isComplete());
        h.type(kId, kKey);
        QSignalSpy completeChanged(h.page.get(), &QWizardPage::completeChanged);
        const auto allOk = h.check();
        QVERIFY(allOk);
        QVERIFY(*allOk);
        QCOMPARE(h.lines().size(), 4);
        for (int i = 0; i < h.lines().size(); ++i) {
            const cloud::PermissionLine& line = h.lines().at(i);
            QVERIFY2(
                line.state == State::Ok,
                qPrintable(child<ui::PermissionList>(h.page.get(), "permissionList")->rowText(i)));
            QVERIFY(!line.message.isEmpty());
        }
        // Only the region's buckets; the only one is chosen for the user, and the page says so.
        QCOMPARE(h.buckets(), QStringList{kBucket});
        QVERIFY(child<QComboBox>(h.page.get(), "bucket")->isEnabled());
        QCOMPARE(child<QComboBox>(h.page.get(), "bucket")->currentText(), kBucket);
        QVERIFY(child<QLabel>(h.page.get(), "checkStatus")->text().contains(kBucket));
        QVERIFY(h.page->isComplete());
        QCOMPARE(h.session.bucket(), kBucket);
        QCOMPARE(h.session.region(), kRegion);
        QCOMPARE(h.session.credentials().secretId, kId);
        QVERIFY(h.session.cvm() && h.session.cos());
        QVERIFY(completeChanged.size() >= 2);

        // The region list now comes from DescribeRegions (the account's two regions).
        QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(h.page.get(), "region")->count(), 2, kTimeoutMs);
        QVERIFY(child<QComboBox>(h.page.get(), "region")->findData(QStringLiteral("ap-shanghai")) >=
                0);
        QCOMPARE(h.page->region(), kRegion);

        // Changing what was checked takes the result back.
        QTest::keyClicks(child<QLineEdit>(h.page.get(), "secretKey"), QStringLiteral("x"));
        QVERIFY(!h.page->isComplete());
        QVERIFY(h.session.bucket().isEmpty());
        QCOMPARE(h.lines().first().state, State::Pending);
    }

    void wrongSecret()
    {
        Harness h(*m_emulator, &m_store);
        h.type(kId, QStringLiteral("not-the-secret-key"));
        const auto allOk = h.check();
        QVERIFY(allOk);
        QVERIFY(!*allOk);
        const cloud::PermissionLine credentials = h.lines().at(0);
        QCOMPARE(credentials.state, State::Failed);
        QVERIFY(!credentials.message.isEmpty());
        QVERIFY(!credentials.remedy.isEmpty());
        QVERIFY(child<ui::PermissionList>(h.page.get(), "permissionList")
                    ->rowText(0)
                    .contains(credentials.message));
        QVERIFY(!h.page->isComplete());
        QVERIFY(child<QPushButton>(h.page.get(), "checkAccount")->isEnabled());
    }

    void noImportPermission()
    {
        Harness h(*m_emulator, &m_store);
        h.type(kNoImportId, kNoImportKey);
        const auto allOk = h.check();
        QVERIFY(allOk);
        QVERIFY(!*allOk);
        QCOMPARE(h.lines().at(0).state, State::Ok);
        const cloud::PermissionLine import = h.lines().at(2);
        QCOMPARE(import.state, State::Failed);
        QVERIFY2(import.remedy.contains(QStringLiteral("cvm:ImportImage")),
                 qPrintable(import.remedy));
        // Buckets are still offered (COS works; the only one chosen), but the page cannot go on.
        QCOMPARE(h.buckets(), QStringList{kBucket});
        QCOMPARE(child<QComboBox>(h.page.get(), "bucket")->currentText(), kBucket);
        QVERIFY(!h.page->isComplete());
    }

    void createBucket()
    {
        Harness h(*m_emulator, &m_store);
        h.type(kId, kKey);
        QVERIFY(h.check().value_or(false));
        QString offeredAppId;
        h.page->setBucketNameAsker([&offeredAppId](const QString& appId) {
            offeredAppId = appId;
            return std::optional<QString>(QStringLiteral("fresh-uploads-") + appId);
        });
        QSignalSpy created(h.page.get(), &AccountPage::bucketCreated);
        QTest::mouseClick(child<QPushButton>(h.page.get(), "createBucket"), Qt::LeftButton);
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(offeredAppId, kAppId); // learnt from the account's existing buckets
        const QString bucket = QStringLiteral("fresh-uploads-") + kAppId;
        QCOMPARE(created.first().at(0).toString(), bucket);
        QVERIFY2(created.first().at(1).toString().isEmpty(),
                 qPrintable(created.first().at(1).toString()));
        QCOMPARE(child<QComboBox>(h.page.get(), "bucket")->currentText(), bucket);
        QCOMPARE(h.session.bucket(), bucket);
        QVERIFY(h.page->isComplete());

        // It exists in COS: a new check lists it.
        QVERIFY(h.check().value_or(false));
        QVERIFY(h.buckets().contains(bucket));

        // A name COS would refuse never leaves the machine.
        created.clear();
        h.page->createBucket(QStringLiteral("Bad_Name-") + kAppId);
        QCOMPARE(created.size(), 1);
        QVERIFY(created.first().at(1).toString().contains(QStringLiteral("lower-case")));
        QVERIFY(child<QLabel>(h.page.get(), "bucketStatus")
                    ->text()
                    .contains(QStringLiteral("lower-case")));
    }

    void keyringRoundTrip()
    {
        cloud::MemoryCredentialStore store;
        {
            Harness h(*m_emulator, &store);
            QVERIFY(h.discover());
            h.type(kTokenId, kTokenKey, kToken);
            child<QCheckBox>(h.page.get(), "rememberCredentials")->setChecked(true);
            QSignalSpy saved(h.page.get(), &AccountPage::keyringDone);
            QVERIFY(h.check().value_or(false));
            QVERIFY(saved.size() == 1 || saved.wait(kTimeoutMs));
            QCOMPARE(saved.first().first().toString(), QString());
            QVERIFY(store.contains(QStringLiteral("default")));
        }
        // A new session finds them in the keyring, filled in and ready to check.
        Harness again(*m_emulator, &store);
        QVERIFY(again.discover());
        QVERIFY(child<QRadioButton>(again.page.get(), "useTypedCredentials")->isChecked());
        QCOMPARE(child<QLineEdit>(again.page.get(), "secretId")->text(), kTokenId);
        QCOMPARE(child<QLineEdit>(again.page.get(), "secretKey")->echoMode(), QLineEdit::Password);
        QCOMPARE(child<QLineEdit>(again.page.get(), "sessionToken")->echoMode(),
                 QLineEdit::Password);
        QVERIFY(child<QCheckBox>(again.page.get(), "rememberCredentials")->isChecked());
        const cloud::Credentials current = again.page->currentCredentials();
        QCOMPARE(current.secretKey, kTokenKey);
        QCOMPARE(current.token, kToken);
        QVERIFY(again.check().value_or(false));

        // Unticking Remember forgets them once the check has accepted the credentials.
        child<QCheckBox>(again.page.get(), "rememberCredentials")->setChecked(false);
        QSignalSpy removed(again.page.get(), &AccountPage::keyringDone);
        QVERIFY(again.check().value_or(false));
        QVERIFY(removed.size() == 1 || removed.wait(kTimeoutMs));
        QVERIFY(!store.contains(QStringLiteral("default")));
    }

    void wrongCredentialsAreNotRemembered()
    {
        cloud::MemoryCredentialStore store;
        Harness h(*m_emulator, &store);
        h.type(kId, QStringLiteral("wrong-secret-key"));
        child<QCheckBox>(h.page.get(), "rememberCredentials")->setChecked(true);
        QVERIFY(h.check().has_value());
        QTest::qWait(50);
        QCOMPARE(store.size(), 0);
    }

    void keyringUnavailable()
    {
        cloud::MemoryCredentialStore store;
        store.setFailure(Error::make(QStringLiteral("keyring.unavailable"),
                                     cloud::CredentialStore::unavailableMessage({})));
        Harness h(*m_emulator, &store);
        QVERIFY(h.discover());
        // Said when the user asks to remember, not before.
        QVERIFY(child<QLabel>(h.page.get(), "keyringStatus")->text().isEmpty());
        child<QCheckBox>(h.page.get(), "rememberCredentials")->setChecked(true);
        QVERIFY(child<QLabel>(h.page.get(), "keyringStatus")
                    ->text()
                    .contains(QStringLiteral("gnome-keyring")));
        // The credentials still work for this session.
        h.type(kId, kKey);
        QSignalSpy saved(h.page.get(), &AccountPage::keyringDone);
        QVERIFY(h.check().value_or(false));
        QVERIFY(saved.size() == 1 || saved.wait(kTimeoutMs));
        QVERIFY(saved.first().first().toString().contains(QStringLiteral("Secret Service")));
    }

    void discoveredCredentials()
    {
        Harness h(*m_emulator, &m_store);
        h.page->setDiscoverer([] {
            cloud::CredentialDiscovery d;
            d.credentials = credentials(kId, kKey);
            d.credentials->source = QStringLiteral("tccli profile default");
            d.credentials->region = QStringLiteral("ap-shanghai");
            cloud::CredentialAttempt env;
            env.source = QStringLiteral("environment");
            env.location = QStringLiteral("TENCENTCLOUD_SECRET_ID");
            cloud::CredentialAttempt tccli;
            tccli.source = d.credentials->source;
            tccli.location = QStringLiteral("/home/u/.tccli/default.credential");
            tccli.outcome = cloud::CredentialAttempt::Outcome::Used;
            d.tried = {env, tccli};
            return d;
        });
        QVERIFY(h.discover());
        QVERIFY(child<QRadioButton>(h.page.get(), "useFoundCredentials")->isChecked());
        // Where they came from in plain words, not the core's source names.
        QCOMPARE(
            child<QLabel>(h.page.get(), "foundCredentials")->text(),
            QStringLiteral("AKID… from tccli's profile “default”, ~/.tccli/default.credential"));
        const QString places = child<QLabel>(h.page.get(), "credentialPlaces")->text();
        QVERIFY2(places.contains(QStringLiteral("the environment variables TENCENTCLOUD_SECRET_ID "
                                                "and TENCENTCLOUD_SECRET_KEY: nothing there")),
                 qPrintable(places));
        QVERIFY2(places.contains(QStringLiteral(".tccli/default.credential: used")),
                 qPrintable(places));
        QVERIFY(!places.contains(QStringLiteral("tccli profile default")));
        QCOMPARE(h.page->region(), QStringLiteral("ap-shanghai")); // the credentials' region
        QVERIFY(h.check().value_or(false));
        QCOMPARE(h.buckets(), QStringList{QStringLiteral("elsewhere-1250000000")});
    }

    void insecureEndpointRefused()
    {
        Harness h(*m_emulator, &m_store);
        Error error;
        QVERIFY(
            !h.page->setEndpointOverrides(QStringLiteral("http://cvm.example.com"), {}, &error));
        QCOMPARE(error.code, QStringLiteral("endpoint.insecure"));
        QVERIFY(!error.message.isEmpty());
        // The emulator set by the harness is still the one in use.
        QVERIFY(child<QLabel>(h.page.get(), "endpointsSummary")
                    ->text()
                    .contains(m_emulator->endpoint()));

        // The dialog itself: tests/ui/dialogs/tst_endpointsdialog.cpp.
    }

    void accessibility()
    {
        Harness h(*m_emulator, &m_store);
        for (QWidget* w :
             std::initializer_list<QWidget*>{child<QLineEdit>(h.page.get(), "secretId"),
                                             child<QLineEdit>(h.page.get(), "secretKey"),
                                             child<QLineEdit>(h.page.get(), "sessionToken"),
                                             child<QComboBox>(h.page.get(), "region"),
                                             child<QComboBox>(h.page.get(), "bucket")})
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        // Tab goes through the typed fields in reading order (labels in between take no focus).
        QCOMPARE(nextTabStop(child<QLineEdit>(h.page.get(), "secretId")),
                 child<QLineEdit>(h.page.get(), "secretKey"));
        QCOMPARE(nextTabStop(child<QLineEdit>(h.page.get(), "secretKey")),
                 child<QLineEdit>(h.page.get(), "sessionToken"));
        QCOMPARE(nextTabStop(child<QLineEdit>(h.page.get(), "sessionToken")),
                 child<QCheckBox>(h.page.get(), "rememberCredentials"));
        QCOMPARE(child<QLineEdit>(h.page.get(), "secretKey")->echoMode(), QLineEdit::Password);
    }

    void noSecretShownOrLogged()
    {
        Harness h(*m_emulator, &m_store);
        h.type(kTokenId, kTokenKey, kToken);
        QVERIFY(h.check().value_or(false));
        for (const QString& text : visibleTexts(h.page.get())) {
            for (const QString& secret : allSecrets())
                QVERIFY2(!text.contains(secret), qPrintable(u"shown: "_qs + text.left(40)));
        }
        const QStringList leaked = leakedLines(allSecrets());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u'\n')));
    }
};

QTEST_MAIN(TestAccountPage)
#include "tst_accountpage.moc"

// ui/controllers/AccountController without a window, against the in-process emulator: good
// credentials pass every line, put the account into the session, list the region's buckets and
// the account's APPID, and bring the account's regions; a wrong secret fails the credentials
// line; an account without cvm:ImportImage fails the import line but COS stays usable; dropping
// a check forgets its result; endpoint overrides are validated and summarised; discovery answers
// from both places; the keyring stores and removes; a bucket is created (and a bad name refused
// before anything is sent); and no secret reaches a log line.
#include "CloudTestSupport.h"

#include "WizardSession.h"
#include "controllers/AccountController.h"

#include "cloud/CredentialStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using State = cloud::PermissionLine::State;
using ui::AccountController;

namespace {

constexpr int kTimeoutMs = 20000;

// A controller with the fake keyring, nothing discovered, talking to the emulator.
struct Harness {
    ui::WizardSession session;
    cloud::MemoryCredentialStore store;
    AccountController controller{&session};

    explicit Harness(const emu::CloudEmulator& emulator)
    {
        controller.setCredentialStore(&store);
        controller.setDiscoverer([] { return cloud::CredentialDiscovery{}; });
        Error error;
        if (!controller.setEndpointOverrides(emulator.endpoint(), emulator.endpoint(), &error))
            qWarning("%s", qPrintable(error.message));
    }

    // Starts a check and waits for it; the lines as they ended, or nothing on a timeout.
    std::optional<QList<cloud::PermissionLine>> check(const QString& id, const QString& key)
    {
        QSignalSpy started(&controller, &AccountController::checkStarted);
        QSignalSpy changed(&controller, &AccountController::lineChanged);
        QSignalSpy finished(&controller, &AccountController::finished);
        controller.start(credentials(id, key), kRegion);
        if (started.size() != 1 || (finished.isEmpty() && !finished.wait(kTimeoutMs)))
            return std::nullopt;
        auto lines = qvariant_cast<QList<cloud::PermissionLine>>(started.first().first());
        for (const QList<QVariant>& change : changed)
            lines[change.at(0).toInt()] = qvariant_cast<cloud::PermissionLine>(change.at(1));
        return lines;
    }
};

} // namespace

class TestAccountController : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;

private slots:
    void initTestCase()
    {
        captureLogs();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        QString error;
        QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(QStringLiteral("elsewhere-1250000000"),
                                         QStringLiteral("ap-shanghai"), false, &error));
    }

    void goodCredentialsPass()
    {
        Harness h(*m_emulator);
        QSignalSpy regions(&h.controller, &AccountController::regionsLoaded);
        QVERIFY(!h.controller.passed());
        const auto lines = h.check(kId, kKey);
        QVERIFY(lines);
        QCOMPARE(lines->size(), 4);
        for (const cloud::PermissionLine& line : *lines)
            QVERIFY2(line.state == State::Ok, qPrintable(line.message));
        QVERIFY(h.controller.passed());
        QVERIFY(!h.controller.isChecking());
        QVERIFY(h.controller.cosUsable());
        QCOMPARE(h.controller.bucketsInRegion(), QStringList{kBucket}); // not ap-shanghai's
        QCOMPARE(h.controller.appId(), kAppId);
        QCOMPARE(h.session.region(), kRegion);
        QCOMPARE(h.session.credentials().secretId, kId);

        // The account's two regions, asked once the credentials passed.
        QVERIFY(!regions.isEmpty() || regions.wait(kTimeoutMs));
        const auto offered = qvariant_cast<AccountController::RegionList>(regions.first().first());
        QStringList ids;
        for (const auto& [id, name] : offered)
            ids.append(id);
        QVERIFY2(ids.contains(kRegion) && ids.contains(QStringLiteral("ap-shanghai")),
                 qPrintable(ids.join(u' ')));

        h.controller.drop();
        QVERIFY(!h.controller.passed());
        QVERIFY(!h.controller.cosUsable());
        QVERIFY(h.controller.bucketsInRegion().isEmpty());
    }

    void wrongSecretFailsTheCredentials()
    {
        Harness h(*m_emulator);
        const auto lines = h.check(kId, QStringLiteral("not-the-secret-key"));
        QVERIFY(lines);
        QCOMPARE(lines->at(0).state, State::Failed);
        QVERIFY(!lines->at(0).remedy.isEmpty());
        QVERIFY(!h.controller.passed());
        QVERIFY(!h.controller.cosUsable());
    }

    void noImportPermission()
    {
        Harness h(*m_emulator);
        const auto lines = h.check(kNoImportId, kNoImportKey);
        QVERIFY(lines);
        QCOMPARE(lines->at(0).state, State::Ok);
        QCOMPARE(lines->at(2).state, State::Failed);
        QVERIFY(lines->at(2).remedy.contains(QStringLiteral("cvm:ImportImage")));
        QVERIFY(!h.controller.passed());
        QVERIFY(h.controller.cosUsable()); // the buckets are still real
        QCOMPARE(h.controller.bucketsInRegion(), QStringList{kBucket});
    }

    void endpointOverrides()
    {
        ui::WizardSession session;
        AccountController controller(&session);
        QCOMPARE(controller.endpointsSummary(), QStringLiteral("Endpoints: Tencent Cloud"));
        Error error;
        QVERIFY(controller.setEndpointOverrides(QStringLiteral(" http://127.0.0.1:8080 "),
                                                QStringLiteral("http://127.0.0.1:8080"), &error));
        QCOMPARE(controller.cvmOverride(), QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(controller.endpointsSummary(),
                 QStringLiteral("Endpoints: http://127.0.0.1:8080 (CVM and COS)"));
        QVERIFY(controller.setEndpointOverrides(QStringLiteral("http://127.0.0.1:8080"), QString(),
                                                &error));
        QCOMPARE(controller.endpointsSummary(),
                 QStringLiteral("Endpoints: CVM http://127.0.0.1:8080"));
        // Plain http:// to another machine is refused, and the last good overrides stay.
        QVERIFY(!controller.setEndpointOverrides(QStringLiteral("http://example.com"), QString(),
                                                 &error));
        QVERIFY(error.isSet());
        QCOMPARE(controller.cvmOverride(), QStringLiteral("http://127.0.0.1:8080"));
    }

    void discoveryAnswersFromBothPlaces()
    {
        Harness h(*m_emulator);
        cloud::Credentials kept = credentials(kTokenId, kTokenKey, kToken);
        QSignalSpy stored(&h.controller, &AccountController::keyringDone);
        h.controller.remember(h.controller.profile(), kept, true);
        QVERIFY(!stored.isEmpty() || stored.wait(kTimeoutMs));
        QCOMPARE(stored.first().at(0).toBool(), true);
        QCOMPARE(stored.first().at(1).toString(), QString());
        QVERIFY(h.store.contains(QStringLiteral("default")));

        cloud::CredentialDiscovery found;
        found.credentials = credentials(kId, kKey);
        h.controller.setDiscoverer([found] { return found; });
        QSignalSpy discovered(&h.controller, &AccountController::discovered);
        QSignalSpy read(&h.controller, &AccountController::keyringRead);
        QSignalSpy done(&h.controller, &AccountController::discoveryDone);
        h.controller.discover(h.controller.profile());
        QVERIFY(!done.isEmpty() || done.wait(kTimeoutMs));
        QCOMPARE(done.size(), 1);
        QCOMPARE(discovered.size(), 1);
        QCOMPARE(qvariant_cast<cloud::CredentialDiscovery>(discovered.first().first())
                     .credentials->secretId,
                 kId);
        QCOMPARE(read.size(), 1);
        const auto entry = qvariant_cast<cloud::CredentialStoreResult>(read.first().first());
        QVERIFY(entry.credentials);
        QCOMPARE(entry.credentials->secretKey, kTokenKey);

        stored.clear();
        h.controller.remember(h.controller.profile(), kept, false);
        QVERIFY(!stored.isEmpty() || stored.wait(kTimeoutMs));
        QCOMPARE(stored.first().at(0).toBool(), false);
        QVERIFY(!h.store.contains(QStringLiteral("default")));
    }

    void createBucket()
    {
        Harness h(*m_emulator);
        QVERIFY(h.check(kId, kKey));
        const QString bucket = QStringLiteral("controller-made-") + kAppId;
        QVERIFY(!AccountController::checkBucketName(bucket).isSet());
        QSignalSpy created(&h.controller, &AccountController::bucketCreated);
        h.controller.createBucket(bucket);
        QVERIFY(created.wait(kTimeoutMs));
        QCOMPARE(created.first().at(0).toString(), bucket);
        QVERIFY2(created.first().at(1).toString().isEmpty(),
                 qPrintable(created.first().at(1).toString()));
        QVERIFY(h.check(kId, kKey));
        QVERIFY(h.controller.bucketsInRegion().contains(bucket));

        // COS's refusal comes back as the message to show.
        created.clear();
        h.controller.createBucket(bucket);
        QVERIFY(created.wait(kTimeoutMs));
        QVERIFY2(created.first().at(1).toString().startsWith(
                     QStringLiteral("Could not create %1: ").arg(bucket)),
                 qPrintable(created.first().at(1).toString()));
    }

    void shippedRegionsOfferTheDefault()
    {
        QStringList ids;
        for (const auto& [id, name] : AccountController::shippedRegions())
            ids.append(id);
        QVERIFY(ids.size() > 1);
        QVERIFY(ids.contains(kRegion));
    }

    void badBucketNamesAreRefusedHere()
    {
        QVERIFY(AccountController::checkBucketName(QStringLiteral("noappid"))
                    .message.contains(QStringLiteral("is not a full bucket name")));
        QVERIFY(AccountController::checkBucketName(QStringLiteral("Bad_Name-") + kAppId)
                    .message.contains(QStringLiteral("lower-case")));
    }

    void noSecretInTheLog()
    {
        const QStringList leaks = leakedLines(allSecrets());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }
};

QTEST_MAIN(TestAccountController)
#include "tst_accountcontroller.moc"

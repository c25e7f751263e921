// CredentialStore: the JSON form of the secret, profile names, the in-memory fake (round trip,
// replace, remove, failure) and the system keyring through QtKeychain: without a keyring service
// the error says so and what to install; inside a private D-Bus session with GNOME Keyring
// (the tst_credentialstore_keyring CTest entry) a real store → load → remove round trip.
#include "CloudTestSupport.h"

#include "cloud/CredentialStore.h"
#include "cloud/HttpClient.h"
#include "cloud/KeychainCredentialStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloud;
using namespace cvmi::cloudtest;

namespace {

constexpr int kKeyringTimeoutMs = 20000;

CredentialStoreResult wait(QFuture<CredentialStoreResult> future)
{
    // The answer must come from the event loop, never inside the call.
    if (future.isFinished())
        qWarning("the store answered synchronously");
    return waitFor(future);
}

bool inKeyringSession()
{
    return qEnvironmentVariableIsSet("CVMI_KEYRING_SESSION");
}

} // namespace

class TestCredentialStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { captureLogs(); }

    void encodeDecode()
    {
        const Credentials in = credentials(kTokenId, kTokenKey, kToken);
        const QByteArray secret = CredentialStore::encode(in);
        Error error;
        const auto out = CredentialStore::decode(secret, QStringLiteral("p"), &error);
        QVERIFY2(out, qPrintable(error.message));
        QCOMPARE(out->secretId, kTokenId);
        QCOMPARE(out->secretKey, kTokenKey);
        QCOMPARE(out->token, kToken);
        QCOMPARE(out->source, QStringLiteral("keyring"));
        // The region is a setting, not a secret: not part of the entry.
        QVERIFY(!secret.contains("ap-guangzhou"));
    }

    void decodeRejectsForeignEntries_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("not json") << QByteArray("hunter2");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no version") << QByteArray(R"({"secretId":"a","secretKey":"b"})");
        QTest::newRow("future version")
            << QByteArray(R"({"version":2,"secretId":"a","secretKey":"b"})");
        QTest::newRow("no key") << QByteArray(R"({"version":1,"secretId":"a"})");
    }

    void decodeRejectsForeignEntries()
    {
        QFETCH(QByteArray, secret);
        Error error;
        QVERIFY(!CredentialStore::decode(secret, QStringLiteral("default"), &error));
        QCOMPARE(error.code, QStringLiteral("keyring.corrupt"));
        QVERIFY(error.message.contains(QStringLiteral("\"default\"")));
        QVERIFY(!error.message.contains(QStringLiteral("hunter2")));
    }

    void profiles()
    {
        Error error;
        QVERIFY(CredentialStore::validProfile(QStringLiteral("default"), &error));
        QVERIFY(!CredentialStore::validProfile(QString(), &error));
        QCOMPARE(error.code, QStringLiteral("keyring.profile"));
        QVERIFY(!CredentialStore::validProfile(QString(65, u'a'), &error));
        QVERIFY(!CredentialStore::validProfile(QStringLiteral("a\nb"), &error));
    }

    void memoryRoundTrip()
    {
        MemoryCredentialStore store;
        CredentialStoreResult r = wait(store.load(QStringLiteral("default")));
        QVERIFY(r.ok());
        QVERIFY(!r.credentials); // nothing stored is not an error

        QVERIFY(wait(store.store(QStringLiteral("default"), credentials(kId, kKey))).ok());
        QVERIFY(wait(store.store(QStringLiteral("work"), credentials(kTokenId, kTokenKey, kToken)))
                    .ok());
        r = wait(store.load(QStringLiteral("default")));
        QVERIFY(r.ok() && r.credentials);
        QCOMPARE(r.credentials->secretKey, kKey);
        QVERIFY(r.credentials->token.isEmpty());
        r = wait(store.load(QStringLiteral("work")));
        QCOMPARE(r.credentials->token, kToken);

        // store() replaces.
        QVERIFY(
            wait(store.store(QStringLiteral("default"), credentials(kOtherId, kOtherKey))).ok());
        QCOMPARE(wait(store.load(QStringLiteral("default"))).credentials->secretId, kOtherId);

        QVERIFY(wait(store.remove(QStringLiteral("default"))).ok());
        QVERIFY(!wait(store.load(QStringLiteral("default"))).credentials);
        QVERIFY(wait(store.remove(QStringLiteral("default"))).ok()); // absent: still fine
        QCOMPARE(store.size(), 1);

        QCOMPARE(wait(store.store(QString(), credentials(kId, kKey))).error.code,
                 QStringLiteral("keyring.profile"));
    }

    void memoryFailure()
    {
        MemoryCredentialStore store;
        store.setFailure(Error::make(QStringLiteral("keyring.unavailable"),
                                     CredentialStore::unavailableMessage({})));
        const CredentialStoreResult r =
            wait(store.store(QStringLiteral("default"), credentials(kId, kKey)));
        QCOMPARE(r.error.code, QStringLiteral("keyring.unavailable"));
        QVERIFY(!store.contains(QStringLiteral("default")));
        QVERIFY(wait(store.load(QStringLiteral("default"))).error.isSet());
    }

    void keyringUnavailable()
    {
        if (inKeyringSession())
            QSKIP("a keyring is running in this session (tst_credentialstore_keyring)");
        // Without CVMI_KEYRING_BUS_ONLY: a session bus that does not exist, as on a server.
        // With it (tst_credentialstore_nokeyring): a bus, but no Secret Service on it.
        if (!qEnvironmentVariableIsSet("CVMI_KEYRING_BUS_ONLY"))
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cvmi-test-bus");
        KeychainCredentialStore store;
        const CredentialStoreResult stored =
            wait(store.store(QStringLiteral("cvmi-test"), credentials(kId, kKey)));
        QVERIFY(!stored.ok());
        QVERIFY2(stored.error.code == QStringLiteral("keyring.unavailable"),
                 qPrintable(stored.error.message));
        QVERIFY2(stored.error.message.contains(QStringLiteral("gnome-keyring")) &&
                     stored.error.message.contains(QStringLiteral("KWallet")),
                 qPrintable(stored.error.message));
        const CredentialStoreResult loaded = wait(store.load(QStringLiteral("cvmi-test")));
        QCOMPARE(loaded.error.code, QStringLiteral("keyring.unavailable"));
        QVERIFY(!loaded.credentials);
        QVERIFY(leakedLines(allSecrets()).isEmpty());
    }

    void keyringRoundTrip()
    {
        if (!inKeyringSession())
            QSKIP("needs a private D-Bus session with GNOME Keyring: the "
                  "tst_credentialstore_keyring CTest entry (packages dbus, gnome-keyring)");
        KeychainCredentialStore store;
        const QString profile =
            QStringLiteral("cvmi-test-%1").arg(QCoreApplication::applicationPid());
        CredentialStoreResult r = wait(store.load(profile));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(!r.credentials);

        r = wait(store.store(profile, credentials(kTokenId, kTokenKey, kToken)));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        r = wait(store.load(profile));
        QVERIFY2(r.ok() && r.credentials, qPrintable(r.error.message));
        QCOMPARE(r.credentials->secretId, kTokenId);
        QCOMPARE(r.credentials->secretKey, kTokenKey);
        QCOMPARE(r.credentials->token, kToken);
        QCOMPARE(r.credentials->source, QStringLiteral("keyring"));

        QVERIFY(wait(store.store(profile, credentials(kId, kKey))).ok());
        r = wait(store.load(profile));
        QCOMPARE(r.credentials->secretKey, kKey);
        QVERIFY(r.credentials->token.isEmpty());

        QVERIFY(wait(store.remove(profile)).ok());
        r = wait(store.load(profile));
        QVERIFY(r.ok());
        QVERIFY(!r.credentials);
        QVERIFY(wait(store.remove(profile)).ok());
        QVERIFY(leakedLines(allSecrets()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"

// Credential sources, each read from files written into a temporary home: environment, tccli
// profiles, the SDK profile file, coscli's ~/.cos.yaml (its values encrypted by the real openssl
// tool), discovery order, clear errors for bad files, and no secret in any log line.
#include "cloud/Credentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloud;

namespace {

const QString kId = QStringLiteral("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
const QString kKey = QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
const QString kToken = QStringLiteral("sessiontoken/abc+def==Zq9");

void writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

// What coscli stores: base64(AES-128-ECB(key "coscli-secret" zero-padded, plaintext zero-padded
// with 1 to 16 zero bytes)), the encryption done by the openssl command-line tool.
QString coscliEncrypt(const QString& plain)
{
    QByteArray data = plain.toUtf8();
    data.append(QByteArray(16 - data.size() % 16, '\0'));
    QProcess openssl;
    openssl.start(
        QStringLiteral("openssl"),
        {QStringLiteral("enc"), QStringLiteral("-aes-128-ecb"), QStringLiteral("-K"),
         QString::fromLatin1(QByteArrayLiteral("coscli-secret").leftJustified(16, '\0').toHex()),
         QStringLiteral("-nopad")});
    if (!openssl.waitForStarted())
        return {};
    openssl.write(data);
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        return {};
    return QString::fromLatin1(openssl.readAllStandardOutput().toBase64());
}

QByteArray cosYaml(const QString& id, const QString& key, const QString& token,
                   const QString& extra = {})
{
    return QStringLiteral("cos:\n"
                          "  base:\n"
                          "    secretid: %1\n"
                          "    secretkey: \"%2\"\n"
                          "    sessiontoken: '%3'\n"
                          "    protocol: https\n"
                          "    mode: \"\"\n"
                          "    cvmrolename: \"\"\n"
                          "    closeautoswitchhost: \"\"\n"
                          "%4"
                          "  buckets:\n"
                          "  - name: images-1250000000\n"
                          "    alias: images\n"
                          "    region: ap-guangzhou\n"
                          "    endpoint: cos.ap-guangzhou.myqcloud.com\n"
                          "    ofs: false\n")
        .arg(id, key, token, extra)
        .toUtf8();
}

// Everything Qt's logging receives while the test runs.
QMutex logMutex;
QStringList logLines;
void captureMessages(QtMsgType, const QMessageLogContext&, const QString& message)
{
    QMutexLocker lock(&logMutex);
    logLines.append(message);
}

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    QString home() const { return home_.path(); }
    void clearHome()
    {
        QDir(home()).removeRecursively();
        QDir().mkpath(home());
    }

private slots:
    void init() { clearHome(); }

    void environment()
    {
        QProcessEnvironment env;
        Error error;
        QVERIFY(!CredentialSources::fromEnvironment(env, &error));
        QVERIFY(!error.isSet());

        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), kKey);
        env.insert(QStringLiteral("TENCENTCLOUD_SESSION_TOKEN"), kToken);
        env.insert(QStringLiteral("TENCENTCLOUD_REGION"), QStringLiteral("ap-shanghai"));
        const auto c = CredentialSources::fromEnvironment(env, &error);
        QVERIFY(c);
        QCOMPARE(c->secretId, kId);
        QCOMPARE(c->secretKey, kKey);
        QCOMPARE(c->token, kToken);
        QCOMPARE(c->region, QStringLiteral("ap-shanghai"));
        QCOMPARE(c->source, QStringLiteral("environment"));
        QCOMPARE(c->redacted(), QStringLiteral("AKID… (environment)"));

        env.remove(QStringLiteral("TENCENTCLOUD_SECRET_KEY"));
        QVERIFY(!CredentialSources::fromEnvironment(env, &error));
        QVERIFY(error.message.contains(QLatin1String("TENCENTCLOUD_SECRET_KEY")));
        QVERIFY(!error.message.contains(kId));
    }

    void tccli()
    {
        Error error;
        QVERIFY(!CredentialSources::fromTccli(QStringLiteral("default"), home(), &error));
        QVERIFY(!error.isSet());

        writeFile(home() + QStringLiteral("/.tccli/work.credential"),
                  QStringLiteral("{\"secretId\": \"%1\", \"secretKey\": \"%2\", \"token\": \"%3\"}")
                      .arg(kId, kKey, kToken)
                      .toUtf8());
        writeFile(home() + QStringLiteral("/.tccli/work.configure"),
                  R"({"_sys_param": {"region": "ap-guangzhou", "output": "json",
                      "language": "zh-CN"}, "cvm": {"endpoint": "cvm.tencentcloudapi.com",
                      "version": "2017-03-12"}})");
        auto c = CredentialSources::fromTccli(QStringLiteral("work"), home(), &error);
        QVERIFY2(c, qPrintable(error.message));
        QCOMPARE(c->secretId, kId);
        QCOMPARE(c->secretKey, kKey);
        QCOMPARE(c->token, kToken);
        QCOMPARE(c->region, QStringLiteral("ap-guangzhou"));
        QCOMPARE(c->source, QStringLiteral("tccli profile work"));

        // Older tccli kept the region at the top level; no .configure at all means no region.
        writeFile(home() + QStringLiteral("/.tccli/work.configure"), R"({"region": "ap-beijing"})");
        c = CredentialSources::fromTccli(QStringLiteral("work"), home(), &error);
        QVERIFY(c);
        QCOMPARE(c->region, QStringLiteral("ap-beijing"));
        QFile::remove(home() + QStringLiteral("/.tccli/work.configure"));
        c = CredentialSources::fromTccli(QStringLiteral("work"), home(), &error);
        QVERIFY(c);
        QVERIFY(c->region.isEmpty());
    }

    void tccliBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("truncated json")
            << QStringLiteral("default.credential") << QByteArray("{\"secretId\": \"AKID")
            << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QStringLiteral("default.credential") << QByteArray("[1, 2]")
                               << QStringLiteral("JSON object");
        QTest::newRow("number id") << QStringLiteral("default.credential")
                                   << QByteArray(R"({"secretId": 5, "secretKey": "k"})")
                                   << QStringLiteral("\"secretId\" is not a string");
        QTest::newRow("cvm role") << QStringLiteral("default.credential")
                                  << QByteArray(R"({"type": "cvm-role", "role": "r"})")
                                  << QStringLiteral("CVM instance role");
        QTest::newRow("binary") << QStringLiteral("default.credential")
                                << QByteArray("\x00\x01\x02garbage", 10)
                                << QStringLiteral("not valid JSON");
        QTest::newRow("bad configure")
            << QStringLiteral("default.configure") << QByteArray("{\"_sys_param\": ")
            << QStringLiteral("not valid JSON");
    }
    void tccliBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        writeFile(home() + QStringLiteral("/.tccli/default.credential"),
                  QStringLiteral("{\"secretId\": \"%1\", \"secretKey\": \"%2\"}")
                      .arg(kId, kKey)
                      .toUtf8());
        writeFile(home() + QStringLiteral("/.tccli/") + file, content);
        Error error;
        QVERIFY(!CredentialSources::fromTccli(QStringLiteral("default"), home(), &error));
        QVERIFY(error.isSet());
        QVERIFY2(error.message.contains(file), qPrintable(error.message));
        QVERIFY2(error.message.contains(problem), qPrintable(error.message));
        QVERIFY(!error.message.contains(kKey));
    }

    void tccliProfileName()
    {
        QProcessEnvironment env;
        QCOMPARE(CredentialSources::tccliProfile(env), QStringLiteral("default"));
        env.insert(QStringLiteral("TCCLI_PROFILE"), QStringLiteral("prod"));
        QCOMPARE(CredentialSources::tccliProfile(env), QStringLiteral("prod"));
        Error error;
        QVERIFY(!CredentialSources::fromTccli(QStringLiteral("../x"), home(), &error));
        QVERIFY(error.isSet());
    }

    void sdkProfile()
    {
        Error error;
        QVERIFY(!CredentialSources::fromSdkProfile(home(), &error));
        QVERIFY(!error.isSet());
        writeFile(home() + QStringLiteral("/.tencentcloud/credentials"),
                  QStringLiteral("; written by hand\n[other]\nsecret_id = AKIDother\n"
                                 "secret_key = otherkey\n\n[default]\nsecret_id = %1\n"
                                 "secret_key=%2\n")
                      .arg(kId, kKey)
                      .toUtf8());
        const auto c = CredentialSources::fromSdkProfile(home(), &error);
        QVERIFY2(c, qPrintable(error.message));
        QCOMPARE(c->secretId, kId);
        QCOMPARE(c->secretKey, kKey);

        writeFile(home() + QStringLiteral("/.tencentcloud/credentials"),
                  "[default]\nsecret_id AKID\n");
        QVERIFY(!CredentialSources::fromSdkProfile(home(), &error));
        QVERIFY2(error.message.contains(QLatin1String("credentials, line 2")),
                 qPrintable(error.message));
        writeFile(home() + QStringLiteral("/.tencentcloud/credentials"), "[other]\nsecret_id=x\n");
        QVERIFY(!CredentialSources::fromSdkProfile(home(), &error));
        QVERIFY(error.message.contains(QLatin1String("[default]")));
    }

    void coscliDecryptsWhatOpensslEncrypted_data()
    {
        QTest::addColumn<QString>("plain");
        QTest::newRow("secret id, 36 bytes") << kId;
        QTest::newRow("secret key, 32 bytes: a whole block of padding") << kKey;
        QTest::newRow("16 bytes") << QStringLiteral("0123456789abcdef");
        QTest::newRow("long token") << (kToken + QString(200, u'x'));
    }
    void coscliDecryptsWhatOpensslEncrypted()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("the openssl tool is missing (Debian package openssl, [test])");
        QFETCH(QString, plain);
        const QString stored = coscliEncrypt(plain);
        QVERIFY(!stored.isEmpty());
        QVERIFY(stored != plain);
        QCOMPARE(CredentialSources::decryptCoscliSecret(stored), plain);
    }

    void coscliKeepsPlainValues()
    {
        // Not base64, base64 of a length that is no AES block multiple, and 48 bytes of base64
        // that decrypt to noise: all stay as written, as coscli itself does.
        for (const QString& plain :
             {kId, kKey, QStringLiteral("plain-secret-with-dashes"),
              QStringLiteral("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz01")})
            QCOMPARE(CredentialSources::decryptCoscliSecret(plain), plain);
        QCOMPARE(CredentialSources::decryptCoscliSecret(QString()), QString());
    }

    void coscli()
    {
        Error error;
        QVERIFY(!CredentialSources::fromCoscli(home(), &error));
        QVERIFY(!error.isSet());

        const QString id = coscliEncrypt(kId);
        const QString key = coscliEncrypt(kKey);
        const QString token = coscliEncrypt(kToken);
        QVERIFY(!id.isEmpty() && !key.isEmpty() && !token.isEmpty());
        writeFile(home() + QStringLiteral("/.cos.yaml"), cosYaml(id, key, token));
        auto c = CredentialSources::fromCoscli(home(), &error);
        QVERIFY2(c, qPrintable(error.message));
        QCOMPARE(c->secretId, kId);
        QCOMPARE(c->secretKey, kKey);
        QCOMPARE(c->token, kToken);
        QCOMPARE(c->source, QStringLiteral("coscli ~/.cos.yaml"));

        // disableencryption: "true" means the values are plain, even if they look like base64.
        writeFile(home() + QStringLiteral("/.cos.yaml"),
                  cosYaml(id, kKey, QString(),
                          QStringLiteral("    disableencryption: \"true\"  # by hand\n")));
        c = CredentialSources::fromCoscli(home(), &error);
        QVERIFY(c);
        QCOMPARE(c->secretId, id);
        QCOMPARE(c->secretKey, kKey);
        QVERIFY(c->token.isEmpty());

        // Plain values without the flag still work through the fallback.
        writeFile(home() + QStringLiteral("/.cos.yaml"), cosYaml(kId, kKey, QString()));
        c = CredentialSources::fromCoscli(home(), &error);
        QVERIFY(c);
        QCOMPARE(c->secretId, kId);
        QCOMPARE(c->secretKey, kKey);
    }

    void coscliBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("tab") << QByteArray("cos:\n\tbase:\n") << QStringLiteral("line 2: a tab");
        QTest::newRow("not yaml") << QByteArray("cos:\n  base:\n    just words\n")
                                  << QStringLiteral("line 3");
        QTest::newRow("open quote") << QByteArray("cos:\n  base:\n    secretid: \"AKID\n")
                                    << QStringLiteral("line 3: unterminated");
        QTest::newRow("no keys") << QByteArray("cos:\n  base:\n    protocol: https\n")
                                 << QStringLiteral("no cos.base.secretid");
        QTest::newRow("cvm role") << QByteArray("cos:\n  base:\n    mode: CvmRole\n"
                                                "    cvmrolename: r\n")
                                  << QStringLiteral("CVM instance role");
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x01\x02\x00\x00",
                                              8)
                                << QStringLiteral("line 1");
        QTest::newRow("malformed yaml")
            << QByteArray("cos:\n  base:\n    secretid: [a,\n") << QStringLiteral("not valid YAML");
        QTest::newRow("huge") << QByteArray("cos:\n  base:\n    secretid: \"") +
                                     QByteArray(300 * 1024, 'a') + QByteArray("\"\n")
                              << QStringLiteral("larger than 256 KiB");
        QTest::newRow("no secretkey")
            << QByteArray("cos:\n  base:\n    secretid: AKID\n")
            << QStringLiteral("no cos.base.secretid and cos.base.secretkey");
    }
    void coscliBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        writeFile(home() + QStringLiteral("/.cos.yaml"), content);
        Error error;
        QVERIFY(!CredentialSources::fromCoscli(home(), &error));
        QVERIFY(error.isSet());
        QVERIFY2(error.message.contains(QLatin1String(".cos.yaml")), qPrintable(error.message));
        QVERIFY2(error.message.contains(problem), qPrintable(error.message));
    }

    void notAFile()
    {
        QDir(home()).mkpath(QStringLiteral(".cos.yaml"));
        Error error;
        QVERIFY(!CredentialSources::fromCoscli(home(), &error));
        QVERIFY(error.message.contains(QLatin1String("not a credentials file")));
    }

    void discoverOrder()
    {
        QProcessEnvironment env;
        auto found = CredentialSources::discover(home(), env);
        QVERIFY(!found.credentials);
        QCOMPARE(found.tried.size(), 4);
        for (const auto& attempt : found.tried)
            QCOMPARE(attempt.outcome, CredentialAttempt::Outcome::NotPresent);

        writeFile(home() + QStringLiteral("/.cos.yaml"), cosYaml(kId, kKey, QString()));
        found = CredentialSources::discover(home(), env);
        QVERIFY(found.credentials);
        QCOMPARE(found.credentials->source, QStringLiteral("coscli ~/.cos.yaml"));
        QCOMPARE(found.tried.size(), 4);
        QCOMPARE(found.tried.last().outcome, CredentialAttempt::Outcome::Used);

        // A broken tccli profile is reported and skipped; the SDK file comes before coscli.
        env.insert(QStringLiteral("TCCLI_PROFILE"), QStringLiteral("prod"));
        writeFile(home() + QStringLiteral("/.tccli/prod.credential"), "{oops");
        writeFile(home() + QStringLiteral("/.tencentcloud/credentials"),
                  "[default]\nsecret_id = AKIDsdk\nsecret_key = sdkkey\n");
        found = CredentialSources::discover(home(), env);
        QVERIFY(found.credentials);
        QCOMPARE(found.credentials->secretId, QStringLiteral("AKIDsdk"));
        QCOMPARE(found.tried.size(), 3);
        QCOMPARE(found.tried.at(1).source, QStringLiteral("tccli profile prod"));
        QCOMPARE(found.tried.at(1).outcome, CredentialAttempt::Outcome::Invalid);
        QVERIFY(found.tried.at(1).detail.contains(QLatin1String("prod.credential")));

        writeFile(home() + QStringLiteral("/.tccli/prod.credential"),
                  R"({"secretId": "AKIDtccli", "secretKey": "tcclikey"})");
        found = CredentialSources::discover(home(), env);
        QCOMPARE(found.credentials->secretId, QStringLiteral("AKIDtccli"));
        QCOMPARE(found.tried.size(), 2);

        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), QStringLiteral("AKIDenv"));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), QStringLiteral("envkey"));
        found = CredentialSources::discover(home(), env);
        QCOMPARE(found.credentials->secretId, QStringLiteral("AKIDenv"));
        QCOMPARE(found.tried.size(), 1);
        QCOMPARE(found.tried.first().detail, QStringLiteral("Found AKID… (environment)."));
    }

    // Loads credentials from every source, good and bad, with all logging on, and checks that
    // neither the SecretKey nor the token shows up in anything logged or returned as text.
    void secretsNeverLogged()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);

        const QString key = QStringLiteral("SuperSecretKeyValue0123456789abcd");
        const QString token = QStringLiteral("SuperSecretTokenValue/+=0123456789");
        QProcessEnvironment env;
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), key);
        env.insert(QStringLiteral("TENCENTCLOUD_SESSION_TOKEN"), token); // no id: invalid
        writeFile(home() + QStringLiteral("/.tccli/default.credential"),
                  QStringLiteral("{\"secretId\": 7, \"secretKey\": \"%1\", \"token\": \"%2\"}")
                      .arg(key, token)
                      .toUtf8());
        writeFile(home() + QStringLiteral("/.tencentcloud/credentials"),
                  QStringLiteral("[default]\nsecret_key = %1\n").arg(key).toUtf8());
        writeFile(home() + QStringLiteral("/.cos.yaml"),
                  cosYaml(coscliEncrypt(kId), coscliEncrypt(key), coscliEncrypt(token)));

        const CredentialDiscovery found = CredentialSources::discover(home(), env);
        QStringList texts;
        for (const auto& attempt : found.tried)
            texts << attempt.source << attempt.location << attempt.detail;
        if (found.credentials) {
            texts << found.credentials->redacted();
            qDebug() << found.credentials->redacted();
            qWarning().noquote() << "using" << found.credentials->redacted();
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(found.credentials);
        QCOMPARE(found.credentials->secretKey, key);
        QCOMPARE(found.credentials->token, token);
        QCOMPARE(found.tried.size(), 4);
        QVERIFY2(!logLines.isEmpty(), "discover() logs what it tried");
        const QString all = logLines.join(u'\n') + u'\n' + texts.join(u'\n');
        QVERIFY2(!all.contains(key), qPrintable(all));
        QVERIFY2(!all.contains(token), qPrintable(all));
        QVERIFY(!all.contains(kId)); // only the first 4 characters of the SecretId, ever
        QVERIFY(all.contains(QStringLiteral("AKID…")));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"

// `cvm-import doctor` end to end: the real binary against the in-process emulator (this test's
// event loop serves it while the CLI runs in its own process), credentials from the environment
// or a tccli profile, HOME an empty temporary folder so no developer's ~/.tccli is ever read.
// Every run's stdout and stderr are kept and searched for the secrets.
#include "CloudTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloudtest;

namespace {

const QString kWrongKey = QStringLiteral("doctor-test-wrong-secret-key");
// An account of its own APPID, so that it has no bucket anywhere.
const QString kEmptyId = QStringLiteral("AKIDDOCTOREMPTY0000005");
const QString kEmptyKey = QStringLiteral("doctor-test-secret-key-empty");

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

QStringList lines(const QString& text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestCliDoctor : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    QTemporaryDir m_home;
    QStringList m_allOutput;

    // Runs `cvm-import doctor ARGS` with `vars` as the only cloud variables, keeping the event
    // loop running so that the in-process emulator answers.
    CliRun doctor(const QStringList& args, const QList<QPair<QString, QString>>& vars,
                  const QString& home = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            if (name.startsWith(QLatin1String("TENCENTCLOUD_")) ||
                name == QLatin1String("TCCLI_PROFILE"))
                env.remove(name);
        }
        env.insert(QStringLiteral("HOME"), home.isEmpty() ? m_home.path() : home);
        // Every cloud log line on, so that the secret search covers the debug output too.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cvmi.cloud*=true"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
        for (const auto& [name, value] : vars)
            env.insert(name, value);
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("CVMI_CLI"),
                      QStringList{QStringLiteral("doctor")} + args);
        CliRun run;
        if (!process.waitForStarted(20000))
            return run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished(5000);
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        m_allOutput << run.out << run.err;
        if (!secretsIn(run).isEmpty())
            qWarning("a secret was printed");
        return run;
    }

    static QList<QPair<QString, QString>> envCredentials(const QString& id, const QString& key,
                                                         const QString& region = kRegion)
    {
        QList<QPair<QString, QString>> vars{{QStringLiteral("TENCENTCLOUD_SECRET_ID"), id},
                                            {QStringLiteral("TENCENTCLOUD_SECRET_KEY"), key}};
        if (!region.isEmpty())
            vars.append({QStringLiteral("TENCENTCLOUD_REGION"), region});
        return vars;
    }

    QStringList endpointArgs() const
    {
        return {QStringLiteral("--cvm-endpoint"), m_emulator->endpoint(),
                QStringLiteral("--cos-endpoint"), m_emulator->endpoint()};
    }

    static QStringList secretsIn(const CliRun& run)
    {
        QStringList found;
        for (const QString& secret : allSecrets() + QStringList{kWrongKey, kEmptyKey}) {
            if (run.out.contains(secret) || run.err.contains(secret))
                found.append(secret);
        }
        return found;
    }

    // The line after the title line "<mark> title": its message.
    static QString messageAfter(const QString& out, const QString& titleLine)
    {
        const QStringList all = lines(out);
        const qsizetype at = all.indexOf(titleLine);
        return at >= 0 && at + 1 < all.size() ? all.at(at + 1) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("CVMI_CLI")), "CVMI_CLI names no file");
        QVERIFY(m_home.isValid());
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        m_emulator->addAccount(
            {kEmptyId, kEmptyKey, QString(), QStringLiteral("1250000077"), true, {kRegion}});
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(kBucket, kRegion, false, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(QStringLiteral("elsewhere-1250000000"),
                                          QStringLiteral("ap-shanghai"), false, &error),
                 qPrintable(error));
        QVERIFY2(
            m_emulator->createBucket(kOtherBucket, QStringLiteral("ap-shanghai"), false, &error),
            qPrintable(error));
    }

    void allOk()
    {
        const CliRun r = doctor(endpointArgs(), envCredentials(kId, kKey));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList out = lines(r.out);
        // Where the credentials were looked for comes first, redacted.
        QCOMPARE(out.value(0), QStringLiteral("Credentials looked for in:"));
        QVERIFY(out.value(1).startsWith(QLatin1String("  - environment (TENCENTCLOUD_SECRET_ID")));
        QVERIFY(out.value(1).contains(kId.left(4) + QStringLiteral("…")));
        QVERIFY(!r.out.contains(kId)); // only the SecretId's first characters
        QVERIFY(r.out.contains(QLatin1String("Region:     ap-guangzhou (from environment)")));
        for (const QString& title :
             {QStringLiteral("Credentials are valid"), QStringLiteral("Region is available"),
              QStringLiteral("Image import is allowed (ImportImage DryRun)"),
              QStringLiteral("COS is reachable and buckets are listed")})
            QVERIFY2(out.contains(QStringLiteral("[ok]   ") + title), qPrintable(title));
        QVERIFY(!r.out.contains(QLatin1String("[FAIL]")));
        QVERIFY(out.contains(QStringLiteral("Buckets in ap-guangzhou: ") + kBucket));
        QCOMPARE(out.constLast(), QStringLiteral("Result: all 4 checks passed."));
        QVERIFY(!r.out.contains(QLatin1String("Clock:")));
        QCOMPARE(secretsIn(r), QStringList());
    }

    void regionOptionWinsOverCredentials()
    {
        const CliRun r = doctor(
            endpointArgs() + QStringList{QStringLiteral("--region"), QStringLiteral("ap-shanghai")},
            envCredentials(kId, kKey));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("Region:     ap-shanghai (from --region)")));
        QVERIFY(r.out.contains(QLatin1String("Buckets in ap-shanghai: elsewhere-1250000000")));
    }

    void wrongSecretKey()
    {
        const CliRun r = doctor(endpointArgs(), envCredentials(kId, kWrongKey));
        QCOMPARE(r.exitCode, 1);
        const QString message = messageAfter(r.out, QStringLiteral("[FAIL] Credentials are valid"));
        QVERIFY2(message.contains(QLatin1String("rejected the request's signature")),
                 qPrintable(r.out));
        QVERIFY(message.contains(QLatin1String("RequestId")));
        QVERIFY(r.out.contains(QLatin1String("What to do: Check that the SecretKey belongs to "
                                             "the SecretId")));
        QVERIFY(r.out.contains(QLatin1String("Result: 4 of 4 checks failed.")));
        QCOMPARE(secretsIn(r), QStringList());
    }

    void accountWithoutImportPermission()
    {
        const CliRun r = doctor(endpointArgs(), envCredentials(kNoImportId, kNoImportKey));
        QCOMPARE(r.exitCode, 1);
        const QStringList out = lines(r.out);
        QVERIFY(out.contains(QStringLiteral("[ok]   Credentials are valid")));
        QVERIFY(out.contains(QStringLiteral("[ok]   COS is reachable and buckets are listed")));
        const qsizetype at =
            out.indexOf(QStringLiteral("[FAIL] Image import is allowed (ImportImage DryRun)"));
        QVERIFY2(at > 0, qPrintable(r.out));
        QVERIFY(out.value(at + 2).startsWith(QLatin1String("       What to do: ")));
        QVERIFY(out.value(at + 2).contains(QLatin1String("cvm:ImportImage")));
        QVERIFY(r.out.contains(QLatin1String("Result: 1 of 4 checks failed.")));
        QCOMPARE(secretsIn(r), QStringList());
    }

    void noBucketInRegion()
    {
        const CliRun r = doctor(endpointArgs(), envCredentials(kOtherId, kOtherKey));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(
            r.out.contains(QLatin1String(
                "Buckets in ap-guangzhou: none (1 in other regions); the upload will create one.")),
            qPrintable(r.out));
        // The checklist names the region as the wizard does (core/cloud/Regions).
        QVERIFY(
            messageAfter(r.out, QStringLiteral("[ok]   COS is reachable and buckets are listed"))
                .contains(QLatin1String("none in South China (Guangzhou)")));
    }

    void noBucketAtAll()
    {
        const CliRun r = doctor(endpointArgs(), envCredentials(kEmptyId, kEmptyKey));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(
                     QLatin1String("Buckets in ap-guangzhou: none; the upload will create one.")),
                 qPrintable(r.out));
    }

    void insecureEndpointRefused_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("url");
        QTest::newRow("cvm") << QStringLiteral("--cvm-endpoint")
                             << QStringLiteral("http://cvm.example.com");
        QTest::newRow("cos") << QStringLiteral("--cos-endpoint")
                             << QStringLiteral("http://10.1.2.3:9000");
    }

    void insecureEndpointRefused()
    {
        QFETCH(QString, option);
        QFETCH(QString, url);
        const CliRun r = doctor({option, url}, envCredentials(kId, kKey));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty()); // nothing was asked of anyone
        QVERIFY(r.err.startsWith(option + QStringLiteral(": ")));
        QVERIFY(r.err.contains(url));
        QVERIFY(r.err.contains(QLatin1String("plain http://"))); // why
        QVERIFY(r.err.contains(QLatin1String("Use https://")));  // what to do
        QCOMPARE(secretsIn(r), QStringList());
    }

    void malformedEndpointRefused()
    {
        const CliRun r = doctor({QStringLiteral("--cvm-endpoint"), QStringLiteral("ftp://x")},
                                envCredentials(kId, kKey));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("https://host[:port]")));
    }

    void json()
    {
        const CliRun r = doctor(endpointArgs() + QStringList{QStringLiteral("--json")},
                                envCredentials(kNoImportId, kNoImportKey));
        QCOMPARE(r.exitCode, 1);
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(r.out));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("schema")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("ok")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("region")).toString(), kRegion);
        const QJsonObject credentials = o.value(QStringLiteral("credentials")).toObject();
        QCOMPARE(credentials.value(QStringLiteral("source")).toString(),
                 QStringLiteral("environment"));
        QVERIFY(credentials.value(QStringLiteral("display"))
                    .toString()
                    .startsWith(kNoImportId.left(4)));
        const QJsonArray sources = o.value(QStringLiteral("credential_sources")).toArray();
        QCOMPARE(sources.size(), 1);
        QCOMPARE(sources.at(0)[QStringLiteral("outcome")].toString(), QStringLiteral("used"));
        QCOMPARE(o.value(QStringLiteral("endpoints"))[QStringLiteral("cvm")].toString(),
                 m_emulator->endpoint() + u'/');

        const QJsonArray lineArray = o.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lineArray.size(), 4);
        const QStringList ids{QStringLiteral("credentials"), QStringLiteral("region"),
                              QStringLiteral("import_permission"), QStringLiteral("cos")};
        for (int i = 0; i < 4; ++i) {
            const QJsonObject line = lineArray.at(i).toObject();
            QCOMPARE(line.value(QStringLiteral("id")).toString(), ids.at(i));
            QVERIFY(!line.value(QStringLiteral("title")).toString().isEmpty());
            QVERIFY(!line.value(QStringLiteral("message")).toString().isEmpty());
            QVERIFY(line.contains(QStringLiteral("remedy")));
            QCOMPARE(line.value(QStringLiteral("state")).toString(),
                     i == 2 ? QStringLiteral("failed") : QStringLiteral("ok"));
        }
        const QJsonObject failed = lineArray.at(2).toObject();
        QVERIFY(failed.value(QStringLiteral("remedy"))
                    .toString()
                    .contains(QLatin1String("cvm:ImportImage")));
        const QJsonObject error = failed.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("UnauthorizedOperation.PermissionDenied"));
        QVERIFY(!error.value(QStringLiteral("request_id")).toString().isEmpty());
        QVERIFY(error.value(QStringLiteral("http_status")).isDouble());
        QVERIFY(!lineArray.at(0).toObject().contains(QStringLiteral("error")));

        const QJsonArray buckets = o.value(QStringLiteral("buckets")).toArray();
        QCOMPARE(buckets.size(), 2); // the account's two; another APPID's bucket is not listed
        QStringList inRegion;
        for (const QJsonValue& b : buckets) {
            QVERIFY(!b[QStringLiteral("location")].toString().isEmpty());
            QVERIFY(b[QStringLiteral("creation_date")].isString());
            if (b[QStringLiteral("in_region")].toBool())
                inRegion.append(b[QStringLiteral("name")].toString());
        }
        QCOMPARE(inRegion, QStringList{kBucket});
        QVERIFY(o.value(QStringLiteral("clock_skew_seconds")).isNull());
        QVERIFY(!o.contains(QStringLiteral("error")));
        QCOMPARE(secretsIn(r), QStringList());
    }

    void clockSkewReported()
    {
        QString error;
        QVERIFY(m_emulator->setFaults(
            QJsonObject::fromVariantMap(
                {{QStringLiteral("rules"),
                  QVariantList{QVariantMap{{QStringLiteral("operation"), QStringLiteral("*")},
                                           {QStringLiteral("fault"), QStringLiteral("skew")},
                                           {QStringLiteral("seconds"), 1800}}}}}),
            &error));
        const CliRun text = doctor(endpointArgs(), envCredentials(kId, kKey));
        const CliRun json = doctor(endpointArgs() + QStringList{QStringLiteral("--json")},
                                   envCredentials(kId, kKey));
        m_emulator->clearFaults();
        QVERIFY2(text.exitCode == 0, qPrintable(text.out + text.err));
        QVERIFY2(text.out.contains(QLatin1String("Clock: Your clock is")), qPrintable(text.out));
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(qAbs(o.value(QStringLiteral("clock_skew_seconds")).toDouble() - 1800) <= 5);
        QVERIFY(
            o.value(QStringLiteral("clock_message")).toString().contains(QLatin1String("behind")));
    }

    void clockBehindFifteenMinutes()
    {
        // COS answers this computer's signatures with AccessDenied "Request has expired", CVM
        // with AuthFailure.SignatureExpire: both corrected, every line passes, the COS line and
        // the summary say the clock is behind.
        m_emulator->setClockOffsetSeconds(900);
        const CliRun r = doctor(endpointArgs(), envCredentials(kId, kKey));
        m_emulator->setClockOffsetSeconds(0);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString cosLine =
            messageAfter(r.out, QStringLiteral("[ok]   COS is reachable and buckets are listed"));
        QVERIFY2(cosLine.contains(kBucket), qPrintable(r.out));
        QVERIFY2(cosLine.contains(QLatin1String("behind Tencent Cloud's")), qPrintable(cosLine));
        QVERIFY2(r.out.contains(QLatin1String("Clock: Your clock is")), qPrintable(r.out));
        QCOMPARE(lines(r.out).constLast(), QStringLiteral("Result: all 4 checks passed."));
        QCOMPARE(secretsIn(r), QStringList());
    }

    void tccliProfileWithToken()
    {
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".tccli")));
        QFile credential(home.path() + QStringLiteral("/.tccli/work.credential"));
        QVERIFY(credential.open(QIODevice::WriteOnly));
        credential.write(QStringLiteral("{\"secretId\": \"%1\", \"secretKey\": \"%2\", "
                                        "\"token\": \"%3\"}")
                             .arg(kTokenId, kTokenKey, kToken)
                             .toUtf8());
        credential.close();
        QFile configure(home.path() + QStringLiteral("/.tccli/work.configure"));
        QVERIFY(configure.open(QIODevice::WriteOnly));
        configure.write(R"({"_sys_param": {"region": "ap-guangzhou"}})");
        configure.close();
        // The environment holds other keys: an explicit --profile is what is used.
        const CliRun r = doctor(
            endpointArgs() + QStringList{QStringLiteral("--profile"), QStringLiteral("work")},
            envCredentials(kNoImportId, kNoImportKey), home.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("  - tccli profile work (")));
        QVERIFY(
            r.out.contains(QLatin1String("Region:     ap-guangzhou (from tccli profile work)")));
        QVERIFY(!r.out.contains(QLatin1String("environment")));
        QCOMPARE(secretsIn(r), QStringList());

        const CliRun missing = doctor(
            endpointArgs() + QStringList{QStringLiteral("--profile"), QStringLiteral("absent")}, {},
            home.path());
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QLatin1String("tccli configure --profile absent")));
    }

    void noCredentials()
    {
        const CliRun r = doctor(endpointArgs(), {});
        QCOMPARE(r.exitCode, 2);
        // Every place looked at, in order, then what to do.
        const QStringList out = lines(r.out);
        QCOMPARE(out.size(), 5);
        QVERIFY(out.at(1).contains(QLatin1String("environment")));
        QVERIFY(out.at(2).contains(m_home.path() + QStringLiteral("/.tccli/default.credential")));
        QVERIFY(out.at(3).contains(QLatin1String(".tencentcloud/credentials")));
        QVERIFY(out.at(4).contains(QLatin1String(".cos.yaml")));
        QVERIFY(r.err.contains(QLatin1String("TENCENTCLOUD_SECRET_ID")));
        QVERIFY(r.err.contains(QLatin1String("tccli configure")));

        const CliRun json = doctor(endpointArgs() + QStringList{QStringLiteral("--json")}, {});
        QCOMPARE(json.exitCode, 2);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("error"))[QStringLiteral("code")].toString(),
                 QStringLiteral("credentials.none"));
        QCOMPARE(o.value(QStringLiteral("credential_sources")).toArray().size(), 4);
    }

    void noRegion()
    {
        const CliRun r = doctor(endpointArgs(), envCredentials(kId, kKey, QString()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("Pass --region")));
        const CliRun bad = doctor(
            endpointArgs() + QStringList{QStringLiteral("--region"), QStringLiteral("Guangzhou/1")},
            envCredentials(kId, kKey));
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("is not a region name")));
    }

    void badArguments()
    {
        QCOMPARE(doctor({QStringLiteral("--no-such-option")}, {}).exitCode, 2);
        QCOMPARE(doctor({QStringLiteral("stray")}, envCredentials(kId, kKey)).exitCode, 2);
        const CliRun help = doctor({QStringLiteral("--help")}, {});
        QCOMPARE(help.exitCode, 0);
        for (const char* option :
             {"--region", "--json", "--profile", "--cvm-endpoint", "--cos-endpoint"})
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
    }

    // Last: every byte any run above printed, searched once more for every secret.
    void noSecretInAnyOutput()
    {
        QVERIFY(m_allOutput.size() >= 30);
        const QString everything = m_allOutput.join(u'\n');
        QVERIFY(everything.contains(QLatin1String("cvmi.cloud"))); // the debug lines were on
        for (const QString& secret : allSecrets() + QStringList{kWrongKey, kEmptyKey})
            QVERIFY2(!everything.contains(secret), "a secret was printed");
    }
};

QTEST_GUILESS_MAIN(TestCliDoctor)
#include "tst_cli_doctor.moc"

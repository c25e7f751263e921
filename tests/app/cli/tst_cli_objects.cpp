// `cvm-import objects` end to end: the real binary against the in-process emulator (this test's
// event loop serves it while the CLI runs in its own process), credentials from the environment,
// HOME an empty temporary folder. Keys with spaces, '+', '%' and Chinese come out as they are,
// with the ImageUrl CosClient::objectUrl gives; --max pages through GET Bucket and says when
// more follow; failures name the bucket and the reason; no secret is ever printed.
#include "CloudTestSupport.h"
#include "CosStore.h"

#include "cloud/CosClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloudtest;

namespace {

const QString kListed = QStringLiteral("objects-1250000000");

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliObjects : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    QTemporaryDir m_home;
    QStringList m_allOutput;
    QStringList m_keys;

    CliRun objects(const QStringList& args, const QString& id = kId, const QString& key = kKey)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            if (name.startsWith(QLatin1String("TENCENTCLOUD_")) ||
                name == QLatin1String("TCCLI_PROFILE"))
                env.remove(name);
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), id);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), key);
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("CVMI_CLI"),
                      QStringList{QStringLiteral("objects")} + args +
                          QStringList{QStringLiteral("--region"), kRegion,
                                      QStringLiteral("--cvm-endpoint"), m_emulator->endpoint(),
                                      QStringLiteral("--cos-endpoint"), m_emulator->endpoint()});
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
        return run;
    }

    static QJsonObject json(const CliRun& run)
    {
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    static QStringList keysOf(const QJsonObject& document)
    {
        QStringList keys;
        for (const QJsonValue& o : document.value(QStringLiteral("objects")).toArray())
            keys.append(o.toObject().value(QStringLiteral("key")).toString());
        return keys;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CVMI_CLI"),
                 "CVMI_CLI names the cvm-import to test (ctest sets it)");
        QVERIFY(m_home.isValid());
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kListed, kRegion, false, &error));
        QVERIFY(m_emulator->createBucket(kOtherBucket, kRegion, false, &error));
        m_keys = {QStringLiteral("disks/centos 7.qcow2"), QStringLiteral("disks/c++ 100%.vhd"),
                  QStringLiteral("disks/中文 镜像.vmdk"), QStringLiteral("disks/old/a.raw"),
                  QStringLiteral("notes.txt")};
        emu::CosStore store(m_emulator->stateDir() + QStringLiteral("/cos"));
        for (qsizetype i = 0; i < m_keys.size(); ++i)
            QVERIFY(store.putObject(kListed, m_keys.at(i), QByteArray(int(2000 * i + 1), 'd'), {},
                                    QDateTime::currentMSecsSinceEpoch(), &error));
    }

    void listsWithImageUrls()
    {
        const CliRun run = objects({QStringLiteral("cos://objects-1250000000/disks/")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QVERIFY2(run.out.startsWith(
                     QStringLiteral("Objects in cos://objects-1250000000/disks/ (%1): 4\n")
                         .arg(kRegion)),
                 qPrintable(run.out));
        // Key order is UTF-8 byte order: "c++" < "centos" < "old/" < 中.
        const QStringList expected{m_keys.at(1), m_keys.at(0), m_keys.at(3), m_keys.at(2)};
        qsizetype at = 0;
        for (const QString& key : expected) {
            const qsizetype line = run.out.indexOf(QStringLiteral("\n  ") + key + u'\n', at);
            QVERIFY2(line > at, qPrintable(key));
            at = line;
            const QString url = cloud::CosClient::objectUrl(kListed, kRegion, key);
            QVERIFY2(run.out.indexOf(QStringLiteral("ImageUrl: ") + url + u'\n', at) > at,
                     qPrintable(url));
        }
        QVERIFY(run.out.contains(QLatin1String("disks/c%2B%2B%20100%25.vhd")));
        QVERIFY(run.out.contains(QLatin1String("4,001 bytes")));
        QVERIFY(!run.out.contains(QLatin1String("notes.txt")));
        QVERIFY(!run.out.contains(QLatin1String("more follow")));
    }

    void jsonOutput()
    {
        const CliRun run =
            objects({QStringLiteral("cos://objects-1250000000"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject document = json(run);
        QCOMPARE(document.value(QStringLiteral("schema")).toInt(), 1);
        QCOMPARE(document.value(QStringLiteral("bucket")).toString(), kListed);
        QCOMPARE(document.value(QStringLiteral("region")).toString(), kRegion);
        QCOMPARE(document.value(QStringLiteral("prefix")).toString(), QString());
        QCOMPARE(document.value(QStringLiteral("truncated")).toBool(), false);
        QVERIFY(document.value(QStringLiteral("next_marker")).isNull());
        const QJsonArray listed = document.value(QStringLiteral("objects")).toArray();
        QCOMPARE(listed.size(), m_keys.size());
        for (const QJsonValue& v : listed) {
            const QJsonObject o = v.toObject();
            const QString key = o.value(QStringLiteral("key")).toString();
            const qsizetype i = m_keys.indexOf(key);
            QVERIFY2(i >= 0, qPrintable(key));
            QCOMPARE(o.value(QStringLiteral("size")).toInteger(), 2000 * i + 1);
            QCOMPARE(o.value(QStringLiteral("image_url")).toString(),
                     cloud::CosClient::objectUrl(kListed, kRegion, key));
            QCOMPARE(o.value(QStringLiteral("storage_class")).toString(),
                     QStringLiteral("STANDARD"));
            QVERIFY(o.value(QStringLiteral("etag")).toString().startsWith(u'"'));
            QVERIFY(QDateTime::fromString(o.value(QStringLiteral("last_modified")).toString(),
                                          Qt::ISODateWithMs)
                        .isValid());
        }
    }

    // --max stops early and says so; beyond one page (1000) it reads the next pages.
    void maxAndPages()
    {
        CliRun run = objects({QStringLiteral("cos://objects-1250000000/"), QStringLiteral("--max"),
                              QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject document = json(run);
        QCOMPARE(keysOf(document), (QStringList{m_keys.at(1), m_keys.at(0)}));
        QCOMPARE(document.value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(document.value(QStringLiteral("next_marker")).toString(), m_keys.at(0));
        run = objects({QStringLiteral("cos://objects-1250000000/"), QStringLiteral("--max"),
                       QStringLiteral("2")});
        QVERIFY(run.out.contains(QLatin1String(": 2 (more follow)")));
        QVERIFY(run.out.contains(QLatin1String("More objects follow: --max 20")));

        QString error;
        QVERIFY(
            m_emulator->createBucket(QStringLiteral("many-1250000000"), kRegion, false, &error));
        emu::CosStore store(m_emulator->stateDir() + QStringLiteral("/cos"));
        for (int i = 0; i < 1003; ++i)
            QVERIFY(store.putObject(QStringLiteral("many-1250000000"),
                                    QStringLiteral("part/%1.img").arg(i, 4, 10, QLatin1Char('0')),
                                    "m", {}, QDateTime::currentMSecsSinceEpoch(), &error));
        run = objects({QStringLiteral("cos://many-1250000000/part/"), QStringLiteral("--json")});
        document = json(run);
        QCOMPARE(keysOf(document).size(), 1000); // the default
        QCOMPARE(document.value(QStringLiteral("truncated")).toBool(), true);
        run = objects({QStringLiteral("cos://many-1250000000/part/"), QStringLiteral("--json"),
                       QStringLiteral("--max"), QStringLiteral("1002")});
        document = json(run);
        QStringList keys = keysOf(document);
        QCOMPARE(keys.size(), 1002);
        QCOMPARE(keys.last(), QStringLiteral("part/1001.img"));
        QCOMPARE(keys.removeDuplicates(), 0);
        QCOMPARE(document.value(QStringLiteral("truncated")).toBool(), true);
        run = objects({QStringLiteral("cos://many-1250000000/part/"), QStringLiteral("--json"),
                       QStringLiteral("--max"), QStringLiteral("5000")});
        document = json(run);
        QCOMPARE(keysOf(document).size(), 1003);
        QCOMPARE(document.value(QStringLiteral("truncated")).toBool(), false);
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("said");
        QTest::newRow("no bucket") << QStringList{QStringLiteral("cos://gone-1250000000/")} << kId
                                   << "The bucket does not exist.";
        QTest::newRow("another account's")
            << QStringList{QStringLiteral("cos://") + kOtherBucket} << kId << "COS denied access.";
        QTest::newRow("wrong key") << QStringList{QStringLiteral("cos://objects-1250000000")}
                                   << QStringLiteral("wrong") << "SignatureDoesNotMatch";
        QTest::newRow("no APPID") << QStringList{QStringLiteral("cos://objects")} << kId
                                  << "without its APPID";
        QTest::newRow("not cos://")
            << QStringList{QStringLiteral("objects-1250000000")} << kId << "must start with cos://";
        QTest::newRow("no bucket argument") << QStringList{} << kId << "objects needs a bucket";
        QTest::newRow("bad --max") << QStringList{QStringLiteral("cos://objects-1250000000"),
                                                  QStringLiteral("--max"), QStringLiteral("ten")}
                                   << kId << "--max needs a whole number";
    }

    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, id);
        QFETCH(QString, said);
        const CliRun run = id == QLatin1String("wrong")
                               ? objects(args, kId, QStringLiteral("a-wrong-secret-key"))
                               : objects(args, id);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(said), qPrintable(run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    }

    void noSecretPrinted()
    {
        for (const QString& text : std::as_const(m_allOutput)) {
            for (const QString& secret :
                 allSecrets() + QStringList{QStringLiteral("a-wrong-secret-key")})
                QVERIFY2(!text.contains(secret), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliObjects)
#include "tst_cli_objects.moc"

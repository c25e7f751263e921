// `cvm-import import` and `cvm-import imports` end to end: the real binary against the
// in-process emulator (this test's event loop serves it while the CLI runs in its own process),
// credentials from the environment, HOME and the XDG folders in a temporary directory so that
// the import history is the test's own. Every run's output is searched for the secrets.
#include "CloudTestSupport.h"

#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"
#include "importform/Draft.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace cvmi;
using namespace cvmi::cloudtest;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

QList<QJsonObject> events(const QString& out)
{
    QList<QJsonObject> list;
    for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts))
        list.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return list;
}

QStringList names(const QList<QJsonObject>& list)
{
    QStringList out;
    for (const QJsonObject& o : list)
        out << o.value(QStringLiteral("event")).toString();
    return out;
}

} // namespace

class TestCliImport : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    QTemporaryDir m_home;
    QString m_importedId; // by draftImportsToNormal, listed by importsLists

    CliRun run(const QString& command, const QStringList& args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            if (name.startsWith(QLatin1String("TENCENTCLOUD_")) ||
                name.startsWith(QLatin1String("XDG_")) || name == QLatin1String("TCCLI_PROFILE"))
                env.remove(name);
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), kKey);
        // Every cloud log line on, so that the secret search covers the debug output too.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cvmi.*=true"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("CVMI_CLI"),
                      QStringList{command} + args +
                          QStringList{QStringLiteral("--cvm-endpoint"), m_emulator->endpoint(),
                                      QStringLiteral("--cos-endpoint"), m_emulator->endpoint()});
        CliRun r;
        if (!process.waitForStarted(20000))
            return r;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 50000)) {
            process.kill();
            process.waitForFinished(5000);
            return r;
        }
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        r.out = QString::fromUtf8(process.readAllStandardOutput());
        r.err = QString::fromUtf8(process.readAllStandardError());
        for (const QString& secret : allSecrets()) {
            if (r.out.contains(secret) || r.err.contains(secret))
                qWarning("a secret was printed");
        }
        return r;
    }

    static bool noSecrets(const CliRun& r)
    {
        for (const QString& secret : allSecrets()) {
            if (r.out.contains(secret) || r.err.contains(secret))
                return false;
        }
        return true;
    }

    QString writeDraft(const QString& name, const QString& key)
    {
        importform::Draft draft;
        draft.created = QDateTime::currentDateTimeUtc();
        draft.appVersion = QStringLiteral("test");
        draft.region = kRegion;
        draft.form.osType = QStringLiteral("CentOS");
        draft.form.osVersion = QStringLiteral("7"); // the vendor's lists name majors
        draft.form.architecture = QStringLiteral("x86_64");
        draft.form.imageUrl = cloud::CosClient::objectUrl(kBucket, kRegion, key);
        draft.form.imageName = name;
        draft.form.tags = {{QStringLiteral("env"), QStringLiteral("test")}};
        draft.source.imagePath = QStringLiteral("/images/centos7.qcow2");
        const QString path = m_home.filePath(QStringLiteral("draft-%1.json").arg(name.size()));
        Error error;
        if (!importform::writeDraft(path, draft, &error))
            qWarning("%s", qPrintable(error.message));
        return path;
    }

    QStringList dryRunArgs(const QString& osVersion, const QString& name) const
    {
        return {QStringLiteral("--os-type"),
                QStringLiteral("CentOS"),
                QStringLiteral("--os-version"),
                osVersion,
                QStringLiteral("--arch"),
                QStringLiteral("x86_64"),
                QStringLiteral("--image-url"),
                cloud::CosClient::objectUrl(kBucket, kRegion, QStringLiteral("disks/good.qcow2")),
                QStringLiteral("--name"),
                name,
                QStringLiteral("--region"),
                kRegion,
                QStringLiteral("--dry-run")};
    }

    QString cacheFile() const
    {
        // QStandardPaths::CacheLocation of cvm-import with HOME set and no XDG variables.
        return m_home.filePath(
            QStringLiteral(".cache/cvm-import-wizard/cvm-import/import-image-os.json"));
    }

    void writeStaleCache()
    {
        QDir().mkpath(QFileInfo(cacheFile()).path());
        QFile cache(cacheFile());
        QVERIFY(cache.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cache.write(R"({"format": "cvm-import-os-cache", "version": 1,
            "fetched": "2020-01-02T03:04:05Z",
            "ImportImageOsListSupported": {"Linux": ["CentOS"], "Windows": []},
            "ImportImageOsVersionSet": [
                {"OsName": "CentOS", "OsVersions": ["7.9"], "Architecture": ["x86_64"]}]})");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("CVMI_CLI")), "CVMI_CLI names no file");
        QVERIFY(m_home.isValid());
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        m_emulator->setImportDelayMs(300);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(kBucket, kRegion, false, &error), qPrintable(error));
        cloud::HttpClient http;
        cloud::CosClient cos(&http, endpointsFor(*m_emulator), credentials(kId, kKey));
        cloud::CosClient::Call put;
        put.method = "PUT";
        put.host = cloud::CosClient::bucketHost(kBucket, kRegion);
        put.key = QStringLiteral("disks/good.qcow2");
        put.body = qcow2Header(quint64(10) << 30);
        const auto stored = cloud::waitFor(cos.send(put));
        QVERIFY2(stored.ok(), qPrintable(stored.error.toString()));
    }

    void draftImportsToNormal()
    {
        const QString draft =
            writeDraft(QStringLiteral("cli-normal"), QStringLiteral("disks/good.qcow2"));
        const CliRun r = run(QStringLiteral("import"), {QStringLiteral("--draft"), draft});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList out = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(out.contains(QStringLiteral("Region:     ap-guangzhou"))); // from the draft
        QVERIFY(out.contains(QStringLiteral("Form:       valid")));
        QVERIFY(r.out.contains(QLatin1String("Dry run:    allowed (RequestId ")));
        const QString idLine = out.filter(QStringLiteral("Image ID:   img-")).value(0);
        QVERIFY2(!idLine.isEmpty(), qPrintable(r.out));
        m_importedId = idLine.mid(12);
        QVERIFY(out.contains(QStringLiteral("Status:     IMPORTING, 0:00:00 elapsed")));
        QVERIFY(!out.filter(QRegularExpression(
                                QStringLiteral("^Status:     NORMAL, 0:00:\\d\\d elapsed$")))
                     .isEmpty());
        QVERIFY(out.constLast().startsWith(QStringLiteral("Result:     The image ") + m_importedId +
                                           QStringLiteral(" (cli-normal) is ready")));
        QVERIFY(noSecrets(r));
    }

    void importsLists()
    {
        QVERIFY(!m_importedId.isEmpty());
        CliRun r = run(QStringLiteral("imports"), {});
        QCOMPARE(r.exitCode, 0);
        const QString row = r.out.split(u'\n').filter(m_importedId).value(0);
        QVERIFY2(row.contains(QLatin1String("ap-guangzhou")) &&
                     row.contains(QLatin1String("NORMAL")) &&
                     row.contains(QLatin1String("cli-normal")),
                 qPrintable(r.out));
        r = run(QStringLiteral("imports"), {QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(doc.value(QStringLiteral("file")).toString().startsWith(m_home.path()));
        const QJsonObject first = doc.value(QStringLiteral("imports")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("image_id")).toString(), m_importedId);
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("NORMAL"));
        QCOMPARE(first.value(QStringLiteral("source_image_path")).toString(),
                 QStringLiteral("/images/centos7.qcow2"));
        QVERIFY(!first.value(QStringLiteral("finished")).toString().isEmpty());
        QVERIFY(noSecrets(r));
    }

    // ImportImage answered without ImageId: the output says the image was found by its name.
    void imageIdFoundByName()
    {
        const QString draft =
            writeDraft(QStringLiteral("cli-found-by-name"), QStringLiteral("disks/good.qcow2"));
        m_emulator->setOmitImportImageId(true);
        const CliRun r = run(QStringLiteral("import"), {QStringLiteral("--draft"), draft});
        const CliRun json =
            run(QStringLiteral("import"), {QStringLiteral("--draft"),
                                           writeDraft(QStringLiteral("cli-found-by-name-json"),
                                                      QStringLiteral("disks/good.qcow2")),
                                           QStringLiteral("--json"), QStringLiteral("--no-wait")});
        m_emulator->setOmitImportImageId(false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList out = r.out.split(u'\n', Qt::SkipEmptyParts);
        const QString idLine = out.filter(QStringLiteral("Image ID:   img-")).value(0);
        QVERIFY2(!idLine.isEmpty(), qPrintable(r.out));
        const QString id = idLine.mid(12);
        QVERIFY2(out.contains(QStringLiteral("Note:       The service did not return the new "
                                             "image's ID; found %1 by its name "
                                             "\"cli-found-by-name\".")
                                  .arg(id)),
                 qPrintable(r.out));
        QVERIFY(out.constLast().startsWith(QStringLiteral("Result:     The image ") + id));
        QVERIFY2(json.exitCode == 0, qPrintable(json.out + json.err));
        const QList<QJsonObject> lines = events(json.out);
        const qsizetype at = names(lines).indexOf(QStringLiteral("image_found_by_name"));
        QVERIFY2(at > 0, qPrintable(json.out));
        QVERIFY(lines.at(at)
                    .value(QStringLiteral("image_id"))
                    .toString()
                    .startsWith(QLatin1String("img-")));
        QVERIFY(noSecrets(r) && noSecrets(json));
    }

    void dryRunWithOptions()
    {
        const CliRun r =
            run(QStringLiteral("import"),
                {QStringLiteral("--os-type"), QStringLiteral("CentOS"),
                 QStringLiteral("--os-version"), QStringLiteral("7"), QStringLiteral("--arch"),
                 QStringLiteral("x86_64"), QStringLiteral("--image-url"),
                 cloud::CosClient::objectUrl(kBucket, kRegion, QStringLiteral("disks/good.qcow2")),
                 QStringLiteral("--name"), QStringLiteral("cli-dry"), QStringLiteral("--tag"),
                 QStringLiteral("team=ops"), QStringLiteral("--region"), kRegion,
                 QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QList<QJsonObject> list = events(r.out);
        // The live OS list first; the bucket is private: the plain URL is checked and a signed
        // one sent, never printed.
        QCOMPARE(names(list), (QStringList{QStringLiteral("os_list"), QStringLiteral("validated"),
                                           QStringLiteral("image_url"), QStringLiteral("dry_run"),
                                           QStringLiteral("finished")}));
        QCOMPARE(list.at(0).value(QStringLiteral("source")).toString(), QStringLiteral("live"));
        QCOMPARE(list.at(2).value(QStringLiteral("signed")).toBool(), true);
        QVERIFY(!r.out.contains(QLatin1String("q-signature")));
        QCOMPARE(list.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("dry_run_allowed"));
        QCOMPARE(list.last().value(QStringLiteral("image_id")).toString(), QString());
        QVERIFY(noSecrets(r));
    }

    void vendorMajorAcceptedAndListCached()
    {
        QFile::remove(cacheFile());
        const CliRun r = run(QStringLiteral("import"),
                             dryRunArgs(QStringLiteral("7"), QStringLiteral("cli-major")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("OS list:    from Tencent Cloud (12 systems)")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("Form:       valid")));
        QVERIFY(r.out.contains(QLatin1String("Dry run:    allowed")));
        // Kept like the wizard keeps it, for offline use.
        QFile cache(cacheFile());
        QVERIFY2(cache.open(QIODevice::ReadOnly), qPrintable(cacheFile()));
        const QJsonObject saved = QJsonDocument::fromJson(cache.readAll()).object();
        QCOMPARE(saved.value(QStringLiteral("format")).toString(),
                 QStringLiteral("cvm-import-os-cache"));
        QVERIFY(noSecrets(r));
    }

    void versionTheLiveListLacksRefused()
    {
        // A stale cache offering 7.9 must not matter: the live list (5, 6, 7) decides.
        writeStaleCache();
        const CliRun r = run(QStringLiteral("import"),
                             dryRunArgs(QStringLiteral("7.9"), QStringLiteral("cli-minor")));
        QCOMPARE(r.exitCode, 1);
        const QString line = r.out.split(u'\n').filter(QStringLiteral("OsVersion:")).value(0);
        QVERIFY2(line.startsWith(QLatin1String("  error   OsVersion: ")), qPrintable(r.out));
        QVERIFY2(line.contains(QLatin1String("\"5\", \"6\", \"7\"")), qPrintable(line));
        QVERIFY(r.out.contains(QLatin1String("nothing was sent")));
        QVERIFY(!r.out.contains(QLatin1String("Dry run:")));
    }

    void offlineStaleCacheOnlyWarns()
    {
        // DescribeImportImageOs fails; the cached list lacks "7": a warning, and the service
        // (which offers 7) decides.
        writeStaleCache();
        QString error;
        QVERIFY2(m_emulator->setFaults(
                     QJsonObject{{QStringLiteral("rules"),
                                  QJsonArray{QJsonObject{{QStringLiteral("operation"),
                                                          QStringLiteral("DescribeImportImageOs")},
                                                         {QStringLiteral("fault"),
                                                          QStringLiteral("internal-error")}}}}},
                     &error),
                 qPrintable(error));
        const CliRun r = run(QStringLiteral("import"),
                             dryRunArgs(QStringLiteral("7"), QStringLiteral("cli-offline")));
        m_emulator->clearFaults();
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("OS list:    not available")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("the list saved on 2020-01-02T03:04:05")));
        const QString line = r.out.split(u'\n').filter(QStringLiteral("OsVersion:")).value(0);
        QVERIFY2(line.startsWith(QLatin1String("  warning OsVersion: ")), qPrintable(r.out));
        QVERIFY(line.contains(QLatin1String("the service decides")));
        QVERIFY(r.out.contains(QLatin1String("Dry run:    allowed")));
        QVERIFY(noSecrets(r));
    }

    void badFieldExitsOne()
    {
        const QString draft = writeDraft(QString(61, u'n'), QStringLiteral("disks/good.qcow2"));
        const CliRun r = run(QStringLiteral("import"), {QStringLiteral("--draft"), draft});
        QCOMPARE(r.exitCode, 1);
        const QString line = r.out.split(u'\n').filter(QStringLiteral("ImageName:")).value(0);
        QVERIFY2(line.startsWith(QLatin1String("  error   ImageName: ")), qPrintable(r.out));
        QVERIFY(line.contains(QLatin1String("60")));
        QVERIFY(r.out.contains(QLatin1String("nothing was sent")));
        QVERIFY(!r.out.contains(QLatin1String("Dry run:")));
        QVERIFY(noSecrets(r));
    }

    void badArgumentsExitTwo()
    {
        CliRun r =
            run(QStringLiteral("import"), {QStringLiteral("--draft"), QStringLiteral("x.json"),
                                           QStringLiteral("--name"), QStringLiteral("n")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--name cannot be combined with --draft")));
        r = run(QStringLiteral("import"),
                {QStringLiteral("--draft"), m_home.filePath(QStringLiteral("absent.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("absent.json")));
        r = run(QStringLiteral("import"), {QStringLiteral("--tag"), QStringLiteral("novalue")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--tag \"novalue\" is not KEY=VALUE")));
    }

    void noWaitThenFollow()
    {
        const QString draft =
            writeDraft(QStringLiteral("cli-follow-later"), QStringLiteral("disks/good.qcow2"));
        CliRun r =
            run(QStringLiteral("import"), {QStringLiteral("--draft"), draft,
                                           QStringLiteral("--no-wait"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QList<QJsonObject> list = events(r.out);
        QCOMPARE(list.last().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("started"));
        const QString id = list.last().value(QStringLiteral("image_id")).toString();
        QVERIFY(id.startsWith(QLatin1String("img-")));

        r = run(QStringLiteral("imports"), {});
        QVERIFY(r.out.split(u'\n').filter(id).value(0).contains(QLatin1String("IMPORTING")));
        r = run(QStringLiteral("imports"), {QStringLiteral("--follow"), id});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("Image ID:   ") + id));
        QVERIFY(r.out.contains(QLatin1String("is ready in ap-guangzhou")));
        r = run(QStringLiteral("imports"), {});
        QVERIFY(r.out.split(u'\n').filter(id).value(0).contains(QLatin1String("NORMAL")));
        r = run(QStringLiteral("imports"),
                {QStringLiteral("--follow"), QStringLiteral("img-nothere")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("img-nothere is not in the import history")));
    }

    void missingObjectExitsOne()
    {
        const QString draft =
            writeDraft(QStringLiteral("cli-missing"), QStringLiteral("disks/absent.qcow2"));
        const CliRun r = run(QStringLiteral("import"), {QStringLiteral("--draft"), draft});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("Status:     IMPORTFAILED")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("failed (IMPORTFAILED)")));
        QVERIFY(r.out.contains(QLatin1String("What to do: The usual causes")));
        QVERIFY(noSecrets(r));
    }

    void historyHoldsNoSecret()
    {
        QStringList files;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(!files.filter(QStringLiteral("imports.json")).isEmpty());
        for (const QString& path : files) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            for (const QString& secret : allSecrets())
                QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"

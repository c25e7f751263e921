// The harness of the CLI upload tests (tst_cli_upload, tst_cli_uploads): the real cvm-import
// against the cvm-cloud-emulator executable, each in its own process, so that the CLI can be
// killed with SIGKILL at any moment like a crashed or powered-off machine. Credentials come from
// the environment; HOME and XDG_DATA_HOME are temporary, so the resume records live there and no
// developer's files are read. What arrived is read back from the emulator's state directory
// (CosStore) and compared with the file's own CRC-64. Every run's output is kept and searched for
// the secret key.
#pragma once

#include "CosStore.h"
#include "FileCrc.h"
#include "RandomFile.h"

#include "util/Crc64.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::cliupload {

inline constexpr qint64 MiB = 1024 * 1024;
inline const QString kId = QStringLiteral("AKIDCLIUPLOADTEST00001");
inline const QString kKey = QStringLiteral("cli-upload-test-secret-key");
inline const QString kWrongKey = QStringLiteral("cli-upload-test-wrong-secret");
inline const QString kAppId = QStringLiteral("1250000000");
inline const QString kBucket = QStringLiteral("images-1250000000");
inline const QString kRegion = QStringLiteral("ap-guangzhou");

struct CliRun {
    int exitCode = -1; // -2: crashed or killed
    QString out;
    QString err;
    QList<QJsonObject> events; // stdout lines that are JSON objects
};

inline QList<QJsonObject> eventsOf(const QString& out)
{
    QList<QJsonObject> events;
    for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        if (doc.isObject())
            events.append(doc.object());
    }
    return events;
}

inline QList<QJsonObject> named(const QList<QJsonObject>& events, const QString& name)
{
    QList<QJsonObject> found;
    for (const QJsonObject& e : events) {
        if (e.value(QStringLiteral("event")).toString() == name)
            found.append(e);
    }
    return found;
}

class Harness {
protected:
    QTemporaryDir m_dir;
    QProcess m_emulator;
    QString m_endpoint;
    QString m_state;
    QStringList m_allOutput;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString makeFile(const QString& name, qint64 size, quint32 seed)
    {
        return test::writeRandomFile(path(name), size, seed);
    }

    // The emulator's state as it is on disk now.
    std::optional<emu::ObjectInfo> storedObject(const QString& key) const
    {
        emu::CosStore store(cosState());
        QString error;
        if (!store.load(&error))
            return std::nullopt;
        return store.object(kBucket, key);
    }
    QList<emu::UploadInfo> pendingOnServer() const
    {
        emu::CosStore store(cosState());
        QString error;
        return store.load(&error) ? store.uploads(kBucket) : QList<emu::UploadInfo>{};
    }
    QString cosState() const { return m_state + QStringLiteral("/cos"); } // CloudEmulator's layout
    QString recordDir() const { return path(QStringLiteral("data/cvm-import-wizard/uploads")); }
    int records() const
    {
        return int(QDir(recordDir()).entryList({QStringLiteral("*.json")}, QDir::Files).size());
    }

    QProcessEnvironment environment(const QString& key) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            if (name.startsWith(QLatin1String("TENCENTCLOUD_")) ||
                name == QLatin1String("TCCLI_PROFILE") || name.endsWith(QLatin1String("_proxy")))
                env.remove(name);
        }
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), kId);
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), key);
        env.insert(QStringLiteral("TENCENTCLOUD_REGION"), kRegion);
        // Every log line on, so that the secret search covers the debug output too.
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("cvmi.cloud*=true\ncvmi.transfer*=true"));
        return env;
    }

    QStringList cloudArgs() const { return {QStringLiteral("--cos-endpoint"), m_endpoint}; }

    void start(QProcess& process, const QStringList& args, const QString& key = kKey) const
    {
        process.setProcessEnvironment(environment(key));
        process.start(qEnvironmentVariable("CVMI_CLI"), args + cloudArgs());
    }

    CliRun finish(QProcess& process, int timeoutMs = 50000)
    {
        CliRun run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        run.events = eventsOf(run.out);
        keep(run);
        return run;
    }

    void keep(const CliRun& run)
    {
        m_allOutput << run.out << run.err;
        if (run.out.contains(kKey) || run.err.contains(kKey) || run.out.contains(kWrongKey) ||
            run.err.contains(kWrongKey))
            qWarning("a secret was printed");
    }

    CliRun cli(const QStringList& args, const QString& key = kKey)
    {
        QProcess process;
        start(process, args, key);
        if (!process.waitForStarted(20000))
            return {};
        return finish(process);
    }

    // Starts an upload and returns once `parts` part events were printed (or it ended).
    bool startUntilParts(QProcess& process, const QStringList& args, int parts, QString* seen)
    {
        start(process, args);
        if (!process.waitForStarted(20000))
            return false;
        return QTest::qWaitFor(
            [&] {
                *seen += QString::fromUtf8(process.readAllStandardOutput());
                return named(eventsOf(*seen), QStringLiteral("part")).size() >= parts ||
                       process.state() == QProcess::NotRunning;
            },
            30000);
    }

    // Never kill(0, ...): that is this test's own process group.
    static bool signal(const QProcess& process, int number)
    {
        const qint64 pid = process.processId();
        return pid > 0 && process.state() == QProcess::Running && ::kill(pid_t(pid), number) == 0;
    }

    static QStringList uploadArgs(const QString& file, const QString& key,
                                  const QStringList& extra = {})
    {
        return QStringList{QStringLiteral("upload"), file,
                           QStringLiteral("cos://%1/%2").arg(kBucket, key),
                           QStringLiteral("--part-size"), QStringLiteral("1M")} +
               extra;
    }

    // The successful end of a --json run: the object is the file, byte count and CRC-64.
    void verifyFinished(const CliRun& run, const QString& file, const QString& key)
    {
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const auto finished = named(run.events, QStringLiteral("finished"));
        QCOMPARE(finished.size(), 1);
        const quint64 crc = test::fileCrc(file);
        QCOMPARE(finished[0].value(QStringLiteral("crc64")).toString(),
                 util::Crc64::toDecimal(crc));
        const auto object = storedObject(key);
        QVERIFY2(object, qPrintable(key));
        QCOMPARE(object->size, QFileInfo(file).size());
        QCOMPARE(object->crc64, crc);
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);
    }

    // The state a crash between InitiateMultipartUpload and its answer leaves: an upload on the
    // server, and a record that was written before the request and so has no upload id. Made
    // from a real interrupted upload whose record is then put back to what it was before the
    // answer came. Returns the upload id only the server knows.
    QString leaveUnconfirmedStart(const QString& file, const QString& key)
    {
        QProcess process;
        QString seen;
        if (!startUntilParts(process,
                             uploadArgs(file, key,
                                        {QStringLiteral("--json"), QStringLiteral("--limit-rate"),
                                         QStringLiteral("4M")}),
                             1, &seen) ||
            !signal(process, SIGINT))
            return {};
        const CliRun run = finish(process);
        const QString id = named(eventsOf(seen + run.out), QStringLiteral("stopped"))
                               .value(0)
                               .value(QStringLiteral("upload_id"))
                               .toString();
        const QStringList names =
            QDir(recordDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
        if (names.size() != 1 || id.isEmpty()) {
            qWarning("after the interrupted upload: %lld records, upload id \"%s\"; %s",
                     qlonglong(names.size()), qPrintable(id), qPrintable(run.err));
            return {};
        }
        return unconfirmRecord(recordDir() + u'/' + names.first()) ? id : QString();
    }
    static bool unconfirmRecord(const QString& recordPath)
    {
        QFile f(recordPath);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        o.insert(QStringLiteral("uploadId"), QString());
        o.insert(QStringLiteral("parts"), QJsonArray());
        o.insert(QStringLiteral("startedAt"),
                 QString::number(QDateTime::currentSecsSinceEpoch() - 30));
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               f.write(QJsonDocument(o).toJson()) > 0;
    }

    // Starts the emulator with the test account and an empty bucket.
    void startEmulator()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("CVMI_CLI")), "CVMI_CLI names no file");
        QVERIFY2(QFile::exists(qEnvironmentVariable("CVMI_EMULATOR")),
                 "CVMI_EMULATOR names no file");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("home"))));
        m_state = path(QStringLiteral("state"));
        emu::CosStore store(cosState());
        QString error;
        QVERIFY2(store.load(&error), qPrintable(error));
        QVERIFY2(store.createBucket({kBucket, kAppId, kRegion, 0, false}, &error),
                 qPrintable(error));

        m_emulator.setProgram(qEnvironmentVariable("CVMI_EMULATOR"));
        m_emulator.setArguments(
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state-dir"), m_state,
             QStringLiteral("--account"), QStringLiteral("%1:%2:%3").arg(kId, kKey, kAppId)});
        m_emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_emulator.start();
        QVERIFY(m_emulator.waitForStarted(10000));
        QString banner;
        QVERIFY(QTest::qWaitFor(
            [&] {
                banner += QString::fromUtf8(m_emulator.readAllStandardOutput());
                return banner.contains(u'\n') || m_emulator.state() == QProcess::NotRunning;
            },
            20000));
        const qsizetype at = banner.indexOf(QLatin1String("listening on "));
        QVERIFY2(at >= 0, qPrintable(banner));
        m_endpoint = banner.mid(at + 13).section(u'\n', 0, 0).trimmed();
        QVERIFY(m_endpoint.startsWith(QLatin1String("http://127.0.0.1:")));
    }

    // Removes what a failed test left: uploads on the server (through the CLI's own --abort)
    // and resume records.
    void removeLeftovers()
    {
        for (const emu::UploadInfo& upload : pendingOnServer())
            cli({QStringLiteral("uploads"), QStringLiteral("cos://%1").arg(kBucket),
                 QStringLiteral("--abort"), upload.uploadId});
        QDir dir(recordDir());
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
            dir.remove(name);
    }

    // Stops the emulator; then no run printed a secret, and no file the CLI wrote holds one.
    void stopEmulatorAndCheckSecrets()
    {
        if (m_emulator.state() != QProcess::NotRunning) {
            m_emulator.terminate();
            if (!m_emulator.waitForFinished(5000))
                m_emulator.kill();
        }
        for (const QString& text : std::as_const(m_allOutput)) {
            QVERIFY(!text.contains(kKey));
            QVERIFY(!text.contains(kWrongKey));
        }
        // Nor in any file the CLI wrote (resume records, settings).
        for (const QString& dir : {path(QStringLiteral("data")), path(QStringLiteral("home"))}) {
            QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray bytes = f.readAll();
                QVERIFY2(!bytes.contains(kKey.toUtf8()) && !bytes.contains(kWrongKey.toUtf8()),
                         qPrintable(f.fileName()));
            }
        }
    }
};

} // namespace cvmi::cliupload

// Our upload engine against an S3 server nobody here wrote: moto (moto_server, Python), so that
// the engine and our emulator cannot share one misunderstanding of S3. moto is started on
// 127.0.0.1 with INITIAL_NO_AUTH_ACTION_COUNT covering exactly the setup (an IAM user, its
// policy and access key, the bucket, made by boto3 in moto_peer.py); from then on every request
// must carry a valid SigV4 signature, which the first test proves. Then the engine's S3 dialect
// (path style, endpoint override) uploads in 5 MiB parts and the object reads back
// byte-identical through boto3; an interrupted upload resumes through ListParts sending only
// the missing parts; a checkpoint whose ETag ListParts contradicts gets that part re-sent;
// MultipartAdmin lists and aborts a pending upload; a converted upload (--convert qcow2) of a
// sparse raw disk and of a compressed qcow2 reads back as a clean qcow2 of the same disk; moto's 5
// MiB minimum part (EntityTooSmall) and its InvalidPart for a wrong ETag come back as errors naming
// them.
//
// moto_server is moto.server:main; the test runs it as `python -m moto.server` with the first
// Python (CVMI_PYTHON, python3.11, python3) that imports moto's server and boto3, so that the
// helper script's boto3 and the server come from one installation. Without one: skipped.
#include "DiskFixtures.h"
#include "FileCrc.h"
#include "RandomFile.h"
#include "cloud/CosClient.h"
#include "transfer/Checkpoint.h"
#include "transfer/CurlTransfer.h"
#include "transfer/MultipartAdmin.h"
#include "transfer/MultipartCalls.h"
#include "transfer/MultipartXml.h"
#include "transfer/RetryPolicy.h"
#include "transfer/StoreDialect.h"
#include "transfer/UploadEngine.h"
#include "util/Crc64.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::transfer;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr int waitMs = 120000;
const QString kBucket = QStringLiteral("cvmi-moto-peer");
const QString kRegion = QStringLiteral("us-east-1");
// The number of actions moto_peer.py's setup runs (its SETUP_ACTIONS).
constexpr int kSetupActions = 4;
} // namespace

class TestMotoPeer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_python;
    QString m_helper;
    QProcess m_moto;
    int m_port = 0;
    cloud::Credentials m_credentials;

    static int freePort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        return server.serverPort();
    }

    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    // The helper with moto's endpoint; our credentials in its environment, never on its command
    // line. Its stdout, or an empty array and *error when it failed.
    QByteArray helper(const QStringList& args, QString* error = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), m_credentials.secretId);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), m_credentials.secretKey);
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir.filePath(QStringLiteral("none")));
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                   m_dir.filePath(QStringLiteral("none")));
        p.setProcessEnvironment(env);
        p.start(m_python, QStringList{m_helper} + args +
                              QStringList{QStringLiteral("--endpoint"), endpoint(),
                                          QStringLiteral("--bucket"), kBucket});
        const bool finished = p.waitForFinished(waitMs);
        if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            if (error)
                *error = args.value(0) + QStringLiteral(": ") +
                         QString::fromUtf8(p.readAllStandardError()).trimmed();
            return {};
        }
        return p.readAllStandardOutput();
    }

    // [[key, uploadId], ...] as boto3 lists them: all, or those of one key.
    QJsonArray botoUploads(const QString& key = {})
    {
        QString error;
        const QByteArray out = helper({QStringLiteral("uploads")}, &error);
        if (out.isEmpty())
            qWarning().noquote() << error;
        const QJsonArray all =
            QJsonDocument::fromJson(out).object().value(QStringLiteral("uploads")).toArray();
        QJsonArray selected;
        for (const QJsonValue& u : all) {
            if (key.isEmpty() || u.toArray().at(0).toString() == key)
                selected.append(u);
        }
        return selected;
    }

    QJsonArray botoParts(const QString& key, const QString& uploadId)
    {
        QString error;
        const QByteArray out = helper({QStringLiteral("parts"), QStringLiteral("--key"), key,
                                       QStringLiteral("--upload-id"), uploadId},
                                      &error);
        if (out.isEmpty())
            qWarning().noquote() << error;
        return QJsonDocument::fromJson(out).object().value(QStringLiteral("parts")).toArray();
    }

    // Empty when boto3 reads back exactly the file's bytes, else what differs.
    QString readsBackIdentical(const QString& key, const QString& path)
    {
        const QString out = m_dir.filePath(QStringLiteral("back-") + QFileInfo(path).fileName());
        QString error;
        helper({QStringLiteral("get"), QStringLiteral("--key"), key, QStringLiteral("--out"), out},
               &error);
        if (!error.isEmpty())
            return error;
        QFile a(path);
        QFile b(out);
        if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot open %1 or %2").arg(path, out);
        if (a.size() != b.size())
            return QStringLiteral("size %1, read back %2").arg(a.size()).arg(b.size());
        for (qint64 offset = 0; !a.atEnd(); offset += MiB) {
            if (a.read(MiB) != b.read(MiB))
                return QStringLiteral("bytes differ in the MiB at %1").arg(offset);
        }
        QFile::remove(out);
        return {};
    }

    QString makeFile(const QString& name, qint64 size, quint32 seed)
    {
        return test::writeRandomFile(m_dir.filePath(name), size, seed);
    }

    UploadDestination destination(const QString& key) const
    {
        UploadDestination d;
        d.dialect = Dialect::S3;
        d.bucket = kBucket;
        d.key = key;
        d.region = kRegion;
        d.s3ServiceHost = QStringLiteral("127.0.0.1:%1").arg(m_port);
        d.s3PathStyle = true;
        Error error;
        d.endpoints.setCosEndpoint(endpoint(), &error);
        return d;
    }

    UploadJob job(const QString& path, const QString& key) const
    {
        UploadJob j;
        j.filePath = path;
        j.destination = destination(key);
        j.credentials = m_credentials;
        j.partSize = 5 * MiB;
        j.concurrency = 3;
        j.checkpointDir = m_dir.filePath(QStringLiteral("checkpoints"));
        j.retry.baseDelayMs = 50;
        j.retry.maxDelayMs = 500;
        return j;
    }

    static UploadResult run(const UploadJob& j, bool* arrived)
    {
        UploadEngine engine(j);
        QSignalSpy spy(&engine, &UploadEngine::finished);
        engine.start();
        *arrived = spy.wait(waitMs);
        return *arrived ? qvariant_cast<UploadResult>(spy.at(0).at(0)) : UploadResult{};
    }

    // Starts an upload of `j` and destroys the engine once `parts` parts are confirmed, as if
    // the program had been closed; the number confirmed when it was destroyed.
    static int interrupt(UploadJob j, int parts)
    {
        j.concurrency = 1;
        j.rateLimitBytesPerSecond = 8 * MiB; // slow enough to stop it half-way
        UploadEngine engine(j);
        QSignalSpy progress(&engine, &UploadEngine::progressChanged);
        engine.start();
        const auto done = [&] {
            return progress.isEmpty()
                       ? 0
                       : qvariant_cast<UploadProgress>(progress.last().at(0)).partsDone;
        };
        QElapsedTimer timer;
        timer.start();
        while (done() < parts && timer.elapsed() < waitMs)
            progress.wait(200);
        return done();
    }

    // One request through our dialect, answered on this thread.
    HttpAnswer call(const StoreRequest& request, const QByteArray& body = {},
                    const cloud::Credentials* credentials = nullptr) const
    {
        const auto dialect = StoreDialect::create(destination(request.key),
                                                  credentials ? *credentials : m_credentials);
        MemoryBody sent(body);
        CurlTransfer transfer(dialect->prepare(request, QDateTime::currentSecsSinceEpoch()), &sent,
                              TransferSettings{});
        return transfer.perform();
    }

    bool startMoto()
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = freePort();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("INITIAL_NO_AUTH_ACTION_COUNT"),
                       QString::number(kSetupActions));
            m_moto.setProcessEnvironment(env);
            m_moto.setProcessChannelMode(QProcess::MergedChannels);
            m_moto.setStandardOutputFile(m_dir.filePath(QStringLiteral("moto.log")));
            m_moto.start(m_python, {QStringLiteral("-m"), QStringLiteral("moto.server"),
                                    QStringLiteral("-H"), QStringLiteral("127.0.0.1"),
                                    QStringLiteral("-p"), QString::number(m_port)});
            if (!m_moto.waitForStarted(10000))
                return false;
            // Wait for the port with plain connects: an HTTP request would use up one of the
            // unauthenticated actions.
            for (int i = 0; i < 300 && m_moto.state() == QProcess::Running; ++i) {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
                if (socket.waitForConnected(200))
                    return true;
                QTest::qWait(100);
            }
            m_moto.kill();
            m_moto.waitForFinished(5000);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_helper = QFINDTESTDATA("moto_peer.py");
        if (m_helper.isEmpty())
            m_helper = qEnvironmentVariable("CVMI_SOURCE_DIR") +
                       QStringLiteral("/tests/peers/moto_peer.py");
        QVERIFY2(QFileInfo::exists(m_helper), qPrintable(m_helper));
        QStringList candidates;
        if (qEnvironmentVariableIsSet("CVMI_PYTHON"))
            candidates << qEnvironmentVariable("CVMI_PYTHON");
        candidates << QStringLiteral("python3.11") << QStringLiteral("python3");
        QString versions;
        for (const QString& name : candidates) {
            const QString exe = QStandardPaths::findExecutable(name);
            if (exe.isEmpty() && !QFileInfo(name).isExecutable())
                continue;
            QProcess probe;
            probe.start(exe.isEmpty() ? name : exe, {m_helper, QStringLiteral("probe")});
            if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit &&
                probe.exitCode() == 0) {
                m_python = exe.isEmpty() ? name : exe;
                versions = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
                break;
            }
        }
        if (m_python.isEmpty())
            QSKIP("moto_server is not available: no python3.11 or python3 on PATH imports "
                  "moto.server and boto3 (pip install 'moto[server]>=5' boto3, or set "
                  "CVMI_PYTHON to an interpreter that has them)");
        qInfo().noquote() << "peer:" << versions << "with" << m_python;
        QVERIFY2(startMoto(), "moto_server did not start on 127.0.0.1 (see moto.log)");

        QString error;
        const QByteArray keys = helper({QStringLiteral("setup")}, &error);
        QVERIFY2(!keys.isEmpty(), qPrintable(error));
        const QJsonObject o = QJsonDocument::fromJson(keys).object();
        m_credentials.secretId = o.value(QStringLiteral("accessKeyId")).toString();
        m_credentials.secretKey = o.value(QStringLiteral("secretAccessKey")).toString();
        m_credentials.source = QStringLiteral("moto IAM user");
        QVERIFY(m_credentials.isUsable());
    }

    void cleanupTestCase()
    {
        if (m_moto.state() != QProcess::NotRunning) {
            m_moto.terminate();
            if (!m_moto.waitForFinished(5000)) {
                m_moto.kill();
                m_moto.waitForFinished(5000);
            }
        }
    }

    void signaturesAreEnforced()
    {
        // Signed with the right key: allowed.
        auto good = MultipartAdmin::listPending(destination({}), m_credentials);
        QTRY_VERIFY_WITH_TIMEOUT(good.isFinished(), waitMs);
        QVERIFY2(good.result().ok(), qPrintable(good.result().error.toString()));

        // The same request signed with a wrong secret: refused, and our error names why.
        cloud::Credentials wrong = m_credentials;
        wrong.secretKey += QStringLiteral("x");
        auto bad = MultipartAdmin::listPending(destination({}), wrong);
        QTRY_VERIFY_WITH_TIMEOUT(bad.isFinished(), waitMs);
        QVERIFY(!bad.result().ok());
        QCOMPARE(bad.result().error.code, QStringLiteral("SignatureDoesNotMatch"));
        QCOMPARE(bad.result().error.httpStatus, 403);

        // An unknown key: refused too.
        wrong = m_credentials;
        wrong.secretId = QStringLiteral("AKIAUNKNOWN000000000");
        const HttpAnswer unknown = call(MultipartCalls::listUploads({}, {}, {}), {}, &wrong);
        QCOMPARE(unknown.status, 403);

        // No signature at all: refused (moto answers 500 for a missing Authorization header
        // once authentication is on; any success would mean the setup count was wrong).
        const auto dialect = StoreDialect::create(destination({}), m_credentials);
        PreparedRequest unsigned_ = dialect->prepare(MultipartCalls::listUploads({}, {}, {}), 0);
        unsigned_.headerLines.removeIf(
            [](const QByteArray& line) { return line.startsWith("Authorization:"); });
        CurlTransfer anonymous(unsigned_, nullptr, TransferSettings{});
        const HttpAnswer refused = anonymous.perform();
        QVERIFY(!refused.transportFailed());
        QVERIFY2(refused.status >= 400, qPrintable(QString::number(refused.status)));
    }

    void uploadReadsBackIdentical()
    {
        const QString path = makeFile(QStringLiteral("disk one.raw"), 17 * MiB + 4321, 1);
        // A space but no '+', '(' or ')': moto 5.2's server decodes the path before it checks
        // the signature, so it refuses boto3's signatures for such keys just like ours.
        const UploadJob j = job(path, QStringLiteral("images/disk one.raw"));
        bool arrived = false;
        const UploadResult r = run(j, &arrived);
        QVERIFY(arrived);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.partsUploaded, 4);
        QCOMPARE(r.size, QFileInfo(path).size());
        QCOMPARE(r.crc64, test::fileCrc(path));
        QVERIFY2(r.etag.endsWith(QLatin1String("-4\"")), qPrintable(r.etag)); // S3's multipart
        const QString difference = readsBackIdentical(j.destination.key, path);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(botoUploads(j.destination.key).isEmpty());
        QVERIFY(!UploadEngine::pending(j));
    }

    // A converted upload through S3: the stream cut into 5 MiB parts (moto's minimum), the
    // header part last; boto3 reads back a qcow2 that qemu-img finds clean and equal to its
    // source.
    void convertedReadsBackAsTheSameDisk_data()
    {
        QTest::addColumn<bool>("fromQcow2");
        QTest::newRow("sparse raw") << false;
        QTest::newRow("compressed qcow2") << true;
    }
    void convertedReadsBackAsTheSameDisk()
    {
        QFETCH(bool, fromQcow2);
        const QString raw = m_dir.filePath(QStringLiteral("convert.raw"));
        if (!QFile::exists(raw))
            QVERIFY(!test::makeSparseRawDisk(raw, 128, 24, 9).isEmpty());
        QString source = raw;
        if (fromQcow2) {
            source =
                test::makeCompressedQcow2(raw, m_dir.filePath(QStringLiteral("convert.qcow2")));
            QVERIFY(!source.isEmpty());
        }
        UploadJob j = job(source, QStringLiteral("images/converted.qcow2"));
        j.conversion = Conversion::Qcow2;
        bool arrived = false;
        const UploadResult r = run(j, &arrived);
        QVERIFY(arrived);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.format, QStringLiteral("qcow2"));
        QCOMPARE(r.virtualSize, 128 * MiB);
        QCOMPARE(r.sourceBytes, QFileInfo(source).size());
        QVERIFY2(r.partsUploaded >= 2, qPrintable(QString::number(r.partsUploaded)));
        const QString back = m_dir.filePath(QStringLiteral("back-converted.qcow2"));
        QString error;
        helper({QStringLiteral("get"), QStringLiteral("--key"), j.destination.key,
                QStringLiteral("--out"), back},
               &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(back).size(), r.size);
        const QString same = test::sameDiskAs(back, source);
        QVERIFY2(same.isEmpty(), qPrintable(same));
        QVERIFY(botoUploads(j.destination.key).isEmpty());
        QFile::remove(back);
    }

    void resumeSendsOnlyMissingParts()
    {
        const QString path = makeFile(QStringLiteral("resume.raw"), 17 * MiB + 99, 2);
        const UploadJob j = job(path, QStringLiteral("images/resume.raw"));
        const int confirmed = interrupt(j, 2);
        QVERIFY2(confirmed >= 2 && confirmed < 4, qPrintable(QString::number(confirmed)));
        QVERIFY(UploadEngine::pending(j));
        const QJsonArray uploads = botoUploads(j.destination.key);
        QCOMPARE(uploads.size(), 1);
        const QString uploadId = uploads.at(0).toArray().at(1).toString();
        const int listed = int(botoParts(j.destination.key, uploadId).size());
        QVERIFY2(listed >= confirmed, qPrintable(QString::number(listed)));

        bool arrived = false;
        const UploadResult r = run(j, &arrived);
        QVERIFY(arrived);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        // Every part the first run confirmed is reused (a part in flight when it was destroyed
        // may be on the server without being in the checkpoint: that one is sent again).
        QVERIFY2(r.partsReused >= confirmed && r.partsReused <= listed,
                 qPrintable(QString::number(r.partsReused)));
        QCOMPARE(r.partsReused + r.partsUploaded, 4);
        QCOMPARE(r.crc64, test::fileCrc(path));
        const QString difference = readsBackIdentical(j.destination.key, path);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(botoUploads(j.destination.key).isEmpty());
    }

    void checkpointContradictedByListPartsIsResent()
    {
        const QString path = makeFile(QStringLiteral("tampered.raw"), 17 * MiB + 5, 3);
        const UploadJob j = job(path, QStringLiteral("images/tampered.raw"));
        const int confirmed = interrupt(j, 2);
        QVERIFY2(confirmed >= 2, qPrintable(QString::number(confirmed)));
        // Part 1's recorded ETag no longer matches what the server lists for it (a part that
        // was overwritten since, say): the engine must not trust it, nor send it to Complete.
        const Checkpoints checkpoints(j.checkpointDir);
        const QString file = QFileInfo(path).absoluteFilePath();
        const QString where = Checkpoints::destinationKey(j.destination);
        Error error;
        auto checkpoint = checkpoints.load(file, where, &error);
        QVERIFY2(checkpoint, qPrintable(error.message));
        const int recorded = int(checkpoint->parts.size());
        QVERIFY(checkpoint->parts.contains(1));
        checkpoint->parts[1].etag = QStringLiteral("\"0123456789abcdef0123456789abcdef\"");
        QVERIFY2(checkpoints.save(*checkpoint, &error), qPrintable(error.message));

        bool arrived = false;
        const UploadResult r = run(j, &arrived);
        QVERIFY(arrived);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.partsReused, recorded - 1);
        QCOMPARE(r.partsUploaded, 4 - (recorded - 1));
        const QString difference = readsBackIdentical(j.destination.key, path);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void invalidPartForWrongEtag()
    {
        // Complete naming an ETag that is not the part's: moto answers InvalidPart, which our
        // error parsing names and the retry policy treats as permanent.
        const QString key = QStringLiteral("invalid-part.raw");
        const HttpAnswer initiated = call(MultipartCalls::initiate(key));
        QCOMPARE(initiated.status, 200);
        QString problem;
        const auto uploadId = MultipartXml::uploadId(initiated.body, &problem);
        QVERIFY2(uploadId, qPrintable(problem));
        const QByteArray data(64 * 1024, 'x'); // the last (only) part may be small
        const HttpAnswer part = call(MultipartCalls::uploadPart(key, *uploadId, 1, {}), data);
        QCOMPARE(part.status, 200);
        const QString etag = QString::fromLatin1(part.header("etag"));
        QVERIFY(!etag.isEmpty());

        const QByteArray wrongBody = MultipartXml::completeBody(
            {{1, QStringLiteral("\"0123456789abcdef0123456789abcdef\"")}});
        const HttpAnswer wrong =
            call(MultipartCalls::complete(key, *uploadId, wrongBody), wrongBody);
        const Verdict verdict = RetryPolicy::judge(wrong, QDateTime::currentSecsSinceEpoch());
        QCOMPARE(int(verdict.kind), int(Verdict::Kind::Fatal));
        QCOMPARE(verdict.error.code, QStringLiteral("InvalidPart"));
        QCOMPARE(wrong.status, 400);

        // With the part's own ETag the same upload completes.
        const QByteArray rightBody = MultipartXml::completeBody({{1, etag}});
        const HttpAnswer right =
            call(MultipartCalls::complete(key, *uploadId, rightBody), rightBody);
        QCOMPARE(right.status, 200);
        bool errorBody = false;
        QVERIFY2(MultipartXml::completedEtag(right.body, &errorBody, &problem),
                 qPrintable(problem));
        QVERIFY(botoUploads(key).isEmpty());
    }

    void listAndAbortPending()
    {
        const QString path = makeFile(QStringLiteral("orphan.raw"), 17 * MiB, 4);
        const UploadJob j = job(path, QStringLiteral("disks/orphan.raw"));
        QVERIFY(interrupt(j, 1) >= 1);
        const QJsonArray boto = botoUploads(j.destination.key);
        QCOMPARE(boto.size(), 1);

        // Prefixes without '/': moto refuses any signed query value holding a reserved
        // character (boto3's Prefix="disks/" too), for the same reason as keys above.
        auto listed =
            MultipartAdmin::listPending(j.destination, j.credentials, QStringLiteral("disks"));
        QTRY_VERIFY_WITH_TIMEOUT(listed.isFinished(), waitMs);
        const auto pending = listed.result();
        QVERIFY2(pending.ok(), qPrintable(pending.error.toString()));
        QCOMPARE(pending.value.size(), 1);
        QCOMPARE(pending.value.at(0).key, QStringLiteral("disks/orphan.raw"));
        QCOMPARE(pending.value.at(0).uploadId, boto.at(0).toArray().at(1).toString());
        QVERIFY(QDateTime::fromString(pending.value.at(0).initiated, Qt::ISODateWithMs).isValid());
        auto none =
            MultipartAdmin::listPending(j.destination, j.credentials, QStringLiteral("other"));
        QTRY_VERIFY_WITH_TIMEOUT(none.isFinished(), waitMs);
        QVERIFY(none.result().ok() && none.result().value.isEmpty());

        auto aborted = MultipartAdmin::abort(j.destination, j.credentials, pending.value.at(0).key,
                                             pending.value.at(0).uploadId);
        QTRY_VERIFY_WITH_TIMEOUT(aborted.isFinished(), waitMs);
        QVERIFY2(aborted.result().ok(), qPrintable(aborted.result().error.toString()));
        QVERIFY(botoUploads(j.destination.key).isEmpty());
        auto again = MultipartAdmin::abort(j.destination, j.credentials, pending.value.at(0).key,
                                           pending.value.at(0).uploadId);
        QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), waitMs);
        QCOMPARE(again.result().error.code, QStringLiteral("NoSuchUpload"));

        // The checkpoint names an upload that is gone: the engine starts over and completes.
        bool arrived = false;
        const UploadResult r = run(j, &arrived);
        QVERIFY(arrived);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.partsReused, 0);
        QCOMPARE(r.partsUploaded, 4);
    }

    void partsBelowFiveMiBAreRefused()
    {
        // Our planner allows COS's 1 MiB parts; S3 (and moto) refuse parts below 5 MiB but the
        // last, at Complete. The failure must say so.
        const QString path = makeFile(QStringLiteral("small-parts.raw"), 3 * MiB + 1, 5);
        UploadJob j = job(path, QStringLiteral("small-parts.raw"));
        j.partSize = MiB;
        bool arrived = false;
        const UploadResult r = run(j, &arrived);
        QVERIFY(arrived);
        QVERIFY(!r.ok);
        QCOMPARE(r.cloudError.code, QStringLiteral("EntityTooSmall"));
        QVERIFY2(r.error.message.contains(QLatin1String("EntityTooSmall")),
                 qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QLatin1String("small-parts.raw")),
                 qPrintable(r.error.message));

        // The refused upload stays pending (a resume could not fix it): clean it up.
        const QJsonArray left = botoUploads(j.destination.key);
        QCOMPARE(left.size(), 1);
        auto aborted = MultipartAdmin::abort(j.destination, j.credentials,
                                             left.at(0).toArray().at(0).toString(),
                                             left.at(0).toArray().at(1).toString());
        QTRY_VERIFY_WITH_TIMEOUT(aborted.isFinished(), waitMs);
        QVERIFY2(aborted.result().ok(), qPrintable(aborted.result().error.toString()));
        QVERIFY(botoUploads(j.destination.key).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMotoPeer)
#include "tst_moto_peer.moc"

// ImportRunner and ImportHistory against the in-process emulator: the whole run (validate,
// DryRun, ImportImage, DescribeImages until NORMAL) with its stages in order and the history
// written; a missing object ending IMPORTFAILED with the causes; an account without the import
// permission; an invalid form that sends nothing; 500/503 while following, retried with the same
// ImageId; following again from the history; stop(); an ImportImage answer without ImageId (the
// image found by its exact name, or said to be missing and recorded by its RequestId). Short
// import delay and short backoff.
#include "CloudTestSupport.h"

#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"
#include "importform/CosObjectUrl.h"
#include "importform/Draft.h"
#include "importrun/ImportHistory.h"
#include "importrun/ImportRunner.h"
#include "importrun/ImportedImageSearch.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

using namespace cvmi;
using namespace cvmi::cloudtest;
using importrun::ImportHistory;
using importrun::ImportRecord;
using importrun::ImportRunner;
using Stage = ImportRunner::Stage;
using Outcome = ImportRunner::Outcome;

namespace {

QStringList strings(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << QString::fromLatin1(item);
    return out;
}

ImportRunner::Backoff fastBackoff()
{
    ImportRunner::Backoff b;
    b.initialMs = 40;
    b.maxMs = 160;
    b.factor = 2;
    b.maxTransientRetries = 8;
    return b;
}

// Everything a runner signals, in order, as text.
struct Trace {
    QStringList events;
    void attach(ImportRunner& runner)
    {
        QObject::connect(&runner, &ImportRunner::stageChanged, &runner, [this](Stage s) {
            events << QStringLiteral("stage:") + ImportRunner::stageName(s);
        });
        QObject::connect(
            &runner, &ImportRunner::stateChanged, &runner,
            [this](const QString& s, qint64) { events << QStringLiteral("state:") + s; });
        QObject::connect(&runner, &ImportRunner::retrying, &runner,
                         [this](const cloud::CloudError& e, int, int) {
                             events << QStringLiteral("retry:") + e.code;
                         });
        QObject::connect(&runner, &ImportRunner::imageCreated, &runner,
                         [this](const QString&) { events << QStringLiteral("created"); });
        QObject::connect(&runner, &ImportRunner::dryRunAllowed, &runner,
                         [this](const QString&) { events << QStringLiteral("dryrun:allowed"); });
    }
    QStringList only(const QString& prefix) const
    {
        QStringList out;
        for (const QString& e : events) {
            if (e.startsWith(prefix))
                out << e;
        }
        return out;
    }
};

} // namespace

class TestImportRunner : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<cloud::HttpClient> m_http;
    QTemporaryDir m_historyDir;
    int m_names = 0;

    std::unique_ptr<cloud::CvmClient> cvm(const QString& id = kId, const QString& key = kKey)
    {
        return std::make_unique<cloud::CvmClient>(m_http.get(), endpointsFor(*m_emulator),
                                                  credentials(id, key));
    }

    importform::ImportForm form(const QString& key)
    {
        importform::ImportForm f;
        f.osType = QStringLiteral("CentOS");
        f.osVersion = QStringLiteral("7"); // the vendor's lists name majors
        f.architecture = QStringLiteral("x86_64");
        f.imageUrl = cloud::CosClient::objectUrl(kBucket, kRegion, key);
        f.imageName = QStringLiteral("runner-test-%1").arg(++m_names);
        return f;
    }

    static bool waitDone(ImportRunner& runner)
    {
        return QTest::qWaitFor([&] { return !runner.isRunning(); }, 30000);
    }

    // Requests the emulator answered since the call, counted by a rule that fires on every
    // operation and changes nothing (a zero clock skew).
    void countRequests()
    {
        QString error;
        QVERIFY2(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "*", "fault": "skew", "seconds": 0}]})")
                                           .object(),
                                       &error),
                 qPrintable(error));
    }
    int requestsCounted() const
    {
        return m_emulator->faultCounters()
            .value(QStringLiteral("rules"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("matched"))
            .toInt();
    }

private slots:
    void initTestCase()
    {
        captureLogs();
        QVERIFY(m_historyDir.isValid());
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        m_emulator->setImportDelayMs(300);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(kBucket, kRegion, false, &error), qPrintable(error));
        m_http = std::make_unique<cloud::HttpClient>();
        cloud::CosClient cos(m_http.get(), endpointsFor(*m_emulator), credentials(kId, kKey));
        const auto put = [&](const QString& key, const QByteArray& body) {
            cloud::CosClient::Call call;
            call.method = "PUT";
            call.host = cloud::CosClient::bucketHost(kBucket, kRegion);
            call.key = key;
            call.body = body;
            return cloud::waitFor(cos.send(call));
        };
        const auto good = put(QStringLiteral("disks/good.qcow2"), qcow2Header(quint64(20) << 30));
        QVERIFY2(good.ok(), qPrintable(good.error.toString()));
        QVERIFY(put(QStringLiteral("disks/notes.txt"), "not a disk image").ok());
    }

    void cleanup() { m_emulator->clearFaults(); }

    void normalPath()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setHistory(&history);
        runner.setSourceImagePath(QStringLiteral("/images/centos7.qcow2"));
        Trace trace;
        trace.attach(runner);
        QSignalSpy finished(&runner, &ImportRunner::finished);
        const importform::ImportForm f = form(QStringLiteral("disks/good.qcow2"));
        runner.start(f, kRegion);
        QVERIFY(waitDone(runner));
        QCOMPARE(finished.size(), 1);
        QVERIFY2(runner.outcome() == Outcome::Normal, qPrintable(runner.message()));
        QCOMPARE(trace.only(QStringLiteral("stage:")),
                 (strings({"stage:validating", "stage:dry_run", "stage:importing",
                           "stage:following", "stage:finished"})));
        const qsizetype dry = trace.events.indexOf(QStringLiteral("dryrun:allowed"));
        const qsizetype created = trace.events.indexOf(QStringLiteral("created"));
        QVERIFY(dry > 0 && created > dry);
        QCOMPARE(trace.only(QStringLiteral("state:")),
                 (strings({"state:IMPORTING", "state:NORMAL"})));
        QVERIFY(runner.imageId().startsWith(QLatin1String("img-")));
        QVERIFY(runner.elapsedMs() >= 250); // the emulator's delay
        QVERIFY(runner.message().contains(runner.imageId()));
        QVERIFY(runner.remedy().isEmpty());

        Error error;
        const auto records = history.load(&error);
        QVERIFY2(records, qPrintable(error.message));
        QCOMPARE(records->size(), 1);
        const ImportRecord& r = records->first();
        QCOMPARE(r.imageId, runner.imageId());
        QCOMPARE(r.region, kRegion);
        QCOMPARE(r.imageName, f.imageName);
        QCOMPARE(r.state, QStringLiteral("NORMAL"));
        QCOMPARE(r.sourceImagePath, QStringLiteral("/images/centos7.qcow2"));
        QCOMPARE(r.imageUrl, f.imageUrl);
        QVERIFY(r.started.isValid() && r.finished.isValid() && r.finished >= r.started);
    }

    // The image record the emulator keeps: what ImportImage was really sent.
    QString sentImageUrl(const QString& imageId) const
    {
        QFile file(m_emulator->stateDir() + QStringLiteral("/images.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        for (const QJsonValue& v : QJsonDocument::fromJson(file.readAll()).array()) {
            if (v.toObject().value(QStringLiteral("imageId")).toString() == imageId)
                return v.toObject().value(QStringLiteral("imageUrl")).toString();
        }
        return {};
    }

    // A draft's plain URL of a private object: the import is sent a pre-signed one, the history
    // keeps the plain one.
    void privateObjectIsSentASignedUrl()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        auto client = cvm();
        cloud::CosClient cos(m_http.get(), endpointsFor(*m_emulator), credentials(kId, kKey));
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setHistory(&history);
        runner.setCos(&cos);
        QSignalSpy chosen(&runner, &ImportRunner::importUrlChosen);
        const importform::ImportForm f = form(QStringLiteral("disks/good.qcow2"));
        runner.start(f, kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::Normal, qPrintable(runner.message()));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).toBool(), true);
        QVERIFY2(chosen.first().at(1).toString().contains(QLatin1String("private")),
                 qPrintable(chosen.first().at(1).toString()));
        const QString sent = sentImageUrl(runner.imageId());
        QVERIFY2(sent.startsWith(f.imageUrl + u'?') && sent.contains(QLatin1String("q-signature")),
                 qPrintable(sent));
        Error error;
        const auto records = history.load(&error);
        QVERIFY2(records && records->size() == 1, qPrintable(error.message));
        QCOMPARE(records->first().imageUrl, f.imageUrl);
    }

    // This computer's clock 15 minutes ahead: the signed link must start by COS's clock (the
    // HEAD answer's Date), or CVM's import finds it not yet valid and fails.
    void clockAheadSignedLinkUsesCosTime()
    {
        m_emulator->setClockOffsetSeconds(-900);
        auto client = cvm();
        cloud::CosClient cos(m_http.get(), endpointsFor(*m_emulator), credentials(kId, kKey));
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setCos(&cos);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        const bool done = waitDone(runner);
        m_emulator->setClockOffsetSeconds(0);
        QVERIFY(done);
        QVERIFY2(runner.outcome() == Outcome::Normal, qPrintable(runner.message()));
        QVERIFY2(qAbs(cos.clockOffset() + 900) <= 5,
                 qPrintable(QString::number(cos.clockOffset())));
        QVERIFY(qAbs(client->clockOffset() + 900) <= 5); // CVM's SignatureExpire, corrected
    }

    // A public-read object keeps its plain URL; a URL signed already is not checked again.
    void publicOrSignedUrlIsSentAsIs()
    {
        const QString publicBucket = QStringLiteral("public-") + kAppId;
        QString error;
        QVERIFY2(m_emulator->createBucket(publicBucket, kRegion, true, &error), qPrintable(error));
        cloud::CosClient cos(m_http.get(), endpointsFor(*m_emulator), credentials(kId, kKey));
        cloud::CosClient::Call call;
        call.method = "PUT";
        call.host = cloud::CosClient::bucketHost(publicBucket, kRegion);
        call.key = QStringLiteral("open.qcow2");
        call.body = qcow2Header(quint64(20) << 30);
        QVERIFY(cloud::waitFor(cos.send(call)).ok());

        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setCos(&cos);
        QSignalSpy chosen(&runner, &ImportRunner::importUrlChosen);
        importform::ImportForm f = form(QStringLiteral("open.qcow2"));
        f.imageUrl = cloud::CosClient::objectUrl(publicBucket, kRegion, call.key);
        runner.start(f, kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::Normal, qPrintable(runner.message()));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).toBool(), false);
        QCOMPARE(sentImageUrl(runner.imageId()), f.imageUrl);

        Error signError;
        const auto presigned = cos.presignedGetUrl(
            kBucket, kRegion, QStringLiteral("disks/good.qcow2"), 4 * 3600, &signError);
        QVERIFY2(presigned, qPrintable(signError.message));
        ImportRunner again(client.get());
        again.setBackoff(fastBackoff());
        again.setCos(&cos);
        QSignalSpy chosenAgain(&again, &ImportRunner::importUrlChosen);
        importform::ImportForm g = form(QStringLiteral("disks/good.qcow2"));
        g.imageUrl = *presigned;
        again.start(g, kRegion);
        QVERIFY(waitDone(again));
        QVERIFY2(again.outcome() == Outcome::Normal, qPrintable(again.message()));
        QCOMPARE(chosenAgain.size(), 0);
        QCOMPARE(sentImageUrl(again.imageId()), *presigned);

        // A link with a minute left would end before the import read the object: signed again.
        const auto shortLived = cos.presignedGetUrl(
            kBucket, kRegion, QStringLiteral("disks/good.qcow2"), 60, &signError);
        QVERIFY2(shortLived, qPrintable(signError.message));
        ImportRunner third(client.get());
        third.setBackoff(fastBackoff());
        third.setCos(&cos);
        QSignalSpy chosenThird(&third, &ImportRunner::importUrlChosen);
        importform::ImportForm h = form(QStringLiteral("disks/good.qcow2"));
        h.imageUrl = *shortLived;
        third.start(h, kRegion);
        QVERIFY(waitDone(third));
        QVERIFY2(third.outcome() == Outcome::Normal, qPrintable(third.message()));
        QCOMPARE(chosenThird.size(), 1);
        QCOMPARE(chosenThird.first().at(0).toBool(), true);
        const QString sent = sentImageUrl(third.imageId());
        QVERIFY(sent != *shortLived && sent.contains(QLatin1String("q-signature")));
        Error parseError;
        const auto parsed = importform::parseCosObjectUrl(sent, &parseError);
        QVERIFY2(parsed, qPrintable(parseError.message));
        QVERIFY(parsed->signatureExpires > QDateTime::currentDateTimeUtc().addSecs(20 * 3600));
    }

    void missingObjectFails()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setHistory(&history);
        runner.start(form(QStringLiteral("disks/absent.qcow2")), kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::ImportFailed, qPrintable(runner.message()));
        QCOMPARE(runner.state(), QStringLiteral("IMPORTFAILED"));
        QVERIFY(runner.message().contains(QLatin1String("IMPORTFAILED")));
        QVERIFY(runner.message().contains(runner.imageId()));
        for (const char* cause : {"pre-signed", "region ap-guangzhou", "cvm-import doctor",
                                  "not a whole disk image", "cvm-import check", "file system"})
            QVERIFY2(runner.remedy().contains(QLatin1String(cause)), cause);
        Error error;
        const auto r = history.find(runner.imageId(), &error);
        QVERIFY2(r, qPrintable(error.message));
        QCOMPARE(r->state, QStringLiteral("IMPORTFAILED"));
        QCOMPARE(r->message, runner.message());
        QVERIFY(r->finished.isValid());
    }

    void notADiskImageFails()
    {
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.start(form(QStringLiteral("disks/notes.txt")), kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::ImportFailed, qPrintable(runner.message()));
    }

    void dryRunRefusedWithoutPermission()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        auto client = cvm(kNoImportId, kNoImportKey);
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setHistory(&history);
        Trace trace;
        trace.attach(runner);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::Refused, qPrintable(runner.message()));
        QVERIFY2(runner.error().code.startsWith(QLatin1String("UnauthorizedOperation")),
                 qPrintable(runner.error().code));
        QVERIFY(runner.message().contains(QLatin1String("dry run was refused")));
        QVERIFY(runner.message().contains(runner.error().requestId));
        QVERIFY2(runner.remedy().contains(QLatin1String("cvm:ImportImage")),
                 qPrintable(runner.remedy()));
        QVERIFY(runner.imageId().isEmpty());
        QVERIFY(!trace.events.contains(QStringLiteral("stage:importing")));
        Error error;
        QCOMPARE(history.load(&error)->size(), 0);
    }

    void dryRunOnlyCreatesNothing()
    {
        countRequests();
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setDryRunOnly(true);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::DryRunAllowed, qPrintable(runner.message()));
        QVERIFY(runner.imageId().isEmpty());
        QCOMPARE(requestsCounted(), 1);
    }

    void invalidFormSendsNothing()
    {
        countRequests();
        auto client = cvm();
        ImportRunner runner(client.get());
        QSignalSpy validated(&runner, &ImportRunner::validated);
        importform::ImportForm f = form(QStringLiteral("disks/good.qcow2"));
        f.imageName = QString(61, u'x');
        f.architecture = QStringLiteral("sparc");
        runner.start(f, kRegion);
        QVERIFY(!runner.isRunning()); // decided at once, without the network
        QVERIFY(runner.outcome() == Outcome::Invalid);
        QCOMPARE(validated.size(), 1);
        QStringList fields;
        for (const importform::FieldProblem& p : runner.problems())
            fields << p.field;
        QVERIFY(fields.contains(QStringLiteral("ImageName")));
        QVERIFY(fields.contains(QStringLiteral("Architecture")));
        QVERIFY(runner.message().contains(QLatin1String("2 error(s)")));
        QTest::qWait(100);
        QCOMPARE(requestsCounted(), 0);
    }

    void transientErrorsWhileFollowingAreRetried()
    {
        QString error;
        QVERIFY2(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "DescribeImages", "fault": "internal-error", "times": 2},
            {"operation": "DescribeImages", "fault": "slow-down", "times": 2},
            {"operation": "DescribeImages", "fault": "reset", "times": 1}]})")
                                           .object(),
                                       &error),
                 qPrintable(error));
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        Trace trace;
        trace.attach(runner);
        QSignalSpy created(&runner, &ImportRunner::imageCreated);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::Normal, qPrintable(runner.message()));
        QCOMPARE(created.size(), 1); // one import, followed through the errors
        // 500 InternalError twice, then 503 SlowDown (CVM's RequestLimitExceeded) twice; the
        // reset is retried by Qt's own HTTP layer on a kept-alive connection, or by us.
        const QStringList retries = trace.only(QStringLiteral("retry:"));
        QCOMPARE(retries.count(QStringLiteral("retry:InternalError")), 2);
        QCOMPARE(retries.count(QStringLiteral("retry:RequestLimitExceeded")), 2);
        QVERIFY2(retries.size() == 4 || (retries.size() == 5 &&
                                         retries.last() == QLatin1String("retry:Network.Failure")),
                 qPrintable(retries.join(u' ')));
        QCOMPARE(m_emulator->faultCounters().value(QStringLiteral("slow-down")).toInt(), 2);
        QCOMPARE(m_emulator->faultCounters().value(QStringLiteral("reset")).toInt(), 1);
    }

    void persistentErrorsEndFollowingButKeepTheImageId()
    {
        QString error;
        QVERIFY2(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "DescribeImages", "fault": "internal-error"}]})")
                                           .object(),
                                       &error),
                 qPrintable(error));
        auto client = cvm();
        ImportRunner runner(client.get());
        ImportRunner::Backoff backoff = fastBackoff();
        backoff.maxTransientRetries = 3;
        runner.setBackoff(backoff);
        QSignalSpy retrying(&runner, &ImportRunner::retrying);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        QVERIFY(waitDone(runner));
        QVERIFY2(runner.outcome() == Outcome::Error, qPrintable(runner.message()));
        QCOMPARE(retrying.size(), 3);
        QVERIFY(!runner.imageId().isEmpty());
        QVERIFY(runner.message().contains(QStringLiteral("cvm-import imports --follow ") +
                                          runner.imageId()));
    }

    void resumeFromHistory()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        QString imageId;
        {
            auto client = cvm();
            ImportRunner first(client.get());
            first.setHistory(&history);
            first.setWait(false);
            first.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
            QVERIFY(waitDone(first));
            QVERIFY2(first.outcome() == Outcome::Started, qPrintable(first.message()));
            imageId = first.imageId();
        }
        Error error;
        const auto saved = history.find(imageId, &error);
        QVERIFY2(saved, qPrintable(error.message));
        QCOMPARE(saved->state, QStringLiteral("IMPORTING"));
        QVERIFY(!saved->finished.isValid());

        auto client = cvm();
        client->setRegion(QStringLiteral("ap-shanghai")); // follow() takes the record's region
        ImportRunner again(client.get());
        again.setHistory(&history);
        again.setBackoff(fastBackoff());
        Trace trace;
        trace.attach(again);
        again.follow(*saved);
        QVERIFY(waitDone(again));
        QVERIFY2(again.outcome() == Outcome::Normal, qPrintable(again.message()));
        QCOMPARE(again.imageId(), imageId);
        QCOMPARE(trace.only(QStringLiteral("stage:")),
                 (strings({"stage:following", "stage:finished"})));
        QCOMPARE(trace.only(QStringLiteral("state:")), strings({"state:NORMAL"}));
        QVERIFY(again.elapsedMs() >= saved->started.msecsTo(again.record().finished) - 1);
        const auto done = history.find(imageId, &error);
        QCOMPARE(done->state, QStringLiteral("NORMAL"));
        QCOMPARE(done->started, saved->started);
        QVERIFY(done->finished.isValid());
        QCOMPARE(history.load(&error)->size(), 1);
    }

    // The name of the image the emulator keeps under this ImageId.
    QString storedImageName(const QString& imageId) const
    {
        QFile file(m_emulator->stateDir() + QStringLiteral("/images.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        for (const QJsonValue& v : QJsonDocument::fromJson(file.readAll()).array()) {
            if (v.toObject().value(QStringLiteral("imageId")).toString() == imageId)
                return v.toObject().value(QStringLiteral("name")).toString();
        }
        return {};
    }

    // ImportImage answered with only a RequestId (older API descriptions): the image is found
    // by its exact name among the fuzzy image-name matches, and followed to NORMAL.
    void imageIdMissingFoundByName()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        auto client = cvm();
        // A similar name the fuzzy filter also matches, created just before (within the slack).
        importform::ImportForm similar = form(QStringLiteral("disks/good.qcow2"));
        const QString name = similar.imageName;
        similar.imageName = name + QStringLiteral("-older");
        {
            ImportRunner first(client.get());
            first.setBackoff(fastBackoff());
            first.setWait(false);
            first.start(similar, kRegion);
            QVERIFY(waitDone(first));
            QVERIFY2(first.outcome() == Outcome::Started, qPrintable(first.message()));
        }
        m_emulator->setOmitImportImageId(true);
        m_emulator->setImageListingDelayMs(100); // not listed at the first search
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setHistory(&history);
        QSignalSpy found(&runner, &ImportRunner::imageFoundByName);
        QSignalSpy created(&runner, &ImportRunner::imageCreated);
        importform::ImportForm f = form(QStringLiteral("disks/good.qcow2"));
        f.imageName = name;
        runner.start(f, kRegion);
        const bool done = waitDone(runner);
        m_emulator->setOmitImportImageId(false);
        m_emulator->setImageListingDelayMs(0);
        QVERIFY(done);
        QVERIFY2(runner.outcome() == Outcome::Normal, qPrintable(runner.message()));
        QVERIFY(runner.imageId().startsWith(QLatin1String("img-")));
        QCOMPARE(storedImageName(runner.imageId()), name);
        QCOMPARE(found.size(), 1);
        QCOMPARE(created.size(), 1);
        QCOMPARE(found.at(0).at(0).toString(), runner.imageId());
        const QString note = found.at(0).at(1).toString();
        QVERIFY2(note.contains(QLatin1String("did not return the new image's ID")) &&
                     note.contains(runner.imageId()),
                 qPrintable(note));
        Error error;
        const auto records = history.load(&error);
        QVERIFY2(records, qPrintable(error.message));
        QCOMPARE(records->size(), 1);
        QCOMPARE(records->first().imageId, runner.imageId());
        QCOMPARE(records->first().state, QStringLiteral("NORMAL"));
        QVERIFY(!records->first().requestId.isEmpty());
    }

    // Still not listed after the searches: said specifically, and on record by name and
    // RequestId so that the import is not lost.
    void imageIdMissingNotFound()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        auto client = cvm();
        m_emulator->setOmitImportImageId(true);
        m_emulator->setImageListingDelayMs(600000);
        QString error;
        QVERIFY2(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "DescribeImages", "fault": "skew", "seconds": 0}]})")
                                           .object(),
                                       &error),
                 qPrintable(error));
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        runner.setHistory(&history);
        QSignalSpy found(&runner, &ImportRunner::imageFoundByName);
        const importform::ImportForm f = form(QStringLiteral("disks/good.qcow2"));
        runner.start(f, kRegion);
        const bool done = waitDone(runner);
        m_emulator->setOmitImportImageId(false);
        m_emulator->setImageListingDelayMs(0);
        QVERIFY(done);
        QVERIFY2(runner.outcome() == Outcome::Error, qPrintable(runner.message()));
        QCOMPARE(requestsCounted(), importrun::ImportedImageSearch::attempts);
        QCOMPARE(found.size(), 0);
        QVERIFY(runner.imageId().isEmpty());
        const QString requestId = runner.record().requestId;
        QVERIFY(!requestId.isEmpty());
        QVERIFY2(runner.message().contains(QLatin1String("did not return the new image's ID")) &&
                     runner.message().contains(f.imageName) && runner.message().contains(requestId),
                 qPrintable(runner.message()));
        QVERIFY2(runner.remedy().contains(QLatin1String("CVM console")) &&
                     runner.remedy().contains(QLatin1String("cvm-import imports")) &&
                     runner.remedy().contains(f.imageName),
                 qPrintable(runner.remedy()));
        Error problem;
        const auto records = history.load(&problem);
        QVERIFY2(records, qPrintable(problem.message));
        QCOMPARE(records->size(), 1);
        const ImportRecord& r = records->first();
        QVERIFY(r.imageId.isEmpty());
        QCOMPARE(r.requestId, requestId);
        QCOMPARE(r.imageName, f.imageName);
        QCOMPARE(r.region, kRegion);
        QVERIFY(!r.canFollow());
        QVERIFY(r.message.contains(requestId));
    }

    // Which listed image is ours: the exact name (image-name is fuzzy), created at or after the
    // call, the newest.
    void imageSearchPicksExactNameSinceTheCall()
    {
        using importrun::ImportedImageSearch;
        const qint64 call = 1796000000;
        const auto image = [&](const char* id, const char* name, qint64 at) {
            cloud::CvmImage i;
            i.imageId = QString::fromLatin1(id);
            i.imageName = QString::fromLatin1(name);
            i.createdTime = QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc())
                                .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            return i;
        };
        const QList<cloud::CvmImage> listed = {
            image("img-older000", "web", call - 3600), // the same name, before the call
            image("img-ours0000", "web", call + 4),
            image("img-similar0", "web-2", call + 20), // newer, similar name
            image("img-case0000", "Web", call + 30),   // another name to us
            image("img-earlier0", "web", call + 1)};   // ours is the newest exact one
        QCOMPARE(ImportedImageSearch::pick(listed, QStringLiteral("web"), call)->imageId,
                 QStringLiteral("img-ours0000"));
        QVERIFY(
            !ImportedImageSearch::pick({listed.at(0), listed.at(2)}, QStringLiteral("web"), call));
        cloud::CvmImage unreadable = image("img-nodate00", "web", call + 9);
        unreadable.createdTime = QStringLiteral("yesterday");
        QVERIFY(!ImportedImageSearch::pick({unreadable}, QStringLiteral("web"), call));
        const auto filters = ImportedImageSearch::filters(QStringLiteral("web"));
        QCOMPARE(filters.size(), 2);
        QCOMPARE(filters.at(0).name, QStringLiteral("image-name"));
        QCOMPARE(filters.at(1).values, QStringList{QStringLiteral("PRIVATE_IMAGE")});
    }

    void followUnknownImage()
    {
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        ImportRecord r;
        r.imageId = QStringLiteral("img-00000000");
        r.region = kRegion;
        runner.follow(r);
        QVERIFY(waitDone(runner));
        QVERIFY(runner.outcome() == Outcome::Error);
        QVERIFY(runner.message().contains(QLatin1String("does not know the image img-00000000")));
        QVERIFY(runner.remedy().contains(QLatin1String("region")));
    }

    void stopWhileFollowing()
    {
        m_emulator->setImportDelayMs(60000);
        auto client = cvm();
        ImportRunner runner(client.get());
        runner.setBackoff(fastBackoff());
        QSignalSpy polled(&runner, &ImportRunner::polled);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        QVERIFY(QTest::qWaitFor([&] { return polled.size() >= 2; }, 10000));
        runner.stop();
        m_emulator->setImportDelayMs(300);
        QVERIFY(!runner.isRunning());
        QVERIFY(runner.outcome() == Outcome::Stopped);
        QCOMPARE(runner.state(), QStringLiteral("IMPORTING"));
        QVERIFY(runner.remedy().contains(runner.imageId()));
        const int seen = int(polled.size());
        QTest::qWait(300);
        QCOMPARE(int(polled.size()), seen); // nothing more after stop()
    }

    // The countdown the Import page shows: within the interval while waiting, 0 while a check is
    // under way, -1 before and after following.
    void msToNextCheckCountsDown()
    {
        m_emulator->setImportDelayMs(60000);
        auto client = cvm();
        ImportRunner runner(client.get());
        ImportRunner::Backoff slow = fastBackoff();
        slow.initialMs = 3000;
        slow.maxMs = 3000;
        runner.setBackoff(slow);
        QCOMPARE(runner.msToNextCheck(), -1);
        runner.start(form(QStringLiteral("disks/good.qcow2")), kRegion);
        QVERIFY(QTest::qWaitFor([&] { return runner.stage() == Stage::Following; }, 10000));
        const int first = runner.msToNextCheck();
        QVERIFY2(first > 0 && first <= 3000, qPrintable(QString::number(first)));
        QTest::qWait(600);
        const int later = runner.msToNextCheck();
        QVERIFY2(later < first && later >= 0,
                 qPrintable(QStringLiteral("%1 %2").arg(first).arg(later)));
        runner.stop();
        m_emulator->setImportDelayMs(300);
        QCOMPARE(runner.msToNextCheck(), -1);
    }

    void transientClassification()
    {
        using cloud::CloudErrors;
        QVERIFY(ImportRunner::isTransient(
            CloudErrors::networkError(QStringLiteral("Network.Timeout"), QString())));
        QVERIFY(ImportRunner::isTransient(
            CloudErrors::cvmError(QStringLiteral("RequestLimitExceeded"), {}, {})));
        QVERIFY(ImportRunner::isTransient(
            CloudErrors::cvmError(QStringLiteral("InternalError"), {}, {})));
        cloud::CloudError bad =
            CloudErrors::networkError(QStringLiteral("Network.BadResponse"), QString());
        bad.httpStatus = 503;
        QVERIFY(ImportRunner::isTransient(bad));
        bad.httpStatus = 403;
        QVERIFY(!ImportRunner::isTransient(bad));
        QVERIFY(!ImportRunner::isTransient(
            CloudErrors::cvmError(QStringLiteral("AuthFailure.SignatureFailure"), {}, {})));
        QVERIFY(!ImportRunner::isTransient(
            CloudErrors::cvmError(QStringLiteral("InvalidImageName.Duplicate"), {}, {})));
    }

    void historyIsBoundedAndHoldsNoSignature()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-1);
        Error error;
        for (int i = 0; i < ImportHistory::maxRecords + 5; ++i) {
            ImportRecord r;
            r.imageId = QStringLiteral("img-%1").arg(i, 8, 10, QLatin1Char('0'));
            r.region = kRegion;
            r.state = QStringLiteral("IMPORTING");
            r.started = t0.addSecs(i);
            r.imageUrl = cloud::CosClient::objectUrl(kBucket, kRegion, QStringLiteral("a.qcow2")) +
                         QStringLiteral("?q-sign-algorithm=sha1&q-ak=") + kId +
                         QStringLiteral("&q-signature=0123abcd&x-cos-security-token=") + kToken;
            QVERIFY2(history.upsert(r, &error), qPrintable(error.message));
        }
        const auto records = history.load(&error);
        QCOMPARE(records->size(), ImportHistory::maxRecords);
        QCOMPARE(records->first().imageId, QStringLiteral("img-00000204")); // newest first
        QCOMPARE(records->last().imageId, QStringLiteral("img-00000005"));
        QFile file(history.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString& s : {kToken, kId, QStringLiteral("q-signature")})
            QVERIFY2(!bytes.contains(s.toUtf8()), qPrintable(s));
        QVERIFY(!QFile::exists(history.filePath() + QStringLiteral(".lock")));
    }

    void unreadableHistoryIsNamed()
    {
        QTemporaryDir dir;
        const ImportHistory history(dir.path());
        QFile file(history.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"cvm-import-history\", \"version\": 99, \"imports\": []}");
        file.close();
        Error error;
        QVERIFY(!history.load(&error));
        QCOMPARE(error.code, QStringLiteral("history.unreadable"));
        QVERIFY(error.message.contains(history.filePath()));
        QVERIFY(error.message.contains(QLatin1String("newer version")));
        ImportRecord r;
        r.imageId = QStringLiteral("img-12345678");
        QVERIFY(!history.upsert(r, &error)); // never overwrites what it cannot read
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"version\": 99"));
    }

    void cleanupTestCase() { QCOMPARE(leakedLines(allSecrets()), QStringList()); }
};

QTEST_GUILESS_MAIN(TestImportRunner)
#include "tst_importrunner.moc"

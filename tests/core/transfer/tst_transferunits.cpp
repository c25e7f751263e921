// The upload engine's parts that need no network: part planning within COS's limits, the
// multipart XML (well-formed, malformed, oversized), the CRC-64 comparison that names a damaged
// part, retry classification and backoff, progress smoothing and its rate limit, the bounded
// buffer pool, query encoding, checkpoints and file identity.
#include "cloud/ClockSkew.h"
#include "transfer/BufferPool.h"
#include "transfer/Checkpoint.h"
#include "transfer/FileIdentity.h"
#include "transfer/Integrity.h"
#include "transfer/MultipartCalls.h"
#include "transfer/MultipartXml.h"
#include "transfer/PartPlanner.h"
#include "transfer/PartVerifier.h"
#include "transfer/ProgressMeter.h"
#include "transfer/RetryPolicy.h"
#include "transfer/StoreDialect.h"
#include "util/Crc64.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <curl/curl.h>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
} // namespace

class TestTransferUnits : public QObject {
    Q_OBJECT
private slots:
    void plan_data()
    {
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<qint64>("threshold");
        QTest::addColumn<bool>("single");
        QTest::addColumn<qint64>("partSize");
        QTest::addColumn<int>("parts");
        QTest::newRow("empty") << 0LL << 0LL << -1LL << true << 1LL << 1;
        QTest::newRow("small") << 100LL << 0LL << -1LL << true << 100LL << 1;
        QTest::newRow("exactly one part") << 8 * MiB << 0LL << -1LL << true << 8 * MiB << 1;
        QTest::newRow("one byte over") << 8 * MiB + 1 << 0LL << -1LL << false << 8 * MiB << 2;
        QTest::newRow("2 GiB auto") << 2 * GiB << 0LL << -1LL << false << 8 * MiB << 256;
        QTest::newRow("50 GiB auto") << 50 * GiB << 0LL << -1LL << false << 8 * MiB << 6400;
        // 100 GiB / 10,000 = 10.24 MiB: rounded up to 11 MiB.
        QTest::newRow("100 GiB auto") << 100 * GiB << 0LL << -1LL << false << 11 * MiB << 9310;
        QTest::newRow("max object") << 10000 * 5 * GiB << 0LL << -1LL << false << 5 * GiB << 10000;
        QTest::newRow("requested 1 MiB") << 5 * MiB << MiB << -1LL << false << MiB << 5;
        QTest::newRow("threshold 0 forces multipart")
            << 3 * MiB << 2 * MiB << 0LL << false << 2 * MiB << 2;
        QTest::newRow("threshold above part")
            << 20 * MiB << 8 * MiB << 32 * MiB << true << 20 * MiB << 1;
    }
    void plan()
    {
        QFETCH(qint64, fileSize);
        QFETCH(qint64, requested);
        QFETCH(qint64, threshold);
        QFETCH(bool, single);
        QFETCH(qint64, partSize);
        QFETCH(int, parts);
        Error error;
        const auto p = PartPlanner::plan(fileSize, requested, threshold, &error);
        QVERIFY2(p, qPrintable(error.message));
        QCOMPARE(p->singlePut, single);
        QCOMPARE(p->partSize, partSize);
        QCOMPARE(p->partCount, parts);
        QVERIFY(p->partCount <= PartPlanner::maxParts);
        if (!single) {
            const int last = p->partCount;
            QCOMPARE(p->offsetOf(last) + p->lengthOf(last), fileSize);
            QVERIFY(p->lengthOf(last) > 0 && p->lengthOf(last) <= p->partSize);
        }
    }
    void planRefusals_data()
    {
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<qint64>("requested");
        QTest::addColumn<QString>("code");
        QTest::newRow("part below 1 MiB") << 10 * MiB << MiB - 1 << "upload.part_size";
        QTest::newRow("part above 5 GiB") << 10 * GiB << 5 * GiB + 1 << "upload.part_size";
        QTest::newRow("too many parts") << 20000 * MiB << MiB << "upload.part_size";
        QTest::newRow("too large") << 10000 * 5 * GiB + 1 << 0LL << "upload.too_large";
    }
    void planRefusals()
    {
        QFETCH(qint64, fileSize);
        QFETCH(qint64, requested);
        QFETCH(QString, code);
        Error error;
        QVERIFY(!PartPlanner::plan(fileSize, requested, 0, &error));
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
    }
    void planMinimumOverride()
    {
        Error error;
        const auto p = PartPlanner::plan(1000, 100, 0, &error, 64);
        QVERIFY(p);
        QCOMPARE(p->partCount, 10);
    }

    void xmlUploadId()
    {
        QString problem;
        QCOMPARE(MultipartXml::uploadId("<InitiateMultipartUploadResult><Bucket>b</Bucket>"
                                        "<UploadId> 1700-abc </UploadId>"
                                        "</InitiateMultipartUploadResult>",
                                        &problem),
                 QStringLiteral("1700-abc"));
        QVERIFY(!MultipartXml::uploadId("<Error><Code>x</Code></Error>", &problem));
        QVERIFY(problem.contains(QLatin1String("Error")));
        QVERIFY(!MultipartXml::uploadId("<InitiateMultipartUploadResult><UploadId>", &problem));
        QVERIFY(!MultipartXml::uploadId("", &problem));
    }
    void xmlParts()
    {
        QString problem;
        const auto page = MultipartXml::partsPage(
            "<ListPartsResult><NextPartNumberMarker>2</NextPartNumberMarker>"
            "<IsTruncated>true</IsTruncated>"
            "<Part><PartNumber>1</PartNumber><ETag>\"aa\"</ETag><Size>1048576</Size></Part>"
            "<Part><PartNumber>2</PartNumber><ETag>\"bb\"</ETag><Size>5</Size></Part>"
            "</ListPartsResult>",
            &problem);
        QVERIFY2(page, qPrintable(problem));
        QCOMPARE(page->parts.size(), 2);
        QCOMPARE(page->parts.at(0).size, 1048576);
        QCOMPARE(page->parts.at(1).etag, QStringLiteral("\"bb\""));
        QVERIFY(page->truncated);
        QCOMPARE(page->nextMarker, 2);
        QVERIFY(!MultipartXml::partsPage("<ListPartsResult><Part><PartNumber>0</PartNumber>"
                                         "</Part></ListPartsResult>",
                                         &problem));
        // More entries than any store sends in one page: refused, not accumulated.
        QByteArray big = "<ListPartsResult>";
        for (int i = 1; i <= 1001; ++i)
            big += "<Part><PartNumber>" + QByteArray::number(i) + "</PartNumber></Part>";
        big += "</ListPartsResult>";
        QVERIFY(!MultipartXml::partsPage(big, &problem));
        QVERIFY(problem.contains(QLatin1String("1000")));
    }
    void xmlUploads()
    {
        QString problem;
        const auto page =
            MultipartXml::uploadsPage("<ListMultipartUploadsResult><IsTruncated>false</IsTruncated>"
                                      "<Upload><Key>a b.qcow2</Key><UploadId>u1</UploadId>"
                                      "<Initiated>2026-01-01T00:00:00.000Z</Initiated></Upload>"
                                      "</ListMultipartUploadsResult>",
                                      &problem);
        QVERIFY(page);
        QCOMPARE(page->uploads.size(), 1);
        QCOMPARE(page->uploads.at(0).key, QStringLiteral("a b.qcow2"));
        QCOMPARE(page->uploads.at(0).uploadId, QStringLiteral("u1"));
        QVERIFY(!page->truncated);
        // Which uploads a start at a given moment may have created: its key, initiated no
        // earlier than two minutes before (the server's clock may be behind ours).
        const PendingUpload& u = page->uploads.at(0);
        const qint64 at =
            QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        QVERIFY(u.mayBeStartedBy(QStringLiteral("a b.qcow2"), at));
        QVERIFY(u.mayBeStartedBy(QStringLiteral("a b.qcow2"), at + 120));
        QVERIFY(!u.mayBeStartedBy(QStringLiteral("a b.qcow2"), at + 121));
        QVERIFY(u.mayBeStartedBy(QStringLiteral("a b.qcow2"), at - 86400));
        QVERIFY(!u.mayBeStartedBy(QStringLiteral("a b.qcow2x"), at));
        PendingUpload undated = u;
        undated.initiated = QStringLiteral("yesterday");
        QVERIFY(!undated.mayBeStartedBy(QStringLiteral("a b.qcow2"), at));
    }
    void xmlComplete()
    {
        bool errorBody = false;
        QString problem;
        QCOMPARE(MultipartXml::completedEtag("<CompleteMultipartUploadResult><ETag>\"x-2\"</ETag>"
                                             "</CompleteMultipartUploadResult>",
                                             &errorBody, &problem),
                 QStringLiteral("\"x-2\""));
        QVERIFY(!MultipartXml::completedEtag("<Error><Code>InternalError</Code></Error>",
                                             &errorBody, &problem));
        QVERIFY(errorBody);
        const QByteArray body = MultipartXml::completeBody(
            {{1, QStringLiteral("\"a\"")}, {2, QStringLiteral("\"b\"")}});
        QVERIFY(body.contains("<Part><PartNumber>1</PartNumber><ETag>&quot;a&quot;</ETag></Part>"));
    }

    void crcMismatchNamesThePart()
    {
        const QByteArray data = QByteArrayLiteral("123456789");
        const quint64 crc = util::Crc64::compute(data);
        QVERIFY(!Integrity::check(3, crc, util::Crc64::toDecimal(crc).toLatin1()));
        QVERIFY(!Integrity::check(3, crc, QByteArray())); // S3 stores send none
        const auto mismatch = Integrity::check(3, crc, "12345");
        QVERIFY(mismatch);
        QCOMPARE(mismatch->code, QStringLiteral("upload.crc_mismatch"));
        QVERIFY2(mismatch->message.contains(QLatin1String("Part 3")),
                 qPrintable(mismatch->message));
        const auto whole = Integrity::check(0, crc, "12345");
        QVERIFY(whole && whole->message.contains(QLatin1String("object")));
        const auto garbage = Integrity::check(2, crc, "not-a-number");
        QVERIFY(garbage && garbage->code == QLatin1String("upload.bad_response"));
        // COS always sends it: there no header is an answer gone wrong, not an S3 store.
        const auto missing = Integrity::check(4, crc, QByteArray(), true);
        QVERIFY(missing && missing->code == QLatin1String("upload.bad_response"));
        QVERIFY2(missing->message.contains(QLatin1String("part 4")), qPrintable(missing->message));
    }
    void crcCombineEqualsWhole()
    {
        QByteArray data(3 * 1000 + 7, Qt::Uninitialized);
        QRandomGenerator gen(7);
        for (char& c : data)
            c = char(gen.bounded(256));
        QList<QPair<quint64, qint64>> parts;
        for (qsizetype at = 0; at < data.size(); at += 1000) {
            const QByteArray part = data.mid(at, 1000);
            parts.append({util::Crc64::compute(part), part.size()});
        }
        QCOMPARE(Integrity::combine(parts), util::Crc64::compute(data));
    }

    void retryVerdicts()
    {
        HttpAnswer a;
        a.status = 200;
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Success);
        a.status = 503;
        a.body = "<Error><Code>SlowDown</Code></Error>";
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Retry);
        a.status = 500;
        a.body.clear();
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Retry);
        a.status = 403;
        a.body = "<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>";
        const Verdict denied = RetryPolicy::judge(a, 0);
        QCOMPARE(denied.kind, Verdict::Kind::Fatal);
        QCOMPARE(denied.error.code, QStringLiteral("AccessDenied"));
        QVERIFY(!denied.error.userMessage.isEmpty());
        a.status = 404;
        a.body = "<Error><Code>NoSuchBucket</Code></Error>";
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Fatal);
        a.status = 403;
        a.body = "<Error><Code>RequestTimeTooSkewed</Code></Error>";
        a.headers = {{"date", "Wed, 25 Nov 2026 10:00:00 GMT"}};
        const auto server = cloud::ClockSkew::parseHttpDate(a.headers.at(0).second);
        QVERIFY(server);
        const Verdict skew = RetryPolicy::judge(a, *server + 3600);
        QCOMPARE(skew.kind, Verdict::Kind::Retry);
        QVERIFY(skew.clockOffset);
        QCOMPARE(*skew.clockOffset, -3600);
        HttpAnswer reset;
        reset.curlCode = CURLE_RECV_ERROR;
        QCOMPARE(RetryPolicy::judge(reset, 0).kind, Verdict::Kind::Retry);
        reset.curlCode = CURLE_OPERATION_TIMEDOUT;
        const Verdict timeout = RetryPolicy::judge(reset, 0);
        QCOMPARE(timeout.kind, Verdict::Kind::Retry);
        QCOMPARE(timeout.error.code, QStringLiteral("Network.Timeout"));
        reset.curlCode = CURLE_PEER_FAILED_VERIFICATION;
        QCOMPARE(RetryPolicy::judge(reset, 0).kind, Verdict::Kind::Fatal);
    }
    void backoff()
    {
        RetrySettings s;
        s.baseDelayMs = 100;
        s.maxDelayMs = 1000;
        QCOMPARE(RetryPolicy::delayMs(s, 1, 0.999999), 99);
        QCOMPARE(RetryPolicy::delayMs(s, 3, 0.5), 200);
        QCOMPARE(RetryPolicy::delayMs(s, 30, 0.5), 500); // capped, no overflow
        QCOMPARE(RetryPolicy::delayMs(s, 2, 0.0), 0);
    }

    void progressMeter()
    {
        ProgressMeter m;
        m.start(0, 0);
        QVERIFY(m.due(0));
        QVERIFY(!m.due(50));
        QVERIFY(m.due(100));
        QCOMPARE(m.etaSeconds(100), -1);
        m.sample(1000, 1000);
        QCOMPARE(m.bytesPerSecond(), 1000.0);
        m.sample(2000, 4000); // 3000 B/s this second: smoothed, not jumped
        QVERIFY(m.bytesPerSecond() > 1000 && m.bytesPerSecond() < 3000);
        QVERIFY(m.etaSeconds(10000) > 0);
        QCOMPARE(m.etaSeconds(0), 0);
    }

    void bufferPoolIsBounded()
    {
        BufferPool pool(2);
        PartBuffer* a = pool.acquire();
        PartBuffer* b = pool.acquire();
        QVERIFY(a && b && a != b);
        std::atomic_bool got = false;
        PartBuffer* c = nullptr;
        std::thread t([&] {
            c = pool.acquire(); // blocks until a buffer comes back
            got = true;
        });
        QTest::qWait(100);
        QVERIFY(!got);
        pool.release(a);
        t.join();
        QCOMPARE(c, a); // reused, not a third allocation
        QCOMPARE(pool.highWater(), 2);
        std::thread stopper([&] { QCOMPARE(pool.acquire(), nullptr); });
        QTest::qWait(50);
        pool.stop();
        stopper.join();
        pool.release(b);
        pool.release(c);
    }

    void queryEncoding()
    {
        QCOMPARE(StoreDialect::encodeQuery({{QStringLiteral("uploads"), QString()}}),
                 QStringLiteral("uploads"));
        QCOMPARE(
            StoreDialect::encodeQuery({{QStringLiteral("partNumber"), QStringLiteral("3")},
                                       {QStringLiteral("uploadId"), QStringLiteral("a+b/c=")}}),
            QStringLiteral("partNumber=3&uploadId=a%2Bb%2Fc%3D"));
    }

    // The COS SDK (cos-nodejs-sdk-v5) signs Content-Length on every request that sends it, and
    // buckets in strict signature mode refuse a body whose length is not signed: found by
    // peer.sdk.signatures, where the SDK's signer judged our uploads.
    void cosSignsContentLength()
    {
        UploadDestination destination;
        destination.bucket = QStringLiteral("images-1250000000");
        destination.key = QStringLiteral("disk one.raw");
        destination.region = QStringLiteral("ap-guangzhou");
        cloud::Credentials credentials;
        credentials.secretId = QStringLiteral("AKIDEXAMPLE");
        credentials.secretKey = QStringLiteral("secret");
        const auto dialect = StoreDialect::create(destination, credentials);

        auto headerOf = [](const PreparedRequest& p, const QByteArray& name) {
            for (const QByteArray& line : p.headerLines) {
                if (line.startsWith(QByteArray(name + ": ")))
                    return line.mid(name.size() + 2);
            }
            return QByteArray();
        };
        struct Case {
            StoreRequest request;
            qint64 length;
            QByteArray signedList;
        };
        const QList<Case> cases = {
            {MultipartCalls::uploadPart(destination.key, QStringLiteral("id"), 3, {}), 5 * MiB,
             "content-length;host"},
            {MultipartCalls::putObject(destination.key, {}), 12345,
             "content-length;content-type;host"},
            {MultipartCalls::initiate(destination.key), 0, "content-length;content-type;host"},
            {MultipartCalls::complete(destination.key, QStringLiteral("id"), "<x/>"), 4,
             "content-length;content-type;host"}};
        for (Case c : cases) {
            c.request.contentLength = c.length;
            const PreparedRequest p = dialect->prepare(c.request, 1'700'000'000);
            QCOMPARE(headerOf(p, "Content-Length"), QByteArray::number(c.length));
            QVERIFY2(headerOf(p, "Authorization")
                         .contains(QByteArray("&q-header-list=" + c.signedList + "&")),
                     headerOf(p, "Authorization").constData());
        }
        // Without a body nothing is added: a GET names no length.
        const PreparedRequest get = dialect->prepare(
            MultipartCalls::listParts(destination.key, QStringLiteral("id"), 0), 1'700'000'000);
        QVERIFY(headerOf(get, "Content-Length").isEmpty());
    }

    void checkpointRoundTrip()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path() + QStringLiteral("/ckpt"));
        Checkpoint c;
        c.file = {QStringLiteral("/data/disk.qcow2"), 5 * GiB, 1700000000123, QStringLiteral("ab")};
        c.destination = QStringLiteral("cos||b-1|ap-guangzhou|disk.qcow2");
        c.uploadId = QStringLiteral("upload-1");
        c.partSize = 8 * MiB;
        c.parts.insert(1, {QStringLiteral("\"e1\""), 18446744073709551615ULL, 8 * MiB});
        c.parts.insert(640, {QStringLiteral("\"e640\""), 42, 3});
        Error error;
        QVERIFY2(store.save(c, &error), qPrintable(error.message));
        const auto loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->file, c.file);
        QCOMPARE(loaded->uploadId, c.uploadId);
        QCOMPARE(loaded->partSize, c.partSize);
        QCOMPARE(loaded->parts.size(), 2);
        QCOMPARE(loaded->parts.value(1).crc64, 18446744073709551615ULL);
        QCOMPARE(loaded->parts.value(640).etag, QStringLiteral("\"e640\""));
        // Another destination has its own record.
        QVERIFY(!store.load(c.file.path, c.destination + u'x', &error));
        // A damaged record is reported, never trusted.
        QFile f(store.pathFor(c.file.path, c.destination));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":1,\"parts\":[");
        f.close();
        error = {};
        QVERIFY(!store.load(c.file.path, c.destination, &error));
        QCOMPARE(error.code, QStringLiteral("upload.checkpoint"));
        store.remove(c.file.path, c.destination);
        QVERIFY(!QFile::exists(store.pathFor(c.file.path, c.destination)));

        // Written before Initiate: no upload id yet, only the moment of the start.
        Checkpoint starting = c;
        starting.uploadId.clear();
        starting.parts.clear();
        starting.startedAt = 1764000000;
        QVERIFY2(store.save(starting, &error), qPrintable(error.message));
        const auto pending = store.load(c.file.path, c.destination, &error);
        QVERIFY(pending);
        QVERIFY(pending->awaitingUploadId());
        QCOMPARE(pending->startedAt, 1764000000);
        QVERIFY(!store.loadResumable(c.file.path, c.destination, &error));
        // Neither an id nor a start time, or parts without an id: nothing to go by.
        starting.startedAt = 0;
        QVERIFY(store.save(starting, &error));
        error = {};
        QVERIFY(!store.load(c.file.path, c.destination, &error));
        QCOMPARE(error.code, QStringLiteral("upload.checkpoint"));
        starting.startedAt = 1764000000;
        starting.parts = c.parts;
        QVERIFY(store.save(starting, &error));
        QVERIFY(!store.load(c.file.path, c.destination, &error));
        // With an id, the start time is kept and the record is resumable.
        c.startedAt = 1764000000;
        QVERIFY(store.save(c, &error));
        const auto resumable = store.loadResumable(c.file.path, c.destination, &error);
        QVERIFY(resumable);
        QCOMPARE(resumable->startedAt, 1764000000);
        QCOMPARE(resumable->uploadId, c.uploadId);
    }

    void partVerifierReadsEveryPart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.bin"));
        QByteArray data(3 * 1024 * 1024 + 77, Qt::Uninitialized);
        QRandomGenerator(3).fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        const qint64 mib = 1024 * 1024;
        // Parts 1 and 3 (part 2 not reused) and the short last part.
        const QList<PartRange> ranges{{1, 0, mib}, {3, 2 * mib, mib}, {4, 3 * mib, 77}};
        std::atomic_int calls = 0;
        PartVerifier verifier(path, ranges, [&] { ++calls; });
        QTRY_VERIFY_WITH_TIMEOUT(verifier.finished(), 10000);
        QVERIFY(verifier.readError().isEmpty());
        QCOMPARE(verifier.partsRead(), 3);
        QCOMPARE(verifier.bytesRead(), 2 * mib + 77);
        const auto crcs = verifier.crcs();
        QCOMPARE(crcs.size(), 3);
        QCOMPARE(crcs.value(1), util::Crc64::compute(data.constData(), mib));
        QCOMPARE(crcs.value(3), util::Crc64::compute(data.constData() + 2 * mib, mib));
        QCOMPARE(crcs.value(4), util::Crc64::compute(data.constData() + 3 * mib, 77));
        QVERIFY(calls >= 4); // each part, and the end

        PartVerifier shrunk(path, {{1, 0, mib}, {5, 3 * mib, mib}}, [] {});
        QTRY_VERIFY_WITH_TIMEOUT(shrunk.finished(), 10000);
        QCOMPARE(shrunk.failedPart(), 5);
        QVERIFY(!shrunk.readError().isEmpty());
        QCOMPARE(shrunk.crcs().keys(), QList<int>{1});
    }

    void partVerifierStops()
    {
        // 64 GiB of holes: far more than can be read in the time this test allows, so the
        // verifier is still reading when it is told to stop, and must stop at once.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sparse.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const qint64 gib = 1024LL * 1024 * 1024;
        if (!f.resize(64 * gib))
            QSKIP("this file system has no sparse files");
        f.close();
        QList<PartRange> ranges;
        for (int n = 1; n <= 64; ++n)
            ranges.append({n, (n - 1) * gib, gib});
        PartVerifier verifier(path, ranges, [] {});
        QTRY_VERIFY_WITH_TIMEOUT(verifier.bytesRead() > 0, 10000);
        QElapsedTimer timer;
        timer.start();
        verifier.stop();
        QTRY_VERIFY_WITH_TIMEOUT(verifier.finished(), 2000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(verifier.partsRead() < 64);
    }

    void fileIdentityNoticesChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1024 * 1024, 'a'));
        f.close();
        Error error;
        const auto before = FileIdentityReader::read(path, &error);
        QVERIFY(before);
        QCOMPARE(before->size, 1024 * 1024);
        // Same size, same mtime, one byte changed inside a sampled range.
        const QDateTime mtime = QFileInfo(path).lastModified();
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(512 * 1024 + 10);
        f.write("b");
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly)); // restore the mtime after the write is flushed
        QVERIFY(f.setFileTime(mtime, QFileDevice::FileModificationTime));
        f.close();
        const auto after = FileIdentityReader::read(path, &error);
        QVERIFY(after);
        QCOMPARE(after->mtimeMs, before->mtimeMs);
        QVERIFY(!(before->difference(*after).isEmpty()));
        QVERIFY(!FileIdentityReader::read(dir.filePath(QStringLiteral("missing")), &error));
        QCOMPARE(error.code, QStringLiteral("upload.file"));
    }
};

QTEST_GUILESS_MAIN(TestTransferUnits)
#include "tst_transferunits.moc"

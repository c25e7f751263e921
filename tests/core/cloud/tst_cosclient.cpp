// CosClient against the in-process emulator: buckets listed, HEAD/PUT Bucket, a bucket's objects
// listed page by page (keys with spaces, '+', '%' and Chinese), HEAD Object with
// size, ETag and CRC-64, pre-signed GET URLs that work and have a bounded expiry, each XML error
// mapped with its RequestId, SignatureDoesNotMatch logged without secrets, a skewed server clock
// fixed by one retry (also for bodiless HEAD answers), a clock 15 minutes behind (AccessDenied
// "Request has expired") fixed the same way while other AccessDenied answers are not retried,
// temporary credentials.
#include "CloudTestSupport.h"

#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"
#include "util/Crc64.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace cvmi;
using namespace cvmi::cloud;
using namespace cvmi::cloudtest;

class TestCosClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    HttpClient m_http;
    QByteArray m_data;

    std::unique_ptr<CosClient> client(const QString& id = kId, const QString& key = kKey,
                                      const QString& token = {})
    {
        return std::make_unique<CosClient>(&m_http, endpointsFor(*m_emulator),
                                           credentials(id, key, token));
    }

    static void verifyError(const CloudError& error, const QString& code, int status)
    {
        QCOMPARE(error.code, code);
        QCOMPARE(error.httpStatus, status);
        QVERIFY2(!error.requestId.isEmpty(), qPrintable(code));
        QVERIFY(!error.userMessage.isEmpty());
        QVERIFY(!error.remedy.isEmpty());
        QVERIFY(error.userMessage != CloudErrors::cos(QStringLiteral("Unheard")).userMessage);
    }

    void setSkew(qint64 seconds)
    {
        QString error;
        QVERIFY2(
            m_emulator->setFaults(
                QJsonObject::fromVariantMap(
                    {{QStringLiteral("rules"),
                      QVariantList{QVariantMap{{QStringLiteral("operation"), QStringLiteral("*")},
                                               {QStringLiteral("fault"), QStringLiteral("skew")},
                                               {QStringLiteral("seconds"), seconds}}}}}),
                &error),
            qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        captureLogs();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion, false, &error));
        QVERIFY(m_emulator->createBucket(QStringLiteral("elsewhere-1250000000"),
                                         QStringLiteral("ap-shanghai"), false, &error));
        QVERIFY(m_emulator->createBucket(kOtherBucket, kRegion, false, &error));
        m_data = QByteArray(3000, 'x') + QByteArray("the end");
        CosClient::Call put;
        put.method = "PUT";
        put.host = CosClient::bucketHost(kBucket, kRegion);
        put.key = QStringLiteral("disks/a b+c.qcow2");
        put.body = m_data;
        const auto stored = waitFor(client()->send(put));
        QVERIFY2(stored.ok(), qPrintable(stored.error.toString()));
    }

    void listBuckets()
    {
        auto c = client();
        auto future = c->listBuckets();
        QVERIFY(!future.isFinished());
        const auto result = waitFor(future);
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(!result.requestId.isEmpty());
        QMap<QString, QString> regions;
        for (const CosBucket& b : result.value)
            regions.insert(b.name, b.location);
        QCOMPARE(regions.value(kBucket), kRegion);
        QCOMPARE(regions.value(QStringLiteral("elsewhere-1250000000")),
                 QStringLiteral("ap-shanghai"));
        QVERIFY(!regions.contains(kOtherBucket)); // another account's
    }

    void headAndPutBucket()
    {
        auto c = client();
        QVERIFY(waitFor(c->headBucket(kBucket, kRegion)).value);
        const auto missing = waitFor(c->headBucket(QStringLiteral("nothere-1250000000"), kRegion));
        verifyError(missing.error, QStringLiteral("NoSuchBucket"), 404);
        const auto theirs = waitFor(c->headBucket(kOtherBucket, kRegion));
        verifyError(theirs.error, QStringLiteral("AccessDenied"), 403);

        const QString fresh = QStringLiteral("fresh-1250000000");
        const auto created = waitFor(c->putBucket(fresh, kRegion));
        QVERIFY2(created.ok(), qPrintable(created.error.toString()));
        QVERIFY(waitFor(c->headBucket(fresh, kRegion)).ok());
        const auto again = waitFor(c->putBucket(fresh, kRegion));
        QVERIFY(!again.ok());
        QCOMPARE(again.error.httpStatus, 409);
        QVERIFY(again.error.code.startsWith(QLatin1String("BucketAlready")));
        QVERIFY(!again.error.requestId.isEmpty());
    }

    // GET Bucket through the client: query parameters signed and sent, keys decoded back
    // exactly (a space, '+', '%' and Chinese), pages joined by NextMarker, folders rolled up.
    void listObjects()
    {
        const QString bucket = QStringLiteral("listed-1250000000");
        QString error;
        QVERIFY(m_emulator->createBucket(bucket, kRegion, false, &error));
        auto c = client();
        const QStringList keys{
            QStringLiteral("images/centos 7.qcow2"), QStringLiteral("images/c++ build.vhd"),
            QStringLiteral("images/100% done.raw"),  QStringLiteral("images/中文 镜像.vmdk"),
            QStringLiteral("images/old/a.img"),      QStringLiteral("notes.txt")};
        for (const QString& key : keys) {
            CosClient::Call put;
            put.method = "PUT";
            put.host = CosClient::bucketHost(bucket, kRegion);
            put.key = key;
            put.body = key.toUtf8();
            QVERIFY2(waitFor(c->send(put)).ok(), qPrintable(key));
        }

        CosListQuery query;
        query.prefix = QStringLiteral("images/");
        query.delimiter = QStringLiteral("/");
        auto result = waitFor(c->listObjects(bucket, kRegion, query));
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(!result.requestId.isEmpty());
        QStringList listed;
        for (const CosListedObject& o : result.value.objects)
            listed.append(o.key);
        // UTF-8 order: '1' < 'c' < 0xE4.
        QCOMPARE(listed, (QStringList{QStringLiteral("images/100% done.raw"),
                                      QStringLiteral("images/c++ build.vhd"),
                                      QStringLiteral("images/centos 7.qcow2"),
                                      QStringLiteral("images/中文 镜像.vmdk")}));
        QCOMPARE(result.value.commonPrefixes, QStringList{QStringLiteral("images/old/")});
        QVERIFY(!result.value.isTruncated);
        const CosListedObject& chinese = result.value.objects.at(3);
        QCOMPARE(chinese.size, qint64(keys.at(3).toUtf8().size()));
        QCOMPARE(chinese.etag,
                 u'"' +
                     QString::fromLatin1(
                         QCryptographicHash::hash(keys.at(3).toUtf8(), QCryptographicHash::Md5)
                             .toHex()) +
                     u'"');
        QCOMPARE(chinese.storageClass, QStringLiteral("STANDARD"));
        QVERIFY(QDateTime::fromString(chinese.lastModified, Qt::ISODateWithMs).isValid());

        // One key a page: the markers (decoded keys with '+', '%', spaces) lead through them all.
        query = {};
        query.maxKeys = 1;
        listed.clear();
        for (int pages = 1;; ++pages) {
            QVERIFY(pages <= keys.size());
            result = waitFor(c->listObjects(bucket, kRegion, query));
            QVERIFY2(result.ok(), qPrintable(result.error.toString()));
            QCOMPARE(result.value.objects.size(), 1);
            listed.append(result.value.objects.at(0).key);
            if (!result.value.isTruncated)
                break;
            QCOMPARE(result.value.nextMarker, listed.last());
            query.marker = result.value.nextMarker;
        }
        QStringList sorted = keys;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(listed, sorted);

        // A prefix with a space, '+' and Chinese is sent and matched exactly.
        query = {};
        query.prefix = QStringLiteral("images/c++ ");
        result = waitFor(c->listObjects(bucket, kRegion, query));
        QCOMPARE(result.value.objects.size(), 1);
        QCOMPARE(result.value.objects.at(0).key, keys.at(1));
        query.prefix = QStringLiteral("images/中文 ");
        result = waitFor(c->listObjects(bucket, kRegion, query));
        QCOMPARE(result.value.objects.size(), 1);
        QCOMPARE(result.value.objects.at(0).key, keys.at(3));
        // max-keys outside 1..1000 is brought inside rather than refused by COS.
        query = {};
        query.maxKeys = 5000;
        result = waitFor(c->listObjects(bucket, kRegion, query));
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QCOMPARE(result.value.objects.size(), keys.size());

        // The errors the Form page's dialog explains.
        const auto missing =
            waitFor(c->listObjects(QStringLiteral("nothere-1250000000"), kRegion, {}));
        verifyError(missing.error, QStringLiteral("NoSuchBucket"), 404);
        const auto theirs = waitFor(c->listObjects(kOtherBucket, kRegion, {}));
        verifyError(theirs.error, QStringLiteral("AccessDenied"), 403);
        const auto wrongKey =
            waitFor(client(kId, QStringLiteral("wrong-key"))->listObjects(bucket, kRegion, {}));
        verifyError(wrongKey.error, QStringLiteral("SignatureDoesNotMatch"), 403);
    }

    void headObject()
    {
        const auto info =
            waitFor(client()->headObject(kBucket, kRegion, QStringLiteral("disks/a b+c.qcow2")));
        QVERIFY2(info.ok(), qPrintable(info.error.toString()));
        QCOMPARE(info.value.size, m_data.size());
        QCOMPARE(info.value.etag,
                 QStringLiteral("\"") +
                     QString::fromLatin1(
                         QCryptographicHash::hash(m_data, QCryptographicHash::Md5).toHex()) +
                     QStringLiteral("\""));
        QCOMPARE(info.value.crc64ecma, util::Crc64::toDecimal(util::Crc64::compute(m_data)));
        const auto missing =
            waitFor(client()->headObject(kBucket, kRegion, QStringLiteral("disks/none.qcow2")));
        verifyError(missing.error, QStringLiteral("NoSuchKey"), 404);
    }

    void presignedUrl()
    {
        auto c = client(kTokenId, kTokenKey, kToken);
        Error error;
        QVERIFY(!c->presignedGetUrl(kBucket, kRegion, QStringLiteral("k"), 0, &error));
        QVERIFY(error.isSet());
        error = {};
        QVERIFY(!c->presignedGetUrl(kBucket, kRegion, QStringLiteral("k"),
                                    CosSigner::maxPresignSeconds + 1, &error));
        QVERIFY(error.isSet());
        const auto url =
            c->presignedGetUrl(kBucket, kRegion, QStringLiteral("disks/a b+c.qcow2"), 3600, &error);
        QVERIFY(url);
        const QUrl parsed(*url);
        QCOMPARE(parsed.scheme(), QStringLiteral("https"));
        QCOMPARE(parsed.host(), CosClient::bucketHost(kBucket, kRegion));
        QVERIFY(url->contains(QLatin1String("q-sign-algorithm=sha1")));
        QVERIFY(url->contains(QLatin1String("x-cos-security-token=")));
        // Fetch it from the emulator: connect there, name the real host.
        HttpRequest get;
        QUrl target = parsed;
        target.setScheme(QStringLiteral("http"));
        target.setHost(QStringLiteral("127.0.0.1"));
        target.setPort(m_emulator->port());
        get.url = target;
        get.headers.append({"Host", parsed.host().toUtf8()});
        const HttpResponse response = waitFor(m_http.send(get));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, m_data);
    }

    void authErrors_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong key") << kId << "not-the-key" << QString() << "SignatureDoesNotMatch";
        QTest::newRow("unknown id") << "AKIDNOBODY" << kKey << QString() << "InvalidAccessKeyId";
        QTest::newRow("token missing") << kTokenId << kTokenKey << QString() << "InvalidToken";
        QTest::newRow("token wrong") << kTokenId << kTokenKey << "expired"
                                     << "InvalidToken";
    }

    void authErrors()
    {
        QFETCH(QString, id);
        QFETCH(QString, key);
        QFETCH(QString, token);
        QFETCH(QString, code);
        const auto result = waitFor(client(id, key, token)->listBuckets());
        verifyError(result.error, code, 403);
    }

    void signatureMismatchLogged()
    {
        capturedLog().clear();
        const auto result =
            waitFor(client(kTokenId, QStringLiteral("wrong-key"), kToken)->listBuckets());
        QCOMPARE(result.error.code, QStringLiteral("SignatureDoesNotMatch"));
        bool logged = false;
        for (const QString& line : capturedLog())
            logged = logged || (line.contains(QLatin1String("StringToSign")) &&
                                line.contains(result.error.requestId));
        QVERIFY2(logged, qPrintable(capturedLog().join(u'\n')));
        QVERIFY(leakedLines({kToken, QStringLiteral("wrong-key")}).isEmpty());
    }

    void temporaryCredentials()
    {
        auto c = client(kTokenId, kTokenKey, kToken);
        const auto result = waitFor(c->listBuckets());
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(waitFor(c->headBucket(kBucket, kRegion)).ok());
    }

    void skewFixedByOneRetry()
    {
        setSkew(7200);
        auto c = client();
        const auto result = waitFor(c->listBuckets());
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(result.clockSkewSeconds);
        QVERIFY(qAbs(*result.clockSkewSeconds - 7200) <= 5);
        QCOMPARE(c->clockOffset(), *result.clockSkewSeconds);
        m_emulator->clearFaults();
    }

    void skewOnHeadFixedByOneRetry()
    {
        setSkew(-7200);
        auto c = client();
        const auto result =
            waitFor(c->headObject(kBucket, kRegion, QStringLiteral("disks/a b+c.qcow2")));
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QCOMPARE(result.value.size, m_data.size());
        QVERIFY(result.clockSkewSeconds);
        QVERIFY(qAbs(*result.clockSkewSeconds + 7200) <= 5);
        m_emulator->clearFaults();
    }

private:
    // Requests the emulator has seen while `run` ran (a skew rule of 0 s only counts).
    template <typename F> int requestsDuring(F run)
    {
        setSkew(0);
        run();
        const QJsonArray rules =
            m_emulator->faultCounters().value(QStringLiteral("rules")).toArray();
        m_emulator->clearFaults();
        return rules.isEmpty() ? -1
                               : rules.at(0).toObject().value(QStringLiteral("matched")).toInt();
    }

    HttpResponse fetchPresigned(const QString& url)
    {
        const QUrl parsed(url);
        QUrl target = parsed;
        target.setScheme(QStringLiteral("http"));
        target.setHost(QStringLiteral("127.0.0.1"));
        target.setPort(m_emulator->port());
        HttpRequest get;
        get.url = target;
        get.headers.append({"Host", parsed.host().toUtf8()});
        return waitFor(m_http.send(get));
    }

private slots:
    void clockBehindExpiredCorrected()
    {
        // This computer 15 minutes behind COS: the header signature's key time (600 s) has
        // ended by the server's clock, and COS answers AccessDenied "Request has expired". One
        // retry signed with the server's Date, as the vendor's SDK does.
        m_emulator->setClockOffsetSeconds(900);
        auto c = client();
        CloudResult<QList<CosBucket>> listed;
        const int requests = requestsDuring([&] { listed = waitFor(c->listBuckets()); });
        CosClient::Call put;
        put.method = "PUT";
        put.host = CosClient::bucketHost(kBucket, kRegion);
        put.key = QStringLiteral("clock/behind.bin");
        put.body = "written with the server's time";
        const auto stored = waitFor(c->send(put));
        // A pre-signed URL made now uses the learnt offset: valid for 60 s by COS's clock.
        Error error;
        const auto url =
            c->presignedGetUrl(kBucket, kRegion, QStringLiteral("clock/behind.bin"), 60, &error);
        QVERIFY(url);
        const HttpResponse fetched = fetchPresigned(*url);
        m_emulator->setClockOffsetSeconds(0);

        QVERIFY2(listed.ok(), qPrintable(listed.error.toString()));
        QCOMPARE(requests, 2);
        QVERIFY(listed.clockSkewSeconds);
        QVERIFY2(qAbs(*listed.clockSkewSeconds - 900) <= 5,
                 qPrintable(QString::number(*listed.clockSkewSeconds)));
        QCOMPARE(c->clockOffset(), *listed.clockSkewSeconds);
        QVERIFY(ClockSkew::describe(*listed.clockSkewSeconds).contains(QLatin1String("behind")));
        QVERIFY2(stored.ok(), qPrintable(stored.error.toString()));
        QVERIFY(!stored.clockSkewSeconds); // already signed with the learnt offset
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.body, QByteArray("written with the server's time"));
    }

    void learntOffsetCorrectedAgain()
    {
        // An offset learnt earlier that is wrong again (COS's clock jumps): measured from the
        // offset the request was signed with, so corrected again by one retry. A persisting
        // "Request has expired" speaks of the clock, not of permissions.
        m_emulator->setClockOffsetSeconds(900);
        auto c = client();
        QVERIFY(waitFor(c->listBuckets()).ok());
        m_emulator->setClockOffsetSeconds(900 + 3600);
        CloudResult<bool> made;
        const int requests = requestsDuring(
            [&] { made = waitFor(c->putBucket(QStringLiteral("later-1250000000"), kRegion)); });
        m_emulator->setClockOffsetSeconds(0);
        QCOMPARE(requests, 2);
        QVERIFY2(made.ok(), qPrintable(made.error.toString()));
        QVERIFY(made.clockSkewSeconds);
        QVERIFY(qAbs(*made.clockSkewSeconds - 4500) <= 5);
        const CloudError expired = CloudErrors::cosError(
            QStringLiteral("AccessDenied"), QStringLiteral("Request has expired"), {}, 403);
        QCOMPARE(expired.userMessage,
                 CloudErrors::cos(QStringLiteral("RequestTimeTooSkewed")).userMessage);
        QVERIFY(CloudErrors::cosError(QStringLiteral("AccessDenied"),
                                      QStringLiteral("Access Denied."), {}, 403)
                    .userMessage != expired.userMessage);
    }

    void accessDeniedNotAboutTimeNotRetried()
    {
        // A permission refusal (another account's bucket) with the server's clock 2 minutes
        // off: not a clock answer, so no retry and no clock correction.
        m_emulator->setClockOffsetSeconds(120);
        auto c = client();
        CosClient::Call put;
        put.method = "PUT";
        put.host = CosClient::bucketHost(kOtherBucket, kRegion);
        put.key = QStringLiteral("not-mine.bin");
        put.body = "x";
        CloudResult<CosClient::Answer> denied;
        const int requests = requestsDuring([&] { denied = waitFor(c->send(put)); });
        m_emulator->setClockOffsetSeconds(0);
        QCOMPARE(denied.error.code, QStringLiteral("AccessDenied"));
        QVERIFY(denied.error.message != QLatin1String("Request has expired"));
        QCOMPARE(requests, 1);
        QVERIFY(!denied.clockSkewSeconds);
        QCOMPARE(c->clockOffset(), 0);
        QVERIFY(!ClockSkew::isCosClockError(denied.error.code, denied.error.message));
        QVERIFY(ClockSkew::isCosClockError(QStringLiteral("AccessDenied"),
                                           QStringLiteral("Request has expired")));
        QVERIFY(ClockSkew::isCosClockError(QStringLiteral("RequestTimeTooSkewed"), {}));
        QVERIFY(!ClockSkew::correction(1000, 1000 - 20, 0)); // within the SDK's 30 s
        QCOMPARE(ClockSkew::correction(1000, 100, 0), qint64(900));
        QVERIFY(!ClockSkew::correction(1000, 100, 890)); // already signed with that offset
    }

    void insecureEndpointRefused()
    {
        CloudEndpoints e;
        Error error;
        QVERIFY(!e.setCosEndpoint(QStringLiteral("http://cos.example.com"), &error));
        QCOMPARE(error.code, QStringLiteral("endpoint.insecure"));
        QVERIFY(!e.cosEndpoint());
        QCOMPARE(e.cosConnectUrl(QStringLiteral("b-1.cos.ap-guangzhou.myqcloud.com"),
                                 QStringLiteral("/k"))
                     .toString(),
                 QStringLiteral("https://b-1.cos.ap-guangzhou.myqcloud.com/k"));
    }

    void xmlErrorParsing()
    {
        const CloudError e = CosClient::parseError(
            404,
            "<?xml version='1.0'?><Error><Code>NoSuchKey</Code><Message>gone</Message>"
            "<RequestId>abc</RequestId></Error>",
            "header-id", true);
        QCOMPARE(e.code, QStringLiteral("NoSuchKey"));
        QCOMPARE(e.message, QStringLiteral("gone"));
        QCOMPARE(e.requestId, QStringLiteral("abc"));
        const CloudError bare = CosClient::parseError(404, {}, "header-id", false);
        QCOMPARE(bare.code, QStringLiteral("NoSuchBucket"));
        QCOMPARE(bare.requestId, QStringLiteral("header-id"));
        for (const char* code :
             {"AccessDenied", "SignatureDoesNotMatch", "RequestTimeTooSkewed", "InvalidAccessKeyId",
              "ExpiredToken", "InvalidToken", "NoSuchBucket", "NoSuchKey", "NoSuchUpload",
              "InvalidPart", "InvalidPartOrder", "EntityTooSmall", "EntityTooLarge",
              "InvalidArgument", "BucketAlreadyExists", "SlowDown", "ServiceUnavailable",
              "InternalError"})
            QVERIFY2(CloudErrors::cos(QLatin1String(code)).userMessage !=
                         CloudErrors::cos(QStringLiteral("Unheard")).userMessage,
                     code);
    }

    void noSecretInLogs()
    {
        const QStringList leaked = leakedLines(allSecrets());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u'\n')));
    }

    // The bucket-list parser the fuzzers drive (CosClient::parseBucketList), on GET Service's
    // shapes in the spec and on what becomes of broken input.
    void bucketList()
    {
        const QByteArray body = R"(<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult>
  <Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner>
  <Buckets>
    <Bucket><Name>images-1250000000</Name><Location>ap-guangzhou</Location>
      <CreationDate>2026-01-02T03:04:05Z</CreationDate><BucketType>cos</BucketType></Bucket>
    <Bucket><Name>a&amp;b-1250000000</Name><CreationDate>2025-12-01T00:00:00Z</CreationDate></Bucket>
  </Buckets>
</ListAllMyBucketsResult>)";
        const QList<CosBucket> buckets = CosClient::parseBucketList(body);
        QCOMPARE(buckets.size(), 2);
        QCOMPARE(buckets.at(0).name, QStringLiteral("images-1250000000"));
        QCOMPARE(buckets.at(0).location, QStringLiteral("ap-guangzhou"));
        QCOMPARE(buckets.at(0).creationDate, QStringLiteral("2026-01-02T03:04:05Z"));
        QCOMPARE(buckets.at(1).name, QStringLiteral("a&b-1250000000")); // entities decoded
        QVERIFY(buckets.at(1).location.isEmpty());
        // The owner's ID is no bucket name, even though it sits in a <Name>-like place.
        for (const CosBucket& b : buckets)
            QVERIFY(!b.name.contains(QLatin1String("uin")));
    }
    void bucketListEmptyAndBroken()
    {
        QVERIFY(CosClient::parseBucketList("<ListAllMyBucketsResult><Buckets/>"
                                           "</ListAllMyBucketsResult>")
                    .isEmpty());
        QVERIFY(CosClient::parseBucketList({}).isEmpty());
        QVERIFY(CosClient::parseBucketList("not xml at all").isEmpty());
        // Cut off inside the second bucket: only the complete one is listed.
        const QList<CosBucket> cut = CosClient::parseBucketList(
            "<ListAllMyBucketsResult><Buckets><Bucket><Name>one-1</Name></Bucket>"
            "<Bucket><Name>two-1</Name>");
        QCOMPARE(cut.size(), 1);
        QCOMPARE(cut.at(0).name, QStringLiteral("one-1"));
        // A <Name> outside any <Bucket> is ignored.
        QVERIFY(CosClient::parseBucketList("<X><Name>stray</Name></X>").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCosClient)
#include "tst_cosclient.moc"

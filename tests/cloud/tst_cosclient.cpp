// CosClient against the in-process emulator: buckets listed, HEAD/PUT Bucket, a bucket's objects
// listed page by page (keys with spaces, '+', '%' and Chinese), HEAD Object with
// size, ETag and CRC-64, pre-signed GET URLs that work and have a bounded expiry, each XML error
// mapped with its RequestId, SignatureDoesNotMatch logged without secrets, a skewed server clock
// fixed by one retry (also for bodiless HEAD answers), temporary credentials.
#include "CloudTestSupport.h"

#include "cloud/ClockSkew.h"
#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"
#include "util/Crc64.h"

#include <QCryptographicHash>
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
};

QTEST_GUILESS_MAIN(TestCosClient)
#include "tst_cosclient.moc"

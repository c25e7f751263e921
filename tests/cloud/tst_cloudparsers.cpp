// The response parsers the fuzzers drive, on the shapes of the spec: GET Service's bucket list
// (CosClient::parseBucketList) and what becomes of odd input (CvmClient::parseResponse for JSON
// that is valid but not an envelope).
#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"

#include <QTest>

using namespace cvmi::cloud;

class TestCloudParsers : public QObject {
    Q_OBJECT
private slots:
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

    void cvmEnvelopeOddities_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("array") << 200 << QByteArray("[1,2]") << "Network.BadResponse";
        QTest::newRow("response not object")
            << 200 << QByteArray(R"({"Response": 5})") << "Network.BadResponse";
        QTest::newRow("error not object")
            << 200 << QByteArray(R"({"Response": {"Error": "x", "RequestId": "r"}})")
            << "Network.BadResponse";
        QTest::newRow("error without code")
            << 200 << QByteArray(R"({"Response": {"Error": {"Message": "m"}, "RequestId": "r"}})")
            << "Network.BadResponse";
        QTest::newRow("success under 500")
            << 500 << QByteArray(R"({"Response": {"RequestId": "r"}})") << "Network.BadResponse";
    }

    void cvmEnvelopeOddities()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const CloudResult<QJsonObject> r = CvmClient::parseResponse(status, body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.code, code);
        QVERIFY(!r.error.userMessage.isEmpty());
        QVERIFY(!r.error.remedy.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCloudParsers)
#include "tst_cloudparsers.moc"

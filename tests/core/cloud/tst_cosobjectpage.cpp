// CosObjectPage::parse, the parser the fuzzers drive, on the shapes of GET Bucket's answer in the
// spec (ListBucketResult, with and without a namespace, prefixes, truncation), and the pages it
// refuses.
#include "cloud/CosObjectPage.h"

#include <QTest>

using namespace cvmi::cloud;

class TestCosObjectPage : public QObject {
    Q_OBJECT

private slots:
    // COS's documented answer (cloud.tencent.com/document/product/436/7734), URL-encoded as the
    // client asks for it: keys, common prefixes and NextMarker come back decoded, a '+' stays a
    // '+' (%2B) and %20 is a space.
    void objectPage()
    {
        const QByteArray body = R"(<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult>
  <Name>examplebucket-1250000000</Name>
  <EncodingType>url</EncodingType>
  <Prefix>disks/</Prefix>
  <Marker/>
  <MaxKeys>3</MaxKeys>
  <Delimiter>/</Delimiter>
  <IsTruncated>true</IsTruncated>
  <NextMarker>disks/c%2Bd%20e.raw</NextMarker>
  <CommonPrefixes><Prefix>disks/%E4%B8%AD%E6%96%87/</Prefix></CommonPrefixes>
  <Contents>
    <Key>disks/100%25.img</Key>
    <LastModified>2020-12-10T03:37:30.000Z</LastModified>
    <ETag>"62ba5d5d9d5fd2a8c14d4c1a1ba3ea85"</ETag>
    <Size>21474836480</Size>
    <Owner><ID>1250000000</ID><DisplayName>1250000000</DisplayName></Owner>
    <StorageClass>STANDARD</StorageClass>
  </Contents>
  <Contents>
    <Key>disks/c%2Bd%20e.raw</Key>
    <LastModified>2020-12-11T03:37:30.000Z</LastModified>
    <ETag>"05a9a30179f3db7b63136f30aa6aacae-3"</ETag>
    <Size>0</Size>
    <Owner><ID>1250000000</ID><DisplayName>1250000000</DisplayName></Owner>
    <StorageClass>STANDARD_IA</StorageClass>
  </Contents>
</ListBucketResult>)";
        QString problem;
        const auto page = CosObjectPage::parse(body, &problem);
        QVERIFY2(page, qPrintable(problem));
        QVERIFY(page->isTruncated);
        QCOMPARE(page->nextMarker, QStringLiteral("disks/c+d e.raw"));
        QCOMPARE(page->commonPrefixes, QStringList{QStringLiteral("disks/中文/")});
        QCOMPARE(page->objects.size(), 2);
        const CosListedObject& first = page->objects.at(0);
        QCOMPARE(first.key, QStringLiteral("disks/100%.img"));
        QCOMPARE(first.size, Q_INT64_C(21474836480)); // 20 GiB: beyond 32 bits
        QCOMPARE(first.lastModified, QStringLiteral("2020-12-10T03:37:30.000Z"));
        QCOMPARE(first.etag, QStringLiteral("\"62ba5d5d9d5fd2a8c14d4c1a1ba3ea85\""));
        QCOMPARE(first.storageClass, QStringLiteral("STANDARD"));
        QCOMPARE(page->objects.at(1).key, QStringLiteral("disks/c+d e.raw"));
        QCOMPARE(page->objects.at(1).size, 0);
        QCOMPARE(page->objects.at(1).storageClass, QStringLiteral("STANDARD_IA"));
        // The owner's ID and the request's own Prefix are no entries.
        for (const CosListedObject& o : page->objects)
            QVERIFY(o.key != QLatin1String("1250000000"));
    }
    // Without EncodingType the text is taken as it is: a '%' or '+' in a key is the key's own.
    void objectPagePlain()
    {
        QString problem;
        auto page = CosObjectPage::parse(
            "<ListBucketResult><IsTruncated>false</IsTruncated>"
            "<Contents><Key>a+b %41&amp;.img</Key><Size>5</Size></Contents></ListBucketResult>",
            &problem);
        QVERIFY2(page, qPrintable(problem));
        QCOMPARE(page->objects.at(0).key, QStringLiteral("a+b %41&.img"));
        QVERIFY(!page->isTruncated);
        QVERIFY(page->nextMarker.isEmpty());
        // An empty bucket.
        page = CosObjectPage::parse("<ListBucketResult><Name>b-1</Name><Prefix/><Marker/>"
                                    "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                                    "</ListBucketResult>",
                                    &problem);
        QVERIFY2(page, qPrintable(problem));
        QVERIFY(page->objects.isEmpty());
        QVERIFY(page->commonPrefixes.isEmpty());
        // Truncated without NextMarker (S3's habit without a delimiter): the last entry leads on.
        page = CosObjectPage::parse("<ListBucketResult><IsTruncated>true</IsTruncated>"
                                    "<Contents><Key>a</Key><Size>1</Size></Contents>"
                                    "<CommonPrefixes><Prefix>b/</Prefix></CommonPrefixes>"
                                    "</ListBucketResult>",
                                    &problem);
        QVERIFY2(page, qPrintable(problem));
        QCOMPARE(page->nextMarker, QStringLiteral("b/"));
    }
    void objectPageRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QByteArray() << "no XML document";
        QTest::newRow("other document")
            << QByteArray("<ListAllMyBucketsResult/>") << "expected <ListBucketResult>";
        QTest::newRow("error document")
            << QByteArray("<Error><Code>AccessDenied</Code></Error>") << "got <Error>";
        QTest::newRow("cut off")
            << QByteArray("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a")
            << "malformed XML";
        QTest::newRow("no IsTruncated")
            << QByteArray("<ListBucketResult><Contents><Key>a</Key></Contents></ListBucketResult>")
            << "no IsTruncated";
        QTest::newRow("size not a number")
            << QByteArray("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a</Key>"
                          "<Size>12x</Size></Contents></ListBucketResult>")
            << "size that is not a number";
        QTest::newRow("negative size")
            << QByteArray("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a</Key>"
                          "<Size>-1</Size></Contents></ListBucketResult>")
            << "size that is not a number";
        QTest::newRow("no key") << QByteArray(
                                       "<ListBucketResult><IsTruncated>false</IsTruncated>"
                                       "<Contents><Size>1</Size></Contents></ListBucketResult>")
                                << "without a key";
        // Found by fuzz_cos_xml: an entry without <Size> was listed as -1 bytes.
        QTest::newRow("no size") << QByteArray(
                                        "<ListBucketResult><IsTruncated>false</IsTruncated>"
                                        "<Contents><Key>a</Key></Contents></ListBucketResult>")
                                 << "an object without a size: a";
        QTest::newRow("nested key")
            << QByteArray(
                   "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key><b>a</b>"
                   "</Key></Contents></ListBucketResult>")
            << "malformed XML";
        QTest::newRow("truncated, nowhere to go")
            << QByteArray("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
            << "without NextMarker or entries";
        QByteArray many = "<ListBucketResult><IsTruncated>false</IsTruncated>";
        for (int i = 0; i <= CosObjectPage::maxKeys; ++i)
            many +=
                i % 2 ? QByteArray("<Contents><Key>k" + QByteArray::number(i) + "</Key></Contents>")
                      : QByteArray("<CommonPrefixes><Prefix>p" + QByteArray::number(i) +
                                   "/</Prefix></CommonPrefixes>");
        many += "</ListBucketResult>";
        QTest::newRow("1001 entries") << many << "more than 1000 entries";
        QTest::newRow("too large")
            << QByteArray(CosObjectPage::maxBodyBytes + 1, ' ') << "more than a page can be";
    }
    void objectPageRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        QString said;
        QVERIFY(!CosObjectPage::parse(body, &said));
        QVERIFY2(said.contains(problem), qPrintable(said));
    }
};

QTEST_GUILESS_MAIN(TestCosObjectPage)
#include "tst_cosobjectpage.moc"

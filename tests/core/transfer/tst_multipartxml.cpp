// MultipartXml: the multipart answers (upload id, part and upload lists) well-formed, malformed
// and oversized, and the CompleteMultipartUpload body.
#include "transfer/MultipartXml.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

class TestMultipartXml : public QObject {
    Q_OBJECT

private slots:
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
};

QTEST_GUILESS_MAIN(TestMultipartXml)
#include "tst_multipartxml.moc"

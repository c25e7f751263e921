// CosObjectUrl: the COS URL forms split into bucket, region and key, and a pre-signed URL's
// signature and expiry.
#include "importform/CosObjectUrl.h"

#include <QStandardPaths>
#include <QTest>

using namespace cvmi;
using namespace cvmi::importform;

class TestCosObjectUrl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    }
    void urlParts()
    {
        Error error;
        const auto parsed = parseCosObjectUrl(
            QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/"
                           "a/Windows%20Server.vmdk?q-sign-algorithm=sha1&q-signature=ab"),
            &error);
        QVERIFY2(parsed, qPrintable(error.message));
        QCOMPARE(parsed->bucket, QStringLiteral("images-1250000000"));
        QCOMPARE(parsed->appId, QStringLiteral("1250000000"));
        QCOMPARE(parsed->region, QStringLiteral("ap-guangzhou"));
        QCOMPARE(parsed->key, QStringLiteral("a/Windows Server.vmdk"));
        QVERIFY(parsed->presigned);
        QVERIFY(!parsed->signatureExpires.isValid()); // not stated
    }
    // When a pre-signed URL stops working: COS's key time (the earlier of key and sign time),
    // or SigV4's date plus expiry; nothing for an unsigned or malformed one.
    void urlSignatureExpiry()
    {
        const QString base =
            QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/d.qcow2");
        const auto expiry = [&](const QString& query) {
            Error error;
            const auto parsed = parseCosObjectUrl(base + query, &error);
            return parsed ? parsed->signatureExpires : QDateTime();
        };
        QCOMPARE(expiry(QStringLiteral("?q-sign-algorithm=sha1&q-key-time=1700000000%3B1700086400"
                                       "&q-sign-time=1700000000%3B1700003600&q-signature=ab")),
                 QDateTime::fromSecsSinceEpoch(1700003600, Qt::UTC));
        QCOMPARE(expiry(QStringLiteral("?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date="
                                       "20261203T180000Z&X-Amz-Expires=600&X-Amz-Signature=ab")),
                 QDateTime(QDate(2026, 12, 3), QTime(18, 10), Qt::UTC));
        QVERIFY(!expiry(QString()).isValid());
        QVERIFY(!expiry(QStringLiteral("?q-key-time=garbage&q-signature=ab")).isValid());
        QVERIFY(!expiry(QStringLiteral("?q-key-time=1%3B99999999999999999999")).isValid());
        QVERIFY(!expiry(QStringLiteral("?X-Amz-Date=20261203T180000Z&X-Amz-Expires=-5")).isValid());
        // Found by fuzz_draft: a signing date before 1970 is no end time at all.
        QVERIFY(!expiry(QStringLiteral("?X-Amz-Date=10130601T180000Z&X-Amz-Expires=600"
                                       "&X-Amz-Signature=ab"))
                     .isValid());
    }
};

QTEST_GUILESS_MAIN(TestCosObjectUrl)
#include "tst_cosobjecturl.moc"

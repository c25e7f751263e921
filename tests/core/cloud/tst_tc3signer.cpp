// Tc3Signer (TC3-HMAC-SHA256, the CVM API's signature) against outside truth:
// every known-answer vector the official SDKs produced (tc3-signature.json).
#include "cloud/SigV4Signer.h"
#include "cloud/Tc3Signer.h"

#include "SignerVectors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloud;
using test::loadVectors;
using test::str;
using test::vectorPath;

class TestTc3Signer : public QObject {
    Q_OBJECT

private slots:
    void vectorsPresent()
    {
        QVERIFY2(!vectorPath(QStringLiteral("tc3-signature.json")).isEmpty(),
                 CVMI_CLOUD_VECTORS_DIR);
    }
    // The in-repo copy must not drift from the shared original (when it is
    // around).
    void vectorCopiesMatchShared()
    {
        const QString name = QStringLiteral("tc3-signature.json");
        bool skipped = false;
        const bool same = test::vectorCopyMatchesShared(name, &skipped);
        if (skipped)
            QSKIP("the shared vectors are not beside this checkout");
        QVERIFY2(same, qPrintable(name + QStringLiteral(" differs from the shared copy: update "
                                                        "tests/core/cloud/vectors/")));
    }
    void tc3Vectors_data()
    {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray vectors = loadVectors(QStringLiteral("tc3-signature.json"));
        QVERIFY(vectors.size() >= 4);
        for (const QJsonValue& v : vectors)
            QTest::newRow(qPrintable(str(v.toObject(), "name"))) << v.toObject();
    }
    void tc3Vectors()
    {
        QFETCH(QJsonObject, vector);
        const QJsonObject in = vector.value(QStringLiteral("input")).toObject();
        const QJsonObject expected = vector.value(QStringLiteral("expected")).toObject();
        Tc3Request r;
        r.secretId = str(in, "secret_id");
        r.secretKey = str(in, "secret_key");
        r.token = str(in, "token"); // null reads as ""
        r.timestamp = in.value(QStringLiteral("timestamp")).toInteger();
        r.service = str(in, "service");
        r.host = str(in, "host");
        r.action = str(in, "action");
        r.version = str(in, "version");
        r.region = str(in, "region");
        r.language = str(in, "language");
        r.method = str(in, "method");
        r.body = str(in, "body").toUtf8();
        r.query = str(in, "query").toUtf8();

        const Tc3Signed s = Tc3Signer::sign(r);
        QCOMPARE(s.payloadHash, str(expected, "payload_sha256"));
        QCOMPARE(s.canonicalRequest, str(expected, "canonical_request"));
        QCOMPARE(s.credentialScope, str(expected, "credential_scope"));
        QCOMPARE(s.stringToSign, str(expected, "string_to_sign"));
        QCOMPARE(s.authorization, str(expected, "authorization"));
        QVERIFY(s.authorization.endsWith(s.signature));

        const QJsonObject headers = expected.value(QStringLiteral("headers")).toObject();
        QCOMPARE(s.headers.size(), headers.size());
        for (const auto& [name, value] : s.headers)
            QCOMPARE(QString::fromUtf8(value), str(headers, name.constData()));
    }
    void tc3OmitsRegionAndSignsGetQuery()
    {
        Tc3Request r;
        r.secretId = QStringLiteral("AKIDexample");
        r.secretKey = QStringLiteral("secret");
        r.timestamp = 1700000000;
        r.service = QStringLiteral("cvm");
        r.host = QStringLiteral("cvm.tencentcloudapi.com");
        r.action = QStringLiteral("DescribeRegions");
        r.version = QStringLiteral("2017-03-12");
        r.language.clear();
        r.method = QStringLiteral("GET");
        r.query = QByteArrayLiteral("Limit=10&Offset=0");
        const Tc3Signed s = Tc3Signer::sign(r);
        QVERIFY(s.canonicalRequest.startsWith(
            QLatin1String("GET\n/\nLimit=10&Offset=0\ncontent-type:application/"
                          "x-www-form-urlencoded\n")));
        QCOMPARE(s.payloadHash, SigV4Signer::payloadHash({}));
        for (const auto& header : s.headers) {
            QVERIFY(header.first != "X-TC-Region");
            QVERIFY(header.first != "X-TC-Token");
            QVERIFY(header.first != "X-TC-Language");
        }
        QCOMPARE(s.headers.first().second, QByteArray("application/x-www-form-urlencoded"));
    }
};

QTEST_GUILESS_MAIN(TestTc3Signer)
#include "tst_tc3signer.moc"

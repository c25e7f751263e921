// CosSigner (COS's q-sign-algorithm=sha1 signature) against outside truth:
// every known-answer vector the official SDKs produced (cos-signature.json) and
// pre-signed URLs made by cos-python-sdk-v5.
#include "cloud/CosSigner.h"

#include "SignerVectors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

using namespace cvmi;
using namespace cvmi::cloud;
using test::loadVectors;
using test::str;
using test::vectorPath;

namespace {
StringPairList pairsOf(const QJsonObject& object)
{
    StringPairList pairs;
    for (auto it = object.begin(); it != object.end(); ++it)
        pairs.append({it.key(), it.value().toString()});
    return pairs;
}

} // namespace

class TestCosSigner : public QObject {
    Q_OBJECT

private slots:
    void vectorsPresent()
    {
        QVERIFY2(!vectorPath(QStringLiteral("cos-signature.json")).isEmpty(),
                 CVMI_CLOUD_VECTORS_DIR);
    }
    // The in-repo copy must not drift from the shared original (when it is
    // around).
    void vectorCopiesMatchShared()
    {
        const QString name = QStringLiteral("cos-signature.json");
        bool skipped = false;
        const bool same = test::vectorCopyMatchesShared(name, &skipped);
        if (skipped)
            QSKIP("the shared vectors are not beside this checkout");
        QVERIFY2(same, qPrintable(name + QStringLiteral(" differs from the shared copy: update "
                                                        "tests/core/cloud/vectors/")));
    }
    void cosVectors_data()
    {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray vectors = loadVectors(QStringLiteral("cos-signature.json"));
        QVERIFY(vectors.size() >= 4);
        for (const QJsonValue& v : vectors)
            QTest::newRow(qPrintable(str(v.toObject(), "name"))) << v.toObject();
    }
    void cosVectors()
    {
        QFETCH(QJsonObject, vector);
        const QJsonObject in = vector.value(QStringLiteral("input")).toObject();
        const QJsonObject expected = vector.value(QStringLiteral("expected")).toObject();
        const QUrl url(str(in, "url"));
        const auto window =
            CosSigner::keyTimeFor(in.value(QStringLiteral("now")).toInteger(),
                                  in.value(QStringLiteral("expire_seconds")).toInteger());
        QCOMPARE(QString::number(window.first) + u';' + QString::number(window.second),
                 str(in, "key_time"));

        CosSignRequest r;
        r.secretId = str(in, "secret_id");
        r.secretKey = str(in, "secret_key");
        r.method = str(in, "method");
        r.host = url.host();
        r.key = str(in, "key");
        r.headers = pairsOf(in.value(QStringLiteral("headers")).toObject());
        r.params = pairsOf(in.value(QStringLiteral("params")).toObject());
        r.keyTimeStart = window.first;
        r.keyTimeEnd = window.second;
        const CosSigned s = CosSigner::sign(r);
        QCOMPARE(s.httpString, str(expected, "http_string"));
        QCOMPARE(s.stringToSign, str(expected, "string_to_sign"));
        QCOMPARE(s.signKey, str(expected, "sign_key"));
        QCOMPARE(s.authorization, str(expected, "authorization"));
        QVERIFY(s.extraHeaders.isEmpty());
        // The path sent on the wire is the vector's URL path, byte for byte.
        QCOMPARE(CosSigner::encodeKeyPath(r.key), url.path(QUrl::FullyEncoded));
    }
    void cosTokenHeaderIsSigned()
    {
        CosSignRequest r;
        r.secretId = QStringLiteral("AKIDcosExample00000000000000000000");
        r.secretKey = QStringLiteral("cosSecretKeyExample0000000000000000");
        r.token = QStringLiteral("sessiontoken/abc+def==");
        r.method = QStringLiteral("PUT");
        r.host = QStringLiteral("images-1250000000.cos.ap-guangzhou.myqcloud.com");
        r.key = QStringLiteral("a.qcow2");
        r.headers = {{QStringLiteral("User-Agent"), QStringLiteral("cvm-import/0.1")},
                     {QStringLiteral("Accept"), QStringLiteral("*/*")},
                     {QStringLiteral("Content-Type"), QStringLiteral("application/octet-stream")},
                     {QStringLiteral("x-ci-thing"), QStringLiteral("1")}};
        r.keyTimeStart = 1;
        r.keyTimeEnd = 2;
        const CosSigned s = CosSigner::sign(r);
        QCOMPARE(s.headerList, QStringLiteral("content-type;host;x-ci-thing;x-cos-security-token"));
        QVERIFY(s.httpHeaders.endsWith(
            QLatin1String("x-cos-security-token=sessiontoken%2Fabc%2Bdef%3D%3D")));
        QCOMPARE(s.extraHeaders.size(), 1);
        QCOMPARE(s.extraHeaders.first().second, r.token);
        QVERIFY(!s.authorization.contains(r.token));
        QVERIFY(!s.authorization.contains(r.secretKey));
    }
    // Expected URLs made by cos-python-sdk-v5 5.1.9.41 (the vectors' SDK
    // version), with time.time() fixed at 1732442400 and the vectors' example
    // keys:
    //   CosS3Client(CosConfig(Region=..., SecretId=..., SecretKey=...,
    //   Token=...))
    //       .get_presigned_url(Bucket, Key, 'GET', Expired=..., Params=...)
    // (the token passed as Params={'x-cos-security-token': token}, as the SDK's
    // docs do).
    void cosPresigned_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("token");
        QTest::addColumn<qint64>("expire");
        QTest::addColumn<StringPairList>("params");
        QTest::addColumn<QString>("expected");
        const QString ak = QStringLiteral("q-sign-algorithm=sha1&q-ak="
                                          "AKIDcosExample00000000000000000000&q-sign-time=");
        QTest::newRow("plain") << QStringLiteral("images-1250000000.cos.ap-guangzhou.myqcloud.com")
                               << QStringLiteral("centos7.qcow2") << QString() << qint64(3600)
                               << StringPairList()
                               << QStringLiteral(
                                      "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/"
                                      "centos7.qcow2?") +
                                      ak +
                                      QStringLiteral(
                                          "1732442340%3B1732446000&q-key-time=1732442340%"
                                          "3B1732446000&q-header-list=host&q-url-param-list=&q-"
                                          "signature=bd5bbbd4272cadb54510ecf78a1866244a607750");
        QTest::newRow("with-token")
            << QStringLiteral("images-1250000000.cos.ap-guangzhou.myqcloud.com")
            << QStringLiteral("disks/ubuntu 22.04.vmdk") << QStringLiteral("sessiontoken/abc+def==")
            << qint64(21600) << StringPairList()
            << QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/disks/"
                              "ubuntu%2022.04.vmdk?") +
                   ak +
                   QStringLiteral("1732442340%3B1732464000&q-key-time=1732442340%3B1732464000&"
                                  "q-"
                                  "header-list=host&q-url-param-list=x-cos-security-token&q-"
                                  "signature=b013af2b716b0d8b68a34302d0a0ed16c14ff583&x-cos-"
                                  "security-token=sessiontoken%2Fabc%2Bdef%3D%3D");
        QTest::newRow("unicode-7-days-param")
            << QStringLiteral("b-1250000000.cos.ap-shanghai.myqcloud.com")
            << QStringLiteral("镜像/win2012+r2~final.vhd") << QString() << qint64(604800)
            << StringPairList{{QStringLiteral("response-content-disposition"),
                               QStringLiteral("attachment; filename=\"a b.vhd\"")}}
            << QStringLiteral("https://b-1250000000.cos.ap-shanghai.myqcloud.com/"
                              "%E9%95%9C%E5%83%"
                              "8F/win2012%2Br2~final.vhd?") +
                   ak +
                   QStringLiteral("1732442340%3B1733047200&q-key-time=1732442340%3B1733047200&"
                                  "q-"
                                  "header-list=host&q-url-param-list=response-content-"
                                  "disposition&q-signature="
                                  "26e28d5a86efe73cd3021737175c2fc0952e7126&response-content-"
                                  "disposition=attachment%3B+filename%3D%22a+b.vhd%22");
    }
    void cosPresigned()
    {
        QFETCH(QString, host);
        QFETCH(QString, key);
        QFETCH(QString, token);
        QFETCH(qint64, expire);
        QFETCH(StringPairList, params);
        QFETCH(QString, expected);
        CosPresignRequest r;
        r.secretId = QStringLiteral("AKIDcosExample00000000000000000000");
        r.secretKey = QStringLiteral("cosSecretKeyExample0000000000000000");
        r.token = token;
        r.host = host;
        r.key = key;
        r.params = params;
        r.now = 1732442400;
        r.expireSeconds = expire;
        Error error;
        const std::optional<QString> url = CosSigner::presignedUrl(r, &error);
        QVERIFY2(url, qPrintable(error.message));
        QCOMPARE(*url, expected);
        QVERIFY(!url->contains(r.secretKey));
    }
    void cosPresignRefusesLongExpiry()
    {
        CosPresignRequest r;
        r.secretId = QStringLiteral("AKIDexample");
        r.secretKey = QStringLiteral("secret");
        r.host = QStringLiteral("b-1250000000.cos.ap-guangzhou.myqcloud.com");
        r.key = QStringLiteral("a.vhd");
        r.now = 1732442400;
        for (const qint64 expire : {qint64(0), qint64(-5), CosSigner::maxPresignSeconds + 1}) {
            r.expireSeconds = expire;
            Error error;
            QVERIFY(!CosSigner::presignedUrl(r, &error));
            QCOMPARE(error.code, QStringLiteral("presign_expiry"));
            QVERIFY(error.message.contains(QString::number(expire)));
        }
        r.expireSeconds = CosSigner::maxPresignSeconds;
        QVERIFY(CosSigner::presignedUrl(r, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestCosSigner)
#include "tst_cossigner.moc"

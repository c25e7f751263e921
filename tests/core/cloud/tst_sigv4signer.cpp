// SigV4Signer (the S3 stores' signature) against outside truth: AWS's published
// S3 SigV4 examples, and botocore's S3SigV4Auth run live on further requests.
#include "cloud/SigV4Signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

Q_DECLARE_METATYPE(cvmi::cloud::SigV4Request)

using namespace cvmi;
using namespace cvmi::cloud;

namespace {
QString str(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name)).toString();
}

// AWS's documents write the Authorization without a space after the commas,
// botocore with one.
QString awsDocAuthorization(QString value)
{
    return value.replace(QLatin1String(","), QLatin1String(", "));
}

const QString kAwsKey = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
const QString kAwsSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
constexpr qint64 k20130524 = 1369353600; // 2013-05-24T00:00:00Z

SigV4Request awsExample()
{
    SigV4Request r;
    r.accessKeyId = kAwsKey;
    r.secretAccessKey = kAwsSecret;
    r.region = QStringLiteral("us-east-1");
    r.host = QStringLiteral("examplebucket.s3.amazonaws.com");
    r.timestamp = k20130524;
    r.method = QStringLiteral("GET");
    r.contentSha256 = SigV4Signer::payloadHash({});
    return r;
}

// A python3 that has botocore, or empty.
QString pythonWithBotocore()
{
    for (const QString& name : {QStringLiteral("python3"), QStringLiteral("python3.11")}) {
        const QString program = QStandardPaths::findExecutable(name);
        if (program.isEmpty())
            continue;
        QProcess probe;
        probe.start(program, {QStringLiteral("-c"), QStringLiteral("import botocore")});
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0)
            return program;
    }
    return {};
}

} // namespace

class TestSigV4Signer : public QObject {
    Q_OBJECT

private slots:
    // AWS's own examples: "Signature Calculations for the Authorization Header:
    // Transferring Payload in a Single Chunk", Amazon S3 API Reference (GET
    // Object, PUT Object, GET Bucket Lifecycle, Get Bucket (List Objects)).
    void sigv4AwsExamples_data()
    {
        QTest::addColumn<SigV4Request>("request");
        QTest::addColumn<QString>("canonicalRequest");
        QTest::addColumn<QString>("stringToSignHash");
        QTest::addColumn<QString>("authorization");
        const QString empty = SigV4Signer::payloadHash({});
        const QString scope =
            QStringLiteral("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/"
                           "s3/aws4_request,");

        SigV4Request get = awsExample();
        get.path = QStringLiteral("/test.txt");
        get.headers = {{QStringLiteral("Range"), QStringLiteral("bytes=0-9")}};
        QTest::newRow("GET Object")
            << get
            << QStringLiteral("GET\n/"
                              "test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes="
                              "0-9\nx-amz-content-sha256:") +
                   empty +
                   QStringLiteral("\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-"
                                  "sha256;x-amz-date\n") +
                   empty
            << QStringLiteral("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2d"
                              "c43964946972")
            << scope + QStringLiteral("SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                                      "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd"
                                      "91039c6036bdb41");

        SigV4Request put = awsExample();
        put.method = QStringLiteral("PUT");
        put.path = QStringLiteral("/test$file.text");
        put.contentSha256 = SigV4Signer::payloadHash(QByteArrayLiteral("Welcome to Amazon S3."));
        put.headers = {
            {QStringLiteral("Date"), QStringLiteral("Fri, 24 May 2013 00:00:00 GMT")},
            {QStringLiteral("x-amz-storage-class"), QStringLiteral("REDUCED_REDUNDANCY")}};
        QTest::newRow("PUT Object")
            << put
            << QStringLiteral("PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 "
                              "GMT\nhost:examplebucket."
                              "s3.amazonaws.com\nx-amz-content-sha256:"
                              "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b07"
                              "2\nx-amz-date:"
                              "20130524T000000Z\nx-amz-storage-class:REDUCED_"
                              "REDUNDANCY\n\ndate;host;x-amz-"
                              "content-sha256;x-amz-date;x-amz-storage-class\n"
                              "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b07"
                              "2")
            << QStringLiteral("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76"
                              "b4158342019d")
            << scope + QStringLiteral("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-"
                                      "amz-storage-class,Signature="
                                      "98ad721746da40c64f1a55b78f14c238"
                                      "d841ea1380cd77a1b5971af0ece108bd");

        SigV4Request lifecycle = awsExample();
        lifecycle.query = {{QStringLiteral("lifecycle"), QString()}};
        QTest::newRow("GET Bucket Lifecycle")
            << lifecycle
            << QStringLiteral("GET\n/\nlifecycle=\nhost:examplebucket.s3.amazonaws.com\nx-amz-"
                              "content-sha256:") +
                   empty +
                   QStringLiteral("\nx-amz-date:20130524T000000Z\n\nhost;x-amz-"
                                  "content-sha256;x-"
                                  "amz-date\n") +
                   empty
            << QStringLiteral("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eae"
                              "bf79c77395ca")
            << scope + QStringLiteral("SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                                      "Signature="
                                      "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a"
                                      "200a0136783543");

        SigV4Request list = awsExample();
        list.query = {{QStringLiteral("prefix"), QStringLiteral("J")},
                      {QStringLiteral("max-keys"), QStringLiteral("2")}};
        QTest::newRow("Get Bucket (List Objects)")
            << list
            << QStringLiteral("GET\n/"
                              "\nmax-keys=2&prefix=J\nhost:examplebucket.s3.amazonaws.com\nx-"
                              "amz-content-sha256:") +
                   empty +
                   QStringLiteral("\nx-amz-date:20130524T000000Z\n\nhost;x-amz-"
                                  "content-sha256;x-"
                                  "amz-date\n") +
                   empty
            << QStringLiteral("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e"
                              "0f1e7df1b9b7")
            << scope + QStringLiteral("SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                                      "Signature="
                                      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670e"
                                      "d5711ef69dc6f7");
    }
    void sigv4AwsExamples()
    {
        QFETCH(SigV4Request, request);
        QFETCH(QString, canonicalRequest);
        QFETCH(QString, stringToSignHash);
        QFETCH(QString, authorization);
        const SigV4Signed s = SigV4Signer::sign(request);
        QCOMPARE(s.canonicalRequest, canonicalRequest);
        QCOMPARE(s.stringToSign,
                 QStringLiteral("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/"
                                "aws4_request\n") +
                     stringToSignHash);
        QCOMPARE(s.authorization, awsDocAuthorization(authorization));
    }
    void sigv4Canonicalisation()
    {
        SigV4Request r = awsExample();
        r.path = QStringLiteral("/dir/a b+c~d/é.txt");
        r.query = {{QStringLiteral("b"), QStringLiteral("2")},
                   {QStringLiteral("a"), QStringLiteral("x y/z")},
                   {QStringLiteral("a"), QStringLiteral("")},
                   {QStringLiteral("uploads"), QString()}};
        r.headers = {{QStringLiteral("X-Amz-Meta-Note"), QStringLiteral("  two   spaces  ")},
                     {QStringLiteral("x-amz-meta-note"), QStringLiteral("again")},
                     {QStringLiteral("User-Agent"), QStringLiteral("not signed")}};
        r.sessionToken = QStringLiteral("tok/en+=");
        const SigV4Signed s = SigV4Signer::sign(r);
        QCOMPARE(s.canonicalUri, QStringLiteral("/dir/a%20b%2Bc~d/%C3%A9.txt"));
        QCOMPARE(s.canonicalQuery, QStringLiteral("a=&a=x%20y%2Fz&b=2&uploads="));
        QVERIFY(s.canonicalHeaders.contains(QLatin1String("x-amz-meta-note:two spaces,again\n")));
        QVERIFY(s.canonicalHeaders.contains(QLatin1String("x-amz-security-token:tok/en+=\n")));
        QCOMPARE(s.signedHeaders, QStringLiteral("host;x-amz-content-sha256;x-amz-date;x-amz-meta-"
                                                 "note;x-amz-security-token"));
        QCOMPARE(s.extraHeaders.last().first, QStringLiteral("Authorization"));
    }
    // botocore's S3SigV4Auth, run now on the same requests, must produce the same
    // Authorization.
    void sigv4Botocore()
    {
        const QString python = pythonWithBotocore();
        if (python.isEmpty())
            QSKIP("no python3 with botocore (Debian: python3-botocore)");

        QList<SigV4Request> requests;
        SigV4Request base = awsExample();
        base.accessKeyId = QStringLiteral("AKIDcosExample00000000000000000000");
        base.secretAccessKey = QStringLiteral("cosSecretKeyExample0000000000000000");
        base.region = QStringLiteral("ap-guangzhou");
        base.host = QStringLiteral("images-1250000000.cos.ap-guangzhou.myqcloud.com");
        base.timestamp = 1732442400;

        SigV4Request head = base;
        head.method = QStringLiteral("HEAD");
        head.path = QStringLiteral("/镜像/win2012+r2~final (1).vhd");
        head.contentSha256 = SigV4Signer::unsignedPayload();
        head.sessionToken = QStringLiteral("sessiontoken/abc+def==");
        requests.append(head);

        SigV4Request part = base;
        part.method = QStringLiteral("PUT");
        part.path = QStringLiteral("/disks/ubuntu 22.04.vmdk");
        part.query = {{QStringLiteral("uploadId"), QStringLiteral("1585130821cbb7df+/=")},
                      {QStringLiteral("partNumber"), QStringLiteral("3")}};
        part.headers = {
            {QStringLiteral("Content-Type"), QStringLiteral("application/octet-stream")},
            {QStringLiteral("Content-Length"), QStringLiteral("5")},
            {QStringLiteral("User-Agent"), QStringLiteral("cvm-import/0.1")}};
        part.contentSha256 = SigV4Signer::payloadHash(QByteArrayLiteral("hello"));
        requests.append(part);

        SigV4Request listing = base;
        listing.host = QStringLiteral("cos.ap-guangzhou.myqcloud.com");
        listing.query = {{QStringLiteral("uploads"), QString()},
                         {QStringLiteral("prefix"), QStringLiteral("a b/é~*")},
                         {QStringLiteral("max-uploads"), QStringLiteral("1000")}};
        listing.headers = {{QStringLiteral("x-amz-meta-a"), QStringLiteral("  x   y ")},
                           {QStringLiteral("x-amz-meta-a"), QStringLiteral("z")}};
        listing.contentSha256 = SigV4Signer::unsignedPayload();
        requests.append(listing);

        QJsonArray cases;
        for (const SigV4Request& r : requests) {
            QJsonArray query;
            for (const auto& [name, value] : r.query)
                query.append(QJsonArray{name, value});
            QJsonArray headers;
            for (const auto& [name, value] : r.headers)
                headers.append(QJsonArray{name, value});
            QJsonObject c{{QStringLiteral("access_key"), r.accessKeyId},
                          {QStringLiteral("secret_key"), r.secretAccessKey},
                          {QStringLiteral("token"), r.sessionToken},
                          {QStringLiteral("region"), r.region},
                          {QStringLiteral("timestamp"), r.timestamp},
                          {QStringLiteral("method"), r.method},
                          {QStringLiteral("host"), r.host},
                          {QStringLiteral("path"), r.path},
                          {QStringLiteral("query"), query},
                          {QStringLiteral("headers"), headers}};
            if (r.contentSha256 == SigV4Signer::unsignedPayload())
                c.insert(QStringLiteral("payload"), QStringLiteral("UNSIGNED"));
            else
                c.insert(QStringLiteral("payload"),
                         QJsonObject{{QStringLiteral("body"), QStringLiteral("hello")}});
            cases.append(c);
        }

        QProcess process;
        process.start(python, {QStringLiteral(CVMI_CLOUD_TESTS_DIR "/sigv4_reference.py")});
        QVERIFY(process.waitForStarted());
        process.write(QJsonDocument(cases).toJson());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QJsonArray results = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
        QCOMPARE(results.size(), requests.size());
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const SigV4Signed s = SigV4Signer::sign(requests.at(i));
            const QJsonObject reference = results.at(i).toObject();
            QCOMPARE(s.canonicalRequest, str(reference, "canonical_request"));
            QCOMPARE(s.authorization, str(reference, "Authorization"));
            QCOMPARE(s.amzDate, str(reference, "X-Amz-Date"));
            QCOMPARE(requests.at(i).contentSha256, str(reference, "X-Amz-Content-SHA256"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"

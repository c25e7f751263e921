// CvmClient and CloudEndpoints against the in-process emulator over loopback: each action's
// success, every error the emulator can produce mapped to words and a remedy with its RequestId,
// a skewed server clock fixed by one retry and reported, http:// refused off loopback, and no
// secret in any log line.
#include "CloudTestSupport.h"

#include "cloud/ClockSkew.h"
#include "cloud/CvmClient.h"
#include "cloud/HttpClient.h"
#include "importform/OsCatalogue.h"

#include <QJsonObject>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloud;
using namespace cvmi::cloudtest;

class TestCvmClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    HttpClient m_http;

    std::unique_ptr<CvmClient> client(const QString& id = kId, const QString& key = kKey,
                                      const QString& token = {})
    {
        return std::make_unique<CvmClient>(&m_http, endpointsFor(*m_emulator),
                                           credentials(id, key, token));
    }

    static ImportImageRequest validImport(const QString& name)
    {
        ImportImageRequest r;
        r.architecture = QStringLiteral("x86_64");
        r.osType = QStringLiteral("CentOS");
        r.osVersion = QStringLiteral("7"); // the vendor's lists name majors
        r.imageUrl = QStringLiteral("https://") + kBucket +
                     QStringLiteral(".cos.ap-guangzhou.myqcloud.com/disks/centos7.qcow2");
        r.imageName = name;
        return r;
    }

    static void verifyError(const CloudError& error, const QString& code)
    {
        QCOMPARE(error.code, code);
        QVERIFY2(!error.requestId.isEmpty(), qPrintable(code));
        QVERIFY(!error.userMessage.isEmpty());
        QVERIFY(!error.remedy.isEmpty());
        QVERIFY(error.userMessage != CloudErrors::cvm(QStringLiteral("No.Such.Code")).userMessage);
    }

private slots:
    void initTestCase()
    {
        captureLogs();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        m_emulator->setImportDelayMs(60000);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(kBucket, kRegion, false, &error), qPrintable(error));
        // The OS list the emulator serves must contain what validImport() uses.
        const auto os = waitFor(client()->describeImportImageOs());
        QVERIFY(os.ok());
        bool found = false;
        for (const auto& v : os.value.versions)
            found = found || (v.osName == QLatin1String("CentOS") &&
                              v.osVersions.contains(QLatin1String("7")));
        QVERIFY(found);
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::newRow("https") << "https://cvm.tencentcloudapi.com" << QString();
        QTest::newRow("https port") << "https://cvm.example.com:8443/" << QString();
        QTest::newRow("http loopback") << "http://127.0.0.1:8080" << QString();
        QTest::newRow("http 127/8") << "http://127.8.9.10:8080" << QString();
        QTest::newRow("http localhost") << "http://localhost:1" << QString();
        QTest::newRow("http ::1") << "http://[::1]:8080" << QString();
        QTest::newRow("http lan") << "http://10.0.0.5:8080"
                                  << "endpoint.insecure";
        QTest::newRow("http name") << "http://cvm.tencentcloudapi.com"
                                   << "endpoint.insecure";
        QTest::newRow("http localhost-like") << "http://localhost.evil.com"
                                             << "endpoint.insecure";
        QTest::newRow("ftp") << "ftp://127.0.0.1"
                             << "endpoint.invalid";
        QTest::newRow("path") << "https://cvm.example.com/api"
                              << "endpoint.invalid";
        QTest::newRow("user") << "https://u:p@cvm.example.com"
                              << "endpoint.invalid";
        QTest::newRow("no host") << "https://"
                                 << "endpoint.invalid";
    }

    void endpoints()
    {
        QFETCH(QString, url);
        QFETCH(QString, code);
        CloudEndpoints e;
        Error error;
        const bool cvmOk = e.setCvmEndpoint(url, &error);
        QCOMPARE(cvmOk, code.isEmpty());
        QCOMPARE(error.code, code);
        Error cosError;
        QCOMPARE(e.setCosEndpoint(url, &cosError), code.isEmpty());
        if (!code.isEmpty()) {
            QVERIFY(!error.message.isEmpty());
            QCOMPARE(e.cvmEndpoint().host(), CloudEndpoints::defaultCvmHost());
            QVERIFY(!e.cosEndpoint());
        }
    }

    void serviceHost()
    {
        CloudEndpoints e;
        QCOMPARE(e.cvmServiceHost(), QStringLiteral("cvm.tencentcloudapi.com"));
        QVERIFY(e.setCvmEndpoint(QStringLiteral("http://127.0.0.1:9"), nullptr));
        QCOMPARE(e.cvmServiceHost(), QStringLiteral("cvm.tencentcloudapi.com"));
        QVERIFY(e.setCvmEndpoint(QStringLiteral("https://cvm.intl.tencentcloudapi.com"), nullptr));
        QCOMPARE(e.cvmServiceHost(), QStringLiteral("cvm.intl.tencentcloudapi.com"));
        QVERIFY(e.setCvmEndpoint(QString(), nullptr));
        QCOMPARE(e.cvmEndpoint().toString(), QStringLiteral("https://cvm.tencentcloudapi.com/"));
    }

    void httpDate()
    {
        QCOMPARE(ClockSkew::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), qint64(784111777));
        QCOMPARE(ClockSkew::parseHttpDate("Sun, 6 Nov 1994 08:49:37 +0000"), qint64(784111777));
        QVERIFY(!ClockSkew::parseHttpDate("yesterday"));
        QVERIFY(!ClockSkew::parseHttpDate(""));
        QVERIFY(ClockSkew::describe(-42).contains(QLatin1String("42 s")));
    }

    void describeRegionsIsAsync()
    {
        auto c = client();
        QFuture<CloudResult<QList<CvmRegion>>> future = c->describeRegions();
        QVERIFY(!future.isFinished()); // the caller's thread is never blocked
        const auto result = waitFor(future);
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(!result.requestId.isEmpty());
        QVERIFY(!result.clockSkewSeconds);
        QStringList names;
        for (const CvmRegion& r : result.value) {
            names.append(r.region);
            QCOMPARE(r.state, QStringLiteral("AVAILABLE"));
        }
        QCOMPARE(names, QStringList({kRegion, QStringLiteral("ap-shanghai")}));
    }

    void describeImportImageOs()
    {
        const auto result = waitFor(client()->describeImportImageOs());
        QVERIFY(result.ok());
        QVERIFY(result.value.linuxOs.contains(QLatin1String("CentOS")));
        QVERIFY(!result.value.windowsOs.isEmpty());
        QVERIFY(!result.value.versions.isEmpty());
        QVERIFY(!result.requestId.isEmpty());
        // The emulator serves the program's built-in list: one home for the vendor's answer.
        QCOMPARE(importform::OsCatalogue::toAnswer(result.value),
                 importform::OsCatalogue::toAnswer(importform::OsCatalogueStore::builtIn().list()));
    }

    void describeImportImageOsSendsTheRegion()
    {
        // The current API page marks Region as required for DescribeImportImageOs. The
        // emulator refuses a region the account lacks, so an answer proves what was sent.
        auto c = client();
        c->setRegion(QStringLiteral("ap-beijing")); // not one of this account's regions
        const auto refused = waitFor(c->describeImportImageOs());
        QVERIFY2(!refused.ok(), "DescribeImportImageOs was sent without X-TC-Region");
        verifyError(refused.error, QStringLiteral("UnsupportedRegion"));
        c->setRegion(kRegion);
        QVERIFY(waitFor(c->describeImportImageOs()).ok());
        c->setRegion(QString()); // none known: sent without, which the service accepts
        QVERIFY(waitFor(c->describeImportImageOs()).ok());
    }

    void vendorMajorVersionImports()
    {
        // The vendor's example value: CentOS "7", Redhat "7" (its spelling), Windows "-".
        for (const auto& [type, version] :
             {std::pair{QStringLiteral("CentOS"), QStringLiteral("7")},
              std::pair{QStringLiteral("Redhat"), QStringLiteral("7")},
              std::pair{QStringLiteral("Windows Server 2016"), QStringLiteral("-")}}) {
            ImportImageRequest r = validImport(QStringLiteral("vendor-") + type.left(3));
            r.osType = type;
            r.osVersion = version;
            r.dryRun = true;
            const auto result = waitFor(client()->importImage(r));
            QVERIFY2(result.ok() && result.value.dryRunAllowed,
                     qPrintable(type + u' ' + result.error.toString()));
        }
        ImportImageRequest r = validImport(QStringLiteral("vendor-minor"));
        r.osVersion = QStringLiteral("7.9"); // not in the vendor's list
        r.dryRun = true;
        verifyError(waitFor(client()->importImage(r)).error,
                    QStringLiteral("InvalidImageOsVersion.Unsupported"));
    }

    void importDryRunAllowed()
    {
        ImportImageRequest r = validImport(QStringLiteral("dry-run"));
        r.dryRun = true;
        r.imageDescription = QStringLiteral("a dry run");
        r.tags = {{QStringLiteral("team"), QStringLiteral("ops")}};
        r.bootMode = QStringLiteral("UEFI");
        r.licenseType = QStringLiteral("BYOL");
        r.imageFamily = QStringLiteral("centos-family");
        r.force = true;
        const auto result = waitFor(client()->importImage(r));
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(result.value.dryRunAllowed);
        QVERIFY(result.value.imageId.isEmpty());
        QVERIFY(!result.requestId.isEmpty());
    }

    void importAndDescribe()
    {
        auto c = client();
        const auto imported = waitFor(c->importImage(validImport(QStringLiteral("real-one"))));
        QVERIFY2(imported.ok(), qPrintable(imported.error.toString()));
        QVERIFY(imported.value.imageId.startsWith(QLatin1String("img-")));
        QVERIFY(!imported.value.dryRunAllowed);
        const auto images = waitFor(c->describeImages({imported.value.imageId}));
        QVERIFY2(images.ok(), qPrintable(images.error.toString()));
        QCOMPARE(images.value.size(), 1);
        QCOMPARE(images.value.first().imageId, imported.value.imageId);
        QCOMPARE(images.value.first().imageName, QStringLiteral("real-one"));
        QCOMPARE(images.value.first().imageState, QStringLiteral("IMPORTING"));

        const auto duplicate = waitFor(c->importImage(validImport(QStringLiteral("real-one"))));
        verifyError(duplicate.error, QStringLiteral("InvalidImageName.Duplicate"));
        const auto malformed = waitFor(c->describeImages({QStringLiteral("not-an-id")}));
        verifyError(malformed.error, QStringLiteral("InvalidImageId.Malformed"));
    }

    void importErrors_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("os type") << "osType"
                                 << "Plan9"
                                 << "InvalidImageOsType.Unsupported";
        QTest::newRow("os version") << "osVersion"
                                    << "0.1"
                                    << "InvalidImageOsVersion.Unsupported";
        QTest::newRow("boot mode") << "bootMode"
                                   << "Coreboot"
                                   << "InvalidParameterValue.InvalidBootMode";
        QTest::newRow("licence") << "licenseType"
                                 << "Free"
                                 << "InvalidParameterValue.InvalidLicenseType";
        QTest::newRow("family") << "imageFamily"
                                << "bad family!"
                                << "InvalidParameterValue.InvalidImageFamily";
        QTest::newRow("name") << "imageName" << QString(61, u'n')
                              << "InvalidParameterValue.TooLarge";
        QTest::newRow("url") << "imageUrl"
                             << "https://example.com/a.qcow2"
                             << "InvalidParameter.InvalidParameterUrlError";
        QTest::newRow("architecture") << "architecture"
                                      << "sparc"
                                      << "InvalidParameterValue";
    }

    void importErrors()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        ImportImageRequest r = validImport(QStringLiteral("bad-") + field);
        r.dryRun = true;
        if (field == QLatin1String("osType"))
            r.osType = value;
        else if (field == QLatin1String("osVersion"))
            r.osVersion = value;
        else if (field == QLatin1String("bootMode"))
            r.bootMode = value;
        else if (field == QLatin1String("licenseType"))
            r.licenseType = value;
        else if (field == QLatin1String("imageFamily"))
            r.imageFamily = value;
        else if (field == QLatin1String("imageName"))
            r.imageName = value;
        else if (field == QLatin1String("imageUrl"))
            r.imageUrl = value;
        else
            r.architecture = value;
        const auto result = waitFor(client()->importImage(r));
        QVERIFY(!result.ok());
        verifyError(result.error, code);
        QVERIFY(!result.value.dryRunAllowed);
    }

    void rawCallErrors()
    {
        auto c = client();
        const auto missing =
            waitFor(c->call(QStringLiteral("ImportImage"),
                            {{QStringLiteral("OsType"), QStringLiteral("CentOS")}}, kRegion));
        verifyError(missing.error, QStringLiteral("MissingParameter"));
        const auto unknown = waitFor(
            c->call(QStringLiteral("ImportImage"), {{QStringLiteral("Bogus"), 1}}, kRegion));
        verifyError(unknown.error, QStringLiteral("UnknownParameter"));
        const auto action = waitFor(c->call(QStringLiteral("RunInstances"), {}, kRegion));
        verifyError(action.error, QStringLiteral("InvalidAction"));
        const auto region =
            waitFor(c->call(QStringLiteral("DescribeImages"), {}, QStringLiteral("ap-beijing")));
        verifyError(region.error, QStringLiteral("UnsupportedRegion"));
    }

    void authErrors_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong key")
            << kId << "not-the-key" << QString() << "AuthFailure.SignatureFailure";
        QTest::newRow("unknown id")
            << "AKIDNOBODY" << kKey << QString() << "AuthFailure.SecretIdNotFound";
        QTest::newRow("token missing")
            << kTokenId << kTokenKey << QString() << "AuthFailure.TokenFailure";
        QTest::newRow("token wrong") << kTokenId << kTokenKey << "expired-token"
                                     << "AuthFailure.TokenFailure";
        QTest::newRow("token on permanent") << kId << kKey << "stray-token"
                                            << "AuthFailure.TokenFailure";
    }

    void authErrors()
    {
        QFETCH(QString, id);
        QFETCH(QString, key);
        QFETCH(QString, token);
        QFETCH(QString, code);
        const auto result = waitFor(client(id, key, token)->describeRegions());
        verifyError(result.error, code);
        QCOMPARE(result.error.httpStatus, 200);
    }

    void temporaryCredentials()
    {
        const auto result = waitFor(client(kTokenId, kTokenKey, kToken)->describeRegions());
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    }

    void noImportPermission()
    {
        auto c = client(kNoImportId, kNoImportKey);
        QVERIFY(waitFor(c->describeRegions()).ok());
        ImportImageRequest r = validImport(QStringLiteral("denied"));
        r.dryRun = true;
        const auto result = waitFor(c->importImage(r));
        verifyError(result.error, QStringLiteral("UnauthorizedOperation.PermissionDenied"));
        QVERIFY(!result.value.dryRunAllowed);
        QVERIFY(result.error.remedy.contains(QLatin1String("cvm:ImportImage")));
        QVERIFY(result.error.remedy.contains(QLatin1String("QcloudCVMFullAccess")));
        QVERIFY(result.error.remedy.contains(QLatin1String("CAM console")));
        QVERIFY(result.error.remedy.contains(QLatin1String("ticket")));
        QVERIFY(result.error.toString().contains(result.error.requestId));
    }

    void skewFixedByOneRetry()
    {
        QString error;
        QVERIFY2(
            m_emulator->setFaults(
                QJsonObject::fromVariantMap(
                    {{QStringLiteral("rules"),
                      QVariantList{QVariantMap{{QStringLiteral("operation"), QStringLiteral("*")},
                                               {QStringLiteral("fault"), QStringLiteral("skew")},
                                               {QStringLiteral("seconds"), -3600}}}}}),
                &error),
            qPrintable(error));
        auto c = client();
        const auto result = waitFor(c->describeRegions());
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(result.clockSkewSeconds);
        QVERIFY2(qAbs(*result.clockSkewSeconds + 3600) <= 5,
                 qPrintable(QString::number(*result.clockSkewSeconds)));
        QCOMPARE(c->clockOffset(), *result.clockSkewSeconds);
        QVERIFY(ClockSkew::describe(*result.clockSkewSeconds).contains(QLatin1String("clock is")));
        // Later calls keep the offset: no second retry needed.
        const auto again = waitFor(c->describeImportImageOs());
        QVERIFY(again.ok());
        QVERIFY(!again.clockSkewSeconds);
        m_emulator->clearFaults();
    }

    void skewWithoutFixKeepsError()
    {
        // A skew of the signing clock itself that the server's Date cannot explain: the retry
        // is made once only and the error is reported.
        QString error;
        QVERIFY(m_emulator->setFaults(
            QJsonObject::fromVariantMap(
                {{QStringLiteral("rules"),
                  QVariantList{QVariantMap{{QStringLiteral("operation"), QStringLiteral("*")},
                                           {QStringLiteral("fault"), QStringLiteral("skew")},
                                           {QStringLiteral("seconds"), 7200},
                                           {QStringLiteral("times"), 1}}}}}),
            &error));
        auto c = client();
        const auto result = waitFor(c->describeRegions());
        // Retried with +7200 while the server is back on time: refused again, not retried.
        verifyError(result.error, QStringLiteral("AuthFailure.SignatureExpire"));
        QVERIFY(result.clockSkewSeconds);
        m_emulator->clearFaults();
    }

    void networkFailure()
    {
        CloudEndpoints e;
        QVERIFY(e.setCvmEndpoint(QStringLiteral("http://127.0.0.1:1"), nullptr));
        CvmClient c(&m_http, e, credentials(kId, kKey));
        const auto result = waitFor(c.describeRegions());
        QCOMPARE(result.error.code, QStringLiteral("Network.Failure"));
        QVERIFY(!result.error.userMessage.isEmpty());
        QVERIFY(!result.error.remedy.isEmpty());
    }

    void everyDocumentedCodeIsMapped()
    {
        const QStringList codes = {
            QStringLiteral("ImageQuotaLimitExceeded"),
            QStringLiteral("InvalidImageName.Duplicate"),
            QStringLiteral("InvalidImageOsType.Unsupported"),
            QStringLiteral("InvalidImageOsVersion.Unsupported"),
            QStringLiteral("InvalidParameter.InvalidParameterUrlError"),
            QStringLiteral("InvalidParameterValue.ISOMustImportByForce"),
            QStringLiteral("InvalidParameterValue.InvalidAppIdFormat"),
            QStringLiteral("InvalidParameterValue.InvalidBootMode"),
            QStringLiteral("InvalidParameterValue.InvalidImageFamily"),
            QStringLiteral("InvalidParameterValue.InvalidLicenseType"),
            QStringLiteral("InvalidParameterValue.TagKeyNotFound"),
            QStringLiteral("InvalidParameterValue.TooLarge"),
            QStringLiteral("OperationDenied.InnerUserProhibitAction"),
            QStringLiteral("RegionAbilityLimit.UnsupportedToImportImage"),
            QStringLiteral("AuthFailure.SignatureFailure"),
            QStringLiteral("AuthFailure.SignatureExpire"),
            QStringLiteral("AuthFailure.SecretIdNotFound"),
            QStringLiteral("AuthFailure.InvalidSecretId"),
            QStringLiteral("AuthFailure.TokenFailure"),
            QStringLiteral("AuthFailure.UnauthorizedOperation"),
            QStringLiteral("UnauthorizedOperation"),
            QStringLiteral("UnauthorizedOperation.PermissionDenied"),
            QStringLiteral("RequestLimitExceeded"),
            QStringLiteral("InternalError"),
            QStringLiteral("InvalidParameter"),
            QStringLiteral("InvalidParameterValue"),
            QStringLiteral("MissingParameter"),
            QStringLiteral("UnsupportedOperation"),
            QStringLiteral("UnknownParameter"),
            QStringLiteral("InvalidAction"),
            QStringLiteral("DryRunOperation"),
            QStringLiteral("AuthFailure.CamRoleNameAuthenticateFailed"),
            QStringLiteral("InvalidParameter.InvalidParameterCoexistImageIdsFilters")};
        const QString fallback = CloudErrors::cvm(QStringLiteral("Unheard.Of")).userMessage;
        for (const QString& code : codes) {
            const ErrorAdvice advice = CloudErrors::cvm(code);
            QVERIFY2(advice.userMessage != fallback, qPrintable(code));
            QVERIFY2(!advice.remedy.isEmpty(), qPrintable(code));
        }
        for (const char* code :
             {"UnauthorizedOperation", "UnauthorizedOperation.PermissionDenied",
              "AuthFailure.UnauthorizedOperation", "OperationDenied.InnerUserProhibitAction"})
            QVERIFY(CloudErrors::cvm(QLatin1String(code))
                        .remedy.contains(QLatin1String("cvm:ImportImage")));
    }

    void parseEnvelope()
    {
        const auto ok = CvmClient::parseResponse(200, R"({"Response":{"RequestId":"r-1","X":1}})");
        QVERIFY(ok.ok());
        QCOMPARE(ok.requestId, QStringLiteral("r-1"));
        const auto err = CvmClient::parseResponse(
            200,
            R"({"Response":{"Error":{"Code":"InternalError","Message":"m"},"RequestId":"r-2"}})");
        QCOMPARE(err.error.code, QStringLiteral("InternalError"));
        QCOMPARE(err.error.requestId, QStringLiteral("r-2"));
        QCOMPARE(err.error.message, QStringLiteral("m"));
        const auto html = CvmClient::parseResponse(502, "<html>bad gateway</html>");
        QCOMPARE(html.error.code, QStringLiteral("Network.BadResponse"));
        QCOMPARE(html.error.httpStatus, 502);
    }

    void noSecretInLogs()
    {
        QVERIFY(!capturedLog().isEmpty());
        const QStringList leaked = leakedLines(allSecrets());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u'\n')));
    }

    // The envelope parser the fuzzers drive (CvmClient::parseResponse): JSON that is valid but
    // not an envelope.
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

QTEST_GUILESS_MAIN(TestCvmClient)
#include "tst_cvmclient.moc"

// AppSettings: defaults, values surviving a new instance on the same file, every setter refusing
// bad input with a specific error and keeping the previous value, endpoint overrides validated by
// CloudEndpoints (plain http:// only for loopback), and hand-edited bad values read as defaults.
#include "settings/AppSettings.h"
#include "util/Units.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using settings::AppSettings;

class TestAppSettings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    // The sizes the settings dialog and the CLI's --part-size / --limit-rate read.
    void byteSizes()
    {
        constexpr qint64 MiB = 1024 * 1024;
        QCOMPARE(parseByteSize(QStringLiteral("1048576")), MiB);
        QCOMPARE(parseByteSize(QStringLiteral("8M")), 8 * MiB);
        QCOMPARE(parseByteSize(QStringLiteral(" 64 MiB ")), 64 * MiB);
        QCOMPARE(parseByteSize(QStringLiteral("64mb")), 64 * MiB);
        QCOMPARE(parseByteSize(QStringLiteral("1.5G")), 1536 * MiB);
        QCOMPARE(parseByteSize(QStringLiteral("512k")), 512 * 1024);
        QCOMPARE(parseByteSize(QStringLiteral("2T")), 2 * 1024 * 1024 * MiB);
        QCOMPARE(parseByteSize(QStringLiteral("10b")), 10);
        QCOMPARE(parseByteSize(QStringLiteral("4M/s"), true), 4 * MiB);
        for (const char* bad :
             {"", "M", "-1M", "8X", "8 M B", "1e3", "0x10", "8M/s", "99999999999999999999T"})
            QVERIFY2(!parseByteSize(QLatin1String(bad)), bad);
    }

    void defaults()
    {
        const AppSettings s(file("empty.ini"));
        QCOMPARE(s.profile(), QStringLiteral("default"));
        QCOMPARE(s.region(), QString());
        QCOMPARE(s.cvmEndpoint(), QString());
        QCOMPARE(s.cosEndpoint(), QString());
        QCOMPARE(s.partSize(), 0);
        QCOMPARE(s.concurrency(), 4);
        QCOMPARE(s.rateLimit(), 0);
        QCOMPARE(s.language(), QString());
        Error error;
        const cloud::CloudEndpoints endpoints = s.endpoints(&error);
        QVERIFY(!error.isSet());
        QCOMPARE(endpoints.cvmEndpoint().host(), QStringLiteral("cvm.tencentcloudapi.com"));
        QVERIFY(!endpoints.cosEndpoint());
    }

    void roundTrip()
    {
        const QString path = file("round.ini");
        {
            AppSettings s(path);
            Error error;
            QVERIFY(s.setProfile(QStringLiteral("work"), &error));
            QVERIFY(s.setRegion(QStringLiteral("ap-shanghai"), &error));
            QVERIFY(
                s.setCvmEndpoint(QStringLiteral(" https://cvm.internal.example:8443 "), &error));
            QVERIFY(s.setCosEndpoint(QStringLiteral("http://127.0.0.1:9000"), &error));
            QVERIFY(s.setPartSize(qint64(64) << 20, &error));
            QVERIFY(s.setConcurrency(8, &error));
            QVERIFY(s.setRateLimit(10'000'000, &error));
            QVERIFY(s.setLanguage(QStringLiteral("zh_CN"), &error));
            QVERIFY2(s.sync(&error), qPrintable(error.message));
        }
        const AppSettings s(path);
        QCOMPARE(s.profile(), QStringLiteral("work"));
        QCOMPARE(s.region(), QStringLiteral("ap-shanghai"));
        QCOMPARE(s.cvmEndpoint(), QStringLiteral("https://cvm.internal.example:8443"));
        QCOMPARE(s.cosEndpoint(), QStringLiteral("http://127.0.0.1:9000"));
        QCOMPARE(s.partSize(), qint64(64) << 20);
        QCOMPARE(s.concurrency(), 8);
        QCOMPARE(s.rateLimit(), 10'000'000);
        QCOMPARE(s.language(), QStringLiteral("zh_CN"));
        const cloud::CloudEndpoints endpoints = s.endpoints();
        QCOMPARE(endpoints.cvmEndpoint().port(), 8443);
        QVERIFY(endpoints.cosEndpoint());
        QCOMPARE(endpoints.cosEndpoint()->port(), 9000);

        // Empty restores the defaults.
        AppSettings again(path);
        Error error;
        QVERIFY(again.setCvmEndpoint(QString(), &error));
        QVERIFY(again.setRegion(QString(), &error));
        QVERIFY(again.setLanguage(QString(), &error));
        QCOMPARE(again.cvmEndpoint(), QString());
        QCOMPARE(again.region(), QString());
        QCOMPARE(again.language(), QString());
    }

    void refusals()
    {
        AppSettings s(file("refuse.ini"));
        Error error;
        QVERIFY(s.setConcurrency(6, &error));

        QVERIFY(!s.setCvmEndpoint(QStringLiteral("http://cvm.example.com"), &error));
        QCOMPARE(error.code, QStringLiteral("endpoint.insecure"));
        QVERIFY(!s.setCosEndpoint(QStringLiteral("ftp://127.0.0.1"), &error));
        QCOMPARE(error.code, QStringLiteral("endpoint.invalid"));
        QCOMPARE(s.cvmEndpoint(), QString());
        QCOMPARE(s.cosEndpoint(), QString());

        QVERIFY(!s.setRegion(QStringLiteral("Guangzhou"), &error));
        QCOMPARE(error.code, QStringLiteral("settings.region"));
        QVERIFY(error.message.contains(QStringLiteral("Guangzhou")));
        QVERIFY(!s.setProfile(QString(), &error));
        QCOMPARE(error.code, QStringLiteral("keyring.profile"));
        QVERIFY(!s.setPartSize(1000, &error));
        QCOMPARE(error.code, QStringLiteral("settings.part_size"));
        QVERIFY(!s.setPartSize((qint64(5) << 30) + 1, &error));
        QVERIFY(s.setPartSize(qint64(1) << 20, &error));
        QVERIFY(!s.setConcurrency(0, &error));
        QCOMPARE(error.code, QStringLiteral("settings.concurrency"));
        QVERIFY(!s.setConcurrency(65, &error));
        QCOMPARE(s.concurrency(), 6);
        QVERIFY(!s.setRateLimit(-1, &error));
        QCOMPARE(error.code, QStringLiteral("settings.rate_limit"));
        QCOMPARE(s.inspectTimeout(), 10);
        QVERIFY(!s.setInspectTimeout(0, &error));
        QCOMPARE(error.code, QStringLiteral("settings.inspect_timeout"));
        QVERIFY(!s.setInspectTimeout(3601, &error));
        QVERIFY(s.setInspectTimeout(45, &error));
        QCOMPARE(s.inspectTimeout(), 45);
        QVERIFY(!s.setLanguage(QStringLiteral("../../etc"), &error));
        QCOMPARE(error.code, QStringLiteral("settings.language"));
    }

    // The Account page's last bucket: a full bucket name kept, anything else refused or ignored.
    void lastBucket()
    {
        const QString path = file("bucket.ini");
        {
            AppSettings s(path);
            QCOMPARE(s.lastBucket(), QString());
            Error error;
            QVERIFY(s.setLastBucket(QStringLiteral("images-1250000000"), &error));
            for (const char* bad : {"images", "Images-1250000000", "-1250000000", "images-12x"}) {
                Error refused;
                QVERIFY2(!s.setLastBucket(QLatin1String(bad), &refused), bad);
                QCOMPARE(refused.code, QStringLiteral("settings.bucket"));
                QVERIFY(refused.message.contains(QLatin1String(bad)));
            }
            QVERIFY(s.sync(&error));
        }
        QCOMPARE(AppSettings(path).lastBucket(), QStringLiteral("images-1250000000"));
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("account/lastBucket"), QStringLiteral("../etc"));
        }
        QCOMPARE(AppSettings(path).lastBucket(), QString());
    }

    void handEditedValues()
    {
        const QString path = file("edited.ini");
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("account/profile"), QString());
            raw.setValue(QStringLiteral("account/region"), QStringLiteral("GZ!"));
            raw.setValue(QStringLiteral("endpoints/cvm"), QStringLiteral("http://10.1.2.3"));
            raw.setValue(QStringLiteral("upload/partSize"), QStringLiteral("huge"));
            raw.setValue(QStringLiteral("upload/concurrency"), 1000);
            raw.setValue(QStringLiteral("upload/rateLimit"), -5);
            raw.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon!"));
        }
        const AppSettings s(path);
        QCOMPARE(s.profile(), QStringLiteral("default"));
        QCOMPARE(s.region(), QString());
        QCOMPARE(s.partSize(), 0);
        QCOMPARE(s.concurrency(), 4);
        QCOMPARE(s.rateLimit(), 0);
        QCOMPARE(s.language(), QString());
        // The insecure override is not used: the real service instead, and the reason reported.
        Error error;
        const cloud::CloudEndpoints endpoints = s.endpoints(&error);
        QCOMPARE(error.code, QStringLiteral("endpoint.insecure"));
        QCOMPARE(endpoints.cvmEndpoint().host(), QStringLiteral("cvm.tencentcloudapi.com"));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"

// PermissionCheck against the in-process emulator: every line ok for a permitted account with
// the region's buckets marked; the import line failing with the CAM remedy for an account without
// cvm:ImportImage; wrong keys failing the credential line (and the dependent lines); an
// unavailable region; a skewed server clock corrected and reported; live per-line signals.
#include "CloudTestSupport.h"

#include "cloud/HttpClient.h"
#include "cloud/PermissionCheck.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloud;
using namespace cvmi::cloudtest;
using State = PermissionLine::State;

class TestPermission : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    HttpClient m_http;

    struct Run {
        QList<PermissionLine> lines;
        QList<QPair<int, State>> changes;
        QList<QString> inRegion;
        std::optional<qint64> skew;
        bool allOk = false;
    };

    Run run(const QString& id, const QString& key, const QString& region = kRegion)
    {
        Run out;
        CvmClient cvm(&m_http, endpointsFor(*m_emulator), credentials(id, key));
        CosClient cos(&m_http, endpointsFor(*m_emulator), credentials(id, key));
        PermissionCheck check(&cvm, &cos, region);
        QSignalSpy finished(&check, &PermissionCheck::finished);
        connect(&check, &PermissionCheck::lineChanged, this,
                [&out](int index, const PermissionLine& line) {
                    out.changes.append({index, line.state});
                });
        check.start();
        if (!check.isRunning())
            qWarning("the check finished synchronously");
        if (!finished.wait(20000))
            qWarning("the check did not finish");
        out.lines = check.lines();
        for (const CosBucket& b : check.bucketsInRegion())
            out.inRegion.append(b.name);
        out.skew = check.clockSkewSeconds();
        out.allOk = finished.size() == 1 && finished.first().first().toBool();
        return out;
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
    }

    void allOk()
    {
        const Run r = run(kId, kKey);
        QVERIFY(r.allOk);
        QCOMPARE(r.lines.size(), 4);
        for (const PermissionLine& line : r.lines) {
            QVERIFY2(line.state == State::Ok, qPrintable(line.title + u' ' + line.message));
            QVERIFY(!line.message.isEmpty());
        }
        QCOMPARE(r.inRegion, QList<QString>{kBucket});
        QVERIFY(r.lines.at(3).message.contains(kBucket));
        // Live: each line went running, then ok.
        for (int i = 0; i < 4; ++i) {
            QVERIFY(r.changes.contains(qMakePair(i, State::Running)));
            QVERIFY(r.changes.contains(qMakePair(i, State::Ok)));
            QVERIFY(r.changes.indexOf(qMakePair(i, State::Running)) <
                    r.changes.indexOf(qMakePair(i, State::Ok)));
        }
        QVERIFY(!r.skew);
    }

    void noImportPermission()
    {
        const Run r = run(kNoImportId, kNoImportKey);
        QVERIFY(!r.allOk);
        QCOMPARE(r.lines.at(0).state, State::Ok);
        QCOMPARE(r.lines.at(1).state, State::Ok);
        QCOMPARE(r.lines.at(3).state, State::Ok);
        const PermissionLine& line = r.lines.at(2);
        QCOMPARE(line.state, State::Failed);
        QCOMPARE(line.error.code, QStringLiteral("UnauthorizedOperation.PermissionDenied"));
        QVERIFY(!line.error.requestId.isEmpty());
        QVERIFY(line.message.contains(line.error.requestId));
        QVERIFY(line.remedy.contains(QLatin1String("cvm:ImportImage")));
        QVERIFY(line.remedy.contains(QLatin1String("QcloudCVMFullAccess")));
    }

    void wrongKey()
    {
        const Run r = run(kId, QStringLiteral("wrong-secret-key"));
        QVERIFY(!r.allOk);
        for (const PermissionLine& line : r.lines) {
            QCOMPARE(line.state, State::Failed);
            QVERIFY(!line.remedy.isEmpty());
        }
        QCOMPARE(r.lines.at(0).error.code, QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(r.lines.at(3).error.code, QStringLiteral("SignatureDoesNotMatch"));
        QVERIFY(leakedLines({QStringLiteral("wrong-secret-key")}).isEmpty());
    }

    void regionUnavailable()
    {
        const Run r = run(kId, kKey, QStringLiteral("ap-beijing"));
        QVERIFY(!r.allOk);
        QCOMPARE(r.lines.at(0).state, State::Ok);
        QCOMPARE(r.lines.at(1).state, State::Failed);
        QVERIFY(r.lines.at(1).remedy.contains(kRegion));
        QCOMPARE(r.lines.at(2).state, State::Failed);
        QCOMPARE(r.lines.at(2).error.code, QStringLiteral("UnsupportedRegion"));
        QCOMPARE(r.lines.at(3).state, State::Ok);
        QVERIFY(r.inRegion.isEmpty());
    }

    void skewReported()
    {
        QString error;
        QVERIFY(m_emulator->setFaults(
            QJsonObject::fromVariantMap(
                {{QStringLiteral("rules"),
                  QVariantList{QVariantMap{{QStringLiteral("operation"), QStringLiteral("*")},
                                           {QStringLiteral("fault"), QStringLiteral("skew")},
                                           {QStringLiteral("seconds"), 1800}}}}}),
            &error));
        const Run r = run(kId, kKey);
        m_emulator->clearFaults();
        QVERIFY(r.allOk);
        QVERIFY(r.skew);
        QVERIFY(qAbs(*r.skew - 1800) <= 5);
        QVERIFY(r.lines.at(0).message.contains(QLatin1String("clock is")));
    }

    void noSecretInLogs()
    {
        const QStringList leaked = leakedLines(allSecrets());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestPermission)
#include "tst_permissioncheck.moc"

// ui/controllers/ImportController without a window, against the in-process emulator: an import of
// an uploaded disk runs its four steps to NORMAL, reports its ImageId, a good result, the
// announcement and a history entry; a missing object ends IMPORTFAILED on the Follow step and is
// announced as not finished; an account without cvm:ImportImage fails the Permission step with
// the remedy and announces nothing; a dry run skips the import; an invalid form fails the
// Validate step; an import left while followed is followed again from its record to NORMAL.
#include "CloudTestSupport.h"

#include "WizardSession.h"
#include "controllers/ImportController.h"

#include "cloud/CosClient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using Outcome = importrun::ImportRunner::Outcome;
using State = ui::importstep::State;
using ui::ImportController;
namespace step = ui::importstep;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kGoodKey = QStringLiteral("disks/good.qcow2");

// A controller with a session holding an account, its own history folder and fast polling, and
// spies on what a page would show.
struct Harness {
    QTemporaryDir history;
    ui::WizardSession session;
    ImportController controller{&session};
    QSignalSpy finished{&controller, &ImportController::finished};
    QSignalSpy result{&controller, &ImportController::result};
    QSignalSpy announce{&controller, &ImportController::announce};
    QSignalSpy imageIdKnown{&controller, &ImportController::imageIdKnown};

    Harness(const emu::CloudEmulator& emulator, const QString& id = kId, const QString& key = kKey)
    {
        session.setAccount(credentials(id, key), kRegion, endpointsFor(emulator));
        controller.setHistoryDir(history.path());
        controller.setBackoff(fast());
    }

    static importrun::ImportRunner::Backoff fast()
    {
        importrun::ImportRunner::Backoff backoff;
        backoff.initialMs = 50;
        backoff.maxMs = 200;
        backoff.maxTransientRetries = 3;
        return backoff;
    }

    std::optional<Outcome> run(const importform::ImportForm& form, bool dryRunOnly = false)
    {
        controller.start(form, dryRunOnly);
        // An invalid form ends inside start(), before any wait.
        if (finished.isEmpty() && !finished.wait(kTimeoutMs))
            return std::nullopt;
        return finished.first().first().value<Outcome>();
    }

    State state(step::Step s) const { return controller.line(s).state; }
    QString text(step::Step s) const { return controller.line(s).message; }
};

} // namespace

class TestImportController : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;

private slots:
    void initTestCase()
    {
        captureLogs();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        m_emulator->setImportDelayMs(300);
        QString error;
        QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
        error = putObject(*m_emulator, kGoodKey, qcow2Header(quint64(10) << 30));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void importRunsToNormal()
    {
        Harness h(*m_emulator);
        QSignalSpy lines(&h.controller, &ImportController::lineChanged);
        QVERIFY(!h.controller.isFollowingOrFinished());
        QCOMPARE(h.run(importFormFor(kGoodKey, QStringLiteral("ctl-normal"))), Outcome::Normal);
        QVERIFY(!h.controller.isRunning());
        QVERIFY(h.controller.isFollowingOrFinished());
        for (step::Step s : {step::Validate, step::Permission, step::Import, step::Follow})
            QVERIFY2(h.state(s) == State::Ok, qPrintable(h.text(s)));
        // A RequestId means nothing to the user: Copy Summary hands the import's on (the page).
        QVERIFY2(h.text(step::Permission).contains(QLatin1String("Allowed")),
                 qPrintable(h.text(step::Permission)));
        QVERIFY(!h.text(step::Permission).contains(QLatin1String("RequestId")));
        QVERIFY(h.text(step::Follow).startsWith(QLatin1String("NORMAL after")));
        QVERIFY(lines.size() >= 4);

        QCOMPARE(h.imageIdKnown.size(), 1);
        const QString id = h.imageIdKnown.first().first().toString();
        QVERIFY(id.startsWith(QLatin1String("img-")));
        QVERIFY(h.text(step::Import).contains(id));
        QCOMPARE(h.result.size(), 1);
        QVERIFY(h.result.first().at(1).toBool());
        QVERIFY(h.result.first().at(0).toString().contains(QLatin1String("Create instance")));
        QCOMPARE(h.announce.size(), 1);
        QCOMPARE(h.announce.first().at(0).toString(), QStringLiteral("Image %1 is ready").arg(id));
        QVERIFY(h.announce.first().at(2).toBool());

        Error error;
        const auto record = h.controller.history().find(id, &error);
        QVERIFY2(record, qPrintable(error.message));
        QCOMPARE(record->state, QStringLiteral("NORMAL"));
    }

    void missingObjectFailsOnFollow()
    {
        Harness h(*m_emulator);
        QCOMPARE(
            h.run(importFormFor(QStringLiteral("disks/absent.qcow2"), QStringLiteral("ctl-miss"))),
            Outcome::ImportFailed);
        QCOMPARE(h.state(step::Import), State::Ok);
        QCOMPARE(h.state(step::Follow), State::Failed);
        QVERIFY2(h.text(step::Follow).contains(QLatin1String("IMPORTFAILED")),
                 qPrintable(h.text(step::Follow)));
        QCOMPARE(h.result.size(), 1);
        QVERIFY(!h.result.first().at(1).toBool());
        QCOMPARE(h.announce.size(), 1);
        QVERIFY(h.announce.first().at(0).toString().startsWith(QLatin1String("Import of img-")));
        QVERIFY(!h.announce.first().at(2).toBool());
    }

    void refusedWithoutPermission()
    {
        Harness h(*m_emulator, kNoImportId, kNoImportKey);
        QCOMPARE(h.run(importFormFor(kGoodKey, QStringLiteral("ctl-refused"))), Outcome::Refused);
        QCOMPARE(h.state(step::Validate), State::Ok);
        QVERIFY2(h.text(step::Validate).contains(QLatin1String("list Tencent Cloud sent")),
                 qPrintable(h.text(step::Validate)));
        QCOMPARE(h.state(step::Permission), State::Failed);
        QVERIFY(
            h.controller.line(step::Permission).remedy.contains(QLatin1String("cvm:ImportImage")));
        QCOMPARE(h.state(step::Import), State::Pending);
        // Said once: on the failed step; the result points there and does not repeat it.
        QVERIFY(h.text(step::Permission).contains(QLatin1String("dry run was refused")));
        QVERIFY(h.result.first().at(0).toString().contains(QLatin1String("marked as failed")));
        QVERIFY(!h.result.first().at(0).toString().contains(QLatin1String("dry run was refused")));
        QCOMPARE(h.imageIdKnown.size(), 0);
        QCOMPARE(h.announce.size(), 0); // over in a second, while the user watches
    }

    void dryRunSkipsTheImport()
    {
        Harness h(*m_emulator);
        QCOMPARE(h.run(importFormFor(kGoodKey, QStringLiteral("ctl-dry")), true),
                 Outcome::DryRunAllowed);
        QCOMPARE(h.state(step::Permission), State::Ok);
        QCOMPARE(h.state(step::Import), State::Skipped);
        QCOMPARE(h.state(step::Follow), State::Skipped);
        QVERIFY(h.result.first().at(1).toBool());
        QCOMPARE(h.imageIdKnown.size(), 0);
        QCOMPARE(h.announce.size(), 0);
        Error error;
        QCOMPARE(h.controller.history().load(&error)->size(), 0);
    }

    void invalidFormFailsValidate()
    {
        Harness h(*m_emulator);
        QCOMPARE(h.run(importFormFor(kGoodKey, QString(61, u'n'))),
                 Outcome::Invalid); // ImageName ≤ 60
        QCOMPARE(h.state(step::Validate), State::Failed);
        QVERIFY(h.text(step::Validate).contains(QLatin1String("ImageName")));
        QVERIFY(!h.controller.line(step::Validate).remedy.isEmpty());
        QCOMPARE(h.state(step::Permission), State::Pending);
        QVERIFY(!h.result.first().at(1).toBool());
    }

    // Dropped while following (the import goes on in the cloud), then followed from its record.
    void droppedThenFollowedAgain()
    {
        m_emulator->setImportDelayMs(1500);
        Harness h(*m_emulator);
        importrun::ImportRunner::Backoff slow; // one poll at the start, the next after 5 s
        slow.initialMs = 5000;
        h.controller.setBackoff(slow);
        h.controller.start(importFormFor(kGoodKey, QStringLiteral("ctl-later")), false);
        QTRY_COMPARE_WITH_TIMEOUT(h.state(step::Follow), State::Running, kTimeoutMs);
        QVERIFY(h.text(step::Follow).contains(QLatin1String("IMPORTING")));
        QVERIFY(h.controller.isFollowingOrFinished());
        const QString id = h.imageIdKnown.first().first().toString();
        h.controller.drop();
        QVERIFY(!h.controller.runner());
        QVERIFY(!h.controller.isRunning());
        QCOMPARE(h.finished.size(), 0);

        Error error;
        const auto record = h.controller.history().find(id, &error);
        QVERIFY(record);
        QCOMPARE(record->state, QStringLiteral("IMPORTING"));
        h.controller.setBackoff(Harness::fast());
        h.controller.follow(*record);
        QVERIFY(h.text(step::Validate).startsWith(QLatin1String("Done earlier")));
        QVERIFY(h.text(step::Import).contains(id));
        QCOMPARE(h.imageIdKnown.last().first().toString(), id);
        QVERIFY(h.finished.wait(kTimeoutMs));
        QCOMPARE(h.finished.first().first().value<Outcome>(), Outcome::Normal);
        QCOMPARE(h.state(step::Follow), State::Ok);
        m_emulator->setImportDelayMs(300);
    }

    void noSecretInTheLog()
    {
        const QStringList leaks = leakedLines(allSecrets());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }
};

QTEST_MAIN(TestImportController)
#include "tst_importcontroller.moc"

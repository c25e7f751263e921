// ui/controllers/OsCatalogueController without a window, against the in-process emulator: the
// built-in list until a cache is read, a refresh without an account refused with the reason and
// nothing changed, a live refresh shown at once, busy while it runs, and cached for the next
// start, a failed refresh and an unreadable cache each said in the status, and an answer that
// arrives after the account changed not taken.
#include "CloudTestSupport.h"

#include "WizardSession.h"
#include "controllers/OsCatalogueController.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using importform::OsCatalogue;
using importform::OsCatalogueStore;
using ui::OsCatalogueController;
using Origin = OsCatalogue::Origin;

namespace {

constexpr int kTimeoutMs = 20000;

// Sets `store` and waits for what it holds.
bool load(OsCatalogueController& list, const OsCatalogueStore& store)
{
    QSignalSpy changed(&list, &OsCatalogueController::changed);
    list.setStore(store);
    return changed.wait(kTimeoutMs);
}

} // namespace

class TestOsCatalogueController : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;

    void connectAccount(ui::WizardSession& session, const QString& key = kKey)
    {
        session.setAccount(credentials(kId, key), kRegion, endpointsFor(*m_emulator));
    }

private slots:
    void initTestCase()
    {
        captureLogs();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        QString error;
        QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
    }

    void builtInUntilACacheIsRead()
    {
        QTemporaryDir cache;
        ui::WizardSession session;
        OsCatalogueController list(&session);
        QCOMPARE(list.catalogue().origin(), Origin::BuiltIn);
        QVERIFY(list.catalogue().hasOsType(QStringLiteral("CentOS")));
        QVERIFY2(list.status().contains(QLatin1String("built into this program")),
                 qPrintable(list.status()));
        QVERIFY(load(list, OsCatalogueStore(cache.path()))); // no cache yet
        QCOMPARE(list.catalogue().origin(), Origin::BuiltIn);
    }

    void refreshWithoutAccountChangesNothing()
    {
        ui::WizardSession session;
        OsCatalogueController list(&session);
        QSignalSpy refreshed(&list, &OsCatalogueController::refreshed);
        QSignalSpy changed(&list, &OsCatalogueController::changed);
        QSignalSpy busy(&list, &OsCatalogueController::busyChanged);
        list.refresh();
        QCOMPARE(refreshed.size(), 1);
        QVERIFY(refreshed.first().first().toString().startsWith(QLatin1String("Not refreshed")));
        QVERIFY(list.status().contains(QLatin1String("Not refreshed")));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(busy.size(), 0);
        QCOMPARE(list.catalogue().origin(), Origin::BuiltIn);
    }

    void liveListIsShownAndCached()
    {
        QTemporaryDir cache;
        const OsCatalogueStore store(cache.path());
        ui::WizardSession session;
        connectAccount(session);
        OsCatalogueController list(&session);
        QVERIFY(load(list, store));
        QSignalSpy busy(&list, &OsCatalogueController::busyChanged);
        QSignalSpy statuses(&list, &OsCatalogueController::statusChanged);
        QSignalSpy refreshed(&list, &OsCatalogueController::refreshed);
        list.refresh();
        QCOMPARE(busy.size(), 1);
        QCOMPARE(busy.first().first().toBool(), true);
        QVERIFY(
            statuses.last().first().toString().endsWith(QStringLiteral("Asking Tencent Cloud…")));
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().first().toString(), QString());
        QCOMPARE(busy.last().first().toBool(), false);
        QCOMPARE(list.catalogue().origin(), Origin::Live);
        QVERIFY(list.status().startsWith(QLatin1String("OS list: from Tencent Cloud")));
        QVERIFY(!list.status().contains(u'\n')); // the question is answered

        // The next start begins with it, dated.
        QVERIFY(QFile::exists(store.cacheFile()));
        OsCatalogueController next(&session);
        QVERIFY(load(next, store));
        QCOMPARE(next.catalogue().origin(), Origin::Cache);
        QCOMPARE(next.catalogue().osTypes(), list.catalogue().osTypes());
        QVERIFY(next.status().startsWith(QLatin1String("OS list: saved from Tencent Cloud on")));
    }

    void failedRefreshKeepsTheList()
    {
        ui::WizardSession session;
        connectAccount(session, QStringLiteral("wrong-key-000000000000000000000"));
        OsCatalogueController list(&session);
        QSignalSpy refreshed(&list, &OsCatalogueController::refreshed);
        list.refresh();
        QVERIFY(refreshed.wait(kTimeoutMs));
        const QString error = refreshed.first().first().toString();
        QVERIFY2(error.startsWith(QLatin1String("Could not refresh the list:")), qPrintable(error));
        QVERIFY(list.status().endsWith(error));
        QCOMPARE(list.catalogue().origin(), Origin::BuiltIn);
        for (const QString& secret : allSecrets())
            QVERIFY(!list.status().contains(secret));
    }

    void unreadableCacheIsSaid()
    {
        QTemporaryDir cache;
        const OsCatalogueStore store(cache.path());
        QFile file(store.cacheFile());
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        ui::WizardSession session;
        OsCatalogueController list(&session);
        QVERIFY(load(list, store));
        QCOMPARE(list.catalogue().origin(), Origin::BuiltIn);
        QVERIFY2(list.status().count(u'\n') >= 1, qPrintable(list.status())); // and why
    }

    void answerAfterAnAccountChangeIsDropped()
    {
        ui::WizardSession session;
        connectAccount(session);
        OsCatalogueController list(&session);
        QSignalSpy refreshed(&list, &OsCatalogueController::refreshed);
        list.refresh();
        connectAccount(session); // new clients: the answer in flight is the old account's
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().first().toString(),
                 QStringLiteral("The account changed during the refresh."));
        QCOMPARE(list.catalogue().origin(), Origin::BuiltIn);
        QVERIFY(list.status().endsWith(QLatin1String("The account changed during the refresh.")));
    }
};

QTEST_MAIN(TestOsCatalogueController)
#include "tst_oscataloguecontroller.moc"

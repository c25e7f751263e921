// The progress outside the pages (issue 13, finding 10): WindowProgress puts a status in front of
// the window's own title and gives it back unchanged; DesktopProgress makes the title follow an
// upload (percent, paused, back to plain at the end) and an import's stage against the
// in-process emulator, and tells the end of an upload only when the window is not active;
// LauncherProgress builds the LauncherEntry Update signal docks read, sends nothing without a
// session bus, and reaches a private bus (dbus-daemon) when there is one.
#include "CloudTestSupport.h"
#include "RandomFile.h"

#include "WizardSession.h"
#include "controllers/DesktopProgress.h"
#include "controllers/ImportController.h"
#include "controllers/ImportNotifier.h"
#include "controllers/LauncherProgress.h"
#include "controllers/WindowProgress.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using transfer::UploadJob;
using ui::DesktopProgress;
using ui::ImportController;
using ui::LauncherProgress;
using ui::UploadController;
using ui::WindowProgress;
using Phase = UploadController::Phase;
using Stage = importrun::ImportRunner::Stage;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr qint64 MiB = 1024 * 1024;
const QString kTitle = QStringLiteral("CVM Import Wizard");

// Receives the LauncherEntry signals of a bus.
class LauncherListener : public QObject {
    Q_OBJECT
public:
    QList<QVariantList> updates;
public slots:
    void onUpdate(const QDBusMessage& message) { updates.append(message.arguments()); }
};

} // namespace

class TestWindowProgress : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;

    // A window as the wizard is, with a session on the test account and both controllers.
    struct Window {
        QWidget widget;
        ui::WizardSession session;
        UploadController upload{&session};
        ImportController import{&session};
        DesktopProgress* progress;
        Window(const emu::CloudEmulator& emulator, const QString& historyDir)
        {
            widget.setWindowTitle(kTitle);
            session.setAccount(credentials(kId, kKey), kRegion, endpointsFor(emulator));
            session.setBucket(kBucket);
            import.setHistoryDir(historyDir);
            importrun::ImportRunner::Backoff fast;
            fast.initialMs = 50;
            fast.maxMs = 200;
            import.setBackoff(fast);
            progress = new DesktopProgress(&widget, &upload, &import);
        }
        QString title() const { return widget.windowTitle(); }
        ui::ImportNotifier* notifier() const
        {
            return widget.findChild<ui::ImportNotifier*>(QStringLiteral("uploadNotifier"));
        }
    };

    UploadJob jobFor(const ui::WizardSession& session, const QString& path, qint64 rate)
    {
        UploadJob job;
        job.filePath = path;
        job.destination.dialect = transfer::Dialect::Cos;
        job.destination.bucket = kBucket;
        job.destination.key = QStringLiteral("images/centos7.qcow2");
        job.destination.region = session.region();
        job.destination.endpoints = session.endpoints();
        job.credentials = session.credentials();
        job.checkpointDir = m_dir->filePath(QStringLiteral("checkpoints"));
        job.partSize = MiB;
        job.concurrency = 1;
        job.rateLimitBytesPerSecond = rate;
        return job;
    }

    QString makeFile(qint64 size)
    {
        return test::writeRandomFile(m_dir->filePath(QStringLiteral("centos7.qcow2")), size, 3);
    }

private slots:
    void initTestCase()
    {
        captureLogs();
        // Set by a desktop session: this test decides about the bus itself.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        m_emulator->setImportDelayMs(1500);
        QString error;
        QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_emulator.reset();
        m_dir.reset();
    }

    void statusGoesInFrontAndBack()
    {
        QWidget window;
        window.setWindowTitle(kTitle);
        WindowProgress progress(&window);
        progress.setStatus(QStringLiteral("42% · Uploading centos7.qcow2"));
        QCOMPARE(window.windowTitle(),
                 QStringLiteral("42% · Uploading centos7.qcow2 — CVM Import Wizard"));
        // The owner retitles the window meanwhile (the demo does): the status stays in front.
        window.setWindowTitle(QStringLiteral("CVM Import Wizard — Demo"));
        QCOMPARE(window.windowTitle(),
                 QStringLiteral("42% · Uploading centos7.qcow2 — CVM Import Wizard — Demo"));
        QCOMPARE(progress.baseTitle(), QStringLiteral("CVM Import Wizard — Demo"));
        progress.setStatus({});
        QCOMPARE(window.windowTitle(), QStringLiteral("CVM Import Wizard — Demo"));
        window.setWindowTitle(kTitle);
        QCOMPARE(window.windowTitle(), kTitle);
    }

    void uploadStatusTexts()
    {
        transfer::UploadProgress p;
        p.totalBytes = 1000;
        p.bytesSent = 425;
        p.state = transfer::UploadState::Uploading;
        const QString name = QStringLiteral("centos7.qcow2");
        QCOMPARE(DesktopProgress::uploadStatus(name, Phase::Uploading, p, false),
                 QStringLiteral("42% · Uploading centos7.qcow2"));
        QCOMPARE(DesktopProgress::uploadStatus(name, Phase::Paused, p, false),
                 QStringLiteral("42% · Paused: centos7.qcow2"));
        QCOMPARE(DesktopProgress::uploadStatus(name, Phase::Uploading, p, true),
                 QStringLiteral("Finishing the upload of centos7.qcow2"));
        QCOMPARE(DesktopProgress::uploadStatus(name, Phase::Cancelling, p, false),
                 QStringLiteral("Cancelling the upload of centos7.qcow2"));
        // A resumed upload reads its earlier parts again first: the bar is that check's.
        p.state = transfer::UploadState::Verifying;
        p.bytesToCheck = 200;
        p.bytesChecked = 50;
        QCOMPARE(DesktopProgress::uploadStatus(name, Phase::Uploading, p, false),
                 QStringLiteral("25% · Checking the uploaded parts of centos7.qcow2"));
        for (Phase quiet : {Phase::Ready, Phase::Done, Phase::Failed})
            QVERIFY(DesktopProgress::uploadStatus(name, quiet, p, false).isEmpty());
        QCOMPARE(DesktopProgress::importStatus(Stage::Following), QStringLiteral("Importing…"));
        QVERIFY(DesktopProgress::importStatus(Stage::Finished).isEmpty());
        QVERIFY(DesktopProgress::importStatus(Stage::Idle).isEmpty());
    }

    void titleFollowsUpload()
    {
        Window w(*m_emulator, m_dir->filePath(QStringLiteral("history")));
        // 4 MiB at 2 MiB/s: long enough to see it move, pause and resume.
        w.upload.start(jobFor(w.session, makeFile(4 * MiB), 2 * MiB));
        QVERIFY2(w.title().contains(QStringLiteral("% · Uploading centos7.qcow2 — ")),
                 qPrintable(w.title()));
        QVERIFY(w.title().endsWith(QStringLiteral(" — ") + kTitle));
        // The percentage moves with the upload.
        QTRY_VERIFY_WITH_TIMEOUT(!w.title().startsWith(QLatin1String("0%")), kTimeoutMs);
        QVERIFY2(w.title().contains(QLatin1String("Uploading")), qPrintable(w.title()));
        w.upload.pause();
        QTRY_COMPARE_WITH_TIMEOUT(w.upload.phase(), Phase::Paused, kTimeoutMs);
        QVERIFY2(w.title().contains(QStringLiteral("% · Paused: centos7.qcow2 — ")),
                 qPrintable(w.title()));
        QSignalSpy succeeded(&w.upload, &UploadController::succeeded);
        w.upload.resume();
        QVERIFY(succeeded.wait(kTimeoutMs));
        QCOMPARE(w.upload.phase(), Phase::Done);
        QCOMPARE(w.title(), kTitle); // plain again
    }

    void uploadEndIsToldOnlyToAnInactiveWindow()
    {
        Window hidden(*m_emulator, m_dir->filePath(QStringLiteral("history")));
        QSignalSpy told(hidden.notifier(), &ui::ImportNotifier::notified);
        QSignalSpy succeeded(&hidden.upload, &UploadController::succeeded);
        const QString path = makeFile(2 * MiB);
        hidden.upload.start(jobFor(hidden.session, path, 0));
        QVERIFY(succeeded.wait(kTimeoutMs));
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().at(0).toString(), QStringLiteral("Upload finished"));
        QVERIFY2(told.first().at(1).toString().contains(QLatin1String("centos7.qcow2")) &&
                     told.first().at(1).toString().contains(kBucket),
                 qPrintable(told.first().at(1).toString()));

        Window watched(*m_emulator, m_dir->filePath(QStringLiteral("history2")));
        watched.widget.show();
        watched.widget.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&watched.widget));
        QSignalSpy toldWatched(watched.notifier(), &ui::ImportNotifier::notified);
        QSignalSpy done(&watched.upload, &UploadController::succeeded);
        UploadJob job = jobFor(watched.session, path, 0);
        job.destination.key = QStringLiteral("images/again.qcow2");
        watched.upload.start(job);
        QVERIFY(done.wait(kTimeoutMs));
        QCOMPARE(toldWatched.size(), 0); // the page says it
    }

    void titleFollowsImport()
    {
        QString error = putObject(*m_emulator, QStringLiteral("disks/good.qcow2"),
                                  qcow2Header(quint64(10) << 30));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Window w(*m_emulator, m_dir->filePath(QStringLiteral("history")));
        QSignalSpy finished(&w.import, &ImportController::finished);
        QStringList titles;
        connect(&w.import, &ImportController::stateChanged, this,
                [&] { titles.append(w.title()); });
        w.import.start(
            importFormFor(QStringLiteral("disks/good.qcow2"), QStringLiteral("title-import")),
            false);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.import.runner() && w.import.runner()->stage() == Stage::Following, kTimeoutMs);
        QCOMPARE(w.title(), QStringLiteral("Importing… — ") + kTitle);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().first().value<importrun::ImportRunner::Outcome>(),
                 importrun::ImportRunner::Outcome::Normal);
        QCOMPARE(w.title(), kTitle);
        QVERIFY2(titles.contains(QStringLiteral("Importing… — ") + kTitle),
                 qPrintable(titles.join(u'\n')));
    }

    void launcherMessage()
    {
        const QDBusMessage message =
            LauncherProgress::updateMessage(QStringLiteral("cvm-import-wizard"), 0.42, true);
        QCOMPARE(message.type(), QDBusMessage::SignalMessage);
        QCOMPARE(message.interface(), QStringLiteral("com.canonical.Unity.LauncherEntry"));
        QCOMPARE(message.member(), QStringLiteral("Update"));
        QCOMPARE(message.path(),
                 QStringLiteral("/com/canonical/unity/launcherentry/cvm_import_wizard"));
        QCOMPARE(message.arguments().size(), 2);
        QCOMPARE(message.arguments().at(0).toString(),
                 QStringLiteral("application://cvm-import-wizard.desktop"));
        const QVariantMap properties = message.arguments().at(1).toMap();
        QCOMPARE(properties.size(), 2);
        QCOMPARE(properties.value(QStringLiteral("progress")).typeId(), QMetaType::Double);
        QCOMPARE(properties.value(QStringLiteral("progress")).toDouble(), 0.42);
        QCOMPARE(properties.value(QStringLiteral("progress-visible")).toBool(), true);
        const QVariantMap hidden =
            LauncherProgress::updateMessage(QStringLiteral("cvm-import-wizard"), 7, false)
                .arguments()
                .at(1)
                .toMap();
        QCOMPARE(hidden.value(QStringLiteral("progress")).toDouble(), 1.0); // clamped
        QCOMPARE(hidden.value(QStringLiteral("progress-visible")).toBool(), false);
    }

    void launcherWithoutBusDoesNothing()
    {
        LauncherProgress launcher(nullptr, QStringLiteral("cvm-import-wizard"));
        QVERIFY(!launcher.isAvailable());
        QSignalSpy sent(&launcher, &LauncherProgress::sent);
        launcher.setProgress(0.5);
        launcher.clear();
        QCOMPARE(sent.size(), 0);
    }

    // Last: it gives the process a session bus.
    void launcherReachesTheSessionBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("no dbus-daemon here");
        QProcess bus;
        bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                           QStringLiteral("--print-address")});
        QVERIFY(bus.waitForReadyRead(10000));
        const QByteArray address = bus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        // A connection of its own, as a dock's is.
        QDBusConnection dock =
            QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("dock"));
        QVERIFY(dock.isConnected());
        LauncherListener listener;
        QVERIFY(dock.connect({}, {}, QStringLiteral("com.canonical.Unity.LauncherEntry"),
                             QStringLiteral("Update"), &listener, SLOT(onUpdate(QDBusMessage))));

        {
            LauncherProgress launcher(nullptr, QStringLiteral("cvm-import-wizard"));
            QVERIFY(launcher.isAvailable());
            launcher.setProgress(0.25);
            launcher.setProgress(0.25); // unchanged: not sent again
            launcher.setProgress(0.5);
            QTRY_COMPARE_WITH_TIMEOUT(listener.updates.size(), 2, 5000);
        } // gone: the bar is hidden
        QTRY_COMPARE_WITH_TIMEOUT(listener.updates.size(), 3, 5000);
        QCOMPARE(listener.updates.at(0).at(0).toString(),
                 QStringLiteral("application://cvm-import-wizard.desktop"));
        const auto properties = [&](int i) {
            return qdbus_cast<QVariantMap>(listener.updates.at(i).at(1));
        };
        QCOMPARE(properties(0).value(QStringLiteral("progress")).toDouble(), 0.25);
        QCOMPARE(properties(1).value(QStringLiteral("progress")).toDouble(), 0.5);
        QCOMPARE(properties(1).value(QStringLiteral("progress-visible")).toBool(), true);
        QCOMPARE(properties(2).value(QStringLiteral("progress-visible")).toBool(), false);
        QDBusConnection::disconnectFromBus(QStringLiteral("dock"));
        QDBusConnection::disconnectFromBus(QDBusConnection::sessionBus().name());
        bus.terminate();
        bus.waitForFinished();
    }
};

QTEST_MAIN(TestWindowProgress)
#include "tst_windowprogress.moc"

// --demo's folder (issue 13, finding 10): the demo's settings go under its folder and the user's
// own settings file is never written; a second demo cannot take a folder in use (and is told
// which process has it); the emulator's port is remembered; and, end to end with the demo's own
// cloud, an upload interrupted in one demo is offered and resumed in the next one, on the same
// endpoint, with the parts sent before. XDG_CONFIG_HOME, XDG_DATA_HOME and HOME point to
// temporary folders for the whole test.
#include "DemoCloud.h"
#include "DemoFolder.h"
#include "FileCrc.h"
#include "RandomFile.h"

#include "WizardSession.h"
#include "controllers/UploadController.h"
#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cvmi;
using gui::DemoCloud;
using gui::DemoFolder;
using ui::UploadController;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr qint64 MiB = 1024 * 1024;

QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class TestDemoFolder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString realConfig() const { return m_home.filePath(QStringLiteral("config")); }

    // What the Upload page would run in the demo (its account, bucket and record folder), in
    // 1 MiB parts.
    static transfer::UploadJob jobFor(const UploadController& upload, const QString& path,
                                      qint64 rate = 0)
    {
        transfer::UploadJob job =
            upload.jobFor(path, DemoCloud::bucket(), QStringLiteral("demo/disk.raw"));
        job.partSize = MiB;
        job.concurrency = 1;
        job.rateLimitBytesPerSecond = rate;
        return job;
    }

    static bool lock(DemoFolder& folder)
    {
        QString error;
        const bool locked = folder.lock(&error);
        if (!locked)
            qWarning("%s", qPrintable(error));
        return locked;
    }

    static void useDemoAccount(ui::WizardSession& session, const DemoCloud& demo)
    {
        session.setAccount(demo.credentials(), DemoCloud::region(), demo.endpoints());
        session.setBucket(DemoCloud::bucket());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Before the first QSettings: it reads these once per process.
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", realConfig().toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CVM Import Wizard"));
        QCoreApplication::setApplicationName(QStringLiteral("CVM Import Wizard"));
    }

    void optionsAreSeenBeforeParsing()
    {
        const QString program = QStringLiteral("cvm-import-wizard");
        QVERIFY(DemoFolder::demoRequested({program, QStringLiteral("--demo")}));
        QVERIFY(DemoFolder::demoRequested(
            {program, QStringLiteral("disk.qcow2"), QStringLiteral("--demo")}));
        QVERIFY(!DemoFolder::demoRequested({program, QStringLiteral("disk.qcow2")}));
        // After "--" every argument is an IMAGE.
        QVERIFY(
            !DemoFolder::demoRequested({program, QStringLiteral("--"), QStringLiteral("--demo")}));
        QVERIFY(DemoFolder::screenshotRequested(
            {program, QStringLiteral("--demo"), QStringLiteral("--screenshot=a.png")}));
        QVERIFY(DemoFolder::screenshotRequested(
            {program, QStringLiteral("--screenshot"), QStringLiteral("a.png")}));
        QVERIFY(!DemoFolder::screenshotRequested({program, QStringLiteral("--demo")}));
        QVERIFY(DemoFolder::defaultPath().startsWith(m_home.filePath(QStringLiteral("data"))));
        QVERIFY(DemoFolder::defaultPath().endsWith(QLatin1String("/cvm-import-wizard/demo")));
    }

    void settingsStayInTheDemoFolder()
    {
        DemoFolder folder;
        folder.use(m_home.filePath(QStringLiteral("demo")));
        QVERIFY(lock(folder));
        folder.redirectSettings();
        QCoreApplication::setOrganizationName(DemoFolder::organizationName()); // as main() does
        settings::AppSettings settings;
        Error error;
        QVERIFY(settings.setRegion(QStringLiteral("ap-shanghai"), &error));
        QVERIFY(settings.setConcurrency(2, &error));
        QVERIFY(settings.sync(&error));
        QSettings().setValue(QStringLiteral("window/size"), QSize(800, 600)); // as main() does
        QSettings().sync();

        QVERIFY2(settings.fileName().startsWith(folder.settingsDir() + u'/'),
                 qPrintable(settings.fileName()));
        QVERIFY(QFile::exists(settings.fileName()));
        QVERIFY2(filesUnder(realConfig()).isEmpty(),
                 qPrintable(filesUnder(realConfig()).join(u' ')));
        // Read back by the next demo.
        QCOMPARE(settings::AppSettings().region(), QStringLiteral("ap-shanghai"));
        // The OS list's cache of a demo is not the user's either.
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QVERIFY2(cache.contains(DemoFolder::organizationName()), qPrintable(cache));
        QCoreApplication::setOrganizationName(QStringLiteral("CVM Import Wizard"));
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) != cache);
    }

    void aSecondDemoIsKeptOut()
    {
        const QString path = m_home.filePath(QStringLiteral("locked"));
        auto first = std::make_unique<DemoFolder>();
        first->use(path);
        QString error;
        QVERIFY2(first->lock(&error), qPrintable(error));
        DemoFolder second;
        second.use(path);
        QVERIFY(!second.lock(&error));
        QVERIFY2(error.contains(QString::number(QCoreApplication::applicationPid())) &&
                     error.contains(QDir::toNativeSeparators(path)),
                 qPrintable(error));
        first.reset(); // the first demo closed
        QVERIFY2(second.lock(&error), qPrintable(error));
    }

    void temporaryFolderGoesAway()
    {
        QString path;
        {
            DemoFolder folder;
            QString error;
            QVERIFY(folder.useTemporary(&error));
            QVERIFY(folder.isTemporary());
            QVERIFY(folder.lock(&error));
            path = folder.path();
            QVERIFY(QDir(path).exists());
            QVERIFY(!path.startsWith(DemoFolder::defaultPath()));
        }
        QVERIFY(!QDir(path).exists());
    }

    void portIsRemembered()
    {
        DemoFolder folder;
        folder.use(m_home.filePath(QStringLiteral("ports")));
        QVERIFY(lock(folder));
        QCOMPARE(folder.lastPort(), quint16(0));
        QVERIFY(folder.rememberPort(47123));
        QCOMPARE(folder.lastPort(), quint16(47123));
        QFile garbage(folder.path() + QStringLiteral("/emulator-port"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("seventy\n");
        garbage.close();
        QCOMPARE(folder.lastPort(), quint16(0));
    }

    // The promise of the Upload page's close question, kept: "The next time you upload this
    // file to the same place, it continues."
    void interruptedDemoUploadResumesInTheNextDemo()
    {
        QTemporaryDir files;
        const QString disk =
            test::writeRandomFile(files.filePath(QStringLiteral("disk.raw")), 6 * MiB, 11);
        DemoFolder folder;
        folder.use(m_home.filePath(QStringLiteral("resume")));
        QVERIFY(lock(folder));
        quint16 port = 0;
        {
            DemoCloud demo;
            QString error;
            QVERIFY2(demo.start(folder.emulatorDir(), folder.lastPort(), &error),
                     qPrintable(error));
            port = demo.port();
            QVERIFY(folder.rememberPort(port));
            ui::WizardSession session;
            useDemoAccount(session, demo);
            UploadController upload(&session);
            upload.setCheckpointDir(folder.uploadsDir());
            upload.start(jobFor(upload, disk, 2 * MiB));
            QVERIFY(
                QTest::qWaitFor([&] { return upload.lastProgress().partsDone >= 2; }, kTimeoutMs));
            upload.stopForLater(); // the window closed during the upload
        }                          // the demo ended: its emulator stopped

        DemoCloud next;
        QString error;
        QVERIFY2(next.start(folder.emulatorDir(), folder.lastPort(), &error), qPrintable(error));
        QCOMPARE(next.port(), port);
        ui::WizardSession session;
        useDemoAccount(session, next);
        UploadController upload(&session);
        upload.setCheckpointDir(folder.uploadsDir());
        upload.refreshOffer(jobFor(upload, disk), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(upload.offer());
        QVERIFY(upload.offer()->partsDone() >= 2);
        QSignalSpy succeeded(&upload, &UploadController::succeeded);
        upload.start(jobFor(upload, disk));
        QVERIFY(succeeded.wait(kTimeoutMs));
        const auto result = qvariant_cast<transfer::UploadResult>(succeeded.last().at(0));
        QVERIFY(result.partsReused >= 2);
        QCOMPARE(result.partsReused + result.partsUploaded, 6);
        QCOMPARE(result.crc64, test::fileCrc(disk));
    }

    void aTakenPortGivesAnother()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        DemoFolder folder;
        folder.use(m_home.filePath(QStringLiteral("taken")));
        QVERIFY(lock(folder));
        QVERIFY(folder.rememberPort(squatter.serverPort()));
        DemoCloud demo;
        QString error;
        QVERIFY2(demo.start(folder.emulatorDir(), folder.lastPort(), &error), qPrintable(error));
        QVERIFY(demo.port() != 0);
        QVERIFY(demo.port() != squatter.serverPort());
        QVERIFY(demo.endpoint().endsWith(u':' + QString::number(demo.port())));
    }
};

QTEST_MAIN(TestDemoFolder)
#include "tst_demofolder.moc"

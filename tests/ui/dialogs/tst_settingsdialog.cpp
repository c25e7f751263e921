// The settings dialog over a settings file of its own: every field survives OK and a new dialog;
// every bad value is explained under its field and keeps OK disabled (and accept() refused); a
// file that cannot be written is reported; Restore Defaults fills the fields without saving;
// the wizard's "Settings…" button and Ctrl+, open it and its OK reaches the Account page and
// Qt's proxy; and a job's proxy takes the upload engine's requests through it.
#include "ImportWizard.h"
#include "dialogs/SettingsDialog.h"
#include "pages/AccountPage.h"
#include "widgets/EndpointFields.h"

#include "cloud/CredentialStore.h"
#include "settings/AppSettings.h"
#include "settings/NetworkProxy.h"
#include "transfer/UploadEngine.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxyFactory>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cvmi;
using settings::AppSettings;
using ui::SettingsDialog;

namespace {

constexpr qint64 MiB = qint64(1) << 20;

// Typed values may hold a tab, which QTest::keyClicks would take as a focus move.
void type(QLineEdit* edit, const QString& text)
{
    edit->setText(text);
}

// A widget of the dialog by its object name; fails the test (null) when the form lost it.
template <typename T> T* w(QWidget* dialog, const char* name)
{
    T* widget = dialog->findChild<T*>(QLatin1String(name));
    if (!widget)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

QPushButton* dialogButton(QWidget* dialog, QDialogButtonBox::StandardButton which)
{
    return w<QDialogButtonBox>(dialog, "buttons")->button(which);
}

QList<QNetworkProxy> proxiesFor(const QString& url)
{
    return QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(url)));
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newFile() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_files)); }

private slots:
    void initTestCase()
    {
        // Anything that reaches QStandardPaths (import history, checkpoints) stays out of ~.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { settings::applyApplicationProxy(QString()); }

    void parsesSizesAndRates()
    {
        Error error;
        QCOMPARE(SettingsDialog::parsePartSize(QStringLiteral("auto"), &error), qint64(0));
        QCOMPARE(SettingsDialog::parsePartSize(QString(), &error), qint64(0));
        QCOMPARE(SettingsDialog::parsePartSize(QStringLiteral("8M"), &error), 8 * MiB);
        QCOMPARE(SettingsDialog::parsePartSize(QStringLiteral("64 MiB"), &error), 64 * MiB);
        QCOMPARE(SettingsDialog::parsePartSize(QStringLiteral("1g"), &error), 1024 * MiB);
        QCOMPARE(SettingsDialog::parsePartSize(QStringLiteral("5GB"), &error), 5 * 1024 * MiB);
        QCOMPARE(SettingsDialog::parsePartSize(QStringLiteral("1048576"), &error), MiB);
        QVERIFY(!error.isSet());
        QVERIFY(!SettingsDialog::parsePartSize(QStringLiteral("1048575"), &error));
        QCOMPARE(error.code, QStringLiteral("settings.part_size"));
        QVERIFY(error.message.contains(QStringLiteral("1 MiB to 5 GiB")));
        QVERIFY(!SettingsDialog::parsePartSize(QStringLiteral("5.5G"), &error));
        QVERIFY(!SettingsDialog::parsePartSize(QStringLiteral("8 parsecs"), &error));
        QVERIFY(error.message.contains(QStringLiteral("8 parsecs")));

        QCOMPARE(SettingsDialog::parseRateLimit(QStringLiteral("none"), &error), qint64(0));
        QCOMPARE(SettingsDialog::parseRateLimit(QStringLiteral("4M/s"), &error), 4 * MiB);
        QCOMPARE(SettingsDialog::parseRateLimit(QStringLiteral("512k"), &error), qint64(512 << 10));
        QCOMPARE(SettingsDialog::parseRateLimit(QStringLiteral("1.5 MiB/s"), &error),
                 qint64(1536 << 10));
        QVERIFY(!SettingsDialog::parseRateLimit(QStringLiteral("-1M/s"), &error));
        QCOMPARE(error.code, QStringLiteral("settings.rate_limit"));

        QCOMPARE(SettingsDialog::formatSize(16 * MiB), QStringLiteral("16 MiB"));
        QCOMPARE(SettingsDialog::formatSize(1536 << 10), QStringLiteral("1536 KiB"));
        QCOMPARE(SettingsDialog::formatSize(5 * 1024 * MiB), QStringLiteral("5 GiB"));
        QCOMPARE(SettingsDialog::formatSize(1000), QStringLiteral("1000 B"));
    }

    void roundTripsEveryField()
    {
        const QString file = newFile();
        AppSettings settings(file);
        SettingsDialog dialog(&settings);
        // A fresh file: the defaults.
        QCOMPARE(w<QLineEdit>(&dialog, "profile")->text(), QStringLiteral("default"));
        QCOMPARE(w<QLineEdit>(&dialog, "region")->text(), QString());
        QVERIFY(w<QRadioButton>(&dialog, "systemProxy")->isChecked());
        QVERIFY(!w<QLineEdit>(&dialog, "proxy")->isEnabled());
        QCOMPARE(w<QLineEdit>(&dialog, "partSize")->text(), QStringLiteral("auto"));
        QCOMPARE(w<QSpinBox>(&dialog, "concurrency")->value(), AppSettings::defaultConcurrency);
        QCOMPARE(w<QSpinBox>(&dialog, "concurrency")->maximum(), 32);
        QCOMPARE(w<QLineEdit>(&dialog, "rateLimit")->text(), QStringLiteral("none"));
        QCOMPARE(w<QComboBox>(&dialog, "language")->currentData().toString(), QString());
        QVERIFY(dialogButton(&dialog, QDialogButtonBox::Ok)->isEnabled());

        type(w<QLineEdit>(&dialog, "profile"), QStringLiteral("work"));
        type(w<QLineEdit>(&dialog, "region"), QStringLiteral("ap-shanghai"));
        type(w<QLineEdit>(&dialog, "cvmEndpoint"), QStringLiteral("https://cvm.gateway.example"));
        type(w<QLineEdit>(&dialog, "cosEndpoint"), QStringLiteral("http://127.0.0.1:9000"));
        w<QRadioButton>(&dialog, "manualProxy")->click();
        QVERIFY(w<QLineEdit>(&dialog, "proxy")->isEnabled());
        type(w<QLineEdit>(&dialog, "proxy"), QStringLiteral("proxy.example.com:3128"));
        type(w<QLineEdit>(&dialog, "partSize"), QStringLiteral("16M"));
        w<QSpinBox>(&dialog, "concurrency")->setValue(9);
        type(w<QLineEdit>(&dialog, "rateLimit"), QStringLiteral("1.5M/s"));
        w<QComboBox>(&dialog, "language")
            ->setCurrentIndex(w<QComboBox>(&dialog, "language")->findData(u"zh_CN"_qs));
        QVERIFY(dialogButton(&dialog, QDialogButtonBox::Ok)->isEnabled());
        dialogButton(&dialog, QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const AppSettings again(file);
        QCOMPARE(again.profile(), QStringLiteral("work"));
        QCOMPARE(again.region(), QStringLiteral("ap-shanghai"));
        QCOMPARE(again.cvmEndpoint(), QStringLiteral("https://cvm.gateway.example"));
        QCOMPARE(again.cosEndpoint(), QStringLiteral("http://127.0.0.1:9000"));
        QCOMPARE(again.proxy(), QStringLiteral("http://proxy.example.com:3128"));
        QCOMPARE(again.partSize(), 16 * MiB);
        QCOMPARE(again.concurrency(), 9);
        QCOMPARE(again.rateLimit(), qint64(1536 << 10));
        QCOMPARE(again.language(), QStringLiteral("zh_CN"));

        AppSettings reread(file);
        SettingsDialog shown(&reread);
        QCOMPARE(w<QLineEdit>(&shown, "profile")->text(), QStringLiteral("work"));
        QCOMPARE(w<QLineEdit>(&shown, "region")->text(), QStringLiteral("ap-shanghai"));
        QCOMPARE(w<ui::EndpointFields>(&shown, "endpointFields")->cvmOverride(),
                 QStringLiteral("https://cvm.gateway.example"));
        QCOMPARE(w<ui::EndpointFields>(&shown, "endpointFields")->cosOverride(),
                 QStringLiteral("http://127.0.0.1:9000"));
        QVERIFY(w<QRadioButton>(&shown, "manualProxy")->isChecked());
        QCOMPARE(w<QLineEdit>(&shown, "proxy")->text(),
                 QStringLiteral("http://proxy.example.com:3128"));
        QCOMPARE(w<QLineEdit>(&shown, "partSize")->text(), QStringLiteral("16 MiB"));
        QCOMPARE(w<QSpinBox>(&shown, "concurrency")->value(), 9);
        QCOMPARE(w<QLineEdit>(&shown, "rateLimit")->text(), QStringLiteral("1536 KiB/s"));
        QCOMPARE(w<QComboBox>(&shown, "language")->currentText(), QStringLiteral("简体中文"));
        // Accepting what was loaded changes nothing.
        shown.accept();
        QCOMPARE(shown.result(), int(QDialog::Accepted));
        QCOMPARE(AppSettings(file).rateLimit(), qint64(1536 << 10));
        QCOMPARE(AppSettings(file).partSize(), 16 * MiB);
    }

    void invalidValuesBlockOk_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorLabel");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty profile") << "profile"
                                       << ""
                                       << "profileError"
                                       << "profile name";
        QTest::newRow("profile with a tab") << "profile"
                                            << "a\tb"
                                            << "profileError"
                                            << "printable";
        QTest::newRow("region") << "region"
                                << "Guangzhou"
                                << "regionError"
                                << "ap-guangzhou";
        QTest::newRow("cvm over http") << "cvmEndpoint"
                                       << "http://10.0.0.8:8080"
                                       << "endpointsError"
                                       << "http://10.0.0.8:8080";
        QTest::newRow("cos not http") << "cosEndpoint"
                                      << "ftp://127.0.0.1"
                                      << "endpointsError"
                                      << "ftp";
        QTest::newRow("proxy empty") << "proxy"
                                     << ""
                                     << "proxyError"
                                     << "not an address";
        QTest::newRow("proxy https") << "proxy"
                                     << "https://p.example:443"
                                     << "proxyError"
                                     << "only HTTP proxies";
        QTest::newRow("proxy password") << "proxy"
                                        << "http://me:pw@p.example:3128"
                                        << "proxyError"
                                        << "unencrypted";
        QTest::newRow("proxy no port") << "proxy"
                                       << "http://p.example"
                                       << "proxyError"
                                       << "port is missing";
        QTest::newRow("proxy path") << "proxy"
                                    << "p.example:3128/x"
                                    << "proxyError"
                                    << "no path";
        QTest::newRow("part too small") << "partSize"
                                        << "512K"
                                        << "partSizeError"
                                        << "1 MiB to 5 GiB";
        QTest::newRow("part too large") << "partSize"
                                        << "6G"
                                        << "partSizeError"
                                        << "6 GiB";
        QTest::newRow("part no size") << "partSize"
                                      << "lots"
                                      << "partSizeError"
                                      << "not a size";
        QTest::newRow("rate no rate") << "rateLimit"
                                      << "fast"
                                      << "rateLimitError"
                                      << "not a rate";
        QTest::newRow("rate negative") << "rateLimit"
                                       << "-4M/s"
                                       << "rateLimitError"
                                       << "not a rate";
    }

    void invalidValuesBlockOk()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, errorLabel);
        QFETCH(QString, says);
        const QString file = newFile();
        AppSettings settings(file);
        SettingsDialog dialog(&settings);
        dialog.show();
        if (field == QLatin1String("proxy"))
            w<QRadioButton>(&dialog, "manualProxy")->click();
        auto* edit = dialog.findChild<QLineEdit*>(field);
        QVERIFY(edit);
        auto* error = dialog.findChild<QLabel*>(errorLabel);
        QVERIFY(error);
        QVERIFY(!error->accessibleName().isEmpty());
        type(edit, value);
        QCOMPARE(edit->text(), value);
        QVERIFY(!dialogButton(&dialog, QDialogButtonBox::Ok)->isEnabled());
        QVERIFY2(error->text().contains(says), qPrintable(error->text()));
        QVERIFY(!error->isHidden());
        // Enter or a direct accept() is refused too, and nothing is written.
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(!QFile::exists(file));
        // Back to a valid value: the message goes and OK comes back.
        dialog.restoreDefaults();
        QVERIFY(dialogButton(&dialog, QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(error->isHidden());
        QVERIFY(error->text().isEmpty() || errorLabel == QLatin1String("endpointsError"));
    }

    void unwritableFileIsReported()
    {
        // A settings file inside a regular file: the folder can never be made.
        const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        AppSettings settings(blocker + QStringLiteral("/settings.ini"));
        SettingsDialog dialog(&settings);
        dialog.show();
        type(w<QLineEdit>(&dialog, "region"), QStringLiteral("ap-beijing"));
        dialogButton(&dialog, QDialogButtonBox::Ok)->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(!w<QLabel>(&dialog, "saveError")->isHidden());
        QVERIFY2(w<QLabel>(&dialog, "saveError")->text().contains(QStringLiteral("not-a-folder")),
                 qPrintable(w<QLabel>(&dialog, "saveError")->text()));
    }

    void restoreDefaults()
    {
        const QString file = newFile();
        {
            AppSettings settings(file);
            Error error;
            QVERIFY(settings.setProfile(QStringLiteral("work"), &error));
            QVERIFY(settings.setRegion(QStringLiteral("ap-beijing"), &error));
            QVERIFY(settings.setCvmEndpoint(QStringLiteral("https://gw.example"), &error));
            QVERIFY(settings.setProxy(QStringLiteral("http://p.example:8080"), &error));
            QVERIFY(settings.setPartSize(32 * MiB, &error));
            QVERIFY(settings.setConcurrency(12, &error));
            QVERIFY(settings.setRateLimit(2 * MiB, &error));
            QVERIFY(settings.setLanguage(QStringLiteral("en"), &error));
            QVERIFY(settings.sync(&error));
        }
        AppSettings settings(file);
        {
            SettingsDialog dialog(&settings);
            dialog.show();
            QCOMPARE(w<QLineEdit>(&dialog, "region")->text(), QStringLiteral("ap-beijing"));
            dialogButton(&dialog, QDialogButtonBox::RestoreDefaults)->click();
            QCOMPARE(w<QLineEdit>(&dialog, "profile")->text(), QStringLiteral("default"));
            QCOMPARE(w<QLineEdit>(&dialog, "region")->text(), QString());
            QCOMPARE(w<ui::EndpointFields>(&dialog, "endpointFields")->cvmOverride(), QString());
            QVERIFY(w<QRadioButton>(&dialog, "systemProxy")->isChecked());
            QCOMPARE(w<QLineEdit>(&dialog, "partSize")->text(), QStringLiteral("auto"));
            QCOMPARE(w<QSpinBox>(&dialog, "concurrency")->value(), AppSettings::defaultConcurrency);
            QCOMPARE(w<QLineEdit>(&dialog, "rateLimit")->text(), QStringLiteral("none"));
            QCOMPARE(w<QComboBox>(&dialog, "language")->currentIndex(), 0);
            // Nothing is written before OK: Cancel keeps the old values.
            dialog.reject();
            QCOMPARE(AppSettings(file).region(), QStringLiteral("ap-beijing"));
            QCOMPARE(AppSettings(file).concurrency(), 12);
        }
        SettingsDialog dialog(&settings);
        dialogButton(&dialog, QDialogButtonBox::RestoreDefaults)->click();
        dialogButton(&dialog, QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const AppSettings after(file);
        QCOMPARE(after.profile(), QStringLiteral("default"));
        QCOMPARE(after.region(), QString());
        QCOMPARE(after.cvmEndpoint(), QString());
        QCOMPARE(after.proxy(), QString());
        QCOMPARE(after.partSize(), qint64(0));
        QCOMPARE(after.concurrency(), AppSettings::defaultConcurrency);
        QCOMPARE(after.rateLimit(), qint64(0));
        QCOMPARE(after.language(), QString());
    }

    void accessibleAndTabOrder()
    {
        AppSettings settings(newFile());
        SettingsDialog dialog(&settings);
        const QList<QWidget*> fields = {
            w<QLineEdit>(&dialog, "profile"),        w<QLineEdit>(&dialog, "region"),
            w<QLineEdit>(&dialog, "cvmEndpoint"),    w<QLineEdit>(&dialog, "cosEndpoint"),
            w<QRadioButton>(&dialog, "systemProxy"), w<QRadioButton>(&dialog, "manualProxy"),
            w<QLineEdit>(&dialog, "proxy"),          w<QLineEdit>(&dialog, "partSize"),
            w<QSpinBox>(&dialog, "concurrency"),     w<QLineEdit>(&dialog, "rateLimit"),
            w<QComboBox>(&dialog, "language")};
        for (QWidget* w : fields)
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        // Each field's successor in the tab chain is the next one (proxyEdit is enabled for the
        // chain to include it).
        w<QRadioButton>(&dialog, "manualProxy")->click();
        for (qsizetype i = 0; i + 1 < fields.size(); ++i) {
            QWidget* next = fields[i]->nextInFocusChain();
            while (next && next->focusPolicy() == Qt::NoFocus)
                next = next->nextInFocusChain();
            // A spin box's line edit follows the spin box itself.
            if (next && next->parentWidget() == fields[i])
                next = next->nextInFocusChain();
            QVERIFY2(next == fields[i + 1], qPrintable(fields[i]->objectName()));
        }
    }

    void wizardButtonOpensAndApplies()
    {
        const QString file = newFile();
        AppSettings settings(file);
        cloud::MemoryCredentialStore store;
        ui::ImportWizard wizard;
        // Without settings there is no button (tests of the other pages see the usual row).
        QVERIFY(!wizard.button(QWizard::CustomButton1)->isVisible());
        wizard.accountPage()->setCredentialStore(&store);
        wizard.accountPage()->setDiscoverer([] { return cloud::CredentialDiscovery{}; });
        wizard.accountPage()->setSettings(&settings);
        wizard.setSettings(&settings);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QAbstractButton* button = wizard.button(QWizard::CustomButton1);
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Settings…"));
        QVERIFY(!button->accessibleName().isEmpty());
        // Its shortcut is none of the ones moving through the pages.
        for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton,
                           QWizard::CancelButton})
            QVERIFY(wizard.button(which)->shortcut() != button->shortcut());

        QTest::mouseClick(button, Qt::LeftButton);
        SettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = wizard.findChild<SettingsDialog*>()) != nullptr);
        QVERIFY(dialog->isVisible());
        type(w<QLineEdit>(dialog, "region"), QStringLiteral("ap-chengdu"));
        type(w<QLineEdit>(dialog, "cvmEndpoint"), QStringLiteral("https://gw.example:8443"));
        w<QRadioButton>(dialog, "manualProxy")->click();
        type(w<QLineEdit>(dialog, "proxy"), QStringLiteral("http://proxy.example.com:3128"));
        dialogButton(dialog, QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!wizard.findChild<SettingsDialog*>()); // deleted on close

        // The Account page uses them at once (Check would send them to the new endpoint).
        QCOMPARE(wizard.accountPage()->region(), QStringLiteral("ap-chengdu"));
        const auto* endpoints =
            wizard.accountPage()->findChild<QLabel*>(QStringLiteral("endpointsSummary"));
        QVERIFY(endpoints);
        QVERIFY2(endpoints->text().contains(u"gw.example:8443"_qs), qPrintable(endpoints->text()));
        // Qt's requests go through the proxy, except to this computer.
        const QList<QNetworkProxy> cloudProxy = proxiesFor(u"https://cvm.tencentcloudapi.com"_qs);
        QCOMPARE(cloudProxy.first().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(cloudProxy.first().hostName(), QStringLiteral("proxy.example.com"));
        QCOMPARE(cloudProxy.first().port(), quint16(3128));
        QCOMPARE(proxiesFor(u"http://127.0.0.1:9000"_qs).first().type(), QNetworkProxy::NoProxy);

        // On another page too, and by its shortcut.
        wizard.setStartId(ui::ImportWizard::PageForm);
        wizard.restart();
        QVERIFY(wizard.button(QWizard::CustomButton1)->isVisible());
        wizard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        QTest::keyClick(&wizard, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY((dialog = wizard.findChild<SettingsDialog*>()) != nullptr);
        // Back to the system proxy: the manual one is gone.
        w<QRadioButton>(dialog, "systemProxy")->click();
        dialogButton(dialog, QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!wizard.findChild<SettingsDialog*>());
        QVERIFY(proxiesFor(u"https://cvm.tencentcloudapi.com"_qs).first().hostName() !=
                QStringLiteral("proxy.example.com"));
    }

    // UploadJob::proxy takes the engine's requests to the proxy: a fake one records the CONNECT
    // for the bucket's host and refuses it, so the upload fails without reaching any cloud.
    void uploadJobGoesThroughProxy()
    {
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        QByteArray request;
        connect(&proxy, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* socket = proxy.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &request] {
                request += socket->readAll();
                if (request.contains("\r\n\r\n")) {
                    socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
                    socket->disconnectFromHost();
                }
            });
        });

        const QString image = m_dir.filePath(QStringLiteral("small.raw"));
        QFile f(image);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();

        AppSettings settings(newFile());
        Error error;
        QVERIFY(settings.setProxy(QStringLiteral("127.0.0.1:%1").arg(proxy.serverPort()), &error));
        transfer::UploadJob job;
        job.filePath = image;
        job.destination.bucket = QStringLiteral("demo-1250000000");
        job.destination.region = QStringLiteral("ap-guangzhou");
        job.destination.key = QStringLiteral("small.raw");
        job.credentials.secretId = QStringLiteral("AKIDTEST");
        job.credentials.secretKey = QStringLiteral("not-a-secret");
        job.checkpointDir = m_dir.filePath(QStringLiteral("checkpoints"));
        job.retry.maxAttempts = 1;
        job.proxy = settings.proxy(); // as the Upload page fills the job
        transfer::UploadEngine engine(job);
        QSignalSpy finished(&engine, &transfer::UploadEngine::finished);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto result = finished.first().first().value<transfer::UploadResult>();
        QVERIFY(!result.ok);
        QVERIFY2(request.startsWith("CONNECT demo-1250000000.cos.ap-guangzhou.myqcloud.com:443"),
                 request.constData());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

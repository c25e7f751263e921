// The Windows reach facts (WindowsReach.cpp): Remote Desktop, its firewall rules, the SAN policy,
// a pending reboot and the Setup state, read by inspectImage() from the fixture disks of
// tests/fixtures/make-windows-disk.sh and checked against hivexget on the very hives inside them
// and ntfscat on their NTFS volumes; and the two parsers of guest text on hostile input.
#include "TestSupport.h"
#include "WindowsFixture.h"
#include "inspect/Inspector.h"
#include "inspect/RegistryHive.h"
#include "inspect/WindowsReach.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using test::windowsFixture;

namespace {

// hivexget HIVE KEY VALUE as the tool prints it (DWORDs in decimal); -1 when absent.
int hivexDword(const QString& hive, const QString& key, const QString& value)
{
    QProcess process;
    process.start(QStringLiteral("hivexget"), {hive, key, value});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return -1;
    bool ok = false;
    const int v = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toInt(&ok);
    return ok ? v : -1;
}

QString hivexString(const QString& hive, const QString& key, const QString& value)
{
    QByteArray out;
    if (!test::runTool(QStringLiteral("hivexget"), {hive, key, value}, &out))
        return {};
    return QString::fromUtf8(out).trimmed();
}

struct Disk {
    QString name;
    QString controlSet; // the current one, from Select\Current
};

const QList<Disk> kDisks = {{QStringLiteral("win2012r2"), QStringLiteral("ControlSet002")},
                            {QStringLiteral("win2008r2"), QStringLiteral("ControlSet001")},
                            {QStringLiteral("win10-x86"), QStringLiteral("ControlSet001")},
                            {QStringLiteral("win2012r2-locked"), QStringLiteral("ControlSet001")},
                            {QStringLiteral("win2008r2-sysprep"), QStringLiteral("ControlSet001")}};

} // namespace

class TestWindowsReach : public QObject {
    Q_OBJECT

private slots:
    void factsMatchHivex_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("controlSet");
        for (const Disk& d : kDisks)
            QTest::newRow(qPrintable(d.name)) << d.name << d.controlSet;
    }

    // Every registry fact against hivexget on the hive file the disk was built with.
    void factsMatchHivex()
    {
        QFETCH(QString, name);
        QFETCH(QString, controlSet);
        const ImageFacts facts = inspectImage(windowsFixture(name + QStringLiteral(".raw")));
        QCOMPARE(facts.guest.family, QStringLiteral("windows"));
        QCOMPARE(facts.guest.windows.controlSet, controlSet);
        const WindowsReachFacts& r = facts.guest.windows.reach;
        QVERIFY(r.read);
        const QString system = windowsFixture(name + QStringLiteral(".SYSTEM"));
        const QString cs = controlSet + u'\\';
        QCOMPARE(r.denyTsConnections,
                 hivexDword(system, cs + QStringLiteral("Control\\Terminal Server"),
                            QStringLiteral("fDenyTSConnections")));
        QCOMPARE(r.denyTsConnectionsPolicy,
                 hivexDword(windowsFixture(name + QStringLiteral(".SOFTWARE")),
                            QStringLiteral("Policies\\Microsoft\\Windows NT\\Terminal Services"),
                            QStringLiteral("fDenyTSConnections")));
        QCOMPARE(r.sanPolicy,
                 hivexDword(system, cs + QStringLiteral("Services\\partmgr\\Parameters"),
                            QStringLiteral("SanPolicy")));
        const QString policy =
            cs + QStringLiteral("Services\\SharedAccess\\Parameters\\FirewallPolicy");
        for (const QString& profile :
             {QStringLiteral("DomainProfile"), QStringLiteral("StandardProfile"),
              QStringLiteral("PublicProfile")})
            QCOMPARE(
                r.firewallEnabled.value(profile, -2),
                hivexDword(system, policy + u'\\' + profile, QStringLiteral("EnableFirewall")));
        for (const WindowsFirewallRule& rule : r.rdpRules) {
            QCOMPARE(rule.value,
                     hivexString(system, policy + QStringLiteral("\\FirewallRules"), rule.name));
            QCOMPARE(rule.active, rule.value.contains(QLatin1String("|Active=TRUE|")));
        }
        QCOMPARE(r.setupInProgress, hivexDword(system, QStringLiteral("Setup"),
                                               QStringLiteral("SystemSetupInProgress")));
        QCOMPARE(r.oobeInProgress,
                 hivexDword(system, QStringLiteral("Setup"), QStringLiteral("OOBEInProgress")));
        // The evidence names the value where it was read.
        const Evidence rdp = facts.guest.evidence.value(QStringLiteral("rdp"));
        QVERIFY(QString(rdp.path + rdp.value).contains(controlSet));
    }

    // What each disk was built with (make-windows-disk.sh's header), rule by rule.
    void fixtureValues()
    {
        const ImageFacts good = inspectImage(windowsFixture(QStringLiteral("win2012r2.raw")));
        const WindowsReachFacts& g = good.guest.windows.reach;
        // ControlSet001 says RDP off; Select\Current=2 must win.
        QCOMPARE(g.denyTsConnections, 0);
        QCOMPARE(g.rdpRules.size(), 2);
        QVERIFY(g.rdpRules[0].active && g.rdpRules[1].active);
        QCOMPARE(g.sanPolicy, 1);
        QVERIFY(g.pendingReboot.isEmpty());
        QCOMPARE(g.imageState, QStringLiteral("IMAGE_STATE_COMPLETE"));
        QCOMPARE(g.stateIniPath, QStringLiteral("/Windows/Setup/State/State.ini"));
        QVERIFY(g.answerFiles.isEmpty());

        const ImageFacts old = inspectImage(windowsFixture(QStringLiteral("win2008r2.raw")));
        const WindowsReachFacts& o = old.guest.windows.reach;
        QCOMPARE(o.rdpRules.size(), 1);
        QCOMPARE(o.rdpRules[0].name, QStringLiteral("RemoteDesktop-In-TCP"));
        QVERIFY(!o.rdpRules[0].active);
        QCOMPARE(o.firewallEnabled.value(QStringLiteral("PublicProfile")), 0);
        QVERIFY(o.imageState.isEmpty());

        const ImageFacts locked =
            inspectImage(windowsFixture(QStringLiteral("win2012r2-locked.raw")));
        const WindowsReachFacts& l = locked.guest.windows.reach;
        QCOMPARE(l.denyTsConnections, 1);
        QCOMPARE(l.sanPolicy, 4);
        QCOMPARE(l.pendingReboot.size(), 2);
        QVERIFY(l.pendingReboot[0].endsWith(QLatin1String("PendingFileRenameOperations")));
        QVERIFY(l.pendingReboot[1].endsWith(QLatin1String("RebootPending")));
        // UTF-16LE State.ini, as Windows writes it.
        QCOMPARE(l.imageState, QStringLiteral("IMAGE_STATE_UNDEPLOYABLE"));
        QByteArray ini;
        QVERIFY(test::runTool(QStringLiteral("ntfscat"),
                              {windowsFixture(QStringLiteral("win2012r2-locked.ntfs")),
                               QStringLiteral("/Windows/Setup/State/State.ini")},
                              &ini));
        QCOMPARE(parseImageState(ini), l.imageState);
        QCOMPARE(locked.guest.windows.drivers.last().name, QStringLiteral("netkvm"));
        QCOMPARE(locked.guest.windows.drivers.last().start, 4);

        const ImageFacts sysprep =
            inspectImage(windowsFixture(QStringLiteral("win2008r2-sysprep.raw")));
        const WindowsReachFacts& s = sysprep.guest.windows.reach;
        QVERIFY(s.firewallPolicy);
        QVERIFY(s.rdpRules.isEmpty()); // only CoreNet-DHCP-In
        QCOMPARE(s.sanPolicy, 3);
        QCOMPARE(s.denyTsConnections, 0);
        QCOMPARE(s.denyTsConnectionsPolicy, 1);
        QCOMPARE(s.pendingReboot.size(), 1);
        QVERIFY(s.pendingReboot[0].endsWith(QLatin1String("RebootRequired")));
        QCOMPARE(s.imageState, QStringLiteral("IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE"));
        QCOMPARE(s.answerFiles, QStringList{QStringLiteral("/Windows/Panther/unattend.xml")});

        const ImageFacts client = inspectImage(windowsFixture(QStringLiteral("win10-x86.raw")));
        QCOMPARE(client.guest.windows.reach.denyTsConnections, -1);
        QVERIFY(!client.guest.windows.reach.firewallPolicy);
    }

    // REG_MULTI_SZ through RegistryHive::getStrings, against hivexget (one string a line).
    void multiStrings()
    {
        const QString path = windowsFixture(QStringLiteral("win2012r2-locked.SYSTEM"));
        Error error;
        const auto hive = RegistryHive::fromBytes(test::fileBytes(path), path, &error);
        QVERIFY2(hive, qPrintable(error.message));
        const QString key = QStringLiteral("ControlSet001\\Control\\Session Manager");
        const auto strings = hive->getStrings(key, QStringLiteral("PendingFileRenameOperations"));
        QVERIFY(strings);
        QByteArray out;
        QVERIFY(test::runTool(QStringLiteral("hivexget"),
                              {path, key, QStringLiteral("PendingFileRenameOperations")}, &out));
        QStringList expected = QString::fromUtf8(out).split(u'\n');
        expected.removeLast(); // the final newline
        QCOMPARE(*strings, expected);
        QCOMPARE(
            strings->first(),
            QStringLiteral("\\??\\C:\\Windows\\SoftwareDistribution\\Download\\a1b2\\netkvm.sys"));
        // Another type is not a multi-string.
        QVERIFY(!hive->getStrings(QStringLiteral("Select"), QStringLiteral("Current")));
    }

    void imageState_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("state");
        QTest::newRow("crlf") << QByteArray("[State]\r\nImageState=IMAGE_STATE_COMPLETE\r\n")
                              << QStringLiteral("IMAGE_STATE_COMPLETE");
        QTest::newRow("spaces, case")
            << QByteArray("[state]\n  imagestate = X_Y \n") << QStringLiteral("X_Y");
        QTest::newRow("other section") << QByteArray("[Other]\nImageState=NO\n") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("bom only") << QByteArray("\xff\xfe") << QString();
        QTest::newRow("odd utf16")
            << QByteArray("\xff\xfe[\0S\0t\0a\0t\0e\0]\0\n\0A\0=", 21) << QString();
        QTest::newRow("no equals") << QByteArray("[State]\nImageState\n") << QString();
        QTest::newRow("long value")
            << QByteArray("[State]\nImageState=") + QByteArray(5000, 'A') << QString(80, u'A');
        QTest::newRow("beyond the cap")
            << QByteArray("[State]\n") + QByteArray(int(kMaxStateIniBytes), '\n') +
                   QByteArray("ImageState=LATE\n")
            << QString();
    }

    void imageState()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, state);
        QCOMPARE(parseImageState(bytes), state);
    }

    void firewallRule()
    {
        QVERIFY(firewallRuleActive(QStringLiteral("v2.22|Action=Allow|Active=TRUE|Dir=In|")));
        QVERIFY(!firewallRuleActive(QStringLiteral("v2.22|Action=Allow|Active=FALSE|Dir=In|")));
        QVERIFY(!firewallRuleActive(QStringLiteral("v2.22|Action=Block|Active=TRUE|Dir=In|")));
        QVERIFY(!firewallRuleActive(QStringLiteral("Desc=Active=TRUE Action=Allow")));
        QVERIFY(!firewallRuleActive(QString()));
    }
};

QTEST_GUILESS_MAIN(TestWindowsReach)
#include "tst_windowsreach.moc"

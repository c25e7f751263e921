// The windows.* rules of the default rule file on the fixture disks of
// tests/fixtures/make-windows-disk.sh (inspectImage + Policy::builtin().evaluate): a passing and a
// failing disk for each, the cases no disk has on facts changed by hand, and not applicable on
// Linux.
#include "TestSupport.h"
#include "WindowsFixture.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "policy/ReportJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QtTest>

using namespace cvmi;
using policy::Verdict;

namespace {

const policy::RuleResult* ruleOf(const policy::Report& report, const QString& id)
{
    for (const auto& r : report.rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

inspect::ImageFacts inspectDisk(const char* name)
{
    return inspect::inspectImage(test::windowsFixture(QString::fromLatin1(name)));
}

const QStringList kRules = {
    QStringLiteral("windows.rdp"),        QStringLiteral("windows.rdp_firewall"),
    QStringLiteral("windows.san_policy"), QStringLiteral("windows.pending_reboot"),
    QStringLiteral("windows.sysprep"),    QStringLiteral("windows.netkvm_enabled")};

} // namespace

class TestWindowsPolicy : public QObject {
    Q_OBJECT

private slots:
    void verdicts_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("evidence"); // a part of the evidence
        const auto row = [](const char* d, const char* r, const char* v, const char* e) {
            QTest::addRow("%s %s", d, r) << QString::fromLatin1(d) << QString::fromLatin1(r)
                                         << QString::fromLatin1(v) << QString::fromLatin1(e);
        };
        // win2012r2: everything reachable.
        row("win2012r2.raw", "windows.rdp", "pass", "fDenyTSConnections=0");
        row("win2012r2.raw", "windows.rdp_firewall", "pass", "RemoteDesktop-UserMode-In-TCP");
        row("win2012r2.raw", "windows.san_policy", "pass", "OnlineAll");
        row("win2012r2.raw", "windows.pending_reboot", "pass", "no pending file renames");
        row("win2012r2.raw", "windows.sysprep", "pass", "IMAGE_STATE_COMPLETE");
        row("win2012r2.raw", "windows.netkvm_enabled", "pass", "Start=3");
        // win2008r2: the rule is off, but so is the firewall; SAN policy OfflineShared passes.
        row("win2008r2.raw", "windows.rdp_firewall", "pass", "off for every profile");
        row("win2008r2.raw", "windows.san_policy", "pass", "OfflineShared");
        row("win2008r2.raw", "windows.netkvm_enabled", "pass", "not installed");
        // win10-x86: no Terminal Server or firewall keys at all.
        row("win10-x86.raw", "windows.rdp", "unknown", "fDenyTSConnections not set");
        row("win10-x86.raw", "windows.rdp_firewall", "unknown", "FirewallPolicy");
        row("win10-x86.raw", "windows.san_policy", "pass", "SanPolicy not set");
        // win2012r2-locked: every way to be unreachable.
        row("win2012r2-locked.raw", "windows.rdp", "fail", "fDenyTSConnections=1");
        row("win2012r2-locked.raw", "windows.rdp_firewall", "fail", "Active=FALSE");
        row("win2012r2-locked.raw", "windows.san_policy", "warn", "OfflineInternal");
        row("win2012r2-locked.raw", "windows.pending_reboot", "warn",
            "PendingFileRenameOperations");
        row("win2012r2-locked.raw", "windows.sysprep", "fail", "IMAGE_STATE_UNDEPLOYABLE");
        row("win2012r2-locked.raw", "windows.netkvm_enabled", "fail", "Start=4");
        // win2008r2-sysprep: generalized with an answer file; no RDP rule behind a firewall.
        // RDP on in the control set, off by Group Policy, which wins.
        row("win2008r2-sysprep.raw", "windows.rdp", "fail",
            "fDenyTSConnections=1 (Group Policy; HKLM\\SYSTEM\\ControlSet001\\Control\\Terminal "
            "Server\\fDenyTSConnections: 0)");
        row("win2008r2-sysprep.raw", "windows.rdp_firewall", "fail",
            "no Remote Desktop rule in FirewallRules");
        row("win2008r2-sysprep.raw", "windows.san_policy", "warn", "OfflineAll");
        row("win2008r2-sysprep.raw", "windows.pending_reboot", "warn", "RebootRequired");
        row("win2008r2-sysprep.raw", "windows.sysprep", "warn", "/Windows/Panther/unattend.xml");
        row("win2008r2-sysprep.raw", "windows.netkvm_enabled", "pass", "Start=3");
    }

    void verdicts()
    {
        QFETCH(QString, disk);
        QFETCH(QString, rule);
        QFETCH(QString, verdict);
        QFETCH(QString, evidence);
        static QMap<QString, policy::Report> reports; // one inspection per disk
        if (!reports.contains(disk)) {
            const inspect::ImageFacts facts = inspect::inspectImage(test::windowsFixture(disk));
            QCOMPARE(facts.guest.family, QStringLiteral("windows"));
            reports.insert(disk, policy::Policy::builtin().evaluate(facts));
        }
        const policy::RuleResult* r = ruleOf(reports[disk], rule);
        QVERIFY(r);
        QCOMPARE(r->group, QStringLiteral("windows"));
        QCOMPARE(policy::verdictName(r->verdict), verdict);
        QVERIFY2(r->evidence.contains(evidence), qPrintable(r->evidence));
        if (r->verdict == Verdict::Fail || r->verdict == Verdict::Warn)
            QVERIFY(!r->fix.isEmpty());
    }

    // The case no disk has: Setup in progress and no answer file (fail); without it, a
    // generalized image only warns.
    void setupWithoutAnswerFile()
    {
        inspect::ImageFacts facts = inspectDisk("win2008r2-sysprep.raw");
        facts.guest.windows.reach.answerFiles.clear();
        const policy::Report report = policy::Policy::builtin().evaluate(facts);
        const policy::RuleResult* r = ruleOf(report, QStringLiteral("windows.sysprep"));
        QVERIFY(r);
        QCOMPARE(r->verdict, Verdict::Fail);
        QVERIFY(r->evidence.contains(QLatin1String("no answer file")));

        facts.guest.windows.reach.imageState = QStringLiteral("IMAGE_STATE_COMPLETE");
        facts.guest.windows.reach.setupInProgress = 0;
        facts.guest.windows.reach.oobeInProgress = 0;
        QCOMPARE(
            ruleOf(policy::Policy::builtin().evaluate(facts), QStringLiteral("windows.sysprep"))
                ->verdict,
            Verdict::Pass);
    }

    // The TCP rule active is what matters; the firewall off on only one profile does not help.
    void firewallOnOneProfile()
    {
        inspect::ImageFacts facts = inspectDisk("win2012r2-locked.raw");
        facts.guest.windows.reach.firewallEnabled[QStringLiteral("PublicProfile")] = 0;
        QCOMPARE(ruleOf(policy::Policy::builtin().evaluate(facts),
                        QStringLiteral("windows.rdp_firewall"))
                     ->verdict,
                 Verdict::Fail);
        facts.guest.windows.reach.rdpRules[0].active = true; // the TCP rule
        QCOMPARE(ruleOf(policy::Policy::builtin().evaluate(facts),
                        QStringLiteral("windows.rdp_firewall"))
                     ->verdict,
                 Verdict::Pass);
    }

    // `check --json` carries the reach facts (docs/check-json.md), absent values as null.
    void json()
    {
        const inspect::ImageFacts facts = inspectDisk("win2012r2-locked.raw");
        const QJsonObject json =
            policy::checkResultToJson(facts, policy::Policy::builtin().evaluate(facts));
        const QJsonObject reach =
            json[QStringLiteral("os")][QStringLiteral("windows")][QStringLiteral("reach")]
                .toObject();
        QCOMPARE(reach[QStringLiteral("deny_ts_connections")].toInt(), 1);
        QCOMPARE(reach[QStringLiteral("san_policy")].toInt(), 4);
        QCOMPARE(reach[QStringLiteral("image_state")].toString(),
                 QStringLiteral("IMAGE_STATE_UNDEPLOYABLE"));
        QCOMPARE(reach[QStringLiteral("pending_reboot")].toArray().size(), 2);
        QCOMPARE(reach[QStringLiteral("rdp_rules")].toArray().size(), 2);

        const inspect::ImageFacts client = inspectDisk("win10-x86.raw");
        const QJsonObject clientReach =
            policy::checkResultToJson(client,
                                      policy::Policy::builtin().evaluate(client))[QStringLiteral(
                "os")][QStringLiteral("windows")][QStringLiteral("reach")]
                .toObject();
        QVERIFY(clientReach[QStringLiteral("deny_ts_connections")].isNull());
    }

    // A Linux guest: not applicable (pass); no OS found: unknown.
    void notWindows()
    {
        inspect::ImageFacts facts = inspectDisk("win2012r2-locked.raw");
        facts.guest.family = QStringLiteral("linux");
        facts.guest.distro = QStringLiteral("centos");
        policy::Report report = policy::Policy::builtin().evaluate(facts);
        for (const QString& id : kRules) {
            const policy::RuleResult* r = ruleOf(report, id);
            QVERIFY2(r, qPrintable(id));
            QCOMPARE(r->verdict, Verdict::Pass);
            QVERIFY(r->evidence.contains(QLatin1String("Not applicable")));
        }
        facts.guest.family.clear();
        report = policy::Policy::builtin().evaluate(facts);
        for (const QString& id : kRules)
            QCOMPARE(ruleOf(report, id)->verdict, Verdict::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestWindowsPolicy)
#include "tst_windowspolicy.moc"

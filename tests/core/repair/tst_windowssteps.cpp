// The PowerShell repair script for the failing Windows fixture disks (repair::buildFixScript on
// inspectImage + Policy::builtin().evaluate): which rules get steps and which a manual note, the
// values the steps write, that every change is guarded and runs only inside Change, and that a
// hostile guest value stays inside its quotes. There is no PowerShell on the build machines: the
// script is checked by text, with a small tokenizer of PowerShell's quoting rules below.
#include "TestSupport.h"
#include "WindowsFixture.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "repair/FixScript.h"
#include "repair/FixStep.h"

#include <QtTest>

using namespace cvmi;

namespace {

struct Built {
    inspect::ImageFacts facts;
    policy::Report report;
    repair::FixScript script;
};

// With CVMI_DUMP_PS=DIR the scripts are also written there (DIR/NAME.ps1), for a PowerShell
// parser where one is at hand (tests/repair/parse-powershell.mjs, tree-sitter-powershell).
void dump(const QString& name, const QString& text)
{
    const QString dir = qEnvironmentVariable("CVMI_DUMP_PS");
    if (dir.isEmpty() || text.isEmpty())
        return;
    QFile file(dir + u'/' + name + QStringLiteral(".ps1"));
    if (file.open(QIODevice::WriteOnly))
        file.write(text.toUtf8());
}

Built build(const QString& disk)
{
    Built b;
    b.facts = inspect::inspectImage(test::windowsFixture(disk));
    b.report = policy::Policy::builtin().evaluate(b.facts);
    b.script = repair::buildFixScript(b.facts, b.report, QStringLiteral("test"));
    dump(disk.section(u'.', 0, 0), b.script.text);
    return b;
}

bool isQuote(QChar c)
{
    return c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A) ||
           c == QChar(0x201B);
}

// The script with the contents of its single-quoted strings and comments blanked out (as
// PowerShell reads them: '' and the typographic quotes doubled stay inside; # starts a comment
// outside strings; a double-quoted string is kept, it is code). What is left is what runs.
QString codeOnly(const QString& text)
{
    QString out;
    enum { Code, Single, Comment, Double } state = Code;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (state) {
        case Code:
            if (isQuote(c))
                state = Single;
            else if (c == u'#')
                state = Comment;
            else if (c == u'"')
                state = Double;
            out += c;
            break;
        case Single:
            if (isQuote(c)) {
                if (i + 1 < text.size() && isQuote(text[i + 1])) {
                    ++i;
                    out += QStringLiteral("__");
                    break;
                }
                state = Code;
                out += c;
            } else {
                out += c == u'\n' ? u'\n' : u'_';
            }
            break;
        case Comment:
            if (c == u'\n') {
                state = Code;
                out += c;
            }
            break;
        case Double:
            if (c == u'`' && i + 1 < text.size()) {
                out += c;
                out += text[++i];
                break;
            }
            if (c == u'"')
                state = Code;
            out += c;
            break;
        }
    }
    return out;
}

// The steps of a script: the text after each "# ---- N. RULE" header, keyed by rule id.
QMultiMap<QString, QString> steps(const QString& text)
{
    QMultiMap<QString, QString> out;
    const QStringList parts = text.split(QStringLiteral("\n# ---- "));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString head = parts[i].section(u'\n', 0, 0);
        if (!head.section(u' ', 0, 0).endsWith(u'.')) // the prelude's "# ---- The helpers"
            continue;
        out.insert(head.section(u' ', 1, 1), parts[i].section(u'\n', 1));
    }
    return out;
}

// Every command that changes the system runs inside a Change { } block (so -DryRun skips it):
// the lines with one are at a brace depth opened by a Change line.
void changesOnlyInsideChange(const QString& step)
{
    static const QRegularExpression mutating(QStringLiteral(
        R"(Enable-NetFirewallRule|netsh advfirewall firewall (set|add)|\.Enabled = \$true|)"
        R"(New-ItemProperty|Set-ItemProperty|Remove-Item|diskpart)"));
    int changeDepth = -1;
    int depth = 0;
    for (const QString& line : codeOnly(step).split(u'\n')) {
        if (changeDepth < 0 && line.trimmed().startsWith(QLatin1String("Change ")))
            changeDepth = depth;
        const bool inside = changeDepth >= 0 && depth > changeDepth;
        if (line.contains(mutating))
            QVERIFY2(inside, qPrintable(QStringLiteral("outside Change: ") + line));
        depth += int(line.count(u'{')) - int(line.count(u'}'));
        if (changeDepth >= 0 && depth <= changeDepth)
            changeDepth = -1;
    }
}

} // namespace

class TestWindowsSteps : public QObject {
    Q_OBJECT

private slots:
    void lockedDisk()
    {
        const Built b = build(QStringLiteral("win2012r2-locked.raw"));
        const repair::FixScript& s = b.script;
        QCOMPARE(s.language, repair::FixScript::Language::PowerShell);
        QCOMPARE(s.suggestedFileName(), QStringLiteral("fix.ps1"));
        for (const char* id : {"windows.rdp", "windows.rdp_firewall", "windows.san_policy",
                               "windows.netkvm_enabled", "network.no_ipv6"})
            QVERIFY2(s.fixedRules.contains(QLatin1String(id)), id);
        for (const char* id : {"windows.pending_reboot", "windows.sysprep"}) {
            QVERIFY2(s.manualRules.contains(QLatin1String(id)), id);
            QVERIFY2(!s.fixedRules.contains(QLatin1String(id)), id);
        }
        const QString& t = s.text;
        QVERIFY(t.startsWith(QLatin1String("# Repair script written by cvm-import")));
        QVERIFY(!t.contains(QLatin1String("requires")));
        QVERIFY(t.contains(QLatin1String("param([switch]$DryRun)")));
        QVERIFY(t.trimmed().endsWith(QLatin1String("Finish")));
        QVERIFY(t.contains(QLatin1String(
            "Set-RegistryValue 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server' "
            "'fDenyTSConnections' 0\n")));
        QVERIFY(t.contains(QLatin1String(
            "Set-RegistryValue 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\partmgr\\Parameters' "
            "'SanPolicy' 1\n")));
        QVERIFY(t.contains(QLatin1String(
            "Set-RegistryValue 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\netkvm' 'Start' 3\n")));
        QVERIFY(t.contains(QLatin1String(
            "Set-RegistryValue 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters' "
            "'DisabledComponents' 255\n")));
        QVERIFY(!t.contains(QLatin1String("SOFTWARE\\Policies")));
        // The driver's file as the disk spells it, checked before the service is turned on.
        QVERIFY(t.contains(QLatin1String(
            "$netkvmFile = Join-Path $env:SystemDrive 'Windows\\System32\\drivers\\netkvm.sys'")));
        // The firewall: the rules found, enabled by their language-independent group, with the
        // netsh fallback for Windows Server 2008 R2.
        QVERIFY(t.contains(QLatin1String(
            "$foundRules = @('RemoteDesktop-UserMode-In-TCP', 'RemoteDesktop-UserMode-In-UDP')")));
        QVERIFY(t.contains(QLatin1String("Enable-NetFirewallRule -Group $rdpGroup")));
        QVERIFY(t.contains(QLatin1String(
            "netsh advfirewall firewall set rule group=\"remote desktop\" new enable=Yes")));
        // The manual notes are in the header.
        QVERIFY(t.contains(QLatin1String("#   windows.pending_reboot: A reboot is pending")));
        QVERIFY(t.contains(QLatin1String("#   windows.sysprep: Windows Setup has not finished")));
    }

    void everyStepGuarded_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::newRow("win2012r2-locked") << QStringLiteral("win2012r2-locked.raw");
        QTest::newRow("win2008r2-sysprep") << QStringLiteral("win2008r2-sysprep.raw");
        QTest::newRow("win2008r2") << QStringLiteral("win2008r2.raw");
    }

    // Each step tests before it changes: the prelude's Set-RegistryValue (which compares first)
    // or its own Already/Change branches; and nothing changes outside Change.
    void everyStepGuarded()
    {
        QFETCH(QString, disk);
        const Built b = build(disk);
        const auto all = steps(b.script.text);
        QCOMPARE(all.size(), qsizetype(b.script.steps));
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            const QString code = codeOnly(it.value());
            QVERIFY2(code.contains(QLatin1String("Set-RegistryValue ")) ||
                         (code.contains(QLatin1String("Already ")) &&
                          code.contains(QLatin1String("Change "))),
                     qPrintable(it.key()));
            changesOnlyInsideChange(it.value());
            // Braces balance: a step cannot swallow the next.
            QCOMPARE(code.count(u'{'), code.count(u'}'));
            QCOMPARE(code.count(u'('), code.count(u')'));
        }
    }

    // No Remote Desktop rule at all behind a firewall: the step adds one (once), SAN policy to
    // OnlineAll, RDP on through the policy too; IPv6 is off, so no step for it; the rest is
    // manual.
    void sysprepDisk()
    {
        const Built b = build(QStringLiteral("win2008r2-sysprep.raw"));
        const QString& t = b.script.text;
        QCOMPARE(b.script.fixedRules,
                 (QStringList{QStringLiteral("windows.rdp"), QStringLiteral("windows.rdp_firewall"),
                              QStringLiteral("windows.san_policy")}));
        // RDP is off by Group Policy only: the setting and the policy value are both made 0.
        QVERIFY(t.contains(QLatin1String(
            "Set-RegistryValue 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal "
            "Services' 'fDenyTSConnections' 0\n")));
        QVERIFY(b.script.manualRules.contains(QStringLiteral("windows.pending_reboot")));
        QVERIFY(b.script.manualRules.contains(QStringLiteral("windows.sysprep")));
        QVERIFY(t.contains(QLatin1String("$foundRules = @()")));
        QVERIFY(t.contains(QLatin1String("netsh advfirewall firewall add rule name=\"cvm-import "
                                         "Remote Desktop TCP-In\" dir=in action=allow "
                                         "protocol=TCP localport=3389")));
        QVERIFY(t.contains(QLatin1String("$_.Name -eq 'cvm-import Remote Desktop TCP-In'")));
        QVERIFY(!t.contains(QLatin1String("DisabledComponents")));
    }

    // Nothing to fix on the reachable disk: no script at all.
    void nothingToFix()
    {
        const Built b = build(QStringLiteral("win2012r2.raw"));
        QVERIFY(b.script.isEmpty());
        QVERIFY(b.script.text.isEmpty());
    }

    // A hostile driver path (quotes, typographic quotes, $(...), a newline) stays one string.
    void hostileValuesStayInert()
    {
        Built b = build(QStringLiteral("win2012r2-locked.raw"));
        const QString hostile = QStringLiteral(
            "Windows/System32/drivers/it's $(Remove-Item C:\\ -Recurse) \u2019; Remove-Item "
            "x;\u2019\n; Remove-Item y #.sys");
        for (auto& d : b.facts.guest.windows.drivers)
            if (d.name == QLatin1String("netkvm"))
                d.filePath = hostile;
        const repair::FixScript s = repair::buildFixScript(b.facts, b.report, QStringLiteral("t"));
        dump(QStringLiteral("hostile"), s.text);
        QVERIFY(s.text.contains(QLatin1String("it''s $(Remove-Item")));
        QVERIFY(s.text.contains(QStringLiteral("\u2019\u2019; Remove-Item x;\u2019\u2019")));
        const QString code = codeOnly(s.text);
        QVERIFY(!code.contains(QLatin1String("Remove-Item")));
        // The tokenizer sees the quoted text: without psQuote it would be code.
        QVERIFY(codeOnly(QStringLiteral("'it's $(Remove-Item C:\\)'"))
                    .contains(QLatin1String("Remove-Item")));
    }
};

QTEST_GUILESS_MAIN(TestWindowsSteps)
#include "tst_windowssteps.moc"

// PowerShell steps for the Windows rules: each runs inside the source VM (elevated), checks the
// live registry or firewall first and changes only through the prelude's Change and
// Set-RegistryValue (resources/repair/prelude.ps1), so -DryRun changes nothing.
#include "repair/FixStep.h"

namespace cvmi::repair {

namespace {

const QString kControl = QStringLiteral("HKLM:\\SYSTEM\\CurrentControlSet");

// Set-RegistryValue PATH NAME VALUE: already guarded (it compares first and says "already").
QString setDword(const QString& key, const QString& name, uint32_t value)
{
    return QStringLiteral("Set-RegistryValue %1 %2 %3\n")
        .arg(psQuote(kControl + u'\\' + key), psQuote(name))
        .arg(value);
}

QList<FixStep> rdpSteps(const inspect::ImageFacts& facts, const policy::RuleResult&, QString*)
{
    QList<FixStep> steps{{Fix::tr("Remote Desktop on (fDenyTSConnections = 0)"),
                          setDword(QStringLiteral("Control\\Terminal Server"),
                                   QStringLiteral("fDenyTSConnections"), 0)}};
    // The local Group Policy value wins over the setting; a domain's policy would set it again
    // at the next refresh, which the note says.
    if (facts.guest.windows.reach.denyTsConnectionsPolicy == 1)
        steps << FixStep{
            Fix::tr("Remote Desktop allowed by the local Group Policy"),
            QStringLiteral("Set-RegistryValue %1 'fDenyTSConnections' 0\n"
                           "Note 'If a domain Group Policy turns Remote Desktop off, it sets "
                           "this again: change it there.'\n")
                .arg(psQuote(QStringLiteral(
                    "HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services")))};
    return steps;
}

// The Remote Desktop group is named by its resource string, the same in every language; netsh on
// Windows Server 2008 R2 (no NetSecurity module) only takes the display name, which is English
// there unless a language pack renamed it, hence the COM fallback.
QList<FixStep> rdpFirewallSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                                QString*)
{
    QStringList found;
    for (const auto& rule : facts.guest.windows.reach.rdpRules)
        found << psQuote(rule.name);
    QString code =
        QStringLiteral(
            "$rdpGroup = '@FirewallAPI.dll,-28752'\n"
            "# The Remote Desktop rules the check found in the registry (may be none).\n"
            "$foundRules = @(%1)\n"
            "$fw = New-Object -ComObject HNetCfg.FwPolicy2\n"
            "$rdpRules = @($fw.Rules | Where-Object { $_.Grouping -eq $rdpGroup -and $_.Direction "
            "-eq 1 })\n"
            "$rdpOff = @($rdpRules | Where-Object { -not $_.Enabled })\n"
            "if ($rdpRules.Count -gt 0 -and $rdpOff.Count -eq 0) {\n"
            "    Already 'the Remote Desktop firewall rules are enabled'\n"
            "} elseif ($rdpRules.Count -gt 0) {\n"
            "    Change \"enable the Remote Desktop firewall rules ($($rdpOff.Count) off)\" {\n"
            "        if (Get-Command Enable-NetFirewallRule -ErrorAction SilentlyContinue) {\n"
            "            Enable-NetFirewallRule -Group $rdpGroup\n"
            "        } else {\n"
            "            netsh advfirewall firewall set rule group=\"remote desktop\" new "
            "enable=Yes "
            "| Out-Null\n"
            "            if ($LASTEXITCODE -ne 0) { foreach ($r in $rdpOff) { $r.Enabled = $true } "
            "}\n"
            "        }\n"
            "    }\n"
            "} elseif (@($fw.Rules | Where-Object { $_.Name -eq 'cvm-import Remote Desktop "
            "TCP-In' }).Count -gt 0) {\n"
            "    Already 'the rule cvm-import Remote Desktop TCP-In allows TCP 3389'\n"
            "} else {\n"
            "    Change \"add an inbound rule for TCP 3389 (no Remote Desktop rule found; registry "
            "had: $($foundRules -join ', '))\" {\n"
            "        netsh advfirewall firewall add rule name=\"cvm-import Remote Desktop "
            "TCP-In\" "
            "dir=in action=allow protocol=TCP localport=3389 | Out-Null\n"
            "        if ($LASTEXITCODE -ne 0) { throw \"netsh exited with $LASTEXITCODE\" }\n"
            "    }\n"
            "}\n")
            .arg(found.join(QStringLiteral(", ")));
    return {{Fix::tr("Remote Desktop allowed through the firewall"), code}};
}

QList<FixStep> sanPolicySteps(const inspect::ImageFacts&, const policy::RuleResult&, QString*)
{
    // What `diskpart` `san policy=OnlineAll` writes; partmgr reads it at the next boot.
    return {{Fix::tr("SAN policy OnlineAll (data disks online)"),
             setDword(QStringLiteral("Services\\partmgr\\Parameters"), QStringLiteral("SanPolicy"),
                      1)}};
}

QList<FixStep> netkvmSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                           QString* manual)
{
    QString file;
    for (const auto& d : facts.guest.windows.drivers)
        if (d.name == QLatin1String("netkvm"))
            file = d.filePath;
    if (file.isEmpty()) {
        *manual = Fix::tr("netkvm.sys is missing: run InstallQCloud.exe to install the virtio "
                          "drivers again.");
        return {};
    }
    // The driver file where the check found it, below the system drive: the service is only
    // turned back on while its file is there.
    QString windowsPath = file;
    windowsPath.replace(u'/', u'\\');
    const QString code =
        QStringLiteral("$netkvmFile = Join-Path $env:SystemDrive %1\n"
                       "if (-not (Test-Path -LiteralPath $netkvmFile)) {\n"
                       "    Note \"$netkvmFile is missing: run InstallQCloud.exe again\"\n"
                       "} else {\n"
                       "    %2"
                       "}\n")
            .arg(psQuote(windowsPath),
                 setDword(QStringLiteral("Services\\netkvm"), QStringLiteral("Start"), 3));
    return {{Fix::tr("netkvm enabled (Start = 3, on demand)"), code}};
}

QList<FixStep> ipv6Steps(const inspect::ImageFacts&, const policy::RuleResult&, QString*)
{
    return {{Fix::tr("IPv6 off (DisabledComponents = 0xFF)"),
             setDword(QStringLiteral("Services\\Tcpip6\\Parameters"),
                      QStringLiteral("DisabledComponents"), 0xFF)}};
}

QList<FixStep> pendingRebootSteps(const inspect::ImageFacts&, const policy::RuleResult&,
                                  QString* manual)
{
    // Nothing a script should force: Windows finishes its servicing itself when restarted.
    *manual = Fix::tr("A reboot is pending: restart Windows, let it finish, then shut it down "
                      "cleanly and export again.");
    return {};
}

QList<FixStep> sysprepSteps(const inspect::ImageFacts&, const policy::RuleResult&, QString* manual)
{
    *manual = Fix::tr("Windows Setup has not finished (sysprep): boot the machine and complete "
                      "Setup, or generalize it again with an answer file that completes OOBE.");
    return {};
}

const StepDefinition kSteps[] = {
    {"windows_rdp", rdpSteps},
    {"windows_rdp_firewall", rdpFirewallSteps},
    {"windows_san_policy", sanPolicySteps},
    {"windows_netkvm_enabled", netkvmSteps},
    {"network_ipv6", ipv6Steps},
    {"windows_pending_reboot", pendingRebootSteps},
    {"windows_sysprep", sysprepSteps},
};

} // namespace

std::span<const StepDefinition> windowsSteps()
{
    return kSteps;
}

} // namespace cvmi::repair

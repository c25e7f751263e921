// Checks that predict a Windows instance nobody can reach: Remote Desktop off or blocked by the
// firewall, data disks left offline, a pending reboot, an unfinished sysprep, netkvm disabled.
// The facts come from inspect/WindowsReach.cpp (windows.reach) and the driver table.
#include "policy/GuestCheckSupport.h"

namespace cvmi::policy {

namespace {

const QString kWindows = QStringLiteral("windows");

// The rule is about Windows, and the reach facts were read (a control set was found).
bool reachMissing(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, kWindows))
        return true;
    if (!in.facts.guest.windows.reach.read) {
        unknown(r, Check::tr("Not checked: the registry has no control set to read."));
        return true;
    }
    return false;
}

void rdp(const CheckInput& in, RuleResult* r)
{
    if (reachMissing(in, r))
        return;
    const auto& reach = in.facts.guest.windows.reach;
    const QString evidence = evidenceText(in.facts.guest, QStringLiteral("rdp"));
    const int deny = reach.denyTsConnectionsPolicy >= 0 ? reach.denyTsConnectionsPolicy
                                                        : reach.denyTsConnections;
    if (deny == 1) {
        failRule(r,
                 Check::tr("Remote Desktop is disabled (%1): the instance cannot be reached "
                           "except through the VNC console.")
                     .arg(evidence),
                 reach.denyTsConnectionsPolicy == 1
                     ? Check::tr("Group Policy turns Remote Desktop off: set \"Allow users to "
                                 "connect remotely by using Remote Desktop Services\" to Enabled "
                                 "(gpedit.msc) or remove the policy before exporting.")
                     : Check::tr("Enable Remote Desktop (System Properties > Remote, or set "
                                 "fDenyTSConnections to 0) before exporting."));
        return;
    }
    if (reach.denyTsConnections < 0) {
        unknown(r,
                Check::tr("Whether Remote Desktop is enabled is not recorded (%1).").arg(evidence),
                Check::tr("Make sure Remote Desktop is enabled before exporting."));
        return;
    }
    pass(r, Check::tr("Remote Desktop is enabled (%1).").arg(evidence));
}

void rdpFirewall(const CheckInput& in, RuleResult* r)
{
    if (reachMissing(in, r))
        return;
    const auto& reach = in.facts.guest.windows.reach;
    const QString evidence = evidenceText(in.facts.guest, QStringLiteral("rdp_firewall"));
    if (!reach.firewallPolicy) {
        unknown(r, Check::tr("No firewall policy in the registry (%1).").arg(evidence));
        return;
    }
    QStringList on;
    for (auto it = reach.firewallEnabled.cbegin(); it != reach.firewallEnabled.cend(); ++it)
        if (it.value() != 0) // absent is Windows' default: on
            on << it.key();
    bool tcpActive = false;
    for (const auto& rule : reach.rdpRules)
        if (rule.name.endsWith(QLatin1String("-TCP")) && rule.active)
            tcpActive = true;
    if (on.isEmpty()) {
        pass(r, Check::tr("The firewall is off for every profile (%1).").arg(evidence));
        return;
    }
    if (tcpActive) {
        pass(r, Check::tr("The Remote Desktop rule allows TCP 3389 (%1).").arg(evidence));
        return;
    }
    failRule(r,
             Check::tr("The firewall is on (%1) and no active rule allows Remote Desktop (TCP "
                       "3389): %2.")
                 .arg(on.join(QStringLiteral(", ")), evidence),
             Check::tr("Enable the \"Remote Desktop\" rule group in Windows Firewall "
                       "(`Enable-NetFirewallRule -DisplayGroup \"Remote Desktop\"`, or `netsh "
                       "advfirewall firewall set rule group=\"remote desktop\" new enable=Yes`)."));
}

void sanPolicy(const CheckInput& in, RuleResult* r)
{
    if (reachMissing(in, r))
        return;
    const int policy = in.facts.guest.windows.reach.sanPolicy;
    const QString evidence = evidenceText(in.facts.guest, QStringLiteral("san_policy"));
    if (policy == 3 || policy == 4) {
        warn(
            r,
            Check::tr("The SAN policy is %1 (%2): data disks attached to the instance come up "
                      "offline and have to be brought online by hand.")
                .arg(policy == 3 ? QStringLiteral("OfflineAll") : QStringLiteral("OfflineInternal"),
                     evidence),
            Check::tr("Run `diskpart` and `san policy=OnlineAll` (SanPolicy = 1) before "
                      "exporting."));
        return;
    }
    const QString name = policy == 1   ? QStringLiteral("OnlineAll")
                         : policy == 2 ? QStringLiteral("OfflineShared")
                                       : Check::tr("Windows' default");
    pass(r, Check::tr("The SAN policy (%1) keeps local disks online (%2).").arg(name, evidence));
}

void pendingReboot(const CheckInput& in, RuleResult* r)
{
    if (reachMissing(in, r))
        return;
    const auto& reach = in.facts.guest.windows.reach;
    if (reach.pendingReboot.isEmpty()) {
        pass(r, Check::tr("No reboot is pending (%1).")
                    .arg(evidenceText(in.facts.guest, QStringLiteral("pending_reboot"))));
        return;
    }
    warn(r,
         Check::tr("A reboot is pending: %1. The first boot in the cloud finishes the update "
                   "first and may restart or stop at the console.")
             .arg(reach.pendingReboot.join(QStringLiteral("; "))),
         Check::tr("Restart Windows, let it finish installing, shut it down cleanly and export "
                   "again."));
}

void sysprep(const CheckInput& in, RuleResult* r)
{
    if (reachMissing(in, r))
        return;
    const auto& reach = in.facts.guest.windows.reach;
    const QString evidence = evidenceText(in.facts.guest, QStringLiteral("sysprep"));
    const bool complete =
        reach.imageState.isEmpty() || reach.imageState == QLatin1String("IMAGE_STATE_COMPLETE");
    const bool inSetup = reach.setupInProgress == 1 || reach.oobeInProgress == 1 || !complete;
    const QString stop = Check::tr("the instance will wait at Windows Setup on the console and "
                                   "Remote Desktop will never answer");
    if (reach.imageState == QLatin1String("IMAGE_STATE_UNDEPLOYABLE")) {
        failRule(r, Check::tr("The image is undeployable (%1): %2.").arg(evidence, stop),
                 Check::tr("Sysprep did not finish: export the disk from a machine that was not "
                           "generalized, or run sysprep again until it completes."));
        return;
    }
    if (inSetup && reach.answerFiles.isEmpty()) {
        failRule(r,
                 Check::tr("Windows Setup has not finished and there is no answer file (%1): %2.")
                     .arg(evidence, stop),
                 Check::tr("Boot the machine once and finish Windows Setup (or generalize it "
                           "with `sysprep /generalize /oobe /shutdown /unattend:FILE` and an "
                           "answer file that completes OOBE) before exporting."));
        return;
    }
    if (inSetup) {
        warn(r,
             Check::tr("The image is generalized and will run Windows Setup on first boot with "
                       "the answer file (%1); if the answer file does not complete OOBE the "
                       "instance waits at the console.")
                 .arg(evidence),
             Check::tr("Make sure the answer file skips every OOBE page and enables Remote "
                       "Desktop, or boot the machine once before exporting."));
        return;
    }
    pass(r, Check::tr("Windows Setup is complete (%1).").arg(evidence));
}

void netkvmEnabled(const CheckInput& in, RuleResult* r)
{
    if (guestMissing(in, r, kWindows))
        return;
    const auto& g = in.facts.guest;
    for (const auto& d : g.windows.drivers) {
        if (d.name != QLatin1String("netkvm") || (d.filePath.isEmpty() && !d.service))
            continue;
        const QString evidence = evidenceText(g, QStringLiteral("driver.netkvm"));
        if (d.start == 4) {
            failRule(r,
                     Check::tr("The virtio network driver is installed but disabled (%1): the "
                               "instance has no network.")
                         .arg(evidence),
                     Check::tr("Set HKLM\\SYSTEM\\CurrentControlSet\\Services\\netkvm\\Start to "
                               "3 (or re-run InstallQCloud.exe) before exporting."));
            return;
        }
        pass(r, Check::tr("netkvm is not disabled (%1).").arg(evidence));
        return;
    }
    pass(r, Check::tr("netkvm is not installed (the virtio driver rule judges that)."));
}

const CheckDefinition kChecks[] = {
    {"windows_rdp", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Remote Desktop enabled"), true, rdp,
     "os windows_state"},
    {"windows_rdp_firewall",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "Remote Desktop allowed by the firewall"), true,
     rdpFirewall, "os windows_state"},
    {"windows_san_policy", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Data disks come up online"),
     true, sanPolicy, "os windows_state"},
    {"windows_pending_reboot", QT_TRANSLATE_NOOP("cvmi::policy::Check", "No pending reboot"), true,
     pendingReboot, "os windows_state"},
    {"windows_sysprep", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Windows Setup finished"), true,
     sysprep, "os windows_state"},
    {"windows_netkvm_enabled",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "Virtio network driver enabled"), true, netkvmEnabled,
     "os drivers"},
};

} // namespace

std::span<const CheckDefinition> windowsChecks()
{
    return kChecks;
}

} // namespace cvmi::policy

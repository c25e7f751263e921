#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"

#include <QByteArrayView>

namespace cvmi::inspect {

class RegistryHive;

// Whether an imported Windows answers at all: Remote Desktop and its firewall rule, the SAN
// policy that decides whether data disks come up online, a reboot left pending, and a sysprep
// that was not finished (the instance then waits at Windows Setup on the console).
// Fills facts->windows.reach from the current control set of SYSTEM, from SOFTWARE, and from
// Setup\State\State.ini and the unattend.xml files under the system root; adds the evidence keys
// "rdp", "rdp_firewall", "san_policy", "pending_reboot" and "sysprep".
void readWindowsReach(GuestFs& fs, const RegistryHive& system, const RegistryHive& software,
                      const QString& controlSet, GuestFacts* facts);

// State.ini is a few lines; anything larger is read only this far.
inline constexpr size_t kMaxStateIniBytes = 64 * 1024;
// The ImageState of State.ini's [State] section ("IMAGE_STATE_COMPLETE"); empty when there is
// none. Takes 8-bit text or UTF-16LE (with its byte order mark); guest bytes, so bounded.
QString parseImageState(QByteArrayView bytes);
// A FirewallRules string allows traffic: Action=Allow and Active=TRUE.
bool firewallRuleActive(const QString& value);

} // namespace cvmi::inspect

// libFuzzer target: the two readers of Windows guest text (WindowsReach.h): State.ini's
// ImageState (8-bit or UTF-16LE, from the guest's Windows\Setup\State) and a FirewallRules string
// (from the SYSTEM hive). Both come straight from the disk.
#include "inspect/WindowsReach.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A copy of exactly `size` bytes, so AddressSanitizer sees any read past the end.
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString state = cvmi::inspect::parseImageState(QByteArrayView(bytes));
    // The value is cut to 80 characters whatever the file holds.
    if (state.size() > 80)
        __builtin_trap();
    (void)cvmi::inspect::firewallRuleActive(QString::fromUtf8(bytes));
    return 0;
}

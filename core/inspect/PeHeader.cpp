#include "inspect/PeHeader.h"

#include "util/Endian.h"

namespace cvmi::inspect {

namespace {

constexpr uint64_t kDosHeaderSize = 64;
constexpr uint64_t kLfanewOffset = 0x3c;
constexpr uint64_t kSignatureSize = 4;   // "PE\0\0"
constexpr uint64_t kCoffHeaderSize = 20; // IMAGE_FILE_HEADER

QString machineName(uint16_t machine)
{
    switch (machine) {
    case 0x8664:
        return QStringLiteral("x86_64");
    case 0x014c:
        return QStringLiteral("i386");
    case 0xaa64:
        return QStringLiteral("arm64");
    case 0x01c4: // ARMNT, the Thumb-2 Windows RT ran on
        return QStringLiteral("arm");
    case 0x0200:
        return QStringLiteral("ia64");
    default:
        return QStringLiteral("other:0x%1").arg(machine, 4, 16, QLatin1Char('0'));
    }
}

} // namespace

PeHeaderInfo parsePeHeader(QByteArrayView head)
{
    PeHeaderInfo info;
    info.architecture = QStringLiteral("unknown");
    const auto size = uint64_t(head.size());
    const auto* p = reinterpret_cast<const uint8_t*>(head.data());
    if (size < kDosHeaderSize || p[0] != 'M' || p[1] != 'Z')
        return info;
    // e_lfanew is a file offset the file itself chooses: check it before touching what it names.
    const uint64_t peOffset = le32(p + kLfanewOffset);
    uint64_t end = 0;
    if (!addNoOverflow(peOffset, kSignatureSize + kCoffHeaderSize, &end) || end > size)
        return info;
    if (p[peOffset] != 'P' || p[peOffset + 1] != 'E' || p[peOffset + 2] != 0 ||
        p[peOffset + 3] != 0)
        return info;
    info.valid = true;
    info.machine = le16(p + peOffset + kSignatureSize);
    info.architecture = machineName(info.machine);
    return info;
}

} // namespace cvmi::inspect

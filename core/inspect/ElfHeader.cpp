#include "inspect/ElfHeader.h"

#include "util/Endian.h"

#include <cstring>

namespace cvmi::inspect {

QString elfArchitecture(QByteArrayView head)
{
    // e_ident (16 bytes), e_type (2), e_machine (2).
    if (head.size() < 20 || std::memcmp(head.data(),
                                        "\x7f"
                                        "ELF",
                                        4) != 0)
        return {};
    const auto* p = reinterpret_cast<const uint8_t*>(head.data());
    const uint8_t elfClass = p[4]; // 1 = 32-bit, 2 = 64-bit
    const uint8_t data = p[5];     // 1 = little-endian, 2 = big-endian
    if ((elfClass != 1 && elfClass != 2) || (data != 1 && data != 2))
        return {};
    const uint16_t machine = data == 1 ? le16(p + 18) : be16(p + 18);
    switch (machine) {
    case 3:
        return QStringLiteral("i386");
    case 62:
        return elfClass == 2 ? QStringLiteral("x86_64") : QStringLiteral("x32");
    case 183:
        return QStringLiteral("arm64");
    case 40:
        return QStringLiteral("arm");
    case 21:
        return data == 1 ? QStringLiteral("ppc64le") : QStringLiteral("ppc64");
    case 22:
        return QStringLiteral("s390x");
    case 243:
        return elfClass == 2 ? QStringLiteral("riscv64") : QStringLiteral("riscv32");
    default:
        return QStringLiteral("other:%1").arg(machine);
    }
}

} // namespace cvmi::inspect

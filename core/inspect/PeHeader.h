#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace cvmi::inspect {

// What the COFF header of a PE image (a Windows .exe, .dll or .sys) says about its target.
struct PeHeaderInfo {
    bool valid = false;   // "MZ", then "PE\0\0" at e_lfanew, then a whole COFF header
    uint16_t machine = 0; // IMAGE_FILE_HEADER.Machine
    // "x86_64" (0x8664), "i386" (0x14c), "arm64" (0xAA64), "arm" (0x1c4), "ia64" (0x200),
    // "other:0x<machine>", or "unknown" when the bytes are not a PE image.
    QString architecture;
};

// Parses the start of a PE file (the first 4 KiB of ntoskrnl.exe are plenty: the PE header of
// every Microsoft linker output sits within the first 1 KiB). Pure and bounds-checked: fed
// straight from guest files, so every offset the file claims is checked against `head`.
PeHeaderInfo parsePeHeader(QByteArrayView head);

} // namespace cvmi::inspect

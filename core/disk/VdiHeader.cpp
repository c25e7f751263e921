#include "disk/VdiHeader.h"

#include "util/Endian.h"

#include <algorithm>
#include <cstring>

namespace cvmi::disk::vdi {

namespace {

Uuid uuidAt(const unsigned char* p)
{
    Uuid uuid;
    std::memcpy(uuid.data(), p, uuid.size());
    return uuid;
}

} // namespace

VdiHeader decodeVdiHeader(const unsigned char* p)
{
    VdiHeader h;
    h.signature = le32(p + 0x40);
    h.version = le32(p + 0x44);
    h.headerSize = le32(p + 0x48);
    h.imageType = le32(p + 0x4c);
    // 0x50 image flags, 0x54 a 256-byte description: nothing a reader needs.
    h.offsetBmap = le32(p + 0x154);
    h.offsetData = le32(p + 0x158);
    // 0x15c cylinders, heads, sectors (a legacy geometry), then its sector size.
    h.sectorSize = le32(p + 0x168);
    h.diskSize = le64(p + 0x170);
    h.blockSize = le32(p + 0x178);
    h.blockExtra = le32(p + 0x17c);
    h.blocksInImage = le32(p + 0x180);
    h.blocksAllocated = le32(p + 0x184);
    h.uuidImage = uuidAt(p + 0x188);
    h.uuidLastSnap = uuidAt(p + 0x198);
    h.uuidLink = uuidAt(p + 0x1a8);
    h.uuidParent = uuidAt(p + 0x1b8);
    return h;
}

bool isNullUuid(const Uuid& uuid)
{
    return std::all_of(uuid.begin(), uuid.end(), [](unsigned char b) { return b == 0; });
}

QString uuidText(const Uuid& uuid)
{
    const unsigned char* u = uuid.data();
    QString text = QStringLiteral("%1-%2-%3-")
                       .arg(le32(u), 8, 16, QLatin1Char('0'))
                       .arg(le16(u + 4), 4, 16, QLatin1Char('0'))
                       .arg(le16(u + 6), 4, 16, QLatin1Char('0'));
    for (int i = 8; i < 16; ++i) {
        if (i == 10)
            text += QLatin1Char('-');
        text += QStringLiteral("%1").arg(u[i], 2, 16, QLatin1Char('0'));
    }
    return text;
}

} // namespace cvmi::disk::vdi

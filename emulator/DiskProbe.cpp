#include "DiskProbe.h"

#include <QFile>
#include <QtEndian>

namespace cvmi::emu {

DiskProbe probeDiskImage(const QString& path)
{
    DiskProbe probe;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return probe;
    const qint64 size = file.size();
    const QByteArray head = file.read(4096);
    QByteArray tail;
    if (size >= 512 && file.seek(size - 512))
        tail = file.read(512);
    const auto* h = reinterpret_cast<const uchar*>(head.constData());

    if (head.size() >= 32 && head.startsWith(QByteArrayLiteral("QFI\xfb"))) {
        probe = {true, QStringLiteral("qcow2"), qint64(qFromBigEndian<quint64>(h + 24))};
    } else if (head.size() >= 20 && head.startsWith("KDMV")) {
        probe = {true, QStringLiteral("vmdk"), qint64(qFromLittleEndian<quint64>(h + 12)) * 512};
    } else if (head.contains("# Disk DescriptorFile")) {
        probe = {true, QStringLiteral("vmdk"), 0};
    } else if (tail.size() == 512 && tail.startsWith("conectix")) {
        // The footer's "current size" (big-endian, offset 48) is the virtual disk size.
        const auto* t = reinterpret_cast<const uchar*>(tail.constData());
        probe = {true, QStringLiteral("vhd"), qint64(qFromBigEndian<quint64>(t + 48))};
    } else if (head.size() >= 512 && h[510] == 0x55 && h[511] == 0xAA) {
        probe = {true, QStringLiteral("raw"), size};
    }
    return probe;
}

} // namespace cvmi::emu

#pragma once

// The first cluster of a qcow2 v3 image: magic, version 3 and a virtual size of `size` bytes at
// offset 24. Enough for the emulator's disk probe, which decides whether an import succeeds, and
// small enough to put into a test bucket in a blink.
#include <QByteArray>
#include <QtEndian>

namespace cvmi::test {

inline QByteArray qcow2Header(quint64 size)
{
    QByteArray data(4096, '\0');
    data.replace(0, 4, QByteArrayLiteral("QFI\xfb"));
    qToBigEndian<quint32>(3, data.data() + 4);
    qToBigEndian<quint64>(size, data.data() + 24);
    return data;
}

} // namespace cvmi::test

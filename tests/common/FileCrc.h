#pragma once

// The CRC-64/ECMA of a whole file, read in 1 MiB pieces: what the tests compare with the CRC-64
// that the emulator (or moto, or the engine) reports for an uploaded object.
#include "util/Crc64.h"

#include <QFile>
#include <QString>

namespace cvmi::test {

// 0 when the file cannot be read, which no test's file has as its CRC.
inline quint64 fileCrc(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    util::Crc64 crc;
    while (!f.atEnd())
        crc.update(f.read(qint64(1) << 20));
    return crc.value();
}

} // namespace cvmi::test

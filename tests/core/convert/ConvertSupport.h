#pragma once

// Shared by the converter's tests: a whole stream written to a file (the header patched in at
// the end, as the upload does with its first part), and qemu-img's verdicts on it.
#include "TestSupport.h"
#include "convert/Qcow2Stream.h"
#include "disk/DiskImageOpener.h"

#include <QFile>
#include <QProcess>

namespace cvmi::test {

inline QString convertFixture(const QString& name)
{
    return fixtureDir() + QStringLiteral("/convert/") + name;
}

// Converts `source` into `target`; the stream's length, or -1 with *error.
inline qint64 convertToFile(const QString& source, const QString& target, Error* error,
                            int threads = 0, int level = 6)
{
    auto image = disk::openDiskImage(source, error);
    if (!image)
        return -1;
    convert::Qcow2Stream stream(*image, convert::Qcow2StreamSettings{level, threads});
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    QByteArray buffer(1 << 20, '\0');
    for (;;) {
        const qint64 n = stream.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = stream.error();
            return -1;
        }
        if (n == 0)
            break;
        out.write(buffer.constData(), n);
    }
    if (!stream.atEnd() || stream.header().size() != stream.headerSize())
        return -1;
    out.seek(0);
    out.write(stream.header());
    return stream.bytesProduced();
}

struct ToolResult {
    int exitCode = -1;
    QByteArray output;
};
inline ToolResult runQemuImg(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("qemu-img"), arguments);
    process.waitForFinished(300000);
    return ToolResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                      process.readAll()};
}

} // namespace cvmi::test

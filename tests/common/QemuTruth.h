#pragma once

// "Truth is qemu-img": our reader must return exactly the bytes of `qemu-img convert -O raw`,
// over the whole disk, and the virtual size of `qemu-img info`.
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace cvmi::test {

// qemu-img's name for our format, so that it is told rather than left to guess: it only finds a
// VHD's "conectix" at offset 0, so a fixed VHD (footer at the end only) would pass for raw.
inline QStringList qemuFormatArgs(const QString& format)
{
    if (format.isEmpty())
        return {};
    return {QStringLiteral("-f"), format == QLatin1String("vhd") ? QStringLiteral("vpc") : format};
}

inline quint64 qemuVirtualSize(const QString& image, const QString& format = {})
{
    QByteArray out;
    if (!runTool(QStringLiteral("qemu-img"),
                 QStringList{QStringLiteral("info"), QStringLiteral("--output=json")} +
                     qemuFormatArgs(format) + QStringList{image},
                 &out))
        return 0;
    return quint64(
        QJsonDocument::fromJson(out).object().value(QStringLiteral("virtual-size")).toDouble());
}

// Compares the whole virtual disk `disk` with the raw file `raw` of `size` bytes. Returns an
// empty string when equal, else where they differ.
inline QString compareWithRaw(disk::DiskImage& disk, const QString& raw, quint64 size)
{
    if (disk.virtualSize() != size)
        return QStringLiteral("virtual size %1, qemu-img says %2")
            .arg(disk.virtualSize())
            .arg(size);
    QFile truth(raw);
    if (!truth.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open qemu-img output");
    if (quint64(truth.size()) != size)
        return QStringLiteral("qemu-img raw output has %1 bytes").arg(truth.size());
    // Odd chunk size so reads straddle clusters, grains and blocks.
    constexpr qsizetype kChunk = 1024 * 1024 + 4096 + 512;
    std::vector<char> ours(kChunk);
    Error error;
    for (quint64 offset = 0; offset < size; offset += kChunk) {
        const qsizetype n = qsizetype(qMin<quint64>(kChunk, size - offset));
        const QByteArray expected = truth.read(n);
        if (!disk.read(offset, ours.data(), size_t(n), &error))
            return QStringLiteral("read at %1 failed: %2").arg(offset).arg(error.message);
        if (std::memcmp(expected.constData(), ours.data(), size_t(n)) != 0) {
            qsizetype i = 0;
            while (expected[i] == ours[size_t(i)])
                ++i;
            return QStringLiteral("bytes differ at virtual offset %1").arg(offset + quint64(i));
        }
    }
    return {};
}

// Compares the whole virtual disk of `image` (opened through openDiskImage) with qemu-img's raw
// conversion of it. Returns an empty string when equal, else where they differ.
inline QString compareWithQemu(const QString& image, const QString& expectFormat = {})
{
    QTemporaryDir tmp;
    const QString raw = tmp.filePath(QStringLiteral("truth.raw"));
    if (!runTool(QStringLiteral("qemu-img"),
                 QStringList{QStringLiteral("convert")} + qemuFormatArgs(expectFormat) +
                     QStringList{QStringLiteral("-O"), QStringLiteral("raw"), image, raw}))
        return QStringLiteral("qemu-img convert failed");
    Error error;
    auto disk = disk::openDiskImage(image, &error);
    if (!disk)
        return QStringLiteral("open failed: %1: %2").arg(error.code, error.message);
    if (!expectFormat.isEmpty() && disk->format() != expectFormat)
        return QStringLiteral("format %1, expected %2").arg(disk->format(), expectFormat);
    return compareWithRaw(*disk, raw, qemuVirtualSize(image, expectFormat));
}

// For containers qemu-img cannot read (an OVA): compares the whole virtual disk of `image`
// (opened through openDiskImage) with `reference`, a disk qemu-img reads (the VMDK packed in
// the OVA), converted by qemu-img to raw.
inline QString compareWithQemuFile(const QString& image, const QString& reference,
                                   const QString& referenceFormat)
{
    QTemporaryDir tmp;
    const QString raw = tmp.filePath(QStringLiteral("truth.raw"));
    if (!runTool(QStringLiteral("qemu-img"),
                 QStringList{QStringLiteral("convert")} + qemuFormatArgs(referenceFormat) +
                     QStringList{QStringLiteral("-O"), QStringLiteral("raw"), reference, raw}))
        return QStringLiteral("qemu-img convert failed");
    Error error;
    auto disk = disk::openDiskImage(image, &error);
    if (!disk)
        return QStringLiteral("open failed: %1: %2").arg(error.code, error.message);
    return compareWithRaw(*disk, raw, qemuVirtualSize(reference, referenceFormat));
}

} // namespace cvmi::test

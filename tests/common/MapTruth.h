#pragma once

// "Truth is qemu-img" for allocation maps (DiskImage::mapExtents): qemu-img map's data runs, our
// map asked in pieces and checked against the contract, and the safety property (what the map
// calls "no data" reads as zeros).
#include "TestSupport.h"
#include "disk/DiskImage.h"
#include "disk/ExtentMap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <utility>
#include <vector>

namespace cvmi::test {

using disk::DiskImage;
using disk::Extent;

// The bytes qemu-img map says hold data, as merged [start, end) runs. `Tables`: its "data" field,
// which formats with tables (qcow2, sparse vmdk, dynamic vhd) fill from them as we do. `Files`:
// not "zero", for formats that are a file's bytes (raw, flat vmdk, fixed vhd), where qemu-img
// says "data" even over the file's holes and asks the file system whether they read as zeros.
enum class Truth { Tables, Files };
using Runs = std::vector<std::pair<quint64, quint64>>;

inline void addRun(Runs* runs, quint64 start, quint64 end)
{
    if (start == end)
        return;
    if (!runs->empty() && runs->back().second == start)
        runs->back().second = end;
    else
        runs->emplace_back(start, end);
}

inline bool qemuDataRuns(const QString& image, const QString& format, Truth truth, Runs* runs,
                         quint64* covered)
{
    QByteArray json;
    if (!test::runTool(QStringLiteral("qemu-img"),
                       {QStringLiteral("map"), QStringLiteral("--output=json"),
                        QStringLiteral("-f"), format, image},
                       &json))
        return false;
    *covered = 0;
    for (const QJsonValue& value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = value.toObject();
        const auto start = quint64(o.value(QStringLiteral("start")).toInteger());
        const auto length = quint64(o.value(QStringLiteral("length")).toInteger());
        const bool data = truth == Truth::Tables ? o.value(QStringLiteral("data")).toBool()
                                                 : !o.value(QStringLiteral("zero")).toBool();
        if (start != *covered)
            return false;
        if (data)
            addRun(runs, start, start + length);
        *covered += length;
    }
    return true;
}

inline Runs dataRuns(const QList<Extent>& map)
{
    Runs runs;
    for (const Extent& e : map)
        if (e.data)
            addRun(&runs, e.offset, e.offset + e.length);
    return runs;
}

// Empty when every run of `inner` lies within one run of `outer`, else the first that does not.
inline QString runsWithin(const Runs& inner, const Runs& outer)
{
    for (const auto& [start, end] : inner) {
        bool inside = false;
        for (const auto& [outerStart, outerEnd] : outer)
            inside = inside || (outerStart <= start && end <= outerEnd);
        if (!inside)
            return QStringLiteral("[%1,%2) is not within any of the expected runs")
                .arg(start)
                .arg(end);
    }
    return {};
}

inline QString showRuns(const Runs& runs)
{
    QStringList parts;
    for (const auto& [start, end] : runs)
        parts << QStringLiteral("[%1,%2)").arg(start).arg(end);
    return parts.join(u' ');
}

// The whole disk's map asked in pieces of `piece` bytes, each answer checked against the
// contract, joined with the same merging.
inline QString mapInPieces(DiskImage& disk, quint64 piece, QList<Extent>* joined)
{
    joined->clear();
    QList<Extent> part;
    for (quint64 at = 0; at < disk.virtualSize(); at += piece) {
        const quint64 n = std::min(piece, disk.virtualSize() - at);
        Error error;
        if (!disk.mapExtents(at, n, &part, &error))
            return QStringLiteral("mapExtents(%1, %2): %3").arg(at).arg(n).arg(error.message);
        const QString problem = disk::extentMapProblem(part, at, n);
        if (!problem.isEmpty())
            return QStringLiteral("mapExtents(%1, %2): %3").arg(at).arg(n).arg(problem);
        disk::appendShifted(joined, part, 0);
    }
    return {};
}

// Reads [at, end) and says where it is not all zeros.
inline QString readsAsZeros(DiskImage& disk, quint64 at, quint64 end, std::vector<char>* buffer)
{
    for (; at < end; at += buffer->size()) {
        const size_t n = size_t(std::min<quint64>(buffer->size(), end - at));
        Error error;
        if (!disk.read(at, buffer->data(), n, &error))
            return QStringLiteral("read at %1: %2").arg(at).arg(error.message);
        const auto last = buffer->begin() + qsizetype(n);
        const auto nonZero = std::find_if(buffer->begin(), last, [](char c) { return c != 0; });
        if (nonZero != last)
            return QStringLiteral("byte %1 of a no-data extent is not zero")
                .arg(at + quint64(nonZero - buffer->begin()));
    }
    return {};
}

// The safety property the converter relies on: what the map calls "no data" reads as zeros.
// Holes are read whole up to 16 MiB; of a larger one (the 5 GiB images' gigabytes of nothing)
// both ends, where a map goes wrong, and 1 MiB every 256 MiB in between.
inline QString holesReadAsZeros(DiskImage& disk, const QList<Extent>& map)
{
    constexpr quint64 kMiB = 1024 * 1024;
    std::vector<char> buffer(kMiB);
    for (const Extent& e : map) {
        if (e.data)
            continue;
        const quint64 end = e.offset + e.length;
        QString problem;
        if (e.length <= 16 * kMiB) {
            problem = readsAsZeros(disk, e.offset, end, &buffer);
        } else {
            problem = readsAsZeros(disk, e.offset, e.offset + 8 * kMiB, &buffer);
            for (quint64 at = e.offset + 256 * kMiB; problem.isEmpty() && at + kMiB < end;
                 at += 256 * kMiB)
                problem = readsAsZeros(disk, at, at + kMiB, &buffer);
            if (problem.isEmpty())
                problem = readsAsZeros(disk, end - 8 * kMiB, end, &buffer);
        }
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

inline quint64 dataBytes(const QList<Extent>& map)
{
    quint64 sum = 0;
    for (const Extent& e : map)
        sum += e.data ? e.length : 0;
    return sum;
}

} // namespace cvmi::test

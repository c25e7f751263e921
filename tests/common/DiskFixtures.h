// Small test disks made at test time by real tools, for the converted uploads
// (tests/app/cli/tst_cli_upload_convert, tests/peers/tst_moto_peer): a sparse raw disk whose data
// is part random (does not compress) and part text (compresses well), with holes between, and the
// same disk as a qcow2 with compressed clusters made by `qemu-img convert -c`. Plus the two checks
// of a converted object: `qemu-img check` (no errors, no leaks) and `qemu-img compare` with its
// source.
#pragma once

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>

namespace cvmi::test {

inline constexpr qint64 diskMiB = 1024 * 1024;

// Runs a tool; its exit code (-1 when it did not run), its output in *output.
inline int runTool(const QString& program, const QStringList& args, QString* output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

// A sparse raw disk of `virtualMiB`, with `dataMiB` of data in 1 MiB runs spread over it (every
// other run random, the others text), the rest holes. Empty on failure.
inline QString makeSparseRawDisk(const QString& path, qint64 virtualMiB, int dataMiB, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || !f.resize(virtualMiB * diskMiB))
        return {};
    QRandomGenerator random(seed);
    const qint64 stride = qMax<qint64>(1, virtualMiB / qMax(1, dataMiB));
    QByteArray run(diskMiB, Qt::Uninitialized);
    for (int i = 0; i < dataMiB; ++i) {
        if (i % 2 == 0) {
            random.fillRange(reinterpret_cast<quint32*>(run.data()), run.size() / 4);
        } else {
            QByteArray text;
            while (text.size() < diskMiB)
                text += QStringLiteral("line %1 of a log file that compresses well\n")
                            .arg(random.bounded(100000))
                            .toUtf8();
            run = text.left(diskMiB);
        }
        // Not on a cluster boundary: partly filled clusters and runs across them.
        if (!f.seek(qint64(i) * stride * diskMiB + 12345) || f.write(run) != run.size())
            return {};
    }
    return path;
}

// The same guest disk as a qcow2 with compressed clusters, by qemu-img itself.
inline QString makeCompressedQcow2(const QString& raw, const QString& path)
{
    return runTool(QStringLiteral("qemu-img"),
                   {QStringLiteral("convert"), QStringLiteral("-c"), QStringLiteral("-f"),
                    QStringLiteral("raw"), QStringLiteral("-O"), QStringLiteral("qcow2"), raw,
                    path}) == 0
               ? path
               : QString();
}

// Empty when `object` is a clean qcow2 (`qemu-img check` exits 0: no errors, no leaks) holding the
// same guest disk as `source`; else what qemu-img said.
inline QString sameDiskAs(const QString& object, const QString& source)
{
    QString out;
    const int check = runTool(
        QStringLiteral("qemu-img"),
        {QStringLiteral("check"), QStringLiteral("-f"), QStringLiteral("qcow2"), object}, &out);
    if (check != 0 || !out.contains(QLatin1String("No errors were found")))
        return QStringLiteral("qemu-img check exited %1: %2").arg(check).arg(out);
    const int compare = runTool(
        QStringLiteral("qemu-img"),
        {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("qcow2"), object, source},
        &out);
    if (compare != 0)
        return QStringLiteral("qemu-img compare exited %1: %2").arg(compare).arg(out);
    return {};
}

} // namespace cvmi::test

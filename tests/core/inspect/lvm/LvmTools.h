#pragma once

// The LVM tools in the LVM tests: loop devices attached for one test, pvs/lvs reports, and the
// comparison of a scanned layout with what lvs says.
#include "LvmTestDisks.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

namespace cvmi::test {

using inspect::DiskLayout;
using inspect::LogicalVolumeInfo;
using inspect::PartitionInfo;
using inspect::VolumeExtent;

// Where make-lvm-pv.py and LVM put the first extent: 1 MiB into the PV.
inline constexpr uint64_t kLvmPeStart = 1024 * 1024;

// Loop devices attached read-only for one test, detached whatever happens (the trap).
class LoopDevices {
public:
    ~LoopDevices()
    {
        for (const QString& dev : m_devices)
            QProcess::execute(QStringLiteral("losetup"), {QStringLiteral("-d"), dev});
    }
    // The device for bytes [offset, offset+size) of `file`; empty with `why` when none.
    QString attach(const QString& file, uint64_t offset, uint64_t size, QString* why)
    {
        QProcess p;
        p.start(QStringLiteral("losetup"),
                {QStringLiteral("-f"), QStringLiteral("--show"), QStringLiteral("-r"),
                 QStringLiteral("-o"), QString::number(offset), QStringLiteral("--sizelimit"),
                 QString::number(size), file});
        if (!p.waitForFinished() || p.exitCode() != 0) {
            *why = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
            return {};
        }
        const QString dev = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
        m_devices.append(dev);
        return dev;
    }
    void adopt(const QString& dev) { m_devices.append(dev); }
    const QStringList& devices() const { return m_devices; }

private:
    QStringList m_devices;
};

// One report ("pv" or "lv") of an LVM tool's JSON output, limited to `devices`.
inline QJsonArray lvmReport(const QString& tool, const QStringList& fields,
                            const QStringList& devices, const QString& kind)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LVM_SUPPRESS_FD_WARNINGS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(tool, {QStringLiteral("--readonly"), QStringLiteral("--devices"),
                   devices.join(QLatin1Char(',')), QStringLiteral("-o"),
                   fields.join(QLatin1Char(',')), QStringLiteral("--units"), QStringLiteral("b"),
                   QStringLiteral("--reportformat"), QStringLiteral("json")});
    p.waitForFinished(60000);
    // device-mapper warnings on stderr are expected here (no device-mapper on test machines).
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    const QJsonArray reports = doc.object().value(QStringLiteral("report")).toArray();
    if (reports.isEmpty())
        qWarning("%s: %s", qPrintable(tool), p.readAllStandardError().constData());
    return reports.isEmpty() ? QJsonArray{} : reports[0].toObject().value(kind).toArray();
}

inline uint64_t bytesField(const QJsonObject& row, const char* key)
{
    QString v = row.value(QLatin1String(key)).toString();
    v.remove(QLatin1Char('B'));
    return v.toULongLong();
}

// lvs over `devices` reports the same LVs, sizes, segment types and extents as `layout`.
inline void compareWithLvs(const DiskLayout& layout, const QMap<QString, int>& partitionOf,
                           const QStringList& devices)
{
    const uint64_t extentSize = layout.volumeGroups.value(0).extentSize;
    const QJsonArray lvs =
        lvmReport(QStringLiteral("lvs"),
                  {QStringLiteral("vg_name"), QStringLiteral("lv_name"), QStringLiteral("lv_size"),
                   QStringLiteral("seg_start_pe"), QStringLiteral("seg_size_pe"),
                   QStringLiteral("devices"), QStringLiteral("segtype")},
                  devices, QStringLiteral("lv"));
    QVERIFY(!lvs.isEmpty());
    QSet<QString> seen;
    static const QRegularExpression device(QStringLiteral("^(/dev/loop\\d+)\\((\\d+)\\)$"));
    for (const QJsonValue& v : lvs) {
        const QJsonObject row = v.toObject();
        const QString name = row.value(QStringLiteral("vg_name")).toString() + QLatin1Char('/') +
                             row.value(QStringLiteral("lv_name")).toString();
        const LogicalVolumeInfo* lv = findLv(layout, name);
        QVERIFY2(lv, qPrintable(name));
        seen.insert(name);
        QCOMPARE(lv->size, bytesField(row, "lv_size"));
        const QString segtype = row.value(QStringLiteral("segtype")).toString();
        QCOMPARE(lv->layout, segtype);
        if (segtype != QLatin1String("linear")) {
            QVERIFY(!lv->obstacle.isEmpty());
            continue;
        }
        const auto m = device.match(row.value(QStringLiteral("devices")).toString());
        QVERIFY(m.hasMatch());
        const PartitionInfo* p = findPartition(layout, partitionOf.value(m.captured(1)));
        QVERIFY(p);
        const uint64_t start = row.value(QStringLiteral("seg_start_pe")).toString().toULongLong();
        const uint64_t count = row.value(QStringLiteral("seg_size_pe")).toString().toULongLong();
        const uint64_t pe = m.captured(2).toULongLong();
        bool found = false;
        for (const VolumeExtent& e : lv->extents)
            found =
                found || (e.volumeOffset == start * extentSize && e.length == count * extentSize &&
                          e.diskOffset == p->start + kLvmPeStart + pe * extentSize);
        QVERIFY2(found,
                 qPrintable(name + QStringLiteral(" segment at extent ") + QString::number(start)));
    }
    QCOMPARE(seen.size(), layout.logicalVolumes.size());
}

// Runs an LVM command on `device` only, without writing /etc/lvm/backup or archive; its
// stderr when it fails (device-mapper warnings are expected and ignored).
inline QString runLvm(const QString& command, QStringList args, const QString& device)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LVM_SUPPRESS_FD_WARNINGS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    args.prepend(QStringLiteral("backup/backup=0 backup/archive=0"));
    args.prepend(QStringLiteral("--config"));
    args.prepend(device);
    args.prepend(QStringLiteral("--devices"));
    p.start(command, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return command + QStringLiteral(": ") + QString::fromLocal8Bit(p.readAllStandardError());
    return {};
}

// An LV id in LVM's 6-4-4-4-4-4-6 form, from the name.
inline QByteArray lvId(const char* name)
{
    const QByteArray hex = QCryptographicHash::hash(name, QCryptographicHash::Md5).toHex();
    QByteArray id;
    int pos = 0;
    for (int n : {6, 4, 4, 4, 4, 4, 6}) {
        id += (id.isEmpty() ? QByteArray() : QByteArray("-")) + hex.mid(pos, n);
        pos += n;
    }
    return id;
}

// Logical volumes for vgcfgrestore, in LVM's own text: root in two segments, swap, a thin
// pool with its hidden data and metadata volumes, and a thin volume.
inline QByteArray restoredLvs()
{
    const auto linear = [](const char* name, const char* status,
                           QList<QPair<int, int>> segs) -> QByteArray {
        QByteArray t = QByteArray(name) + " {\nid = \"" + lvId(name) + "\"\nstatus = " + status +
                       "\nsegment_count = " + QByteArray::number(segs.size()) + "\n";
        int start = 0;
        for (int i = 0; i < segs.size(); ++i) {
            t += "segment" + QByteArray::number(i + 1) +
                 " {\nstart_extent = " + QByteArray::number(start) +
                 "\nextent_count = " + QByteArray::number(segs[i].second) +
                 "\ntype = \"striped\"\nstripe_count = 1\nstripes = [\"pv0\", " +
                 QByteArray::number(segs[i].first) + "]\n}\n";
            start += segs[i].second;
        }
        return t + "}\n";
    };
    const char* visible = "[\"READ\", \"WRITE\", \"VISIBLE\"]";
    const char* hidden = "[\"READ\", \"WRITE\"]";
    return "logical_volumes {\n" + linear("root", visible, {{0, 2}, {5, 1}}) +
           linear("swap", visible, {{2, 1}}) + "pool {\nid = \"" + lvId("pool") +
           "\"\nstatus = " + visible +
           "\nsegment_count = 1\nsegment1 {\nstart_extent = 0\nextent_count = 1\ntype = "
           "\"thin-pool\"\nmetadata = \"pool_tmeta\"\npool = \"pool_tdata\"\ntransaction_id = "
           "1\nchunk_size = 128\ndiscards = \"passdown\"\nzero_new_blocks = 1\n}\n}\n"
           "thinv {\nid = \"" +
           lvId("thinv") + "\"\nstatus = " + visible +
           "\nsegment_count = 1\nsegment1 {\nstart_extent = 0\nextent_count = 2\ntype = "
           "\"thin\"\nthin_pool = \"pool\"\ntransaction_id = 0\ndevice_id = 1\n}\n}\n" +
           linear("pool_tmeta", hidden, {{3, 1}}) + linear("pool_tdata", hidden, {{4, 1}}) + "}\n";
}

} // namespace cvmi::test

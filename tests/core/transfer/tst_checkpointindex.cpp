// transfer::CheckpointIndex and the counts a resume record gives every front end (the CLI's
// `uploads`, the Upload page's offer, the start-up notice): parts done and in all, whether the
// file changed since, and which records the wizard may offer to continue, newest first.
#include "transfer/CheckpointIndex.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::transfer;

namespace {
constexpr qint64 MiB = 1024 * 1024;

UploadDestination destination(Dialect dialect, const QString& key)
{
    UploadDestination d;
    d.dialect = dialect;
    d.bucket = QStringLiteral("images-1250000000");
    d.region = QStringLiteral("ap-guangzhou");
    d.key = key;
    if (dialect == Dialect::S3)
        d.s3ServiceHost = QStringLiteral("s3.example.test");
    return d;
}

// A file of `size` bytes and a record of its upload to `key` with `partsDone` parts confirmed;
// the record's modification time (the index's "updated") is `updated`.
Checkpoint writeRecord(const QTemporaryDir& dir, const QString& name, qint64 size,
                       const UploadDestination& to, int partsDone, const QDateTime& updated)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.resize(size))
        qFatal("cannot create %s", qPrintable(path));
    file.close();
    Checkpoint c;
    c.file.path = path;
    c.file.size = size;
    c.file.mtimeMs = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    c.file.sampledSha256 = QStringLiteral("ab");
    c.destination = Checkpoints::destinationKey(to);
    c.uploadId = QStringLiteral("upload-") + name;
    c.partSize = 8 * MiB;
    for (int n = 1; n <= partsDone; ++n)
        c.parts.insert(n, {QStringLiteral("\"e%1\"").arg(n), quint64(n), 8 * MiB});
    const Checkpoints store(dir.filePath(QStringLiteral("records")));
    Error error;
    if (!store.save(c, &error))
        qFatal("%s", qPrintable(error.message));
    QFile record(store.pathFor(path, c.destination));
    if (!record.open(QIODevice::ReadWrite) ||
        !record.setFileTime(updated, QFileDevice::FileModificationTime))
        qFatal("cannot date %s", qPrintable(record.fileName()));
    return c;
}
} // namespace

class TestCheckpointIndex : public QObject {
    Q_OBJECT
private slots:
    void counts()
    {
        Checkpoint c;
        c.file.size = 100 * MiB + 1;
        c.partSize = 8 * MiB;
        QCOMPARE(c.partsTotal(), 13); // 12 whole parts and one of a single byte
        QCOMPARE(c.partsDone(), 0);
        c.parts.insert(3, {});
        c.parts.insert(7, {});
        QCOMPARE(c.partsDone(), 2);
        c.file.size = 0; // an empty file is one (empty) part
        QCOMPARE(c.partsTotal(), 1);
        c.partSize = 0; // a record without a part size says nothing of the total
        QCOMPARE(c.partsTotal(), 0);
        CheckpointEntry unusable;
        QCOMPARE(unusable.partsTotal(), 0);
        QCOMPARE(unusable.partsDone(), 0);
    }

    void fileChangedSince()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTime();
        const Checkpoint c = writeRecord(dir, QStringLiteral("disk.raw"), 3 * MiB,
                                         destination(Dialect::Cos, QStringLiteral("a")), 0, now);
        QVERIFY(!c.fileChangedSince(c.file.path));
        QFile file(c.file.path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(now.addSecs(-3600), QFileDevice::FileModificationTime));
        QVERIFY(c.fileChangedSince(c.file.path)); // same size, another modification time
        Checkpoint grown = c;
        grown.file.mtimeMs = QFileInfo(c.file.path).lastModified().toMSecsSinceEpoch();
        QVERIFY(!grown.fileChangedSince(c.file.path));
        QVERIFY(file.resize(4 * MiB));
        QVERIFY(file.setFileTime(now.addSecs(-3600), QFileDevice::FileModificationTime));
        QVERIFY(grown.fileChangedSince(c.file.path)); // same time, another size
        QVERIFY(c.fileChangedSince(dir.filePath(QStringLiteral("gone.raw"))));
    }

    void continuableNewestFirst()
    {
        QTemporaryDir dir;
        const QString records = dir.filePath(QStringLiteral("records"));
        QVERIFY(CheckpointIndex::continuable(records).isEmpty()); // no folder yet
        const QDateTime now = QDateTime::currentDateTime();
        writeRecord(dir, QStringLiteral("old.raw"), 20 * MiB,
                    destination(Dialect::Cos, QStringLiteral("old.raw")), 1, now.addSecs(-300));
        writeRecord(dir, QStringLiteral("new.raw"), 20 * MiB,
                    destination(Dialect::Cos, QStringLiteral("new.raw")), 2, now.addSecs(-10));
        // The CLI's S3 upload, a file since removed, and a damaged record: not offered.
        writeRecord(dir, QStringLiteral("s3.raw"), 20 * MiB,
                    destination(Dialect::S3, QStringLiteral("s3.raw")), 1, now.addSecs(-5));
        const Checkpoint removed =
            writeRecord(dir, QStringLiteral("removed.raw"), 20 * MiB,
                        destination(Dialect::Cos, QStringLiteral("removed.raw")), 1, now);
        QVERIFY(QFile::remove(removed.file.path));
        QFile damaged(records + QStringLiteral("/damaged.json"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{");
        damaged.close();

        QCOMPARE(CheckpointIndex::list(records).size(), 5); // `uploads` lists them all
        const QList<CheckpointEntry> offered = CheckpointIndex::continuable(records);
        QCOMPARE(offered.size(), 2);
        QCOMPARE(QFileInfo(offered.at(0).checkpoint->file.path).fileName(),
                 QStringLiteral("new.raw"));
        QCOMPARE(offered.at(0).partsDone(), 2);
        QCOMPARE(offered.at(0).partsTotal(), 3);
        QCOMPARE(offered.at(0).destination.key, QStringLiteral("new.raw"));
        QCOMPARE(QFileInfo(offered.at(1).checkpoint->file.path).fileName(),
                 QStringLiteral("old.raw"));
        QCOMPARE(offered.at(1).partsDone(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointIndex)
#include "tst_checkpointindex.moc"

// Checkpoint: the resume record written and read back, and records that must be refused.
#include "transfer/Checkpoint.h"
#include "util/Crc64.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private slots:
    void checkpointRoundTrip()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path() + QStringLiteral("/ckpt"));
        Checkpoint c;
        c.file = {QStringLiteral("/data/disk.qcow2"), 5 * GiB, 1700000000123, QStringLiteral("ab")};
        c.destination = QStringLiteral("cos||b-1|ap-guangzhou|disk.qcow2");
        c.uploadId = QStringLiteral("upload-1");
        c.partSize = 8 * MiB;
        c.parts.insert(1, {QStringLiteral("\"e1\""), 18446744073709551615ULL, 8 * MiB});
        c.parts.insert(640, {QStringLiteral("\"e640\""), 42, 3});
        Error error;
        QVERIFY2(store.save(c, &error), qPrintable(error.message));
        const auto loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->file, c.file);
        QCOMPARE(loaded->uploadId, c.uploadId);
        QCOMPARE(loaded->partSize, c.partSize);
        QCOMPARE(loaded->parts.size(), 2);
        QCOMPARE(loaded->parts.value(1).crc64, 18446744073709551615ULL);
        QCOMPARE(loaded->parts.value(640).etag, QStringLiteral("\"e640\""));
        // Another destination has its own record.
        QVERIFY(!store.load(c.file.path, c.destination + u'x', &error));
        // A damaged record is reported, never trusted.
        QFile f(store.pathFor(c.file.path, c.destination));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":1,\"parts\":[");
        f.close();
        error = {};
        QVERIFY(!store.load(c.file.path, c.destination, &error));
        QCOMPARE(error.code, QStringLiteral("upload.checkpoint"));
        store.remove(c.file.path, c.destination);
        QVERIFY(!QFile::exists(store.pathFor(c.file.path, c.destination)));

        // Written before Initiate: no upload id yet, only the moment of the start.
        Checkpoint starting = c;
        starting.uploadId.clear();
        starting.parts.clear();
        starting.startedAt = 1764000000;
        QVERIFY2(store.save(starting, &error), qPrintable(error.message));
        const auto pending = store.load(c.file.path, c.destination, &error);
        QVERIFY(pending);
        QVERIFY(pending->awaitingUploadId());
        QCOMPARE(pending->startedAt, 1764000000);
        QVERIFY(!store.loadResumable(c.file.path, c.destination, &error));
        // Neither an id nor a start time, or parts without an id: nothing to go by.
        starting.startedAt = 0;
        QVERIFY(store.save(starting, &error));
        error = {};
        QVERIFY(!store.load(c.file.path, c.destination, &error));
        QCOMPARE(error.code, QStringLiteral("upload.checkpoint"));
        starting.startedAt = 1764000000;
        starting.parts = c.parts;
        QVERIFY(store.save(starting, &error));
        QVERIFY(!store.load(c.file.path, c.destination, &error));
        // With an id, the start time is kept and the record is resumable.
        c.startedAt = 1764000000;
        QVERIFY(store.save(c, &error));
        const auto resumable = store.loadResumable(c.file.path, c.destination, &error);
        QVERIFY(resumable);
        QCOMPARE(resumable->startedAt, 1764000000);
        QCOMPARE(resumable->uploadId, c.uploadId);
    }

    // A converted upload's record keeps its conversion and stream identity, and has no part
    // total (the length is known only when the stream ends); a plain record has neither.
    void convertedRecordRoundTrip()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path());
        Checkpoint c;
        c.file = {QStringLiteral("/data/disk.raw"), 20 * GiB, 1700000000123, QStringLiteral("ab")};
        c.destination = QStringLiteral("cos||b-1|ap-guangzhou|disk.qcow2");
        c.uploadId = QStringLiteral("upload-2");
        c.partSize = 8 * MiB;
        c.parts.insert(2, {QStringLiteral("\"e2\""), 7, 8 * MiB});
        QCOMPARE(c.partsTotal(), 2560);
        c.conversion = Conversion::Qcow2;
        c.streamIdentity = QStringLiteral("qcow2-stream/1 cluster=65536 zlib=6");
        QCOMPARE(c.partsTotal(), 0);
        Error error;
        QVERIFY2(store.save(c, &error), qPrintable(error.message));
        auto loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->conversion, Conversion::Qcow2);
        QCOMPARE(loaded->streamIdentity, c.streamIdentity);
        QCOMPARE(loaded->partsTotal(), 0);
        QCOMPARE(loaded->partsDone(), 1);

        c.conversion = Conversion::None;
        c.streamIdentity.clear();
        QVERIFY(store.save(c, &error));
        QFile f(store.pathFor(c.file.path, c.destination));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("conversion")); // plain records stay as they were
        loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->conversion, Conversion::None);
        QVERIFY(loaded->streamIdentity.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"

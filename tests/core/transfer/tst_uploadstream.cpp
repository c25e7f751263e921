// Converted uploads (UploadJob::conversion) through UploadEngine against the in-process
// emulator, with a deterministic fake ObjectStream (FakeObjectStream.h) in place of the qcow2
// converter: parts cut from the stream as it comes, the header part patched and sent last,
// retries that resend the held bytes, a resume that regenerates the stream and reuses only the
// parts equal to those on record, and the refusals: a stream that differs from the one sent, a
// record of another identity or conversion, a source that cannot be read.
#include "CloudTestSupport.h"
#include "FakeObjectStream.h"
#include "RandomFile.h"

#include "transfer/Checkpoint.h"
#include "transfer/UploadEngine.h"
#include "util/Crc64.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using namespace cvmi::cloudtest;
using namespace cvmi::transfer;
using test::FakeStreamGate;
using test::FakeStreamSpec;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr int waitMs = 60000;
} // namespace

class TestUploadStream : public QObject {
    Q_OBJECT

    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_source; // the file the job names; the fake stream stands for its conversion

    UploadJob job(const QString& key)
    {
        UploadJob j;
        j.filePath = m_source;
        j.conversion = Conversion::Qcow2;
        j.destination.bucket = kBucket;
        j.destination.key = key;
        j.destination.region = kRegion;
        j.destination.endpoints = endpointsFor(*m_emulator);
        j.credentials = credentials(kId, kKey);
        j.partSize = MiB;
        j.concurrency = 3;
        j.checkpointDir = m_dir->filePath(QStringLiteral("checkpoints"));
        j.retry.baseDelayMs = 20;
        j.retry.maxDelayMs = 200;
        j.retry.stallSeconds = 2;
        return j;
    }
    static FakeStreamSpec spec(qint64 length)
    {
        FakeStreamSpec s;
        s.length = length;
        return s;
    }

    bool setFaults(QJsonArray rules)
    {
        rules.append(QJsonObject{{QStringLiteral("operation"), QStringLiteral("UploadPart")},
                                 {QStringLiteral("fault"), QStringLiteral("stall")},
                                 {QStringLiteral("times"), 0}});
        return m_emulator->setFaults(
            QJsonObject{{QStringLiteral("seed"), 7}, {QStringLiteral("rules"), rules}});
    }
    int uploadPartRequests() const
    {
        const QJsonArray rules =
            m_emulator->faultCounters().value(QStringLiteral("rules")).toArray();
        return rules.isEmpty() ? -1
                               : rules.last().toObject().value(QStringLiteral("matched")).toInt();
    }

    UploadResult run(const UploadJob& j, const FakeStreamSpec& s, bool* arrived,
                     QList<UploadProgress>* progress = nullptr)
    {
        UploadEngine engine(j);
        engine.setStreamFactory(test::fakeStreams(s));
        QSignalSpy spy(&engine, &UploadEngine::finished);
        if (progress)
            connect(&engine, &UploadEngine::progressChanged, this,
                    [progress](const UploadProgress& p) { progress->append(p); });
        engine.start();
        *arrived = spy.wait(waitMs);
        return *arrived ? qvariant_cast<UploadResult>(spy.at(0).at(0)) : UploadResult{};
    }
    std::optional<Checkpoint> recordOf(const UploadJob& j) const
    {
        return Checkpoints(j.checkpointDir)
            .load(j.filePath.absolute().display(), Checkpoints::destinationKey(j.destination),
                  nullptr);
    }
    // The stored object is the stream's bytes, header included, and the result says so.
    void verifyObject(const QString& key, const FakeStreamSpec& s, const UploadResult& r)
    {
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QFile stored(m_emulator->objectPath(kBucket, key));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        const QByteArray object = test::fakeObject(s);
        QVERIFY(stored.readAll() == object);
        QCOMPARE(r.crc64, util::Crc64::compute(object));
        QCOMPARE(r.size, s.length);
        QCOMPARE(r.format, QStringLiteral("qcow2"));
        QCOMPARE(r.sourceBytes, QFileInfo(m_source).size());
        QCOMPARE(r.virtualSize, s.virtualSize);
        QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
    }

private slots:
    void initTestCase() { captureLogs(); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion));
        m_source =
            test::writeRandomFile(m_dir->filePath(QStringLiteral("disk.raw")), 300 * 1024, 1);
    }
    void cleanup()
    {
        m_emulator.reset();
        m_dir.reset();
    }

    void converted_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<int>("parts");
        QTest::newRow("cos") << int(Dialect::Cos) << 5 * MiB + 12345 << 6;
        QTest::newRow("s3") << int(Dialect::S3) << 5 * MiB + 12345 << 6;
        QTest::newRow("ends on a part boundary") << int(Dialect::Cos) << 4 * MiB << 4;
        QTest::newRow("one part") << int(Dialect::Cos) << 700 * 1024LL << 1;
    }
    void converted()
    {
        QFETCH(int, dialect);
        QFETCH(qint64, length);
        QFETCH(int, parts);
        QVERIFY(setFaults({}));
        UploadJob j = job(QStringLiteral("images/disk.qcow2"));
        j.destination.dialect = Dialect(dialect);
        QList<UploadProgress> progress;
        bool arrived = false;
        const UploadResult r = run(j, spec(length), &arrived, &progress);
        QVERIFY(arrived);
        verifyObject(j.destination.key, spec(length), r);
        QCOMPARE(r.partsUploaded, parts);
        QCOMPARE(uploadPartRequests(), parts);
        // The length is unknown until the stream ends; the source's progress is reported.
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().converting);
        QCOMPARE(progress.first().totalBytes, qint64(-1));
        QCOMPARE(progress.last().totalBytes, length);
        QCOMPARE(progress.last().partsTotal, parts);
        QCOMPARE(progress.last().partsDone, parts);
        QCOMPARE(progress.last().sourceBytesRead, length);
        QCOMPARE(progress.last().sourceBytesTotal, length);
        QVERIFY(!recordOf(j));
    }

    // Held just before its end, the stream has had every part but the first sent and confirmed;
    // part 1 (the header) goes only once the stream has ended, patched.
    void headerPartIsSentLast()
    {
        QVERIFY(setFaults({}));
        const UploadJob j = job(QStringLiteral("last.qcow2"));
        // Ends on a part boundary: part 5 is whole and handed out before the stream ends.
        const FakeStreamSpec s = spec(5 * MiB);
        FakeStreamGate gate;
        gate.holdAtEnd = true;
        UploadEngine engine(j);
        engine.setStreamFactory(test::fakeStreams(s, &gate));
        QSignalSpy done(&engine, &UploadEngine::finished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(gate.waitingAtEnd && recordOf(j) && recordOf(j)->parts.size() == 4,
                                 waitMs);
        QCOMPARE(recordOf(j)->parts.keys(), (QList<int>{2, 3, 4, 5}));
        QCOMPARE(recordOf(j)->conversion, Conversion::Qcow2);
        QCOMPARE(recordOf(j)->streamIdentity, s.identity);
        QCOMPARE(recordOf(j)->partsTotal(), 0); // unknown until the stream ends
        QCOMPARE(uploadPartRequests(), 4);
        gate.open();
        QVERIFY(done.wait(waitMs));
        verifyObject(j.destination.key, s, qvariant_cast<UploadResult>(done.at(0).at(0)));
        QCOMPARE(uploadPartRequests(), 5);
    }

    void faultsAreRetried_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("when");
        QTest::newRow("reset after a part was stored") << "reset"
                                                       << "after";
        QTest::newRow("500 on a part") << "internal-error"
                                       << "";
        QTest::newRow("damaged part") << "bad-crc"
                                      << "";
        QTest::newRow("truncated answer") << "truncate"
                                          << "";
    }
    void faultsAreRetried()
    {
        QFETCH(QString, fault);
        QFETCH(QString, when);
        QJsonObject rule{{QStringLiteral("operation"), QStringLiteral("UploadPart")},
                         {QStringLiteral("fault"), fault},
                         {QStringLiteral("every"), 2},
                         {QStringLiteral("times"), 2}};
        if (!when.isEmpty())
            rule.insert(QStringLiteral("when"), when);
        QVERIFY(setFaults({rule}));
        bool arrived = false;
        const UploadResult r = run(job(QStringLiteral("f.qcow2")), spec(5 * MiB + 1), &arrived);
        QVERIFY(arrived);
        verifyObject(QStringLiteral("f.qcow2"), spec(5 * MiB + 1), r);
        QCOMPARE(m_emulator->faultCounters().value(fault).toInt(), 2);
        QCOMPARE(uploadPartRequests(), 6 + 2); // each faulted part once more, from memory
    }

    // Interrupted after some parts; the next run makes the same stream again, compares the parts
    // on record with it and sends only the others.
    void resumeReusesEqualParts()
    {
        QVERIFY(setFaults({}));
        UploadJob j = job(QStringLiteral("resume.qcow2"));
        j.concurrency = 2;
        j.rateLimitBytesPerSecond = 4 * MiB;
        const FakeStreamSpec s = spec(8 * MiB + 77);
        {
            UploadEngine engine(j);
            engine.setStreamFactory(test::fakeStreams(s));
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(recordOf(j) && recordOf(j)->parts.size() >= 3, waitMs);
        }
        const int firstRun = uploadPartRequests();
        QVERIFY(!recordOf(j)->parts.contains(1));
        j.rateLimitBytesPerSecond = 0;
        bool arrived = false;
        const UploadResult r = run(j, s, &arrived);
        QVERIFY(arrived);
        verifyObject(j.destination.key, s, r);
        QVERIFY2(r.partsReused >= 3, qPrintable(QString::number(r.partsReused)));
        QCOMPARE(r.partsChecked, r.partsReused);
        QCOMPARE(r.partsReused + r.partsUploaded, 9);
        QCOMPARE(uploadPartRequests() - firstRun, r.partsUploaded);
    }

    // The same source gives another stream (the issue: refuse to resume when they differ): the
    // run stops at the first part on record that differs and keeps the record; --restart then
    // uploads the new stream whole.
    void resumeOfADifferentStreamIsRefused()
    {
        QVERIFY(setFaults({}));
        UploadJob j = job(QStringLiteral("differs.qcow2"));
        j.concurrency = 1;
        j.rateLimitBytesPerSecond = 2 * MiB;
        {
            UploadEngine engine(j);
            engine.setStreamFactory(test::fakeStreams(spec(6 * MiB)));
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(recordOf(j) && recordOf(j)->parts.contains(3), waitMs);
        }
        j.rateLimitBytesPerSecond = 0;
        FakeStreamSpec changed = spec(6 * MiB);
        changed.changedFrom = 2 * MiB + 10; // inside part 3
        bool arrived = false;
        UploadResult r = run(j, changed, &arrived);
        QVERIFY(arrived);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, QStringLiteral("upload.stream_changed"));
        QVERIFY2(r.error.message.contains(QStringLiteral("at part 3")) &&
                     r.error.message.contains(QStringLiteral("--restart")),
                 qPrintable(r.error.message));
        QVERIFY(recordOf(j));
        QCOMPARE(m_emulator->pendingUploads(kBucket).size(), 1);

        j.restart = true;
        r = run(j, changed, &arrived);
        QVERIFY(arrived);
        verifyObject(j.destination.key, changed, r);
        QCOMPARE(r.partsReused, 0);
    }

    void recordOfAnotherStreamIsRefused_data()
    {
        QTest::addColumn<bool>("plainFirst");
        QTest::newRow("other identity") << false;
        QTest::newRow("plain upload on record") << true;
    }
    void recordOfAnotherStreamIsRefused()
    {
        QFETCH(bool, plainFirst);
        QVERIFY(setFaults({}));
        // A source large enough for a plain multipart upload too.
        m_source = test::writeRandomFile(m_dir->filePath(QStringLiteral("disk.raw")), 6 * MiB, 2);
        UploadJob first = job(QStringLiteral("other.qcow2"));
        first.concurrency = 1;
        first.rateLimitBytesPerSecond = 2 * MiB;
        if (plainFirst)
            first.conversion = Conversion::None;
        {
            UploadEngine engine(first);
            engine.setStreamFactory(test::fakeStreams(spec(6 * MiB)));
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(recordOf(first) && recordOf(first)->parts.size() >= 1, waitMs);
        }
        UploadJob j = job(QStringLiteral("other.qcow2"));
        FakeStreamSpec s = spec(6 * MiB);
        if (!plainFirst)
            s.identity = QStringLiteral("fake/2 level=9");
        bool arrived = false;
        UploadResult r = run(j, s, &arrived);
        QVERIFY(arrived);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, QStringLiteral("upload.conversion_changed"));
        QVERIFY(recordOf(j));
        // The reverse: a plain run on a converted record.
        if (!plainFirst) {
            j.conversion = Conversion::None;
            r = run(j, s, &arrived);
            QVERIFY(arrived);
            QCOMPARE(r.error.code, QStringLiteral("upload.conversion_changed"));
        }
        j.conversion = Conversion::Qcow2;
        j.restart = true;
        r = run(j, s, &arrived);
        QVERIFY(arrived);
        verifyObject(j.destination.key, s, r);
    }

    void unreadableSourceStops()
    {
        QVERIFY(setFaults({}));
        FakeStreamSpec s = spec(5 * MiB);
        s.failAt = 3 * MiB + 5;
        bool arrived = false;
        const UploadResult r = run(job(QStringLiteral("bad.qcow2")), s, &arrived);
        QVERIFY(arrived);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, QStringLiteral("convert.read"));
        QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("bad.qcow2")));
    }

    // A part size too small for the disk's worst case is refused before anything is sent.
    void partSizeTooSmallIsRefused()
    {
        QVERIFY(setFaults({}));
        FakeStreamSpec s = spec(2 * MiB);
        UploadJob j = job(QStringLiteral("small.qcow2"));
        j.partSize = 128 * 1024; // below the header region
        j.minPartSize = 64 * 1024;
        bool arrived = false;
        const UploadResult r = run(j, s, &arrived);
        QVERIFY(arrived);
        QCOMPARE(r.error.code, QStringLiteral("upload.part_size"));
        QCOMPARE(uploadPartRequests(), 0);
    }

    // A plain upload's result names the file's own format and sizes.
    void plainUploadDescribesTheFile()
    {
        QVERIFY(setFaults({}));
        UploadJob j = job(QStringLiteral("plain.raw"));
        j.conversion = Conversion::None;
        bool arrived = false;
        const UploadResult r = run(j, spec(0), &arrived);
        QVERIFY(arrived);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.format, QStringLiteral("raw"));
        QCOMPARE(r.sourceBytes, QFileInfo(m_source).size());
        QCOMPARE(r.virtualSize, QFileInfo(m_source).size());
        QCOMPARE(r.size, QFileInfo(m_source).size());
    }
};

QTEST_MAIN(TestUploadStream)
#include "tst_uploadstream.moc"

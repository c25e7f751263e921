// `cvm-import upload --convert qcow2` end to end: the real CLI against the emulator as its own
// process (CliUploadHarness.h), on disks made by real tools (DiskFixtures.h): a sparse raw disk
// and the same disk as a compressed qcow2. The stored object must be a clean qcow2 (qemu-img
// check) holding the same guest disk (qemu-img compare); the --json events say what was read
// and sent; the text output shows both; a SIGKILL at a random moment resumes into the same
// disk (CVMI_KILL_TRIALS trials, CVMI_KILL_SEED to replay), and `uploads` lists the record
// without a part total it cannot know.
#include "CliUploadHarness.h"
#include "DiskFixtures.h"

using namespace cvmi;
using namespace cvmi::cliupload;

class TestCliUploadConvert : public QObject, Harness {
    Q_OBJECT

    QString m_raw;
    QString m_qcow2;

    QString objectFile(const QString& key) const
    {
        emu::CosStore store(cosState());
        QString error;
        return store.load(&error) ? store.objectPath(kBucket, key) : QString();
    }

    // The --json run converted `source` into a clean qcow2 of the same disk (as `reference`
    // holds it, for an OVA that qemu-img cannot open), and said so.
    void verifyConverted(const CliRun& run, const QString& source, const QString& key,
                         QString reference = {})
    {
        if (reference.isEmpty())
            reference = source;
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const auto finished = named(run.events, QStringLiteral("finished"));
        QCOMPARE(finished.size(), 1);
        const QJsonObject f = finished[0];
        const auto object = storedObject(key);
        QVERIFY(object);
        QCOMPARE(f.value(QStringLiteral("format")).toString(), QStringLiteral("qcow2"));
        QCOMPARE(qint64(f.value(QStringLiteral("source_bytes")).toDouble()),
                 QFileInfo(source).size());
        QCOMPARE(qint64(f.value(QStringLiteral("virtual_size")).toDouble()), 96 * MiB);
        QCOMPARE(qint64(f.value(QStringLiteral("bytes_sent")).toDouble()), object->size);
        QCOMPARE(qint64(f.value(QStringLiteral("size")).toDouble()), object->size);
        QCOMPARE(f.value(QStringLiteral("crc64")).toString(),
                 util::Crc64::toDecimal(object->crc64));
        const QString same = test::sameDiskAs(objectFile(key), reference);
        QVERIFY2(same.isEmpty(), qPrintable(same));
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);
    }

private slots:
    void initTestCase()
    {
        startEmulator();
        // 96 MiB of guest disk, 12 MiB of data (half random, half text), the rest holes.
        m_raw = test::makeSparseRawDisk(path(QStringLiteral("disk.raw")), 96, 12, 5);
        QVERIFY(!m_raw.isEmpty());
        m_qcow2 = test::makeCompressedQcow2(m_raw, path(QStringLiteral("disk.qcow2")));
        QVERIFY2(!m_qcow2.isEmpty(), "qemu-img convert -c failed");
    }
    void cleanup()
    {
        if (QTest::currentTestFailed())
            removeLeftovers();
    }
    void cleanupTestCase() { stopEmulatorAndCheckSecrets(); }

    void convertedIsTheSameDisk_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("sparse raw") << QStringLiteral("disk.raw");
        QTest::newRow("compressed qcow2") << QStringLiteral("disk.qcow2");
    }
    void convertedIsTheSameDisk()
    {
        QFETCH(QString, source);
        const QString key = QStringLiteral("converted/") + source + QStringLiteral(".qcow2");
        const CliRun run = cli(uploadArgs(
            path(source), key,
            {QStringLiteral("--convert"), QStringLiteral("qcow2"), QStringLiteral("--json")}));
        verifyConverted(run, path(source), key);
        const QJsonObject started = named(run.events, QStringLiteral("started")).value(0);
        QCOMPARE(started.value(QStringLiteral("convert")).toString(), QStringLiteral("qcow2"));
        QVERIFY(started.value(QStringLiteral("parts_total")).isNull());
        // The holes are not sent: far less than the disk, and for the raw file than the file.
        const qint64 sent = qint64(named(run.events, QStringLiteral("finished"))
                                       .value(0)
                                       .value(QStringLiteral("bytes_sent"))
                                       .toDouble());
        QVERIFY2(sent < 12 * MiB, qPrintable(QString::number(sent)));
        qInfo("%s: file %lld bytes, sent %lld bytes", qPrintable(source),
              qlonglong(QFileInfo(path(source)).size()), qlonglong(sent));
        // Progress: the length unknown (null) until the end; the source's bytes read.
        const auto progress = named(run.events, QStringLiteral("progress"));
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().value(QStringLiteral("total_bytes")).isNull());
        QVERIFY(progress.last().contains(QStringLiteral("source_bytes_read")));
        // Every part has its event, part 1 included, and their sizes add up to the object.
        qint64 sum = 0;
        for (const QJsonObject& p : named(run.events, QStringLiteral("part")))
            sum += qint64(p.value(QStringLiteral("size")).toDouble());
        QCOMPARE(sum, sent);
    }

    // A VHDX, a VDI or an OVA goes up converted without --convert (the import takes none as it is),
    // under a key ending in .qcow2 when the key is made from the file's name; the text output
    // says why, and --convert none for one is refused before anything is sent.
    void formatsTheImportRefusesAreAlwaysConverted_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("vhdx") << QStringLiteral("vhdx");
        QTest::newRow("vdi") << QStringLiteral("vdi");
        QTest::newRow("ova") << QStringLiteral("ova");
    }
    void formatsTheImportRefusesAreAlwaysConverted()
    {
        QFETCH(QString, format);
        const QString source = path(QStringLiteral("disk.") + format);
        QString out;
        // The OVA with a data disk beside the system disk: only the system disk goes up.
        QVERIFY2((format == QLatin1String("ova")
                      ? test::runTool(qEnvironmentVariable("CVMI_SOURCE_DIR") +
                                          QStringLiteral("/tests/fixtures/make-ova.sh"),
                                      {source, m_raw, m_qcow2}, &out)
                      : test::runTool(QStringLiteral("qemu-img"),
                                      {QStringLiteral("convert"), QStringLiteral("-O"), format,
                                       m_raw, source},
                                      &out)) == 0,
                 qPrintable(out));
        const QString folder = QStringLiteral("auto-%1/").arg(format);
        const CliRun run = cli(uploadArgs(source, folder, {QStringLiteral("--json")}));
        verifyConverted(run, source, folder + QStringLiteral("disk.qcow2"), m_raw);
        const QJsonObject started = named(run.events, QStringLiteral("started")).value(0);
        QCOMPARE(started.value(QStringLiteral("convert")).toString(), QStringLiteral("qcow2"));
        QCOMPARE(started.value(QStringLiteral("convert_required")).toBool(), true);
        qInfo("%s: file %lld bytes, sent %lld bytes", qPrintable(format),
              qlonglong(QFileInfo(source).size()),
              qlonglong(named(run.events, QStringLiteral("finished"))
                            .value(0)
                            .value(QStringLiteral("bytes_sent"))
                            .toDouble()));

        const QString typed = QStringLiteral("typed/%1.img").arg(format);
        const CliRun text = cli(uploadArgs(source, typed));
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.err.contains(QStringLiteral("disk.%1 is a %2 disk, which Tencent Cloud does "
                                                  "not import as it is")
                                       .arg(format, format.toUpper())),
                 qPrintable(text.err));
        QVERIFY(storedObject(typed)); // a key the user wrote is kept

        const CliRun none = cli(uploadArgs(source, QStringLiteral("none/"),
                                           {QStringLiteral("--convert"), QStringLiteral("none")}));
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QLatin1String("Leave out --convert none")),
                 qPrintable(none.err));
        QVERIFY(!storedObject(QStringLiteral("none/disk.") + format));
        QVERIFY(!storedObject(QStringLiteral("none/disk.qcow2")));
    }

    // The plain default: the file as it is, its format named.
    void withoutConvertTheFileGoesAsItIs()
    {
        const QString key = QStringLiteral("plain/disk.qcow2");
        const CliRun run = cli(uploadArgs(m_qcow2, key, {QStringLiteral("--json")}));
        verifyFinished(run, m_qcow2, key);
        const QJsonObject f = named(run.events, QStringLiteral("finished")).value(0);
        QCOMPARE(f.value(QStringLiteral("format")).toString(), QStringLiteral("qcow2"));
        QCOMPARE(qint64(f.value(QStringLiteral("virtual_size")).toDouble()), 96 * MiB);
        QCOMPARE(qint64(f.value(QStringLiteral("bytes_sent")).toDouble()),
                 QFileInfo(m_qcow2).size());
    }

    // The text output shows what was read of the source and what was sent.
    void textOutputShowsReadAndSent()
    {
        const QString key = QStringLiteral("text/disk.qcow2");
        const CliRun run =
            cli(uploadArgs(m_raw, key, {QStringLiteral("--convert"), QStringLiteral("qcow2")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("converted to a compressed qcow2 on the way")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String(" read ")) &&
                     run.err.contains(QLatin1String(", sent ")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("Converted to qcow2 on the way")),
                 qPrintable(run.err));
        const QString same = test::sameDiskAs(objectFile(key), m_raw);
        QVERIFY2(same.isEmpty(), qPrintable(same));
    }

    void badConvertValue()
    {
        const CliRun run = cli(uploadArgs(m_raw, QStringLiteral("bad.qcow2"),
                                          {QStringLiteral("--convert"), QStringLiteral("vmdk")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--convert \"vmdk\"")), qPrintable(run.err));
        QCOMPARE(records(), 0);
    }

    // A file that is not a disk image we read cannot be converted: said before anything is sent.
    void notADiskImage()
    {
        const QString file = path(QStringLiteral("notes.vdi"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("<<< Oracle VM VirtualBox Disk Image >>>\n").leftJustified(8192, '\0'));
        f.close();
        const CliRun run = cli(uploadArgs(
            file, QStringLiteral("notes.qcow2"),
            {QStringLiteral("--convert"), QStringLiteral("qcow2"), QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(named(run.events, QStringLiteral("failed"))
                     .value(0)
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("upload.file"));
        QVERIFY(pendingOnServer().isEmpty());
    }

    // A qcow2 over a backing file holds only what changed: converted alone it would be another
    // disk, so it is refused with the reason.
    void differencingDiskIsRefused()
    {
        const QString child = path(QStringLiteral("child.qcow2"));
        QCOMPARE(test::runTool(QStringLiteral("qemu-img"),
                               {QStringLiteral("create"), QStringLiteral("-f"),
                                QStringLiteral("qcow2"), QStringLiteral("-F"),
                                QStringLiteral("qcow2"), QStringLiteral("-b"), m_qcow2, child}),
                 0);
        const CliRun run = cli(uploadArgs(
            child, QStringLiteral("child.qcow2"),
            {QStringLiteral("--convert"), QStringLiteral("qcow2"), QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 2);
        const QJsonObject failed = named(run.events, QStringLiteral("failed")).value(0);
        QCOMPARE(failed.value(QStringLiteral("code")).toString(), QStringLiteral("upload.file"));
        QVERIFY2(failed.value(QStringLiteral("message")).toString().contains(QLatin1String("back")),
                 qPrintable(run.out));
        QVERIFY(pendingOnServer().isEmpty());
        QVERIFY(!storedObject(QStringLiteral("child.qcow2")));
    }

    // Ctrl+C: the parts in flight are confirmed, the run says it is resumable without a part
    // total it cannot know; the same command then completes into the same disk.
    void sigintStopsThenResumes()
    {
        const QString key = QStringLiteral("sigint/disk.qcow2");
        const QStringList args = uploadArgs(
            m_raw, key,
            {QStringLiteral("--convert"), QStringLiteral("qcow2"), QStringLiteral("--json")});
        QProcess process;
        QString seen;
        QVERIFY(startUntilParts(
            process, args + QStringList{QStringLiteral("--limit-rate"), QStringLiteral("512K")}, 1,
            &seen));
        QVERIFY(signal(process, SIGINT));
        const CliRun stopped = finish(process);
        QVERIFY2(stopped.exitCode == 130, qPrintable(stopped.out.right(800) + stopped.err));
        const QJsonObject event =
            named(eventsOf(seen + stopped.out), QStringLiteral("stopped")).value(0);
        QVERIFY(event.value(QStringLiteral("resumable")).toBool());
        QVERIFY(event.value(QStringLiteral("parts_total")).isNull());
        QVERIFY(event.value(QStringLiteral("parts_done")).toInt() >= 1);
        const CliRun resumed = cli(args);
        verifyConverted(resumed, m_raw, key);
        QVERIFY(named(resumed.events, QStringLiteral("finished"))
                    .value(0)
                    .value(QStringLiteral("parts_reused"))
                    .toInt() >= 1);
    }

    // Killed at a random moment, the next run converts the disk again, reuses the parts equal
    // to those on record and completes into the same disk.
    void killAndResume()
    {
        const int trials = qEnvironmentVariableIsSet("CVMI_KILL_TRIALS")
                               ? qEnvironmentVariableIntValue("CVMI_KILL_TRIALS")
                               : 2;
        const quint32 seed = qEnvironmentVariableIsSet("CVMI_KILL_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("CVMI_KILL_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("converted kill-and-resume: %d trials, CVMI_KILL_SEED=%u", trials, seed);
        QRandomGenerator random(seed);
        for (int trial = 1; trial <= trials; ++trial) {
            const QString source = trial % 2 ? m_raw : m_qcow2;
            const QString key = QStringLiteral("kill/converted-%1.qcow2").arg(trial);
            const QStringList args = uploadArgs(
                source, key,
                {QStringLiteral("--convert"), QStringLiteral("qcow2"), QStringLiteral("--json")});
            // About 7 parts of 1 MiB, one at a time at 2 MiB/s: 3.5 s. The kill falls after the
            // first confirmed part and before the end, anywhere between.
            QProcess process;
            QString seen;
            QVERIFY(startUntilParts(
                process, args + QStringList{QStringLiteral("--limit-rate"), QStringLiteral("1M")},
                1, &seen)); // slow enough that the kill (at most 1.5 s later) is mid-stream
            const int delayMs = int(random.bounded(1500));
            QTest::qWait(delayMs);
            QVERIFY2(process.state() == QProcess::Running, "finished before the kill");
            QVERIFY(signal(process, SIGKILL));
            QCOMPARE(finish(process).exitCode, -2);
            QCOMPARE(records(), 1);
            if (trial == 1) {
                const CliRun listed = cli({QStringLiteral("uploads")});
                QVERIFY2(listed.out.contains(QLatin1String("converted to qcow2")),
                         qPrintable(listed.out + listed.err));
                QVERIFY2(!listed.out.contains(QLatin1String(" of 0 parts")),
                         qPrintable(listed.out));
            }

            const CliRun resumed = cli(args);
            verifyConverted(resumed, source, key);
            QVERIFY(named(resumed.events, QStringLiteral("started"))
                        .value(0)
                        .value(QStringLiteral("resumed"))
                        .toBool());
            const QJsonObject finished = named(resumed.events, QStringLiteral("finished")).value(0);
            const int reused = finished.value(QStringLiteral("parts_reused")).toInt();
            const int uploaded = finished.value(QStringLiteral("parts_uploaded")).toInt();
            qInfo("trial %d: killed %d ms after the first part; %d parts reused, %d sent", trial,
                  delayMs, reused, uploaded);
            QVERIFY2(reused >= 1, qPrintable(resumed.out));
            QCOMPARE(finished.value(QStringLiteral("parts_checked")).toInt(), reused);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliUploadConvert)
#include "tst_cli_upload_convert.moc"

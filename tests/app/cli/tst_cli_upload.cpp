// `cvm-import upload` end to end (the harness is CliUploadHarness.h): a whole upload as JSON
// events and as text, the progress line, refused keys and arguments, two processes on one
// destination, Ctrl+C then resume, a file changed between runs, and SIGKILL at random moments
// then resume.
//
// CVMI_KILL_TRIALS (default 3) sets the number of kill-and-resume trials; the benchmark suite
// runs 20. CVMI_KILL_SEED makes the kill moments reproducible (the seed used is printed).
#include "CliUploadHarness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace cvmi;
using namespace cvmi::cliupload;

class TestCliUpload : public QObject, private Harness {
    Q_OBJECT

private slots:
    void initTestCase() { startEmulator(); }

    // A test that failed half-way leaves uploads on the server and resume records: removed so
    // that the next test's "nothing pending" checks judge only itself.
    void cleanup()
    {
        if (QTest::currentTestFailed())
            removeLeftovers();
    }

    void cleanupTestCase() { stopEmulatorAndCheckSecrets(); }

    // A file name that is not UTF-8 (Qt decodes argv lossily): the file is read by argv's bytes,
    // and the key derived from its name is valid UTF-8, the odd byte replaced by "_". Run through
    // sh, since QProcess would re-encode the argument as UTF-8.
    void nonUtf8FileName()
    {
        QByteArray data(3 * MiB + 123, Qt::Uninitialized);
        QRandomGenerator(11).fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
        const QByteArray name = QFile::encodeName(m_dir.path()) + "/disk\xff.raw";
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, data.constData(), size_t(data.size())), ssize_t(data.size()));
        ::close(fd);
        util::Crc64 crc;
        crc.update(data.constData(), size_t(data.size()));

        QProcess process;
        QProcessEnvironment env = environment(kKey);
        env.insert(QStringLiteral("DIR"), m_dir.path());
        env.insert(QStringLiteral("EP"), m_endpoint);
        env.insert(QStringLiteral("BUCKET"), kBucket);
        process.setProcessEnvironment(env);
        process.start(
            QStringLiteral("sh"),
            {QStringLiteral("-c"),
             QStringLiteral("exec \"$CVMI_CLI\" upload \"$DIR/$(printf 'disk\\377.raw')\" "
                            "\"cos://$BUCKET/odd/\" --part-size 1M --json "
                            "--cos-endpoint \"$EP\"")});
        QVERIFY(process.waitForStarted(20000));
        const CliRun run = finish(process);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const auto finished = named(run.events, QStringLiteral("finished"));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0].value(QStringLiteral("crc64")).toString(),
                 util::Crc64::toDecimal(crc.value()));
        const auto object = storedObject(QStringLiteral("odd/disk_.raw"));
        QVERIFY(object);
        QCOMPARE(object->size, qint64(data.size()));
        QCOMPARE(object->crc64, crc.value());
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);
    }

    void jsonEventsOfAWholeUpload()
    {
        // 20 MiB and an odd tail: 21 parts of 1 MiB (COS's smallest), the last one short.
        const QString file = makeFile(QStringLiteral("disk20.raw"), 20 * MiB + 12345, 20);
        const CliRun run = cli(uploadArgs(
            file, QStringLiteral("json/disk20.raw"),
            {QStringLiteral("--json"), QStringLiteral("--concurrency"), QStringLiteral("4")}));
        verifyFinished(run, file, QStringLiteral("json/disk20.raw"));
        // Every stdout line is an event; the first says what is done, the last how it ended.
        QCOMPARE(run.events.size(), run.out.count(u'\n'));
        QCOMPARE(run.events.first().value(QStringLiteral("event")).toString(),
                 QStringLiteral("started"));
        QCOMPARE(run.events.last().value(QStringLiteral("event")).toString(),
                 QStringLiteral("finished"));
        const QJsonObject started = run.events.first();
        QCOMPARE(started.value(QStringLiteral("parts_total")).toInt(), 21);
        QCOMPARE(started.value(QStringLiteral("part_size")).toDouble(), double(MiB));
        QCOMPARE(started.value(QStringLiteral("resumed")).toBool(), false);
        QCOMPARE(started.value(QStringLiteral("key")).toString(),
                 QStringLiteral("json/disk20.raw"));
        // Progress only ever grows, and reaches the whole file.
        const auto progress = named(run.events, QStringLiteral("progress"));
        QVERIFY(progress.size() >= 2);
        double lastBytes = -1;
        int lastParts = -1;
        for (const QJsonObject& p : progress) {
            const double bytes = p.value(QStringLiteral("bytes_sent")).toDouble();
            const int parts = p.value(QStringLiteral("parts_done")).toInt();
            QVERIFY2(bytes >= lastBytes && parts >= lastParts,
                     QJsonDocument(p).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(p.value(QStringLiteral("total_bytes")).toDouble(), double(20 * MiB + 12345));
            lastBytes = bytes;
            lastParts = parts;
        }
        QCOMPARE(lastBytes, double(20 * MiB + 12345));
        // One part event per part, each number once, sizes adding up to the file.
        const auto parts = named(run.events, QStringLiteral("part"));
        QCOMPARE(parts.size(), 21);
        QSet<int> numbers;
        double sum = 0;
        for (const QJsonObject& p : parts) {
            numbers.insert(p.value(QStringLiteral("number")).toInt());
            sum += p.value(QStringLiteral("size")).toDouble();
        }
        QCOMPARE(numbers.size(), 21);
        QCOMPARE(sum, double(20 * MiB + 12345));
        const QJsonObject finished = run.events.last();
        QCOMPARE(finished.value(QStringLiteral("parts_uploaded")).toInt(), 21);
        QCOMPARE(finished.value(QStringLiteral("parts_reused")).toInt(), 0);
        QCOMPARE(
            finished.value(QStringLiteral("url")).toString(),
            QStringLiteral("https://%1.cos.%2.myqcloud.com/json/disk20.raw").arg(kBucket, kRegion));
        // stderr carries only the log lines this test turned on (QT_LOGGING_RULES).
        for (const QString& line : run.err.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QLatin1String("cvmi.")), qPrintable(line));
    }

    void textOutputAndDefaultKey()
    {
        const QString file = makeFile(QStringLiteral("small disk.raw"), 3 * MiB + 7, 3);
        // A trailing '/' is a folder: the file's name is added.
        const CliRun run =
            cli({QStringLiteral("upload"), file, QStringLiteral("cos://%1/folder/").arg(kBucket),
                 QStringLiteral("--part-size"), QStringLiteral("1MiB")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const auto object = storedObject(QStringLiteral("folder/small disk.raw"));
        QVERIFY(object);
        QCOMPARE(object->crc64, test::fileCrc(file));
        const QStringList out = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0],
                 QStringLiteral("URL:    https://%1.cos.%2.myqcloud.com/folder/small%20disk.raw")
                     .arg(kBucket, kRegion));
        QCOMPARE(out[1], QStringLiteral("CRC-64: %1 (x-cos-hash-crc64ecma, checked)")
                             .arg(util::Crc64::toDecimal(test::fileCrc(file))));
        // Not a terminal: plain lines, no carriage returns or escape sequences.
        QVERIFY(!run.err.contains(u'\r'));
        QVERIFY(!run.err.contains(u'\033'));
        QVERIFY2(run.err.contains(QLatin1String("Uploading ")) &&
                     run.err.contains(QLatin1String("in 4 parts of 1.0 MiB, 4 at a time")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("done: 100.0% ")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("Uploaded 3.0 MiB in ")));
        // Without a key at all, the key is the file's name.
        const CliRun bare =
            cli({QStringLiteral("upload"), file, QStringLiteral("cos://%1").arg(kBucket)});
        QVERIFY2(bare.exitCode == 0, qPrintable(bare.out + bare.err));
        QVERIFY(storedObject(QStringLiteral("small disk.raw")));
    }

    void terminalProgressLine()
    {
        // script(1) gives the CLI a pseudo-terminal: the line is redrawn in place.
        const QString script = QStringLiteral("/usr/bin/script");
        if (!QFile::exists(script))
            QSKIP("script(1) (util-linux) is not installed");
        const QString file = makeFile(QStringLiteral("tty.raw"), 4 * MiB, 4);
        QStringList command{qEnvironmentVariable("CVMI_CLI")};
        command += uploadArgs(file, QStringLiteral("tty.raw"),
                              {QStringLiteral("--limit-rate"), QStringLiteral("4M")}) +
                   cloudArgs();
        for (QString& word : command)
            word = QStringLiteral("'") + word + QStringLiteral("'");
        QProcess process;
        process.setProcessEnvironment(environment(kKey));
        process.start(script,
                      {QStringLiteral("-qefc"), command.join(u' '), QStringLiteral("/dev/null")});
        QVERIFY(process.waitForStarted(10000));
        const CliRun run = finish(process);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
        // One line redrawn: carriage returns, the bar, ETA and parts, erased to the line's end.
        QVERIFY2(run.out.count(u'\r') >= 5, qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("\033[K")));
        QVERIFY(run.out.contains(QLatin1String("] ")));
        QVERIFY(run.out.contains(QLatin1String(", ETA ")));
        QVERIFY(run.out.contains(QLatin1String("parts 4/4")));
        QVERIFY(storedObject(QStringLiteral("tty.raw")));
    }

    void wrongSecretKey()
    {
        const QString file = makeFile(QStringLiteral("wrongkey.raw"), 2 * MiB, 5);
        const CliRun text = cli(uploadArgs(file, QStringLiteral("wrongkey.raw")), kWrongKey);
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.contains(QLatin1String("SignatureDoesNotMatch")), qPrintable(text.err));
        QVERIFY2(text.err.contains(QLatin1String("signature")), qPrintable(text.err));
        QVERIFY(text.out.isEmpty());
        const CliRun json =
            cli(uploadArgs(file, QStringLiteral("wrongkey.raw"), {QStringLiteral("--json")}),
                kWrongKey);
        QCOMPARE(json.exitCode, 2);
        const auto failed = named(json.events, QStringLiteral("failed"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0]
                     .value(QStringLiteral("cloud"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("SignatureDoesNotMatch"));
        QCOMPARE(failed[0]
                     .value(QStringLiteral("cloud"))
                     .toObject()
                     .value(QStringLiteral("http_status"))
                     .toInt(),
                 403);
        QVERIFY(!storedObject(QStringLiteral("wrongkey.raw")));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString file = path(QStringLiteral("args.raw"));
        QTest::newRow("not cos") << QStringList{file, QStringLiteral("s3://b-1250000000/k")}
                                 << QStringLiteral(
                                        "is not a COS address (it must start with cos://)");
        QTest::newRow("no appid") << QStringList{file, QStringLiteral("cos://images/k")}
                                  << QStringLiteral("without its APPID");
        QTest::newRow("upper case")
            << QStringList{file, QStringLiteral("cos://Images-1250000000/k")}
            << QStringLiteral("contains 'I'");
        QTest::newRow("no bucket")
            << QStringList{file, QStringLiteral("cos:///k")} << QStringLiteral("names no bucket");
        QTest::newRow("double slash")
            << QStringList{file, QStringLiteral("cos://images-1250000000//k")}
            << QStringLiteral("starting with '/'");
        QTest::newRow("missing file") << QStringList{path(QStringLiteral("nope.raw")),
                                                     QStringLiteral("cos://images-1250000000/k")}
                                      << QStringLiteral("does not exist");
        QTest::newRow("one argument")
            << QStringList{file} << QStringLiteral("needs a file and a destination");
        QTest::newRow("part too small")
            << QStringList{file, QStringLiteral("cos://images-1250000000/k"),
                           QStringLiteral("--part-size"), QStringLiteral("512K")}
            << QStringLiteral("from 1 MiB to 5 GiB");
        QTest::newRow("part not a size")
            << QStringList{file, QStringLiteral("cos://images-1250000000/k"),
                           QStringLiteral("--part-size"), QStringLiteral("8 apples")}
            << QStringLiteral("is not a size");
        QTest::newRow("concurrency")
            << QStringList{file, QStringLiteral("cos://images-1250000000/k"),
                           QStringLiteral("--concurrency"), QStringLiteral("0")}
            << QStringLiteral("not a number from 1 to 32");
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        if (!QFile::exists(path(QStringLiteral("args.raw"))))
            QVERIFY(!makeFile(QStringLiteral("args.raw"), 1000, 6).isEmpty());
        const CliRun run = cli(QStringList{QStringLiteral("upload")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!storedObject(QStringLiteral("k")));
    }

    // Two processes of one destination: the second refuses at once naming the first's pid,
    // `uploads` shows the record in use; the first completes and leaves no record. Then a run
    // killed with -9 while it holds the lock does not block the next, which resumes.
    void twoProcessesOneDestination()
    {
        const QString file = makeFile(QStringLiteral("race.raw"), 16 * MiB, 21);
        const QStringList args = uploadArgs(file, QStringLiteral("race.raw"),
                                            {QStringLiteral("--limit-rate"), QStringLiteral("4M")});
        QProcess first;
        start(first, args);
        QVERIFY(first.waitForStarted(20000));
        QVERIFY(QTest::qWaitFor([&] { return records() == 1; }, 20000));
        const QString pid = QString::number(first.processId());

        const CliRun listed = cli({QStringLiteral("uploads")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("in use by process %1").arg(pid)),
                 qPrintable(listed.out));

        const CliRun second = cli(uploadArgs(file, QStringLiteral("race.raw")));
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains(QStringLiteral("(process %1)").arg(pid)),
                 qPrintable(second.err));
        QVERIFY2(!second.err.contains(QLatin1String("are kept")), qPrintable(second.err));
        QVERIFY(first.state() == QProcess::Running);

        const CliRun won = finish(first);
        QVERIFY2(won.exitCode == 0, qPrintable(won.err));
        QCOMPARE(storedObject(QStringLiteral("race.raw"))->crc64, test::fileCrc(file));
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);

        QProcess killed;
        start(killed, uploadArgs(file, QStringLiteral("race2.raw"),
                                 {QStringLiteral("--limit-rate"), QStringLiteral("4M")}));
        QVERIFY(killed.waitForStarted(20000));
        QVERIFY(QTest::qWaitFor([&] { return records() == 1; }, 20000));
        QTest::qWait(1200);
        QVERIFY(signal(killed, SIGKILL));
        QCOMPARE(finish(killed).exitCode, -2);
        const CliRun next = cli(uploadArgs(file, QStringLiteral("race2.raw")));
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QCOMPARE(storedObject(QStringLiteral("race2.raw"))->crc64, test::fileCrc(file));
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);
    }

    void sigintStopsCleanlyThenResumes()
    {
        const QString file = makeFile(QStringLiteral("sigint.raw"), 16 * MiB, 7);
        const QStringList args = uploadArgs(file, QStringLiteral("sigint.raw"),
                                            {QStringLiteral("--limit-rate"), QStringLiteral("4M")});
        QProcess process;
        start(process, args);
        QVERIFY(process.waitForStarted(20000));
        // 4 parts in flight at 1 MiB/s each: the first are confirmed after about a second.
        QTest::qWait(1500);
        QVERIFY(process.state() == QProcess::Running);
        QVERIFY(signal(process, SIGINT));
        const CliRun stopped = finish(process);
        QCOMPARE(stopped.exitCode, 130);
        QVERIFY2(stopped.err.contains(QLatin1String("Stopping once the parts in flight")),
                 qPrintable(stopped.err));
        QVERIFY2(stopped.err.contains(QLatin1String("run the same command again to resume")),
                 qPrintable(stopped.err));
        QCOMPARE(records(), 1);
        QCOMPARE(pendingOnServer().size(), 1);
        QVERIFY(!storedObject(QStringLiteral("sigint.raw")));

        const CliRun resumed = cli(uploadArgs(file, QStringLiteral("sigint.raw")));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.err.contains(QLatin1String("Resuming the interrupted upload")),
                 qPrintable(resumed.err));
        QVERIFY2(resumed.err.contains(QLatin1String("are on the server and reused")),
                 qPrintable(resumed.err));
        QVERIFY(resumed.err.contains(QLatin1String("Resumed: ")));
        const auto object = storedObject(QStringLiteral("sigint.raw"));
        QVERIFY(object);
        QCOMPARE(object->crc64, test::fileCrc(file));
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);
    }

    void changedFileNeedsRestart()
    {
        const QString file = makeFile(QStringLiteral("changed.raw"), 16 * MiB, 10);
        const QString key = QStringLiteral("changed.raw");
        QProcess process;
        QString seen;
        QVERIFY(startUntilParts(process,
                                uploadArgs(file, key,
                                           {QStringLiteral("--json"),
                                            QStringLiteral("--limit-rate"), QStringLiteral("4M")}),
                                1, &seen));
        QVERIFY(signal(process, SIGTERM));
        QCOMPARE(finish(process).exitCode, 143);
        QCOMPARE(pendingOnServer().size(), 1);
        // The file grows after the interruption: its parts on the server no longer fit it.
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            QCOMPARE(f.write(QByteArray(4096, 'x')), qint64(4096));
        }
        const CliRun refused = cli(uploadArgs(file, key));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("cannot be resumed")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("--restart")), qPrintable(refused.err));
        QCOMPARE(pendingOnServer().size(), 1);
        // --restart aborts the old upload and sends everything again.
        const CliRun restarted =
            cli(uploadArgs(file, key, {QStringLiteral("--json"), QStringLiteral("--restart")}));
        verifyFinished(restarted, file, key);
        const QJsonObject finished = named(restarted.events, QStringLiteral("finished")).value(0);
        QCOMPARE(finished.value(QStringLiteral("parts_reused")).toInt(), 0);
        QCOMPARE(finished.value(QStringLiteral("parts_uploaded")).toInt(), 17);
    }

    // Stopped after some parts; then a byte changes inside a part already sent and the file's
    // modification time is put back (cp -p, rsync -t). The resume reads the parts already sent
    // again, says which changed, sends those again, and the object is the file.
    void resumeTellsWhichPartsChanged_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("json") << true;
    }

    void resumeTellsWhichPartsChanged()
    {
        QFETCH(bool, json);
        const QString name = json ? QStringLiteral("edited-j.raw") : QStringLiteral("edited-t.raw");
        const QString file = makeFile(name, 16 * MiB, json ? 30 : 31);
        QProcess process;
        QString seen;
        QVERIFY(startUntilParts(process,
                                uploadArgs(file, name,
                                           {QStringLiteral("--json"),
                                            QStringLiteral("--limit-rate"), QStringLiteral("4M")}),
                                3, &seen));
        QVERIFY(signal(process, SIGTERM));
        const CliRun stopped = finish(process);
        QCOMPARE(stopped.exitCode, 143);
        const QList<QJsonObject> sent = named(eventsOf(seen + stopped.out), QStringLiteral("part"));
        QVERIFY(sent.size() >= 3);
        const int changed = sent.at(1).value(QStringLiteral("number")).toInt();

        // Half-way into the part: the identity's 64 KiB samples start at the parts 1, 5, 9, 13
        // and end the file, so this byte is outside them.
        const qint64 at = (changed - 1) * MiB + MiB / 2;
        struct stat before = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &before), 0);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(at));
            const char flipped = char(f.read(1).at(0) ^ 0x01);
            QVERIFY(f.seek(at));
            QCOMPARE(f.write(&flipped, 1), qint64(1));
        }
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), times, 0), 0);

        const CliRun resumed = cli(
            uploadArgs(file, name, json ? QStringList{QStringLiteral("--json")} : QStringList{}));
        const auto object = storedObject(name);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        QVERIFY(object);
        QCOMPARE(object->crc64, test::fileCrc(file));
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);
        if (!json) {
            QVERIFY2(resumed.err.contains(QLatin1String("Checking ")) &&
                         resumed.err.contains(QLatin1String("already sent against the file")),
                     qPrintable(resumed.err));
            QVERIFY2(resumed.err.contains(QStringLiteral("no longer matches the file (it changed "
                                                         "since, its modification time kept): "
                                                         "part %1. It is sent again.")
                                              .arg(changed)),
                     qPrintable(resumed.err));
            QVERIFY2(resumed.out.contains(util::Crc64::toDecimal(test::fileCrc(file))),
                     qPrintable(resumed.out));
            return;
        }
        verifyFinished(resumed, file, name);
        const auto checking = named(resumed.events, QStringLiteral("checking"));
        QCOMPARE(checking.size(), 1);
        const int onRecord = checking[0].value(QStringLiteral("parts_to_check")).toInt();
        QVERIFY(onRecord >= 3);
        QCOMPARE(checking[0].value(QStringLiteral("bytes_to_check")).toDouble(),
                 double(onRecord * MiB));
        const auto checked = named(resumed.events, QStringLiteral("checked"));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked[0].value(QStringLiteral("parts_checked")).toInt(), onRecord);
        QCOMPARE(checked[0].value(QStringLiteral("parts_changed")).toArray(), QJsonArray{changed});
        bool progressWhileChecking = false;
        for (const QJsonObject& p : named(resumed.events, QStringLiteral("progress")))
            progressWhileChecking =
                progressWhileChecking ||
                (p.value(QStringLiteral("state")).toString() == QLatin1String("checking") &&
                 p.value(QStringLiteral("parts_to_check")).toInt() == onRecord);
        QVERIFY(progressWhileChecking);
        // The part sent again is this run's news: it has its part event.
        bool resent = false;
        for (const QJsonObject& p : named(resumed.events, QStringLiteral("part")))
            resent = resent || p.value(QStringLiteral("number")).toInt() == changed;
        QVERIFY(resent);
        const QJsonObject finished = named(resumed.events, QStringLiteral("finished")).value(0);
        QCOMPARE(finished.value(QStringLiteral("parts_checked")).toInt(), onRecord);
        QCOMPARE(finished.value(QStringLiteral("parts_changed")).toArray(), QJsonArray{changed});
        QCOMPARE(finished.value(QStringLiteral("parts_reused")).toInt(), onRecord - 1);
        QCOMPARE(finished.value(QStringLiteral("parts_reused")).toInt() +
                     finished.value(QStringLiteral("parts_uploaded")).toInt(),
                 16);
    }

    void killAndResume()
    {
        const int trials = qEnvironmentVariableIsSet("CVMI_KILL_TRIALS")
                               ? qEnvironmentVariableIntValue("CVMI_KILL_TRIALS")
                               : 3;
        const quint32 seed = qEnvironmentVariableIsSet("CVMI_KILL_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("CVMI_KILL_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("kill-and-resume: %d trials, CVMI_KILL_SEED=%u", trials, seed);
        QRandomGenerator random(seed);
        for (int trial = 1; trial <= trials; ++trial) {
            const QString name = QStringLiteral("kill-%1.raw").arg(trial);
            const QString file = makeFile(name, 32 * MiB, 100 + quint32(trial));
            // 32 parts at 8 MiB/s: about 4 s. The kill falls anywhere from the first confirmed
            // part (so that there is something to resume) to near the end.
            QProcess process;
            QString seen;
            QVERIFY(
                startUntilParts(process,
                                uploadArgs(file, QStringLiteral("kill/") + name,
                                           {QStringLiteral("--json"),
                                            QStringLiteral("--limit-rate"), QStringLiteral("8M")}),
                                1, &seen));
            const int delayMs = int(random.bounded(2800));
            QTest::qWait(delayMs);
            QVERIFY2(process.state() == QProcess::Running, "finished before the kill");
            QVERIFY(signal(process, SIGKILL));
            CliRun killed = finish(process);
            QCOMPARE(killed.exitCode, -2);
            QCOMPARE(records(), 1);

            const CliRun resumed =
                cli(uploadArgs(file, QStringLiteral("kill/") + name, {QStringLiteral("--json")}));
            verifyFinished(resumed, file, QStringLiteral("kill/") + name);
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
            QCOMPARE(reused + uploaded, 32);
            QFile::remove(file);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliUpload)
#include "tst_cli_upload.moc"

// `cvm-import uploads` end to end (the harness is CliUploadHarness.h): the unfinished uploads
// listed and aborted, from the resume records and from the server, and a start that was never
// confirmed cleaned up.
#include "CliUploadHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <csignal>
#include <fcntl.h>

using namespace cvmi;
using namespace cvmi::cliupload;

class TestCliUploads : public QObject, private Harness {
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

    void uploadsListsAndAborts()
    {
        // Two interrupted uploads; the record of the second is then lost, so only the server
        // knows it.
        const QString a = makeFile(QStringLiteral("pending-a.raw"), 16 * MiB, 8);
        const QString b = makeFile(QStringLiteral("pending-b.raw"), 16 * MiB, 9);
        QString uploadA;
        for (const QString& file : {a, b}) {
            QProcess process;
            QString seen;
            QVERIFY(startUntilParts(
                process,
                uploadArgs(file, QStringLiteral("pending/") + QFileInfo(file).fileName(),
                           {QStringLiteral("--json"), QStringLiteral("--limit-rate"),
                            QStringLiteral("4M")}),
                2, &seen));
            QVERIFY(signal(process, SIGINT));
            CliRun run = finish(process);
            run.events = eventsOf(seen + run.out);
            QCOMPARE(run.exitCode, 130);
            const auto stopped = named(run.events, QStringLiteral("stopped"));
            QCOMPARE(stopped.size(), 1);
            QVERIFY(stopped[0].value(QStringLiteral("resumable")).toBool());
            QCOMPARE(stopped[0].value(QStringLiteral("signal")).toString(),
                     QStringLiteral("SIGINT"));
            if (file == a) {
                uploadA = stopped[0].value(QStringLiteral("upload_id")).toString();
            } else {
                const QStringList names =
                    QDir(recordDir())
                        .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
                QCOMPARE(names.size(), 2);
                QVERIFY(QFile::remove(recordDir() + u'/' + names.first())); // the newest
            }
        }
        QVERIFY(!uploadA.isEmpty());
        QCOMPARE(pendingOnServer().size(), 2);

        // Local records only: no credentials needed, nothing asked of the server.
        const CliRun local = cli({QStringLiteral("uploads"), QStringLiteral("--json")});
        QCOMPARE(local.exitCode, 0);
        const QJsonObject localDoc = QJsonDocument::fromJson(local.out.toUtf8()).object();
        const QJsonArray records = localDoc.value(QStringLiteral("local")).toArray();
        QCOMPARE(records.size(), 1);
        const QJsonObject record = records[0].toObject();
        QCOMPARE(record.value(QStringLiteral("file")).toString(), a);
        QCOMPARE(record.value(QStringLiteral("destination")).toString(),
                 QStringLiteral("cos://%1/pending/pending-a.raw").arg(kBucket));
        QCOMPARE(record.value(QStringLiteral("upload_id")).toString(), uploadA);
        QVERIFY(record.value(QStringLiteral("parts_done")).toInt() >= 2);
        QCOMPARE(record.value(QStringLiteral("parts_total")).toInt(), 16);
        QVERIFY(record.value(QStringLiteral("age_seconds")).toDouble() < 120);
        QVERIFY(localDoc.value(QStringLiteral("server")).isNull());

        // With the bucket: the server's list, each marked with whether a record resumes it.
        const CliRun both =
            cli({QStringLiteral("uploads"), QStringLiteral("cos://%1").arg(kBucket)});
        QCOMPARE(both.exitCode, 0);
        QVERIFY2(both.out.contains(QLatin1String("Unfinished multipart uploads in cos://") +
                                   kBucket + QLatin1String("/ (ap-guangzhou): 2")),
                 qPrintable(both.out));
        QVERIFY(both.out.contains(QLatin1String("resumable from ") + a));
        QVERIFY(both.out.contains(QLatin1String("no local resume record")));
        QVERIFY(both.out.contains(QLatin1String("2 of 16 parts done")) ||
                both.out.contains(QLatin1String(" of 16 parts done")));
        const CliRun json =
            cli({QStringLiteral("uploads"), QStringLiteral("cos://%1/pending/").arg(kBucket),
                 QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray server = QJsonDocument::fromJson(json.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("server"))
                                      .toObject()
                                      .value(QStringLiteral("uploads"))
                                      .toArray();
        QCOMPARE(server.size(), 2);
        int withRecord = 0;
        for (const QJsonValue& u : server)
            withRecord += u.toObject().value(QStringLiteral("local")).toBool() ? 1 : 0;
        QCOMPARE(withRecord, 1);

        // --abort ID: the server forgets it and its record goes.
        const CliRun aborted = cli({QStringLiteral("uploads"), QStringLiteral("--abort"), uploadA});
        QVERIFY2(aborted.exitCode == 0, qPrintable(aborted.out + aborted.err));
        QVERIFY2(aborted.out.contains(QLatin1String("its resume record is removed")),
                 qPrintable(aborted.out));
        QCOMPARE(pendingOnServer().size(), 1);
        QCOMPARE(this->records(), 0);
        // An ID nobody knows is an error that says how to name the bucket.
        const CliRun unknown = cli({QStringLiteral("uploads"), QStringLiteral("--abort"), uploadA});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QLatin1String("name its bucket")), qPrintable(unknown.err));
        // --abort-all with the bucket: also the one only the server knew.
        const CliRun all = cli({QStringLiteral("uploads"), QStringLiteral("cos://%1").arg(kBucket),
                                QStringLiteral("--abort-all"), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.out + all.err));
        const QJsonObject allDoc = QJsonDocument::fromJson(all.out.toUtf8()).object();
        QCOMPARE(allDoc.value(QStringLiteral("aborted")).toArray().size(), 1);
        QVERIFY(allDoc.value(QStringLiteral("aborted"))
                    .toArray()[0]
                    .toObject()
                    .value(QStringLiteral("ok"))
                    .toBool());
        QCOMPARE(allDoc.value(QStringLiteral("server"))
                     .toObject()
                     .value(QStringLiteral("uploads"))
                     .toArray()
                     .size(),
                 0);
        QVERIFY(pendingOnServer().isEmpty());

        // A damaged record is listed as unusable, with its path, and breaks nothing.
        QFile damaged(recordDir() + QStringLiteral("/0123456789abcdef0123456789abcdef.json"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"version\": 1, \"file\": ");
        damaged.close();
        const CliRun listed = cli({QStringLiteral("uploads")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QLatin1String("(unusable) The resume record")) &&
                     listed.out.contains(damaged.fileName()),
                 qPrintable(listed.out));
        QVERIFY(damaged.remove());
    }

    // A start interrupted before its answer: listed as such, cleaned up by --abort-all
    // without a bucket (the record says where), or by running the same upload again.
    void unconfirmedStartIsCleanedUp()
    {
        const QString file = makeFile(QStringLiteral("starting.raw"), 20 * MiB, 12);
        const QString key = QStringLiteral("starting/starting.raw");
        const QString orphan = leaveUnconfirmedStart(file, key);
        QVERIFY(!orphan.isEmpty());
        QCOMPARE(pendingOnServer().size(), 1);

        const CliRun text = cli({QStringLiteral("uploads")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("interrupted while starting")),
                 qPrintable(text.out));
        const CliRun json = cli({QStringLiteral("uploads"), QStringLiteral("--json")});
        const QJsonObject record = QJsonDocument::fromJson(json.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("local"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(record.value(QStringLiteral("file")).toString(), file);
        QVERIFY(record.value(QStringLiteral("upload_id")).isNull());
        QVERIFY(record.value(QStringLiteral("started")).toString().endsWith(u'Z'));
        QCOMPARE(record.value(QStringLiteral("parts_done")).toInt(), 0);

        // --abort-all without a bucket: the record's own bucket is asked for the uploads of its
        // key since the start, and those go, with the record.
        const CliRun all = cli(
            {QStringLiteral("uploads"), QStringLiteral("--abort-all"), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.out + all.err));
        const QJsonArray aborted = QJsonDocument::fromJson(all.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("aborted"))
                                       .toArray();
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(aborted[0].toObject().value(QStringLiteral("upload_id")).toString(), orphan);
        QVERIFY(aborted[0].toObject().value(QStringLiteral("ok")).toBool());
        QVERIFY(aborted[0].toObject().value(QStringLiteral("record_removed")).toBool());
        QVERIFY(pendingOnServer().isEmpty());
        QCOMPARE(records(), 0);

        // The same record with nothing on the server: only the record goes, and it says so.
        const QString again = leaveUnconfirmedStart(file, key);
        QVERIFY(!again.isEmpty());
        QVERIFY(cli({QStringLiteral("uploads"), QStringLiteral("--abort"), again}).exitCode == 2);
        QVERIFY(cli({QStringLiteral("uploads"), QStringLiteral("cos://%1").arg(kBucket),
                     QStringLiteral("--abort"), again})
                    .exitCode == 0);
        QCOMPARE(records(), 1); // the server's upload is gone; the record knew no id
        const CliRun onlyRecord = cli({QStringLiteral("uploads"), QStringLiteral("--abort-all")});
        QVERIFY2(onlyRecord.exitCode == 0, qPrintable(onlyRecord.out + onlyRecord.err));
        QVERIFY2(onlyRecord.out.contains(QLatin1String("Removed the resume record of cos://") +
                                         kBucket + u'/' + key),
                 qPrintable(onlyRecord.out));
        QCOMPARE(records(), 0);

        // Running the upload again aborts what the start left, then uploads from the start.
        QVERIFY(!leaveUnconfirmedStart(file, key).isEmpty());
        const CliRun resumed = cli(uploadArgs(file, key, {QStringLiteral("--json")}));
        verifyFinished(resumed, file, key); // no upload left on the server, no record
        QVERIFY(!named(resumed.events, QStringLiteral("started"))
                     .value(0)
                     .value(QStringLiteral("resumed"))
                     .toBool());
        QCOMPARE(named(resumed.events, QStringLiteral("finished"))
                     .value(0)
                     .value(QStringLiteral("parts_uploaded"))
                     .toInt(),
                 20);
    }
};

QTEST_GUILESS_MAIN(TestCliUploads)
#include "tst_cli_uploads.moc"

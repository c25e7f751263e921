// PartJournal: the parts confirmed after the record was written whole are lines of its journal,
// merged by Checkpoints::load(); a line cut short by a crash (or anything after it) is ignored, a
// journal of another upload id is ignored, save() and remove() delete it; a process killed right
// after append() loses nothing (the line is in the kernel before append() returns).
#include "transfer/PartJournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace cvmi;
using namespace cvmi::transfer;

namespace {
constexpr qint64 MiB = 1024 * 1024;

Checkpoint record()
{
    Checkpoint c;
    c.file = {QStringLiteral("/data/disk.qcow2"), 40 * MiB, 1700000000123, QStringLiteral("ab")};
    c.destination = QStringLiteral("cos||b-1|ap-guangzhou|disk.qcow2");
    c.uploadId = QStringLiteral("upload 1/+");
    c.partSize = 8 * MiB;
    c.parts.insert(1, {QStringLiteral("\"e1\""), 11, 8 * MiB});
    return c;
}
} // namespace

class TestPartJournal : public QObject {
    Q_OBJECT

private slots:
    void journalPartsAreMergedOnLoad()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path());
        const Checkpoint c = record();
        Error error;
        QVERIFY2(store.save(c, &error), qPrintable(error.message));
        const QString path = store.pathFor(c.file.path, c.destination);
        {
            PartJournal journal;
            QVERIFY2(journal.open(path, c.uploadId, &error), qPrintable(error.message));
            QVERIFY(journal.append(
                2, {QStringLiteral("\"e 2%\""), 18446744073709551615ULL, 8 * MiB}, &error));
            QVERIFY(journal.append(5, {QStringLiteral("e5"), 0, 3}, &error));
            QVERIFY(journal.append(1, {QStringLiteral("\"e1b\""), 12, 8 * MiB}, &error));
        }
        const auto loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->parts.size(), 3);
        QCOMPARE(loaded->parts.value(1).etag, QStringLiteral("\"e1b\"")); // the later line wins
        QCOMPARE(loaded->parts.value(2).etag, QStringLiteral("\"e 2%\""));
        QCOMPARE(loaded->parts.value(2).crc64, 18446744073709551615ULL);
        QCOMPARE(loaded->parts.value(5).size, qint64(3));
        // Written whole, the record holds every part and the journal is gone.
        QVERIFY(QFile::exists(PartJournal::pathFor(path)));
        QVERIFY(store.save(*loaded, &error));
        QVERIFY(!QFile::exists(PartJournal::pathFor(path)));
        QCOMPARE(store.load(c.file.path, c.destination, &error)->parts.size(), 3);
        store.remove(c.file.path, c.destination);
        QVERIFY(!QFile::exists(path));
    }

    void cutAndDamagedLinesEndTheJournal()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path());
        const Checkpoint c = record();
        Error error;
        QVERIFY(store.save(c, &error));
        const QString path = store.pathFor(c.file.path, c.destination);
        {
            PartJournal journal;
            QVERIFY(journal.open(path, c.uploadId, &error));
            QVERIFY(journal.append(2, {QStringLiteral("e2"), 22, 8 * MiB}, &error));
        }
        QFile f(PartJournal::pathFor(path));
        QVERIFY(f.open(QIODevice::Append));
        f.write("3 8388608 33 e3\n"
                "4 83886"); // a crash in the middle of a line
        f.close();
        auto loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->parts.keys(), (QList<int>{1, 2, 3}));
        // A damaged line: it and everything after it are ignored, never half-trusted.
        QVERIFY(f.open(QIODevice::Append));
        f.write("0\n5 8388608 x e5\n6 8388608 66 e6\n");
        f.close();
        loaded = store.load(c.file.path, c.destination, &error);
        QCOMPARE(loaded->parts.keys(), (QList<int>{1, 2, 3}));
        for (const QByteArray& bad :
             {QByteArray("10001 5 5 e\n"), QByteArray("7 0 5 e\n"), QByteArray("7 5 5 \n"),
              QByteArray("7 5 18446744073709551616 e\n"), QByteArray("7 5 5 e extra\n")}) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("cvmi-parts 1 upload%201%2F%2B\n" + bad);
            f.close();
            loaded = store.load(c.file.path, c.destination, &error);
            QVERIFY2(loaded->parts.keys() == QList<int>{1}, bad.constData());
        }
    }

    void journalOfAnotherUploadIsIgnored()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path());
        Checkpoint c = record();
        Error error;
        QVERIFY(store.save(c, &error));
        const QString path = store.pathFor(c.file.path, c.destination);
        {
            PartJournal journal;
            QVERIFY(journal.open(path, QStringLiteral("an-older-upload"), &error));
            QVERIFY(journal.append(2, {QStringLiteral("e2"), 22, 8 * MiB}, &error));
        }
        QCOMPARE(store.load(c.file.path, c.destination, &error)->parts.keys(), QList<int>{1});
        // A record still awaiting its upload id takes no journal at all.
        c.uploadId.clear();
        c.parts.clear();
        c.startedAt = 1700000000;
        QVERIFY(store.save(c, &error));
        QVERIFY(!QFile::exists(PartJournal::pathFor(path)));
    }

    void killedRightAfterAppendLosesNothing()
    {
        QTemporaryDir dir;
        const Checkpoints store(dir.path());
        const Checkpoint c = record();
        Error error;
        QVERIFY(store.save(c, &error));
        const QString path = store.pathFor(c.file.path, c.destination);
        const pid_t child = fork();
        if (child == 0) {
            PartJournal journal;
            Error e;
            if (journal.open(path, c.uploadId, &e)) {
                for (int n = 2; n <= 400; ++n)
                    journal.append(n, {QStringLiteral("etag-%1").arg(n), quint64(n), 8 * MiB}, &e);
            }
            ::kill(::getpid(), SIGKILL); // no destructor, no sync: only what write() handed over
            ::_exit(3);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        const auto loaded = store.load(c.file.path, c.destination, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->parts.size(), 400);
        QCOMPARE(loaded->parts.value(400).etag, QStringLiteral("etag-400"));
    }
};

QTEST_GUILESS_MAIN(TestPartJournal)
#include "tst_partjournal.moc"

// FileIdentity: a file replaced, grown or touched since the checkpoint is noticed.
#include "transfer/FileIdentity.h"

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

class TestFileIdentity : public QObject {
    Q_OBJECT

private slots:
    void fileIdentityNoticesChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1024 * 1024, 'a'));
        f.close();
        Error error;
        const auto before = FileIdentityReader::read(path, &error);
        QVERIFY(before);
        QCOMPARE(before->size, 1024 * 1024);
        // Same size, same mtime, one byte changed inside a sampled range.
        const QDateTime mtime = QFileInfo(path).lastModified();
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(512 * 1024 + 10);
        f.write("b");
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly)); // restore the mtime after the write is flushed
        QVERIFY(f.setFileTime(mtime, QFileDevice::FileModificationTime));
        f.close();
        const auto after = FileIdentityReader::read(path, &error);
        QVERIFY(after);
        QCOMPARE(after->mtimeMs, before->mtimeMs);
        QVERIFY(!(before->difference(*after).isEmpty()));
        QVERIFY(!FileIdentityReader::read(dir.filePath(QStringLiteral("missing")), &error));
        QCOMPARE(error.code, QStringLiteral("upload.file"));
    }
};

QTEST_GUILESS_MAIN(TestFileIdentity)
#include "tst_fileidentity.moc"

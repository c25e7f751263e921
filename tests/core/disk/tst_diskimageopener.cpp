// The probe table: raw detection, and a specific refusal for every neighbouring format.
#include "TestSupport.h"
#include "disk/DiskImageOpener.h"

#include <QTemporaryDir>

using namespace cvmi;
using namespace cvmi::disk;

class TestDiskOpener : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void rawByBootSignature();
    void rejections_data();
    void rejections();
    void missingFile();
    void truncatedRead();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestDiskOpener::rawByBootSignature()
{
    Error error;
    auto image = openDiskImage(test::baseDisk(QStringLiteral("mbr-ext4.raw")), &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("raw"));
    QCOMPARE(image->virtualSize(), quint64(64) * 1024 * 1024);
    char sector[512];
    QVERIFY(image->read(0, sector, sizeof sector, &error));
    QCOMPARE(uchar(sector[510]), uchar(0x55));
    QVERIFY(!image->read(image->virtualSize() - 100, sector, sizeof sector, &error));
    QCOMPARE(error.code, QStringLiteral("out_of_range"));
}

void TestDiskOpener::rejections_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QStringList>("make"); // a shell command run in the temporary folder
    QTest::addColumn<QString>("code");
    const QString raw = test::baseDisk(QStringLiteral("whole-ext4.raw"));
    auto row = [](const char* tag, const char* file, const QString& cmd, const char* code) {
        QTest::newRow(tag) << QString::fromLatin1(file) << QStringList{cmd}
                           << QString::fromLatin1(code);
    };
    row("qed", "d.qed", QStringLiteral("qemu-img convert -O qed %1 d.qed").arg(raw), "qed");
    row("gzip", "d.raw.gz", QStringLiteral("gzip -c %1 > d.raw.gz").arg(raw), "gzip");
    row("xz", "d.raw.xz", QStringLiteral("head -c 100000 %1 | xz -c > d.raw.xz").arg(raw), "xz");
    row("zstd", "d.raw.zst", QStringLiteral("zstd -q -c %1 > d.raw.zst").arg(raw), "zstd");
    row("zip", "d.zip", QStringLiteral("cp %1 d.img && zip -q d.zip d.img").arg(raw), "zip");
    row("tar", "d.tar", QStringLiteral("cp %1 e.img && tar -cf d.tar e.img").arg(raw), "tar");
    // A tar named .ova is read as an appliance, which says what it lacks (tst_ovaimage).
    row("ova", "d.ova", QStringLiteral("cp %1 e.vmdk && tar -cf d.ova e.vmdk").arg(raw),
        "ova_no_descriptor");
    row("iso", "d.iso",
        QStringLiteral(
            "mkdir -p isod && echo hi > isod/a && xorriso -as mkisofs -quiet -o d.iso isod"),
        "iso9660");
    row("empty", "empty.raw", QStringLiteral(": > empty.raw"), "empty");
    row("text", "notes.txt", QStringLiteral("echo 'hello world' > notes.txt"), "unknown_format");
}

void TestDiskOpener::rejections()
{
    QFETCH(QString, fileName);
    QFETCH(QStringList, make);
    QFETCH(QString, code);
    QProcess shell;
    shell.setWorkingDirectory(m_dir.path());
    shell.start(QStringLiteral("sh"), {QStringLiteral("-c"), make.first()});
    QVERIFY(shell.waitForFinished(60000));
    QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
    Error error;
    auto image = openDiskImage(path(fileName), &error);
    QVERIFY(!image);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.size() > 30, qPrintable(error.message));
}

void TestDiskOpener::missingFile()
{
    Error error;
    QVERIFY(!openDiskImage(path(QStringLiteral("does-not-exist.qcow2")), &error));
    QCOMPARE(error.code, QStringLiteral("not_found"));
    QVERIFY(!openDiskImage(m_dir.path(), &error));
    QCOMPARE(error.code, QStringLiteral("not_a_file"));
}

void TestDiskOpener::truncatedRead()
{
    MemoryByteSource source(QByteArray(100, 'x'), QStringLiteral("mem"));
    char buffer[10];
    Error error;
    QVERIFY(source.readAt(90, buffer, 10, &error));
    QVERIFY(!source.readAt(95, buffer, 10, &error));
    QCOMPARE(error.code, QStringLiteral("truncated"));
}

QTEST_GUILESS_MAIN(TestDiskOpener)
#include "tst_diskimageopener.moc"

// Initramfs: damaged or hostile initramfs bytes give a note, never a crash or a hang.
#include "TestSupport.h"
#include "inspect/Initramfs.h"
#include "inspect/Inspector.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

class TestInitramfs : public QObject {
    Q_OBJECT

private slots:
    // Damaged or hostile initramfs bytes: a note, never a crash or a hang.
    void initramfsDamage()
    {
        const auto scan = [](const QByteArray& bytes, uint64_t maxOut = 1 << 30) {
            return scanInitramfs(
                uint64_t(bytes.size()),
                [&](uint64_t offset, size_t length, QByteArray* out) {
                    *out = bytes.mid(qsizetype(offset), qsizetype(length));
                    return true;
                },
                {QStringLiteral("virtio_blk.ko")}, maxOut);
        };
        QVERIFY(!scan(QByteArrayLiteral("\x1f\x8b garbage garbage")).read);
        QVERIFY(!scan(QByteArray("BZh91AY&SY")).read);
        QCOMPARE(scan(QByteArray("BZh91AY&SY")).compression, QStringLiteral("bzip2"));
        QVERIFY(!scan(QByteArray("070701zzzzzzzz")).read);
        QVERIFY(!scan(QByteArray("\x28\xb5\x2f\xfd\x00\x00", 6)).read);
        // A zstd bomb of zeros: stops at the output bound.
        QProcess zstd;
        zstd.start(QStringLiteral("zstd"), {QStringLiteral("-q"), QStringLiteral("-c")});
        zstd.write(QByteArray(8 * 1024 * 1024, '\0'));
        zstd.closeWriteChannel();
        QVERIFY(zstd.waitForFinished());
        const auto bomb = scan(zstd.readAllStandardOutput(), 1024 * 1024);
        QVERIFY(!bomb.read);
        QVERIFY(bomb.note.contains(QStringLiteral("more than")));
    }
};

QTEST_GUILESS_MAIN(TestInitramfs)
#include "tst_initramfs.moc"

// FsProbes: the probes never read past what they are given, whatever the bytes claim.
#include "inspect/FsProbes.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

class TestFsProbes : public QObject {
    Q_OBJECT

private slots:
    // The probes never read past what they are given, whatever the bytes claim.
    void probesOnShortAndHostileInput()
    {
        QCOMPARE(probeFileSystem({}).type, QString());
        QByteArray ext(2048, '\0');
        ext[1024 + 56] = char(0x53);
        ext[1024 + 57] = char(0xEF);
        QCOMPARE(probeFileSystem(ext).type, QStringLiteral("ext2"));
        QCOMPARE(probeFileSystem(ext.left(1100)).type, QString()); // super block cut short
        QByteArray swap(4096, '\0');
        swap.replace(4086, 10, "SWAPSPACE2");
        QCOMPARE(probeFileSystem(swap).type, QStringLiteral("swap"));
        QCOMPARE(probeFileSystem(swap.left(4095)).type, QString());
    }
};

QTEST_GUILESS_MAIN(TestFsProbes)
#include "tst_fsprobes.moc"

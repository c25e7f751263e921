// core/disk/ImageFinder: the disk images in a dropped folder (or `cvm-import check DIR`), found
// by extension and by signature in real files, within the depth and count bounds.
#include "disk/ImageFinder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;

namespace {

QString write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qWarning("cannot write %s", qPrintable(path));
    return QFileInfo(path).absoluteFilePath();
}

// A file whose last 512 bytes are a VHD footer ("conectix" first).
QByteArray vhdBytes()
{
    QByteArray bytes(4096, '\0');
    bytes.replace(4096 - 512, 8, "conectix");
    return bytes;
}

} // namespace

class TestImageFinder : public QObject {
    Q_OBJECT
private slots:
    void byExtensionAndSignature()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        const QStringList expected{
            write(root + QStringLiteral("/a.qcow2"), "QFI\xfb rest"),
            write(root + QStringLiteral("/B.IMG"), QByteArray(1024, '\0')),
            write(root + QStringLiteral("/descriptor"), "# Disk DescriptorFile\nversion=1\n"),
            write(root + QStringLiteral("/exports/disk"), "QFI\xfb"),
            write(root + QStringLiteral("/exports/sparse"), "KDMV\1\0\0\0"),
            write(root + QStringLiteral("/exports/windows/footer"), vhdBytes()),
        };
        write(root + QStringLiteral("/notes.txt"), "not a disk\n");
        write(root + QStringLiteral("/big-flat.vmdk"), QByteArray(1024, '\0')); // an extent
        write(root + QStringLiteral("/big-s001.vmdk"), QByteArray(1024, '\0'));
        write(root + QStringLiteral("/.hidden/c.raw"), QByteArray(1024, '\0'));
        QVERIFY(QFile::link(expected.first(), root + QStringLiteral("/link.qcow2")));

        const disk::ImageSearch search = disk::findDiskImages(root);
        QStringList sorted = expected;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(search.images, sorted);
        QCOMPARE(search.folder, QFileInfo(root).absoluteFilePath());
        QCOMPARE(search.filesLooked, 9); // the link and the hidden folder are not looked at
        QVERIFY(!search.limitReached);
        QVERIFY(disk::looksLikeDiskImage(expected.at(5)));
        QVERIFY(!disk::looksLikeDiskImage(root + QStringLiteral("/notes.txt")));
        QVERIFY(!disk::looksLikeDiskImage(root));
    }

    void boundsStopTheSearch()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        write(root + QStringLiteral("/1/2/3/4/deep.qcow2"), "QFI\xfb");
        disk::ImageSearch search = disk::findDiskImages(root);
        QVERIFY(search.images.isEmpty()); // depth 4: below the default bound of 3
        disk::ImageSearchLimits deeper;
        deeper.maxDepth = 4;
        QCOMPARE(disk::findDiskImages(root, deeper).images.size(), 1);

        for (int i = 0; i < 12; ++i)
            write(root + QStringLiteral("/file%1.txt").arg(i, 2, 10, QLatin1Char('0')), "x");
        disk::ImageSearchLimits few;
        few.maxFiles = 5;
        search = disk::findDiskImages(root, few);
        QVERIFY(search.limitReached);
        QCOMPARE(search.filesLooked, 5);
        const QString message = disk::noImageMessage(search);
        QVERIFY2(message.contains(QStringLiteral(
                     "looked for .qcow2 .vmdk .vhd .vhdx .vdi .ova .raw .img in 5 files")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("stopped")), qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(QFileInfo(root).absoluteFilePath())),
                 qPrintable(message));
    }

    void emptyOrMissingFolder()
    {
        QTemporaryDir dir;
        const disk::ImageSearch empty = disk::findDiskImages(dir.path());
        QVERIFY(empty.images.isEmpty());
        QCOMPARE(empty.filesLooked, 0);
        QVERIFY(disk::noImageMessage(empty).startsWith(QStringLiteral("No disk image in ")));
        QVERIFY(disk::findDiskImages(dir.filePath(QStringLiteral("missing"))).images.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageFinder)
#include "tst_imagefinder.moc"

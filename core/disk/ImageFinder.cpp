#include "disk/ImageFinder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace cvmi::disk {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::ImageFinder)
};

// The extents of a VMDK made of several files: the descriptor names them, and opening one
// alone reads only a piece of the disk.
bool isVmdkExtent(const QString& fileName)
{
    static const QRegularExpression extent(QStringLiteral("-(flat|[fs]\\d{3})\\.vmdk$"),
                                           QRegularExpression::CaseInsensitiveOption);
    return extent.match(fileName).hasMatch();
}

bool hasImageSignature(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64);
    if (head.startsWith("QFI\xfb") || head.startsWith("KDMV") ||
        head.startsWith("# Disk DescriptorFile"))
        return true;
    // A VHD's footer is its last 512 bytes (dynamic VHDs also copy it to the start).
    if (head.startsWith("conectix") || head.startsWith("vhdxfile"))
        return true;
    // VirtualBox's VDI: its magic follows 64 bytes of text.
    if (file.seek(0x40) && file.read(4) == QByteArray("\x7f\x10\xda\xbe", 4))
        return true;
    if (file.size() < 512 || !file.seek(file.size() - 512))
        return false;
    return file.read(8) == "conectix";
}

} // namespace

QStringList diskImageExtensions()
{
    return {QStringLiteral("qcow2"), QStringLiteral("vmdk"), QStringLiteral("vhd"),
            QStringLiteral("vhdx"),  QStringLiteral("vdi"),  QStringLiteral("ova"),
            QStringLiteral("raw"),   QStringLiteral("img")};
}

bool looksLikeDiskImage(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.isSymLink() || isVmdkExtent(info.fileName()))
        return false;
    if (diskImageExtensions().contains(info.suffix().toLower()))
        return true;
    return hasImageSignature(path);
}

ImageSearch findDiskImages(const QString& folder, const ImageSearchLimits& limits)
{
    ImageSearch search;
    search.folder = QFileInfo(folder).absoluteFilePath();
    QList<QPair<QString, int>> queue{{search.folder, 0}};
    const auto filters = QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks;
    while (!queue.isEmpty() && !search.limitReached) {
        const auto [dir, depth] = queue.takeFirst();
        const QFileInfoList entries = QDir(dir).entryInfoList(filters, QDir::Name);
        for (const QFileInfo& entry : entries) {
            if (entry.isDir()) {
                if (depth < limits.maxDepth)
                    queue.append({entry.absoluteFilePath(), depth + 1});
                continue;
            }
            if (search.filesLooked >= limits.maxFiles || search.images.size() >= limits.maxImages) {
                search.limitReached = true;
                break;
            }
            ++search.filesLooked;
            if (looksLikeDiskImage(entry.absoluteFilePath()))
                search.images.append(entry.absoluteFilePath());
        }
    }
    std::sort(search.images.begin(), search.images.end());
    return search;
}

QString noImageMessage(const ImageSearch& search)
{
    QStringList dotted;
    for (const QString& e : diskImageExtensions())
        dotted << u'.' + e;
    QString message = Text::tr("No disk image in %1: looked for %2 in %3 files.")
                          .arg(QDir::toNativeSeparators(search.folder), dotted.join(u' '))
                          .arg(search.filesLooked);
    if (search.limitReached)
        message += u' ' + Text::tr("The search stopped there; drop the image itself, or a "
                                   "folder closer to it.");
    return message;
}

} // namespace cvmi::disk

#include "transfer/ConvertedUpload.h"

#include "disk/DiskImageOpener.h"
#include "disk/UploadFormats.h"

#include <QStringList>

namespace cvmi::transfer {

namespace {

const QString kQcow2Suffix = QStringLiteral(".qcow2");

// The extension of the last path segment of a key or file name, with its dot ("" when none):
// "images/centos.7.raw" → ".raw"; a leading dot ("images/.hidden") is a name, not an extension.
QString extensionOf(const QString& name)
{
    const qsizetype slash = name.lastIndexOf(u'/');
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= slash + 1)
        return {};
    return name.mid(dot);
}

// A disk image's extension in a key: swapped for ".qcow2" rather than kept before it.
bool isImageExtension(const QString& extension)
{
    static const QStringList known{QStringLiteral(".raw"),  QStringLiteral(".img"),
                                   QStringLiteral(".qcow"), QStringLiteral(".qcow2"),
                                   QStringLiteral(".vmdk"), QStringLiteral(".vhd"),
                                   QStringLiteral(".vhdx"), QStringLiteral(".vpc"),
                                   QStringLiteral(".vdi"),  QStringLiteral(".ova")};
    return known.contains(extension, Qt::CaseInsensitive);
}

} // namespace

ConversionNeed conversionNeed(const util::NativePath& file)
{
    Error error;
    const auto disk = disk::openDiskImage(file, &error);
    if (!disk)
        return {}; // not ours to judge here: the upload or the check says what is wrong
    ConversionNeed need;
    need.format = disk->format();
    if (!disk::requiredConversion(need.format).isEmpty())
        need.required = Conversion::Qcow2; // the one conversion we make
    return need;
}

QString keyForConversion(const QString& key, const QString& fileName, bool convert)
{
    const QString fileExtension = extensionOf(fileName);
    const QString keyExtension = extensionOf(key);
    const bool keyIsQcow2 = keyExtension.compare(kQcow2Suffix, Qt::CaseInsensitive) == 0;
    const bool keyIsFiles =
        !keyExtension.isEmpty() && (keyExtension.compare(fileExtension, Qt::CaseInsensitive) == 0 ||
                                    isImageExtension(keyExtension));
    const QString stem = key.left(key.size() - keyExtension.size());
    if (convert) {
        if (keyIsQcow2)
            return key;
        // "centos.raw" → "centos.qcow2"; a key of the user's own without the file's or an image's
        // extension ("images/centos7", "centos.v2") keeps all of it and gains ".qcow2".
        return (keyIsFiles ? stem : key) + kQcow2Suffix;
    }
    // Back to the file's own extension, when the key has the one conversion gave it.
    if (keyIsQcow2 && fileExtension.compare(kQcow2Suffix, Qt::CaseInsensitive) != 0)
        return stem + fileExtension;
    return key;
}

bool keyLooksConverted(const QString& key, const QString& fileName)
{
    return extensionOf(key).compare(kQcow2Suffix, Qt::CaseInsensitive) == 0 &&
           extensionOf(fileName).compare(kQcow2Suffix, Qt::CaseInsensitive) != 0;
}

} // namespace cvmi::transfer

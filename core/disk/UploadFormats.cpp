#include "disk/UploadFormats.h"

#include <QStringList>

namespace cvmi::disk {

const QStringList& formatsImportedAsIs()
{
    static const QStringList formats = {QStringLiteral("raw"), QStringLiteral("qcow2"),
                                        QStringLiteral("vhd"), QStringLiteral("vmdk")};
    return formats;
}

QString requiredConversion(const QString& format)
{
    // Unknown formats are not ours to judge (not a disk image at all: the check refuses them).
    if (format.isEmpty() || formatsImportedAsIs().contains(format))
        return {};
    return QStringLiteral("qcow2");
}

} // namespace cvmi::disk

#include "disk/DiskImage.h"

#include <QCoreApplication>

namespace cvmi::disk {

bool DiskImage::checkRange(uint64_t offset, size_t length, Error* error) const
{
    const uint64_t size = virtualSize();
    if (offset <= size && length <= size - offset)
        return true;
    return fail(error, QStringLiteral("out_of_range"),
                QCoreApplication::translate("cvmi::disk::DiskImage",
                                            "A read of %1 bytes at offset %2 goes past the end of "
                                            "the %3-byte virtual disk.")
                    .arg(length)
                    .arg(offset)
                    .arg(size));
}

bool DiskImage::mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkRange(offset, size_t(length), error))
        return false;
    if (length > 0)
        out->append(Extent{offset, length, true});
    return true;
}

} // namespace cvmi::disk

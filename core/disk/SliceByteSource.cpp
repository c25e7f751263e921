#include "disk/SliceByteSource.h"

#include "disk/DiskImage.h"
#include "disk/ExtentMap.h"

#include <QCoreApplication>

namespace cvmi::disk {

SliceByteSource::SliceByteSource(std::shared_ptr<ByteSource> parent, uint64_t start,
                                 uint64_t length, QString shownName)
    : m_parent(std::move(parent)), m_start(start), m_length(length), m_name(std::move(shownName))
{
}

bool SliceByteSource::checkWindow(uint64_t offset, uint64_t length, Error* error) const
{
    if (offset <= m_length && length <= m_length - offset)
        return true;
    return fail(error, QStringLiteral("truncated"),
                QCoreApplication::translate("cvmi::disk::SliceByteSource",
                                            "%1 ends too early: %2 bytes are needed at offset %3, "
                                            "but it has only %4 bytes. It was probably cut off "
                                            "while copying or downloading; copy it again.")
                    .arg(m_name, QString::number(length), QString::number(offset),
                         QString::number(m_length)));
}

bool SliceByteSource::readAt(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (!checkWindow(offset, length, error))
        return false;
    return m_parent->readAt(m_start + offset, buffer, length, error);
}

bool SliceByteSource::mapData(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (!checkWindow(offset, length, error))
        return false;
    QList<Extent> parentMap;
    if (!m_parent->mapData(m_start + offset, length, &parentMap, error))
        return false;
    appendShifted(out, parentMap, -int64_t(m_start));
    return true;
}

} // namespace cvmi::disk

#include "disk/RawImage.h"

#include "util/Endian.h"

namespace cvmi::disk {

namespace {

class RawImage final : public DiskImage {
public:
    explicit RawImage(std::unique_ptr<ByteSource> file) : m_file(std::move(file)) {}
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return QStringLiteral("raw"); }
    uint64_t virtualSize() const override { return m_file->size(); }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        return checkRange(offset, length, error) && m_file->readAt(offset, buffer, length, error);
    }
    // The file's own holes (SEEK_DATA / SEEK_HOLE): a sparse raw disk is its own map.
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override
    {
        out->clear();
        return checkRange(offset, size_t(length), error) &&
               m_file->mapData(offset, length, out, error);
    }

private:
    std::unique_ptr<ByteSource> m_file;
};

bool at(const QByteArray& head, qsizetype offset, const char* magic, qsizetype length)
{
    return head.size() >= offset + length &&
           std::memcmp(head.constData() + offset, magic, size_t(length)) == 0;
}

// File systems that may sit at offset 0 of a disk without a partition table.
bool fileSystemAtStart(const QByteArray& head)
{
    return (head.size() >= 1082 && le16(head.constData() + 1080) == 0xEF53) // ext2/3/4
           || at(head, 3, "NTFS    ", 8) || at(head, 0, "XFSB", 4) ||
           at(head, 0x10040, "_BHRfS_M", 8) || at(head, 0, "LUKS\xba\xbe", 6) ||
           at(head, 0x200, "LABELONE", 8) || at(head, 0x36, "FAT", 3) || at(head, 0x52, "FAT32", 5);
}

} // namespace

int probeRaw(const ProbeInput& input)
{
    if (input.fileSize == 0)
        return 0;
    const QByteArray& h = input.head;
    const bool bootSignature = h.size() >= 512 && uchar(h[510]) == 0x55 && uchar(h[511]) == 0xAA;
    const QString lower = input.fileName.toLower();
    const bool rawName =
        (lower.endsWith(QLatin1String(".raw")) || lower.endsWith(QLatin1String(".img"))) &&
        input.fileSize % 512 == 0;
    return (bootSignature || fileSystemAtStart(h) || rawName) ? 1 : 0;
}

std::unique_ptr<DiskImage> openRaw(std::unique_ptr<ByteSource> file, const OpenContext&, Error*)
{
    return std::make_unique<RawImage>(std::move(file));
}

} // namespace cvmi::disk

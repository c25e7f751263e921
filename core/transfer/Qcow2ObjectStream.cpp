#include "transfer/ObjectStream.h"

#include "convert/Qcow2Stream.h"
#include "disk/DiskImageOpener.h"

// The real ObjectStream: the file opened as a disk image (any format we read) and converted by
// convert::Qcow2Stream into a compressed, sparse qcow2.
namespace cvmi::transfer {

namespace {

class Qcow2ObjectStream final : public ObjectStream {
public:
    explicit Qcow2ObjectStream(std::unique_ptr<disk::DiskImage> image)
        : m_image(std::move(image)), m_stream(*m_image)
    {
    }

    QString identity() const override { return m_stream.identity(); }
    QString format() const override { return QStringLiteral("qcow2"); }
    QString sourceFormat() const override { return m_image->format(); }
    qint64 virtualSize() const override { return qint64(m_stream.virtualSize()); }
    qint64 headerSize() const override { return m_stream.headerSize(); }
    qint64 maxLength() const override
    {
        // Every cluster stored as it is, plus its L2 entry (8 bytes per 64 KiB) and refcount
        // (2 bytes per 64 KiB), the header region, and a cluster of slack per table: a bound,
        // so that the part size chosen from it fits any disk in 10,000 parts.
        const qint64 size = virtualSize();
        const qint64 cluster = convert::Qcow2Stream::clusterSize;
        const qint64 clusters = (size + cluster - 1) / cluster;
        return clusters * cluster + clusters * 10 + headerSize() +
               (clusters / 8192 + 2) * 2 * cluster;
    }
    qint64 read(char* into, qint64 capacity) override { return m_stream.read(into, capacity); }
    bool atEnd() const override { return m_stream.atEnd(); }
    Error error() const override { return m_stream.error(); }
    QByteArray header() const override { return m_stream.header(); }
    void stop() override { m_stream.stop(); }
    qint64 sourceBytesRead() const override { return m_stream.sourceBytesRead(); }
    qint64 sourceBytesToRead() const override { return m_stream.sourceBytesToRead(); }

private:
    std::unique_ptr<disk::DiskImage> m_image; // read only by m_stream, which goes first
    convert::Qcow2Stream m_stream;
};

} // namespace

std::unique_ptr<ObjectStream> openQcow2ObjectStream(const UploadJob& job, Error* error)
{
    auto image = disk::openDiskImage(job.filePath, error);
    if (!image)
        return nullptr;
    // A differencing disk (a backing file, a VHD child, a VMDK delta) holds only what changed:
    // converted alone it would be another disk than the guest's, so it is refused.
    for (const disk::Finding& finding : image->findings()) {
        if (finding.severity == disk::Finding::Severity::Blocker) {
            fail(error, QStringLiteral("upload.file"), finding.message);
            return nullptr;
        }
    }
    return std::make_unique<Qcow2ObjectStream>(std::move(image));
}

} // namespace cvmi::transfer

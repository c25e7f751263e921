#include "disk/DiskImageOpener.h"

#include "util/SafeOpen.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <unistd.h>

namespace cvmi::disk {

namespace {

// lupdate files these texts under the namespace ("cvmi::disk"), the context of a free tr():
// translated in any other context they would stay English.
QString tr(const char* text)
{
    return QCoreApplication::translate("cvmi::disk", text);
}

// Enough for every signature we probe: Btrfs keeps its magic at 64 KiB + 64.
constexpr size_t kProbeHeadBytes = 72 * 1024;
constexpr size_t kProbeTailBytes = 512;

bool readProbeInput(ByteSource& source, ProbeInput* input, Error* error)
{
    input->fileSize = source.size();
    input->fileName = source.name();
    input->head = source.readUpTo(0, kProbeHeadBytes, error);
    if (error && error->isSet())
        return false;
    if (input->fileSize >= kProbeTailBytes) {
        input->tail = source.readUpTo(input->fileSize - kProbeTailBytes, kProbeTailBytes, error);
        if (error && error->isSet())
            return false;
    }
    return true;
}

// The image's folder, opened once on demand and closed with the last companion opener.
class FolderHandle {
public:
    explicit FolderHandle(util::NativePath path) : m_path(std::move(path)) {}
    ~FolderHandle()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FolderHandle(const FolderHandle&) = delete;
    FolderHandle& operator=(const FolderHandle&) = delete;

    int fd(Error* error)
    {
        if (m_fd < 0)
            m_fd = util::openFolder(m_path.bytes(), m_path.display(), error);
        return m_fd;
    }

private:
    util::NativePath m_path;
    int m_fd = -1;
};

} // namespace

std::unique_ptr<DiskImage> openDiskImage(std::unique_ptr<ByteSource> source,
                                         const OpenContext& context, Error* error)
{
    ProbeInput input;
    if (!readProbeInput(*source, &input, error))
        return nullptr;

    const DiskFormatDriver* best = nullptr;
    int bestScore = 0;
    for (const DiskFormatDriver& driver : diskFormatDrivers()) {
        const int score = driver.probe(input);
        if (score > bestScore) {
            bestScore = score;
            best = &driver;
        }
    }
    // A real container signature beats a rejection (a qcow2 holding an ISO is still a qcow2);
    // a rejection beats the raw fallback (a gzip file is not a raw disk).
    if (bestScore <= 1) {
        for (const RejectedFormat& rejected : rejectedFormats()) {
            if (rejected.probe(input)) {
                fail(error, QString::fromLatin1(rejected.code),
                     QCoreApplication::translate("cvmi::disk::Rejected", rejected.message));
                return nullptr;
            }
        }
    }
    if (!best) {
        fail(error, QStringLiteral("unknown_format"),
             tr("%1 is not a disk image this program recognises. Supported formats are raw, "
                "qcow2, VHD, VMDK, VHDX, VDI and OVA; convert other formats with `qemu-img convert "
                "-O qcow2 FILE "
                "disk.qcow2`.")
                 .arg(QFileInfo(input.fileName).fileName()));
        return nullptr;
    }
    return best->open(std::move(source), context, error);
}

std::unique_ptr<DiskImage> openDiskImage(const util::NativePath& path, Error* error,
                                         std::shared_ptr<ReadStats> stats)
{
    auto source = FileByteSource::open(path, stats, error);
    if (!source)
        return nullptr;
    // Extents are opened beneath the folder the image was in when it was opened, by a
    // descriptor held open for the image's life (so renaming the folder cannot redirect them).
    // Opened on the first extent only: most images have none.
    auto folder = std::make_shared<FolderHandle>(path.directory());
    OpenContext context;
    context.openCompanion = [folder, stats](const QByteArray& relativeName,
                                            Error* companionError) -> std::unique_ptr<ByteSource> {
        const int folderFd = folder->fd(companionError);
        if (folderFd < 0)
            return nullptr;
        return FileByteSource::openBeneath(folderFd, relativeName, util::displayBytes(relativeName),
                                           stats, companionError);
    };
    return openDiskImage(std::move(source), context, error);
}

} // namespace cvmi::disk

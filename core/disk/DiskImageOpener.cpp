#include "disk/DiskImageOpener.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace cvmi::disk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("cvmi::disk::DiskImageOpener", text);
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
                "qcow2, VHD and VMDK; convert other formats with `qemu-img convert -O qcow2 FILE "
                "disk.qcow2`.")
                 .arg(QFileInfo(input.fileName).fileName()));
        return nullptr;
    }
    return best->open(std::move(source), context, error);
}

std::unique_ptr<DiskImage> openDiskImage(const QString& path, Error* error,
                                         std::shared_ptr<ReadStats> stats)
{
    auto source = FileByteSource::open(path, stats, error);
    if (!source)
        return nullptr;
    const QDir folder = QFileInfo(path).absoluteDir();
    OpenContext context;
    context.openCompanion = [folder, stats](const QString& relativeName,
                                            Error* companionError) -> std::unique_ptr<ByteSource> {
        // Extent names come from the image: keep them inside the image's folder tree unless
        // they are absolute (VMware writes plain names; hand-edited descriptors may not).
        const QString companionPath = QDir::isAbsolutePath(relativeName)
                                          ? relativeName
                                          : folder.absoluteFilePath(relativeName);
        return FileByteSource::open(companionPath, stats, companionError);
    };
    return openDiskImage(std::move(source), context, error);
}

} // namespace cvmi::disk

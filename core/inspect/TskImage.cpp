#include "inspect/TskImage.h"

#include <QCoreApplication>

#include <tsk/libtsk.h>

#include <algorithm>
#include <new>

namespace cvmi::inspect {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::TskImage)
};
} // namespace

// TSK owns this block as the image handle: tsk_img_open_external() fills in the TSK_IMG_INFO
// at its start (including TSK's read cache, about 2 MiB) and tsk_img_close() hands it back to our
// close callback to free. Our own fields follow the TSK part, so the callbacks can find the disk.
namespace {
struct Handle {
    TSK_IMG_INFO info;
    disk::DiskImage* disk;
    Error lastError;
};

Handle* handleOf(TSK_IMG_INFO* info)
{
    // `info` is the first member of a standard-layout Handle, so the addresses are the same.
    return reinterpret_cast<Handle*>(info);
}

ssize_t readCallback(TSK_IMG_INFO* info, TSK_OFF_T offset, char* buffer, size_t length)
{
    auto* handle = handleOf(info);
    const uint64_t size = handle->disk->virtualSize();
    if (offset < 0 || uint64_t(offset) >= size)
        return 0; // TSK asks past the end when a file system claims more than the disk holds
    // TSK's cache reads whole 64 KiB chunks, which may run past the end of the disk.
    const size_t n = size_t(std::min<uint64_t>(length, size - uint64_t(offset)));
    if (!handle->disk->read(uint64_t(offset), buffer, n, &handle->lastError)) {
        tsk_error_reset();
        tsk_error_set_errno(TSK_ERR_IMG_READ);
        tsk_error_set_errstr("%s", handle->lastError.message.toUtf8().constData());
        return -1;
    }
    return ssize_t(n);
}

void closeCallback(TSK_IMG_INFO* info)
{
    delete handleOf(info);
}

void statCallback(TSK_IMG_INFO*, FILE*)
{
    // Only TSK's command-line tools print image statistics; we have none to add.
}

} // namespace

std::unique_ptr<TskImage> TskImage::open(disk::DiskImage& disk, Error* error)
{
    static_assert(std::is_standard_layout_v<Handle>);
    // Value-initialised: TSK expects the block zeroed (its cache bookkeeping starts empty).
    auto* handle = new (std::nothrow) Handle{};
    if (!handle) {
        fail(error, QStringLiteral("out_of_memory"), Text::tr("Out of memory opening the disk."));
        return nullptr;
    }
    handle->disk = &disk;
    tsk_error_reset();
    TSK_IMG_INFO* info = tsk_img_open_external(&handle->info, TSK_OFF_T(disk.virtualSize()), 512,
                                               readCallback, closeCallback, statCallback);
    if (!info) {
        const char* message = tsk_error_get();
        fail(error, QStringLiteral("inspect_failed"),
             Text::tr("The Sleuth Kit could not open the disk: %1")
                 .arg(QString::fromUtf8(message ? message : "unknown error")));
        delete handle;
        return nullptr;
    }
    return std::unique_ptr<TskImage>(new TskImage(disk, info));
}

TskImage::TskImage(disk::DiskImage& disk, TSK_IMG_INFO* handle) : m_disk(disk), m_handle(handle) {}

TskImage::~TskImage()
{
    tsk_img_close(m_handle); // calls closeCallback, which frees the Handle
}

const Error& TskImage::lastReadError() const
{
    return handleOf(m_handle)->lastError;
}

} // namespace cvmi::inspect

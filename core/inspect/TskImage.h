#pragma once

#include "disk/DiskImage.h"
#include "util/Error.h"

#include <memory>

struct TSK_IMG_INFO;

namespace cvmi::inspect {

// Our DiskImage seen as a Sleuth Kit image, so that TSK's volume and file-system code reads the
// guest's bytes through our container readers (qcow2, vhd, vmdk) instead of the raw file.
// The DiskImage must outlive this object. One thread at a time, like the DiskImage.
class TskImage {
public:
    static std::unique_ptr<TskImage> open(disk::DiskImage& disk, Error* error);
    ~TskImage();
    TskImage(const TskImage&) = delete;
    TskImage& operator=(const TskImage&) = delete;

    TSK_IMG_INFO* handle() const { return m_handle; }
    disk::DiskImage& disk() const { return m_disk; }

    // The last read error of the container below, which TSK only reports as "read failed".
    const Error& lastReadError() const;

private:
    TskImage(disk::DiskImage& disk, TSK_IMG_INFO* handle);
    disk::DiskImage& m_disk;
    TSK_IMG_INFO* m_handle;
};

} // namespace cvmi::inspect

#pragma once

// What a converted upload (UploadJob::conversion) is decided from, shared by the CLI, the
// wizard and the engine: whether a file must be converted to be imported at all, and the object
// key a converted upload takes.
#include "transfer/UploadJob.h"

#include <QString>

namespace cvmi::transfer {

// The conversion a file's upload needs whatever the user chose: a container the import does not
// take as it is (VHDX, VDI, OVA: disk/UploadFormats.h) goes up converted, or not at all. Reads
// the file's headers only (disk::openDiskImage).
struct ConversionNeed {
    QString format; // DiskImage::format(); empty when the file is no disk image we read
    Conversion required = Conversion::None;
};
ConversionNeed conversionNeed(const util::NativePath& file);

// The object key for `fileName` sent with or without conversion: "centos.raw" becomes
// "centos.qcow2" and back. A key the user typed is kept but for its extension: the file's or a
// disk image's (.raw, .img, .vmdk, .vhdx, .vdi, .ova…) is swapped, another gains ".qcow2" when
// converting.
QString keyForConversion(const QString& key, const QString& fileName, bool convert);
// Whether a key names a converted upload of `fileName`: it ends in ".qcow2" and the file's name
// does not (a qcow2 sent as it is keeps its name either way).
bool keyLooksConverted(const QString& key, const QString& fileName);

} // namespace cvmi::transfer

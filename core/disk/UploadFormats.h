#pragma once

#include <QString>

namespace cvmi::disk {

// Tencent Cloud's import takes raw, qcow2, VHD and VMDK files as they are. Every other container
// we read (VHDX, VDI, OVA) it does not: the upload converts those to qcow2 while sending
// (convert/Qcow2Stream.h), and the check says so (policy's "image.format" warns). The one home of
// that list: the rule file's "allowed" list is checked against it by tst_imagechecks.
//
// The format the upload must convert `format` (DiskImage::format()) to: "qcow2", or empty when the
// file goes up as it is.
QString requiredConversion(const QString& format);

// The formats the import takes as they are, in the order messages list them.
const QStringList& formatsImportedAsIs();

} // namespace cvmi::disk

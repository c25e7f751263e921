// Formats users often have in hand that are not importable as they are, each with the way out.
// Kept apart from the readers so the rejections read as one list.
#include "disk/DiskFormat.h"

#include <QtGlobal>
#include <cstring>

namespace cvmi::disk {

namespace {

bool at(const QByteArray& bytes, qsizetype offset, const char* magic, qsizetype length)
{
    return bytes.size() >= offset + length &&
           std::memcmp(bytes.constData() + offset, magic, size_t(length)) == 0;
}

bool isEmpty(const ProbeInput& in)
{
    return in.fileSize == 0;
}
bool isQed(const ProbeInput& in)
{
    return at(in.head, 0, "QED\0", 4);
}
bool isIso(const ProbeInput& in)
{
    return at(in.head, 0x8001, "CD001", 5);
}
bool isGzip(const ProbeInput& in)
{
    return at(in.head, 0, "\x1f\x8b", 2);
}
bool isXz(const ProbeInput& in)
{
    return at(in.head, 0,
              "\xfd"
              "7zXZ\0",
              6);
}
bool isZstd(const ProbeInput& in)
{
    return at(in.head, 0, "\x28\xb5\x2f\xfd", 4);
}
bool isBzip2(const ProbeInput& in)
{
    return at(in.head, 0, "BZh", 3) && in.head.size() > 3 && in.head[3] >= '1' && in.head[3] <= '9';
}
bool isZip(const ProbeInput& in)
{
    return at(in.head, 0, "PK\x03\x04", 4);
}
bool isSevenZip(const ProbeInput& in)
{
    return at(in.head, 0, "7z\xbc\xaf\x27\x1c", 6);
}
// OVA appliances are read (disk/OvaImage.h); this is any other tar archive.
bool isTar(const ProbeInput& in)
{
    return at(in.head, 257, "ustar", 5);
}

const RejectedFormat kRejected[] = {
    {"empty", isEmpty,
     QT_TRANSLATE_NOOP(
         "cvmi::disk::Rejected",
         "The file is empty (0 bytes). It is not a disk image; export the disk again.")},
    {"qed", isQed,
     QT_TRANSLATE_NOOP("cvmi::disk::Rejected",
                       "This is a QED image, which cannot be imported. Convert it with "
                       "`qemu-img convert -O qcow2 disk.qed disk.qcow2`.")},
    {"iso9660", isIso,
     QT_TRANSLATE_NOOP(
         "cvmi::disk::Rejected",
         "This is an ISO 9660 CD/DVD image (an installer or a data disc), not a system "
         "disk. Install the system from it in a virtual machine, then import that "
         "machine's disk.")},
    {"tar", isTar,
     QT_TRANSLATE_NOOP(
         "cvmi::disk::Rejected",
         "This is a tar archive. Extract the disk image inside it (`tar -xf file.tar`) "
         "and choose that file.")},
    {"gzip", isGzip,
     QT_TRANSLATE_NOOP("cvmi::disk::Rejected",
                       "This file is gzip-compressed. Decompress it first (`gunzip -k FILE`) and "
                       "choose the disk image it contains.")},
    {"xz", isXz,
     QT_TRANSLATE_NOOP(
         "cvmi::disk::Rejected",
         "This file is xz-compressed. Decompress it first (`unxz -k FILE`) and choose "
         "the disk image it contains.")},
    {"zstd", isZstd,
     QT_TRANSLATE_NOOP(
         "cvmi::disk::Rejected",
         "This file is zstd-compressed. Decompress it first (`unzstd FILE`) and choose "
         "the disk image it contains.")},
    {"bzip2", isBzip2,
     QT_TRANSLATE_NOOP("cvmi::disk::Rejected",
                       "This file is bzip2-compressed. Decompress it first (`bunzip2 -k FILE`) and "
                       "choose the disk image it contains.")},
    {"zip", isZip,
     QT_TRANSLATE_NOOP("cvmi::disk::Rejected",
                       "This is a zip archive. Extract the disk image inside it (`unzip FILE`) and "
                       "choose that file.")},
    {"7z", isSevenZip,
     QT_TRANSLATE_NOOP(
         "cvmi::disk::Rejected",
         "This is a 7-Zip archive. Extract the disk image inside it (`7z x FILE`) and "
         "choose that file.")},
};

} // namespace

std::span<const RejectedFormat> rejectedFormats()
{
    return kRejected;
}

} // namespace cvmi::disk

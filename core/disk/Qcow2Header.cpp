#include "disk/Qcow2Header.h"

#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstring>

namespace cvmi::disk {

namespace {

using qcow2::corrupt;
using qcow2::fileNameOf;
using qcow2::truncated;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::Qcow2Image)
};

constexpr size_t kV2HeaderBytes = 72;
constexpr size_t kV3MinHeaderBytes = 104;
// Enough for every field we decode, compression_type at 104 included.
constexpr size_t kDecodedHeaderBytes = 112;
// QEMU neither writes nor opens clusters outside 512 B .. 2 MiB; extended L2 needs 16 KiB.
constexpr uint32_t kMinClusterBits = 9;
constexpr uint32_t kMaxClusterBits = 21;
constexpr uint32_t kMinExtendedL2ClusterBits = 14;
constexpr uint32_t kMaxRefcountOrder = 6;
// The largest active L1 table QEMU accepts: it is kept in memory whole.
constexpr uint64_t kMaxL1Bytes = 32 * 1024 * 1024;
constexpr uint32_t kMaxBackingNameBytes = 1023;
constexpr uint64_t kL1OffsetMask = 0x00fffffffffffe00ULL;

// Header extension types.
constexpr uint32_t kExtEnd = 0;
constexpr uint32_t kExtBackingFormat = 0xe2792aca;
constexpr uint32_t kExtFeatureTable = 0x6803f857;
constexpr uint32_t kExtDataFile = 0x44415441;
// Names longer than this are not names; they only serve messages anyway.
constexpr uint32_t kMaxExtensionNameBytes = 4096;
constexpr size_t kFeatureEntryBytes = 48;

bool unsupportedFeature(Error* error, const ByteSource& file, const QString& what)
{
    return fail(
        error, QStringLiteral("qcow2_unsupported_feature"),
        Text::tr("The qcow2 file %1 uses %2, which this program cannot read. Convert it with a "
                 "qemu-img that can, to a plain image: `qemu-img convert -O qcow2 -o compat=1.1 "
                 "%1 plain.qcow2`, and import plain.qcow2.")
            .arg(fileNameOf(file), what));
}

// True when [offset, offset+length) lies inside the file, without wrap-around.
bool inFile(const ByteSource& file, uint64_t offset, uint64_t length)
{
    uint64_t end = 0;
    return addNoOverflow(offset, length, &end) && end <= file.size();
}

void decodeFixedFields(const unsigned char* p, Qcow2Header* h)
{
    h->version = be32(p + 4);
    h->backingFileOffset = be64(p + 8);
    h->backingFileSize = be32(p + 16);
    h->clusterBits = be32(p + 20);
    h->size = be64(p + 24);
    h->cryptMethod = be32(p + 32);
    h->l1Size = be32(p + 36);
    h->l1TableOffset = be64(p + 40);
    // 48..71: refcount table and snapshots, which reading the active disk never needs.
    if (h->version < 3)
        return;
    h->incompatibleFeatures = be64(p + 72);
    h->refcountOrder = be32(p + 96);
    h->headerLength = be32(p + 100);
}

bool readFixedHeader(ByteSource& file, Qcow2Header* h, Error* error)
{
    unsigned char p[kDecodedHeaderBytes] = {};
    const size_t available = size_t(std::min<uint64_t>(file.size(), sizeof p));
    if (available < kV2HeaderBytes)
        return truncated(error, file, Text::tr("header"), 0);
    if (!file.readAt(0, p, available, error))
        return false;
    if (std::memcmp(p, "QFI\xfb", 4) != 0)
        return corrupt(error, file, Text::tr("it lacks the qcow2 signature \"QFI\\xfb\"."));
    decodeFixedFields(p, h);
    if (h->version == 1)
        return fail(
            error, QStringLiteral("qcow2_unsupported_version"),
            Text::tr("%1 is a qcow image of version 1, an old format this program cannot read. "
                     "Convert it with `qemu-img convert -O qcow2 %1 disk.qcow2` and import "
                     "disk.qcow2.")
                .arg(fileNameOf(file)));
    if (h->version != 2 && h->version != 3)
        return fail(
            error, QStringLiteral("qcow2_unsupported_version"),
            Text::tr("%1 claims qcow2 version %2; only versions 2 and 3 exist. The file is "
                     "damaged or was written by an unknown program: copy it again, or convert "
                     "it with `qemu-img convert -O qcow2 %1 disk.qcow2`.")
                .arg(fileNameOf(file), QString::number(h->version)));
    if (h->version == 3) {
        if (available < kV3MinHeaderBytes)
            return truncated(error, file, Text::tr("header"), 0);
        if (h->headerLength < kV3MinHeaderBytes)
            return corrupt(
                error, file,
                Text::tr("its version 3 header claims only %1 bytes.").arg(h->headerLength));
        // compression_type exists only when the header is long enough to hold it.
        if (h->headerLength > kV3MinHeaderBytes && available > kV3MinHeaderBytes)
            h->compressionType = p[104];
    }
    return true;
}

bool checkGeometry(const ByteSource& file, const Qcow2Header& h, Error* error)
{
    if (h.clusterBits < kMinClusterBits || h.clusterBits > kMaxClusterBits)
        return corrupt(error, file,
                       Text::tr("its cluster size of 2^%1 bytes is outside 512 bytes to 2 MiB.")
                           .arg(h.clusterBits));
    if (h.extendedL2() && h.clusterBits < kMinExtendedL2ClusterBits)
        return corrupt(
            error, file,
            Text::tr("it uses extended L2 entries with clusters of %1 bytes, below the 16 KiB "
                     "they require.")
                .arg(h.clusterSize()));
    if (h.headerLength > h.clusterSize())
        return corrupt(
            error, file,
            Text::tr("its header of %1 bytes does not fit its first cluster.").arg(h.headerLength));
    if (h.refcountOrder > kMaxRefcountOrder)
        return corrupt(
            error, file,
            Text::tr("its refcount width of 2^%1 bits is invalid.").arg(h.refcountOrder));
    if (h.backingFileOffset > h.clusterSize())
        return corrupt(
            error, file,
            Text::tr("its backing file name lies outside the first cluster, at offset %1.")
                .arg(h.backingFileOffset));
    return true;
}

QString extensionName(ByteSource& file, uint64_t offset, uint32_t length, Error* error)
{
    QByteArray bytes(qsizetype(std::min(length, kMaxExtensionNameBytes)), Qt::Uninitialized);
    if (!file.readAt(offset, bytes.data(), size_t(bytes.size()), error))
        return {};
    const qsizetype nul = bytes.indexOf('\0');
    return QString::fromUtf8(nul < 0 ? bytes : bytes.left(nul));
}

bool readFeatureTable(ByteSource& file, uint64_t offset, uint32_t length, Qcow2Header* h,
                      Error* error)
{
    QByteArray table(qsizetype(length), Qt::Uninitialized);
    if (!file.readAt(offset, table.data(), length, error))
        return false;
    for (size_t at = 0; at + kFeatureEntryBytes <= length; at += kFeatureEntryBytes) {
        const char* entry = table.constData() + at;
        if (entry[0] != 0) // only incompatible features (type 0) matter for refusals
            continue;
        const QByteArray name(entry + 2, qsizetype(kFeatureEntryBytes - 2));
        const qsizetype nul = name.indexOf('\0');
        h->incompatibleNames.insert(int(static_cast<unsigned char>(entry[1])),
                                    QString::fromUtf8(nul < 0 ? name : name.left(nul)));
    }
    return true;
}

// Extensions follow the header up to the backing file name or the end of the first cluster.
// The end of the file counts as the end marker, as it reads as zeros to QEMU.
bool readExtensions(ByteSource& file, Qcow2Header* h, Error* error)
{
    const uint64_t end = std::min<uint64_t>(
        h->backingFileOffset ? h->backingFileOffset : h->clusterSize(), file.size());
    uint64_t offset = h->version >= 3 ? h->headerLength : kV2HeaderBytes;
    while (offset + 8 <= end) { // offset <= 2 MiB + 8: no overflow
        unsigned char ext[8];
        if (!file.readAt(offset, ext, sizeof ext, error))
            return false;
        const uint32_t type = be32(ext);
        const uint32_t length = be32(ext + 4);
        if (type == kExtEnd)
            return true;
        offset += sizeof ext;
        if (length > end - offset)
            return corrupt(
                error, file,
                Text::tr("its header extension 0x%1 of %2 bytes at offset %3 overruns the "
                         "first cluster.")
                    .arg(QString::number(type, 16), QString::number(length),
                         QString::number(offset - sizeof ext)));
        if (type == kExtBackingFormat)
            h->backingFormat = extensionName(file, offset, length, error);
        else if (type == kExtDataFile)
            h->dataFile = extensionName(file, offset, length, error);
        else if (type == kExtFeatureTable && !readFeatureTable(file, offset, length, h, error))
            return false;
        if (error && error->isSet())
            return false;
        offset += (uint64_t(length) + 7) & ~uint64_t(7);
    }
    return true;
}

bool readBackingName(ByteSource& file, Qcow2Header* h, Error* error)
{
    if (h->backingFileOffset == 0 || h->backingFileSize == 0)
        return true;
    // checkGeometry put the offset inside the first cluster.
    if (h->backingFileSize > kMaxBackingNameBytes ||
        h->backingFileSize > h->clusterSize() - h->backingFileOffset)
        return corrupt(error, file,
                       Text::tr("its backing file name of %1 bytes is longer than qcow2 allows.")
                           .arg(h->backingFileSize));
    if (!inFile(file, h->backingFileOffset, h->backingFileSize))
        return truncated(error, file, Text::tr("backing file name"), h->backingFileOffset);
    QByteArray name(qsizetype(h->backingFileSize), Qt::Uninitialized);
    if (!file.readAt(h->backingFileOffset, name.data(), size_t(name.size()), error))
        return false;
    h->backingFile = QString::fromUtf8(name);
    return true;
}

QString describeUnknownBits(const Qcow2Header& h, uint64_t bits)
{
    QStringList names;
    for (int bit = 0; bit < 64; ++bit) {
        if (!(bits & (uint64_t(1) << bit)))
            continue;
        const QString name = h.incompatibleNames.value(bit);
        names << (name.isEmpty() ? Text::tr("bit %1").arg(bit)
                                 : Text::tr("bit %1 (\"%2\")").arg(bit).arg(name));
    }
    return names.join(QStringLiteral(", "));
}

bool checkFeatures(const ByteSource& file, const Qcow2Header& h, Error* error)
{
    const QString name = fileNameOf(file);
    if (h.incompatibleFeatures & kQcow2Corrupt)
        return fail(
            error, QStringLiteral("qcow2_corrupt"),
            Text::tr("QEMU marked the qcow2 file %1 as corrupt (it found its metadata "
                     "inconsistent), so its data cannot be trusted. Try `qemu-img check -r all "
                     "%1`, which clears the mark when it can repair the file; otherwise use "
                     "another copy of the disk.")
                .arg(name));
    if (const uint64_t unknown = h.incompatibleFeatures & ~kQcow2KnownIncompatible)
        return unsupportedFeature(
            error, file,
            Text::tr("unknown incompatible features: %1").arg(describeUnknownBits(h, unknown)));
    if (h.incompatibleFeatures & kQcow2ExternalData) {
        const QString where = h.dataFile.isEmpty()
                                  ? Text::tr("a separate data file whose name it does not record")
                                  : Text::tr("the external data file %1").arg(h.dataFile);
        return fail(
            error, QStringLiteral("qcow2_external_data"),
            Text::tr("The qcow2 file %1 holds only metadata: the disk's data lives in %2. Make "
                     "one self-contained image with `qemu-img convert -O qcow2 %1 "
                     "standalone.qcow2`, run where the data file can be found, and import "
                     "standalone.qcow2.")
                .arg(name, where));
    }
    if (h.cryptMethod != 0) {
        const QString method = h.cryptMethod == 1   ? QStringLiteral("AES")
                               : h.cryptMethod == 2 ? QStringLiteral("LUKS")
                                                    : Text::tr("method %1").arg(h.cryptMethod);
        return fail(
            error, QStringLiteral("qcow2_encrypted"),
            Text::tr("The qcow2 file %1 is encrypted (%2), and an encrypted disk cannot be "
                     "inspected or imported. Decrypt it with its passphrase: `qemu-img convert "
                     "--object secret,id=sec0,data=PASSPHRASE --image-opts "
                     "driver=qcow2,file.filename=%1,encrypt.key-secret=sec0 -O qcow2 "
                     "plain.qcow2`, and import plain.qcow2.")
                .arg(name, method));
    }
    const bool typeFlag = h.incompatibleFeatures & kQcow2CompressionType;
    if (typeFlag && h.headerLength <= kV3MinHeaderBytes)
        return corrupt(
            error, file,
            Text::tr("it flags a compression type, but its header has no room for one."));
    if (!typeFlag && h.compressionType != kQcow2CompressionZlib)
        return corrupt(
            error, file,
            Text::tr("it names compression type %1 without flagging it.").arg(h.compressionType));
    if (h.compressionType != kQcow2CompressionZlib && h.compressionType != kQcow2CompressionZstd)
        return unsupportedFeature(
            error, file,
            Text::tr("compression type %1 (only zlib and zstd exist)").arg(h.compressionType));
    return true;
}

// The L1 table is read whole when the image opens: its size must be sane and it must lie in
// the file, and it must cover the virtual size, or guest offsets would map to nothing.
bool checkL1(const ByteSource& file, const Qcow2Header& h, Error* error)
{
    const uint64_t l1Bytes = uint64_t(h.l1Size) * 8; // < 2^35: no overflow
    if (l1Bytes > kMaxL1Bytes)
        return corrupt(
            error, file,
            Text::tr("its L1 table claims %1 entries (%2 bytes), more than the 32 MiB any "
                     "qcow2 writer produces.")
                .arg(QString::number(h.l1Size), QString::number(l1Bytes)));
    const uint32_t shift = h.clusterBits + h.l2Bits(); // guest bytes per L1 entry, at most 2^39
    const uint64_t needed = (h.size >> shift) + ((h.size & ((uint64_t(1) << shift) - 1)) ? 1 : 0);
    if (h.l1Size < needed)
        return corrupt(
            error, file,
            Text::tr("its L1 table has %1 entries, but the %2-byte disk needs %3.")
                .arg(QString::number(h.l1Size), QString::number(h.size), QString::number(needed)));
    if (h.l1Size == 0)
        return true;
    if (h.l1TableOffset == 0 || (h.l1TableOffset & (h.clusterSize() - 1)) ||
        (h.l1TableOffset & ~kL1OffsetMask))
        return corrupt(
            error, file,
            Text::tr("its L1 table offset %1 is not a cluster boundary.").arg(h.l1TableOffset));
    if (!inFile(file, h.l1TableOffset, l1Bytes))
        return truncated(error, file, Text::tr("L1 table"), h.l1TableOffset);
    return true;
}

} // namespace

bool readQcow2Header(ByteSource& file, Qcow2Header* header, Error* error)
{
    Qcow2Header h;
    if (!readFixedHeader(file, &h, error) || !checkGeometry(file, h, error) ||
        !readExtensions(file, &h, error) || !readBackingName(file, &h, error) ||
        !checkFeatures(file, h, error) || !checkL1(file, h, error))
        return false;
    *header = std::move(h);
    return true;
}

namespace qcow2 {

QString fileNameOf(const ByteSource& file)
{
    return QFileInfo(file.name()).fileName();
}

bool corrupt(Error* error, const ByteSource& file, const QString& detail)
{
    return fail(
        error, QStringLiteral("qcow2_corrupt"),
        Text::tr("The qcow2 file %1 is damaged: %2 Check it with `qemu-img check %1`; if it "
                 "cannot be repaired, copy it again from the original.")
            .arg(fileNameOf(file), detail));
}

bool truncated(Error* error, const ByteSource& file, const QString& what, uint64_t offset)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The qcow2 file %1 ends too early: its %2 at offset %3 lies beyond the end of "
                 "the %4-byte file. It was probably cut off while copying or downloading; copy "
                 "it again.")
            .arg(fileNameOf(file), what, QString::number(offset), QString::number(file.size())));
}

} // namespace qcow2

} // namespace cvmi::disk

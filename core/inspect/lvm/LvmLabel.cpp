#include "inspect/lvm/LvmLabel.h"

#include "util/Endian.h"

#include <QCoreApplication>

#include <array>
#include <cstring>

namespace cvmi::inspect::lvm {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::lvm::LvmLabel)
};

constexpr char kLabelId[] = "LABELONE";
constexpr char kLabelType[] = "LVM2 001";
constexpr char kMdaMagic[] = " LVM2 x[5A%r0N*>";
constexpr size_t kLabelHeaderSize = 32;  // id, sector, crc, offset, type
constexpr size_t kPvHeaderFixed = 40;    // pv_uuid[32], device_size
constexpr size_t kDiskLocnSize = 16;     // offset, size
constexpr size_t kMdaHeaderFixed = 40;   // checksum, magic[16], version, start, size
constexpr size_t kRawLocnSize = 24;      // offset, size, checksum, flags
constexpr uint32_t kRawLocnIgnored = 1u; // RAW_LOCN_IGNORED: this copy is not to be read

using Sector = std::array<unsigned char, kSector>;

// Reads `length` bytes at `offset` inside the PV; false with `outside` when the range leaves it.
bool readPv(disk::DiskImage& disk, uint64_t pvStart, uint64_t pvSize, uint64_t offset, void* buffer,
            size_t length, bool* outside, Error* error)
{
    uint64_t end = 0;
    uint64_t at = 0;
    *outside = !addNoOverflow(offset, length, &end) || end > pvSize ||
               !addNoOverflow(pvStart, offset, &at);
    if (*outside)
        return true;
    return disk.read(at, buffer, length, error);
}

bool validPvId(const unsigned char* id)
{
    for (size_t i = 0; i < 32; ++i)
        if (id[i] <= ' ' || id[i] > '~')
            return false;
    return true;
}

// The zero-terminated list of {offset, size} at `*pos` in the PV header sector.
bool readAreaList(const Sector& s, size_t* pos, QList<DiskArea>* areas)
{
    for (int n = 0;; ++n) {
        if (*pos + kDiskLocnSize > s.size() || n > kMaxAreasPerList)
            return false;
        const uint64_t offset = le64(s.data() + *pos);
        const uint64_t size = le64(s.data() + *pos + 8);
        *pos += kDiskLocnSize;
        if (offset == 0)
            return true;
        areas->append(DiskArea{offset, size});
    }
}

// The PV header the label at `s` points to: false with `problem` when it is damaged.
bool parsePvHeader(const Sector& s, PvLabel* label, QString* problem)
{
    size_t pos = le32(s.data() + 20);
    if (pos < kLabelHeaderSize || pos > s.size() - kPvHeaderFixed) {
        *problem = Text::tr("its PV header offset %1 lies outside the label sector").arg(pos);
        return false;
    }
    if (!validPvId(s.data() + pos)) {
        *problem = Text::tr("its PV id is not printable text");
        return false;
    }
    label->pvId = QByteArray(reinterpret_cast<const char*>(s.data() + pos), 32);
    label->deviceSize = le64(s.data() + pos + 32);
    pos += kPvHeaderFixed;
    if (!readAreaList(s, &pos, &label->dataAreas) ||
        !readAreaList(s, &pos, &label->metadataAreas)) {
        *problem = Text::tr("its list of data and metadata areas does not end within the sector");
        return false;
    }
    return true;
}

} // namespace

uint32_t lvmCrc(const void* data, size_t size, uint32_t crc)
{
    static const auto table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i)
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return crc;
}

bool readPvLabel(disk::DiskImage& disk, uint64_t pvStart, uint64_t pvSize, PvLabel* label,
                 LabelStatus* status, QString* problem, Error* error)
{
    *status = LabelStatus::None;
    for (int sector = 0; sector < kLabelScanSectors; ++sector) {
        Sector s{};
        bool outside = false;
        if (!readPv(disk, pvStart, pvSize, sector * kSector, s.data(), s.size(), &outside, error))
            return false;
        if (outside || std::memcmp(s.data(), kLabelId, 8) != 0)
            continue;
        QString why;
        if (std::memcmp(s.data() + 24, kLabelType, 8) != 0)
            why = Text::tr("its label type is not \"LVM2 001\"");
        else if (le64(s.data() + 8) != uint64_t(sector))
            why = Text::tr("its label says it is in sector %1").arg(le64(s.data() + 8));
        else if (le32(s.data() + 16) != lvmCrc(s.data() + 20, s.size() - 20))
            why = Text::tr("its label checksum does not match (the sector is damaged)");
        PvLabel parsed;
        parsed.labelSector = sector;
        if (why.isEmpty() && parsePvHeader(s, &parsed, &why)) {
            *label = parsed;
            *status = LabelStatus::Found;
            return true;
        }
        // LVM takes the first good label of the four sectors; remember why this one was not.
        *status = LabelStatus::Damaged;
        *problem = Text::tr("the LVM label in sector %1 is damaged: %2").arg(sector).arg(why);
    }
    return true;
}

namespace {

// One raw_locn's text, unwrapped: it may run past the end of the area and continue right
// after the mda header, as LVM's circular buffer does.
bool readText(disk::DiskImage& disk, uint64_t pvStart, uint64_t pvSize, const DiskArea& area,
              const unsigned char* locn, QList<QByteArray>* texts, QStringList* problems,
              Error* error)
{
    const uint64_t offset = le64(locn);
    const uint64_t size = le64(locn + 8);
    const uint32_t checksum = le32(locn + 16);
    if (offset < kSector || offset >= area.size || size == 0 || size > kMaxMetadataText ||
        size > area.size - kSector) {
        problems->append(Text::tr("the metadata area at byte %1 points to text of %2 bytes at "
                                  "offset %3, outside the area")
                             .arg(area.offset)
                             .arg(size)
                             .arg(offset));
        return true;
    }
    const uint64_t first = std::min(size, area.size - offset);
    QByteArray text(qsizetype(size), Qt::Uninitialized);
    bool outside = false;
    if (!readPv(disk, pvStart, pvSize, area.offset + offset, text.data(), size_t(first), &outside,
                error))
        return false;
    if (!outside && first < size)
        if (!readPv(disk, pvStart, pvSize, area.offset + kSector, text.data() + first,
                    size_t(size - first), &outside, error))
            return false;
    if (outside) {
        problems->append(Text::tr("the metadata area at byte %1 reaches past the end of the "
                                  "physical volume")
                             .arg(area.offset));
        return true;
    }
    if (lvmCrc(text.constData(), size_t(text.size())) != checksum) {
        problems->append(Text::tr("the metadata text at byte %1 of the area at byte %2 fails its "
                                  "checksum (the copy is damaged or half written)")
                             .arg(offset)
                             .arg(area.offset));
        return true;
    }
    while (!text.isEmpty() && text.back() == '\0')
        text.chop(1);
    texts->append(text);
    return true;
}

} // namespace

bool readMetadataTexts(disk::DiskImage& disk, uint64_t pvStart, uint64_t pvSize,
                       const PvLabel& label, QList<QByteArray>* texts, QStringList* problems,
                       Error* error)
{
    for (const DiskArea& area : label.metadataAreas) {
        Sector s{};
        bool outside = area.size < 2 * kSector;
        if (!outside &&
            !readPv(disk, pvStart, pvSize, area.offset, s.data(), s.size(), &outside, error))
            return false;
        uint64_t areaEnd = 0;
        if (outside || !addNoOverflow(area.offset, area.size, &areaEnd) || areaEnd > pvSize) {
            problems->append(Text::tr("the metadata area at byte %1 (%2 bytes) does not fit in "
                                      "the physical volume")
                                 .arg(area.offset)
                                 .arg(area.size));
            continue;
        }
        if (std::memcmp(s.data() + 4, kMdaMagic, 16) != 0 || le32(s.data() + 20) != 1 ||
            le64(s.data() + 24) != area.offset ||
            le32(s.data()) != lvmCrc(s.data() + 4, s.size() - 4)) {
            problems->append(Text::tr("the metadata area header at byte %1 is damaged (magic, "
                                      "version, position or checksum)")
                                 .arg(area.offset));
            continue;
        }
        for (int i = 0; i < kMaxRawLocns; ++i) {
            const unsigned char* locn = s.data() + kMdaHeaderFixed + size_t(i) * kRawLocnSize;
            if (le64(locn) == 0)
                break;
            if (le32(locn + 20) & kRawLocnIgnored)
                continue;
            if (!readText(disk, pvStart, pvSize, area, locn, texts, problems, error))
                return false;
        }
    }
    return true;
}

} // namespace cvmi::inspect::lvm

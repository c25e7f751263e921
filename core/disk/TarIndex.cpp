#include "disk/TarIndex.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace cvmi::disk {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::TarIndex)
};

constexpr uint64_t kBlock = 512;
// Headers the probe reads to find the first file: a pax or long-name header, a folder or two.
constexpr int kProbeHeaders = 8;

// Header fields (POSIX.1-2001 ustar; GNU's format shares them up to the magic).
constexpr size_t kNameAt = 0, kNameLength = 100;
constexpr size_t kSizeAt = 124, kSizeLength = 12;
constexpr size_t kChecksumAt = 148, kChecksumLength = 8;
constexpr size_t kTypeAt = 156;
constexpr size_t kMagicAt = 257;
constexpr size_t kPrefixAt = 345, kPrefixLength = 155;

QString shortName(const QString& shown)
{
    return QFileInfo(shown).fileName();
}

QString printable(const QByteArray& name)
{
    return QString::fromUtf8(name.left(200));
}

bool damaged(Error* error, const QString& shown, uint64_t offset, const QString& what)
{
    return fail(error, QStringLiteral("ova_bad_tar"),
                Text::tr("The OVA file %1 is damaged: the tar header at offset %2 %3 The file was "
                         "probably altered or damaged while copying; copy or export it again.")
                    .arg(shortName(shown), QString::number(offset), what));
}

// A field of NUL-terminated text.
QByteArray field(const unsigned char* header, size_t at, size_t length)
{
    const char* begin = reinterpret_cast<const char*>(header + at);
    const void* nul = std::memchr(begin, '\0', length);
    return QByteArray(begin, nul ? static_cast<const char*>(nul) - begin : qsizetype(length));
}

// A numeric field: octal digits, optionally led by spaces and ended by a space or NUL, or GNU's
// base-256 (the top bit of the first byte set, the rest a big-endian number) for sizes past 8 GiB.
bool number(const unsigned char* p, size_t length, uint64_t* out)
{
    uint64_t value = 0;
    if (p[0] & 0x80) {
        if (p[0] & 0x40)
            return false; // negative
        value = p[0] & 0x3f;
        for (size_t i = 1; i < length; ++i) {
            if (value >> 55)
                return false; // would pass 2^63
            value = (value << 8) | p[i];
        }
        *out = value;
        return true;
    }
    size_t i = 0;
    while (i < length && p[i] == ' ')
        ++i;
    for (; i < length && p[i] >= '0' && p[i] <= '7'; ++i) {
        if (value >> 60)
            return false;
        value = value * 8 + (p[i] - '0');
    }
    if (i < length && p[i] != ' ' && p[i] != '\0')
        return false;
    *out = value;
    return true;
}

// The header checksum: its bytes summed with the checksum field counted as spaces. Old writers
// summed signed chars; tar accepts either, and so do we.
bool checksumMatches(const unsigned char* header)
{
    uint64_t stored = 0;
    if (!number(header + kChecksumAt, kChecksumLength, &stored))
        return false;
    int64_t unsignedSum = 0;
    int64_t signedSum = 0;
    for (size_t i = 0; i < kBlock; ++i) {
        const bool inField = i >= kChecksumAt && i < kChecksumAt + kChecksumLength;
        const unsigned char c = inField ? ' ' : header[i];
        unsignedSum += c;
        signedSum += static_cast<signed char>(c);
    }
    return int64_t(stored) == unsignedSum || int64_t(stored) == signedSum;
}

bool allZero(const unsigned char* block)
{
    for (size_t i = 0; i < kBlock; ++i)
        if (block[i])
            return false;
    return true;
}

// Types with no data blocks whatever their size field says: hard and symbolic links, devices,
// folders and FIFOs (POSIX: "no data logical records shall be stored").
bool hasNoData(char type)
{
    return type >= '1' && type <= '6';
}

bool isRegular(char type)
{
    return type == '0' || type == '\0' || type == '7'; // '7': contiguous file, a regular one
}

QByteArray withoutDotSlash(QByteArray name)
{
    while (name.startsWith("./"))
        name.remove(0, 2);
    return name;
}

} // namespace

TarReader::TarReader(ByteSource& source, uint64_t fileSize, QString shownName)
    : m_source(source), m_fileSize(fileSize), m_shown(std::move(shownName))
{
}

// One 512-byte header at m_pos; *end at the end of the archive: the end of the file on a block
// boundary, or a zero block. POSIX ends an archive with two zero blocks, but tar itself stops at
// the first and only warns when the second is missing.
bool TarReader::readHeader(unsigned char* header, bool* end, Error* error)
{
    *end = false;
    if (m_pos >= m_fileSize) {
        *end = true;
        return true;
    }
    if (m_fileSize - m_pos < kBlock)
        return fail(
            error, QStringLiteral("ova_truncated"),
            Text::tr("The OVA file %1 ends too early: the tar header at offset %2 is cut off. "
                     "The file was probably cut off while copying or downloading; copy it "
                     "again.")
                .arg(shortName(m_shown), QString::number(m_pos)));
    if (++m_headers > kTarMaxHeaders)
        return fail(
            error, QStringLiteral("ova_bad_tar"),
            Text::tr("%1 holds more than %2 tar members, which no OVA appliance does (it holds "
                     "a descriptor, a manifest and its disks). Extract the disk with `tar -xf` "
                     "and choose the .vmdk file.")
                .arg(shortName(m_shown))
                .arg(kTarMaxHeaders));
    if (!m_source.readAt(m_pos, header, kBlock, error))
        return false;
    if (allZero(header)) {
        *end = true;
        return true;
    }
    if (!checksumMatches(header))
        return damaged(error, m_shown, m_pos, Text::tr("has a wrong checksum."));
    return true;
}

// The data of a long-name or pax header, which is small and read whole.
bool TarReader::readMetaData(uint64_t dataOffset, uint64_t size, qsizetype cap, QByteArray* out,
                             Error* error)
{
    if (size > uint64_t(cap))
        return damaged(
            error, m_shown, m_pos,
            Text::tr("starts an extended header of %1 bytes, more than the %2 this program "
                     "reads.")
                .arg(size)
                .arg(cap));
    out->resize(qsizetype(size));
    return m_source.readAt(dataOffset, out->data(), size_t(size), error);
}

// Pax records: "LENGTH key=value\n", LENGTH counting the whole record in decimal.
bool TarReader::parsePax(const QByteArray& records, uint64_t offset, Error* error)
{
    const auto bad = [&] {
        return damaged(error, m_shown, offset, Text::tr("holds a malformed pax extended header."));
    };
    qsizetype pos = 0;
    while (pos < records.size()) {
        if (records.at(pos) == '\0')
            break; // padding some writers leave
        qsizetype length = 0;
        qsizetype i = pos;
        for (; i < records.size() && records.at(i) >= '0' && records.at(i) <= '9'; ++i) {
            length = length * 10 + (records.at(i) - '0');
            if (length > records.size())
                return bad();
        }
        if (i == pos || i >= records.size() || records.at(i) != ' ' || length <= i - pos + 1 ||
            length > records.size() - pos || records.at(pos + length - 1) != '\n')
            return bad();
        const QByteArray record = records.mid(i + 1, pos + length - 1 - (i + 1));
        const qsizetype equals = record.indexOf('=');
        if (equals <= 0)
            return bad();
        const QByteArray key = record.left(equals);
        const QByteArray value = record.mid(equals + 1);
        if (key == "path") {
            m_paxPath = value;
        } else if (key == "size") {
            bool ok = false;
            m_paxSize = value.toULongLong(&ok);
            if (!ok || m_paxSize > uint64_t(INT64_MAX))
                return bad();
            m_paxHasSize = true;
        } else if (key.startsWith("GNU.sparse.")) {
            m_paxSparse = true; // a sparse member: its data is a map, then the pieces
        }
        pos += length;
    }
    return true;
}

bool TarReader::next(TarMember* member, Error* error)
{
    while (!m_done) {
        unsigned char header[kBlock];
        bool end = false;
        if (!readHeader(header, &end, error))
            return false;
        if (end) {
            m_done = true;
            break;
        }
        const uint64_t headerOffset = m_pos;
        const char type = char(header[kTypeAt]);
        uint64_t size = 0;
        if (!number(header + kSizeAt, kSizeLength, &size))
            return damaged(error, m_shown, headerOffset, Text::tr("has an unreadable size field."));
        const bool meta = type == 'L' || type == 'K' || type == 'x' || type == 'g';
        if (hasNoData(type))
            size = 0;
        else if (!meta && m_paxHasSize)
            size = m_paxSize; // pax keeps sizes past the 8 GiB of the octal field there
        const uint64_t dataOffset = headerOffset + kBlock;
        if (size > m_fileSize - std::min(m_fileSize, dataOffset)) {
            QByteArray name = field(header, kNameAt, kNameLength);
            if (!m_longName.isEmpty())
                name = m_longName;
            if (!m_paxPath.isEmpty())
                name = m_paxPath;
            return fail(
                error, QStringLiteral("ova_truncated"),
                Text::tr("The OVA file %1 ends too early: its member %2 needs %3 bytes at "
                         "offset %4, but the file has only %5 bytes. It was probably cut off "
                         "while copying or downloading; copy it again.")
                    .arg(shortName(m_shown), printable(withoutDotSlash(name)),
                         QString::number(size), QString::number(dataOffset),
                         QString::number(m_fileSize)));
        }
        // size <= m_fileSize - dataOffset: no overflow, and the next header lies further on.
        m_pos = dataOffset + (size + kBlock - 1) / kBlock * kBlock;

        if (type == 'L') { // GNU: the next member's name
            if (!readMetaData(dataOffset, size, kTarMaxNameBytes, &m_longName, error))
                return false;
            m_longName = field(reinterpret_cast<const unsigned char*>(m_longName.constData()), 0,
                               size_t(m_longName.size()));
            continue;
        }
        if (type == 'x') { // pax: records for the next member
            QByteArray records;
            if (!readMetaData(dataOffset, size, kTarMaxPaxBytes, &records, error) ||
                !parsePax(records, headerOffset, error))
                return false;
            if (m_paxPath.size() > kTarMaxNameBytes)
                return damaged(error, m_shown, headerOffset, Text::tr("names a member too long."));
            continue;
        }
        if (type == 'g' || type == 'K')
            continue; // global pax defaults, GNU long link targets: nothing we use

        QByteArray name = field(header, kNameAt, kNameLength);
        // The ustar prefix; GNU's format keeps times at that place instead.
        if (std::memcmp(header + kMagicAt, "ustar\0", 6) == 0) {
            const QByteArray prefix = field(header, kPrefixAt, kPrefixLength);
            if (!prefix.isEmpty())
                name = prefix + '/' + name;
        }
        if (!m_longName.isEmpty())
            name = m_longName;
        if (!m_paxPath.isEmpty())
            name = m_paxPath;
        member->name = withoutDotSlash(name);
        member->headerOffset = headerOffset;
        member->dataOffset = dataOffset;
        member->size = size;
        member->regular = isRegular(type) && !m_paxSparse;
        m_longName.clear();
        m_paxPath.clear();
        m_paxHasSize = false;
        m_paxSize = 0;
        m_paxSparse = false;
        return true;
    }
    return false;
}

bool indexTar(ByteSource& file, QList<TarMember>* members, Error* error)
{
    members->clear();
    TarReader reader(file, file.size(), file.name());
    TarMember member;
    Error why;
    while (reader.next(&member, &why))
        members->append(member);
    if (why.isSet())
        return fail(error, why.code, why.message);
    return true;
}

QByteArray firstTarFileName(const QByteArray& head, uint64_t fileSize)
{
    if (head.size() < qsizetype(kBlock) || uint64_t(head.size()) > fileSize ||
        std::memcmp(head.constData() + kMagicAt, "ustar", 5) != 0)
        return {};
    MemoryByteSource source(head);
    TarReader reader(source, fileSize, QString());
    TarMember member;
    Error ignored;
    for (int i = 0; i < kProbeHeaders && reader.next(&member, &ignored); ++i)
        if (member.regular)
            return member.name;
    return {};
}

} // namespace cvmi::disk

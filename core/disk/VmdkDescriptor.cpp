#include "disk/VmdkDescriptor.h"

#include "util/NativePath.h"

#include <QCoreApplication>

#include <optional>
#include <string_view>

namespace cvmi::disk {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::VmdkImage)
};

bool badDescriptor(Error* error, const QString& detail)
{
    return fail(
        error, QStringLiteral("vmdk_bad_descriptor"),
        Text::tr("The VMDK descriptor is damaged: %1 Export or copy the disk again from the "
                 "virtualization product.")
            .arg(detail));
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string_view unquote(std::string_view s)
{
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        return s.substr(1, s.size() - 2);
    return s;
}

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

// Splits off the next whitespace-separated word; `rest` keeps what follows.
std::string_view nextWord(std::string_view* rest)
{
    std::string_view s = trim(*rest);
    size_t end = 0;
    while (end < s.size() && !isBlank(s[end]))
        ++end;
    *rest = s.substr(end);
    return s.substr(0, end);
}

// Decimal sector counts only: no sign, no hex, at most kVmdkMaxSectors.
std::optional<uint64_t> parseSectors(std::string_view word)
{
    if (word.empty() || word.size() > 20)
        return std::nullopt;
    uint64_t value = 0;
    for (char c : word) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + uint64_t(c - '0');
        if (value > kVmdkMaxSectors)
            return std::nullopt;
    }
    return value;
}

VmdkExtentLine::Type extentType(std::string_view word)
{
    using T = VmdkExtentLine::Type;
    static constexpr std::pair<std::string_view, T> kTypes[] = {
        {"FLAT", T::Flat},       {"SPARSE", T::Sparse},         {"ZERO", T::Zero},
        {"VMFS", T::Vmfs},       {"VMFSSPARSE", T::VmfsSparse}, {"VMFSRDM", T::VmfsRdm},
        {"VMFSRAW", T::VmfsRaw}, {"SESPARSE", T::SeSparse}};
    for (const auto& [name, type] : kTypes)
        if (equalsNoCase(word, name))
            return type;
    return T::Other;
}

bool isAccessWord(std::string_view word)
{
    return word == "RW" || word == "RDONLY" || word == "NOACCESS";
}

// The file name: quoted (may hold spaces), or a bare word written by hand.
bool takeFileName(std::string_view* rest, std::string_view* name)
{
    std::string_view s = trim(*rest);
    if (s.empty())
        return false;
    if (s.front() == '"') {
        const size_t close = s.find('"', 1);
        if (close == std::string_view::npos)
            return false;
        *name = s.substr(1, close - 1);
        *rest = s.substr(close + 1);
    } else {
        *name = nextWord(&s);
        *rest = s;
    }
    return !name->empty() && name->size() <= 4096;
}

// Extent names come from the file: confine them to the descriptor's folder, so that a descriptor
// cannot make us open (or tell the size of) /etc/shadow, a device node or a file elsewhere.
bool checkExtentName(const VmdkExtentLine& line, Error* error)
{
    const QString shown = util::displayBytes(line.nativeName);
    const QString fileName = util::NativePath::fromBytes(line.nativeName).fileNameDisplay();
    if (line.nativeName.startsWith('/'))
        return fail(
            error, QStringLiteral("vmdk_extent_outside_folder"),
            Text::tr("Line %1 of the VMDK descriptor names the extent \"%2\" by an absolute "
                     "path. Extents must be files in the descriptor's folder, named relative "
                     "to it: put %3 next to the descriptor and write just \"%3\" on that line.")
                .arg(QString::number(line.lineNumber), shown, fileName));
    for (const QByteArray& part : line.nativeName.split('/'))
        if (part == "..")
            return fail(
                error, QStringLiteral("vmdk_extent_outside_folder"),
                Text::tr("Line %1 of the VMDK descriptor names the extent \"%2\", which leads "
                         "out of the descriptor's folder (\"..\"). Extents must be files in "
                         "the descriptor's folder: put %3 next to the descriptor and write "
                         "just \"%3\" on that line.")
                    .arg(QString::number(line.lineNumber), shown, fileName));
    return true;
}

// "RW 4192256 SPARSE "disk-s001.vmdk"" / "RW 100 FLAT "disk-flat.vmdk" 0" / "RW 100 ZERO".
bool parseExtentLine(std::string_view line, VmdkExtentLine* out, Error* error)
{
    const QString quoted = toQString(line.substr(0, 200));
    std::string_view rest = line;
    const std::string_view access = nextWord(&rest);
    if (access == "NOACCESS")
        return fail(
            error, QStringLiteral("vmdk_unsupported"),
            Text::tr("The VMDK descriptor marks an extent as NOACCESS (\"%1\"), so part of the "
                     "disk cannot be read. Clone the disk with VMware into a single-file disk "
                     "and import that.")
                .arg(quoted));
    out->readOnly = access == "RDONLY";
    const auto sectors = parseSectors(nextWord(&rest));
    if (!sectors)
        return badDescriptor(error, Text::tr("the extent line \"%1\" has no valid size (at most %2 "
                                             "sectors).")
                                        .arg(quoted, QString::number(kVmdkMaxSectors)));
    out->sectors = *sectors;
    const std::string_view type = nextWord(&rest);
    out->type = extentType(type);
    out->typeName = toQString(type);
    if (out->type == VmdkExtentLine::Type::Zero)
        return true;
    std::string_view name;
    if (!takeFileName(&rest, &name))
        return badDescriptor(error, Text::tr("the extent line \"%1\" names no file.").arg(quoted));
    if (name.find('\0') != std::string_view::npos)
        return badDescriptor(error, Text::tr("an extent file name contains a NUL byte."));
    out->nativeName = QByteArray(name.data(), qsizetype(name.size()));
    out->fileName = util::displayBytes(out->nativeName);
    if (!checkExtentName(*out, error))
        return false;
    const std::string_view offsetWord = nextWord(&rest);
    if (offsetWord.empty())
        return true;
    const auto offset = parseSectors(offsetWord);
    if (!offset)
        return badDescriptor(error,
                             Text::tr("the extent line \"%1\" has an invalid offset.").arg(quoted));
    out->offset = *offset;
    return true;
}

void applyKey(std::string_view key, std::string_view value, VmdkDescriptor* out)
{
    const QString text = toQString(unquote(value));
    if (equalsNoCase(key, "createType"))
        out->createType = text;
    else if (equalsNoCase(key, "parentCID"))
        out->parentCid = text;
    else if (equalsNoCase(key, "parentFileNameHint"))
        out->parentFileNameHint = text;
    else if (equalsNoCase(key, "ddb.adapterType"))
        out->adapterType = text;
    // Everything else (CID, geometry, tools version, UUIDs, ...) does not affect the data.
}

bool parseLine(std::string_view line, int lineNumber, VmdkDescriptor* out, Error* error)
{
    line = trim(line);
    if (line.empty() || line.front() == '#')
        return true;
    std::string_view rest = line;
    if (isAccessWord(nextWord(&rest))) {
        if (out->extents.size() >= kVmdkMaxExtents)
            return badDescriptor(error,
                                 Text::tr("it lists more than %1 extents.").arg(kVmdkMaxExtents));
        VmdkExtentLine extent;
        extent.lineNumber = lineNumber;
        if (!parseExtentLine(line, &extent, error))
            return false;
        out->extents.append(extent);
        return true;
    }
    const size_t equals = line.find('=');
    if (equals != std::string_view::npos)
        applyKey(trim(line.substr(0, equals)), trim(line.substr(equals + 1)), out);
    return true;
}

bool validateTotals(const VmdkDescriptor& d, Error* error)
{
    if (d.createType.isEmpty())
        return badDescriptor(error, Text::tr("it has no createType line."));
    if (d.extents.isEmpty())
        return badDescriptor(error, Text::tr("it lists no extents (the files holding the data)."));
    uint64_t total = 0;
    for (const VmdkExtentLine& extent : d.extents) {
        total += extent.sectors; // each term is at most 2^39, the count at most 2^16: no overflow
        if (total > kVmdkMaxSectors)
            return badDescriptor(error,
                                 Text::tr("its extents add up to more than %1 sectors (256 TiB).")
                                     .arg(kVmdkMaxSectors));
    }
    if (total == 0)
        return badDescriptor(error, Text::tr("its extents add up to a disk of 0 bytes."));
    return true;
}

} // namespace

bool VmdkDescriptor::hasParent() const
{
    const bool parentCidSet =
        !parentCid.isEmpty() && parentCid.compare(QLatin1String("ffffffff"), Qt::CaseInsensitive);
    return parentCidSet || !parentFileNameHint.isEmpty();
}

uint64_t VmdkDescriptor::totalSectors() const
{
    uint64_t total = 0;
    for (const VmdkExtentLine& extent : extents)
        total += extent.sectors;
    return total;
}

bool parseVmdkDescriptor(const QByteArray& text, VmdkDescriptor* out, Error* error)
{
    *out = VmdkDescriptor{};
    if (text.size() > kVmdkMaxDescriptorBytes)
        return badDescriptor(error, Text::tr("it is %1 bytes long, more than the 1 MiB any real "
                                             "descriptor needs.")
                                        .arg(text.size()));
    std::string_view all(text.constData(), size_t(text.size()));
    // Embedded descriptors are padded with NULs up to their reserved size.
    all = all.substr(0, all.find('\0'));
    for (int lineNumber = 1; !all.empty(); ++lineNumber) {
        const size_t newline = all.find('\n');
        const std::string_view line = all.substr(0, newline);
        if (!parseLine(line, lineNumber, out, error))
            return false;
        if (newline == std::string_view::npos)
            break;
        all.remove_prefix(newline + 1);
    }
    return validateTotals(*out, error);
}

} // namespace cvmi::disk

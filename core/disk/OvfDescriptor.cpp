#include "disk/OvfDescriptor.h"

#include "util/Endian.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QXmlStreamReader>

namespace cvmi::disk {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::OvfDescriptor)
};

const QString kOvf1 = QStringLiteral("http://schemas.dmtf.org/ovf/envelope/1");
const QString kOvf2 = QStringLiteral("http://schemas.dmtf.org/ovf/envelope/2");
// VirtualSystemCollections nest; deeper ones are skipped rather than followed.
constexpr int kMaxCollectionDepth = 8;
// CIM_ResourceAllocationSettingData's ResourceType of a disk drive.
constexpr int kDiskDriveResource = 17;

QString clipped(QStringView text)
{
    return text.left(kOvfMaxText).trimmed().toString();
}

// An href that stays inside the package: relative, without "..", not a URL.
bool staysInside(const QString& href)
{
    if (href.isEmpty() || href.startsWith(u'/') || href.startsWith(u'\\'))
        return false;
    const qsizetype colon = href.indexOf(u':');
    const qsizetype slash = href.indexOf(u'/');
    if (colon >= 0 && (slash < 0 || colon < slash))
        return false; // a scheme ("http:", "file:") or a drive letter
    QString path = href;
    path.replace(u'\\', u'/');
    return !path.split(u'/').contains(QStringLiteral(".."));
}

class OvfParser {
public:
    OvfParser(const QByteArray& xml, QString shown, OvfDescriptor* out)
        : m_reader(xml), m_shown(std::move(shown)), m_out(out)
    {
    }
    bool parse(Error* error);

private:
    bool isOvf(QLatin1StringView name) const
    {
        return m_reader.name() == name && m_reader.namespaceUri() == m_ns;
    }
    QString attribute(QLatin1StringView name) const;
    QString text()
    {
        return clipped(m_reader.readElementText(QXmlStreamReader::SkipChildElements));
    }
    bool readReferences(Error* error);
    void readDisks();
    void readCollection(int depth);
    void readSystem();
    void readOperatingSystem();
    void readHardware();
    void readItem();
    bool invalid(const QString& why, Error* error) const;

    QXmlStreamReader m_reader;
    QString m_shown;
    OvfDescriptor* m_out;
    QString m_ns;
};

bool OvfParser::invalid(const QString& why, Error* error) const
{
    return fail(error, QStringLiteral("ova_bad_descriptor"),
                Text::tr("The OVF descriptor %1 cannot be read: %2 Export the appliance again, or "
                         "extract its disk with `tar -xf` and choose the .vmdk file.")
                    .arg(QFileInfo(m_shown).fileName(), why));
}

// OVF qualifies its attributes (ovf:href); a few writers leave them bare.
QString OvfParser::attribute(QLatin1StringView name) const
{
    const QXmlStreamAttributes attributes = m_reader.attributes();
    if (attributes.hasAttribute(m_ns, name))
        return clipped(attributes.value(m_ns, name));
    return clipped(attributes.value(name));
}

bool OvfParser::readReferences(Error* error)
{
    while (m_reader.readNextStartElement()) {
        if (isOvf(QLatin1StringView("File")) && m_out->files.size() < kOvfMaxEntries) {
            OvfFile file;
            file.id = attribute(QLatin1StringView("id"));
            file.href = attribute(QLatin1StringView("href"));
            bool ok = false;
            file.size = attribute(QLatin1StringView("size")).toULongLong(&ok);
            file.hasSize = ok;
            file.compression = attribute(QLatin1StringView("compression"));
            file.chunked = !attribute(QLatin1StringView("chunkSize")).isEmpty();
            if (!staysInside(file.href))
                return fail(
                    error, QStringLiteral("ova_bad_href"),
                    Text::tr("The OVF descriptor %1 names the file \"%2\", which lies outside "
                             "the appliance (an absolute path, a \"..\" or a URL). An OVA must "
                             "hold all its files: export the appliance again as one OVA file.")
                        .arg(QFileInfo(m_shown).fileName(), file.href));
            m_out->files.append(file);
        }
        m_reader.skipCurrentElement();
    }
    return true;
}

void OvfParser::readDisks()
{
    while (m_reader.readNextStartElement()) {
        if (isOvf(QLatin1StringView("Disk")) && m_out->disks.size() < kOvfMaxEntries) {
            OvfDisk disk;
            disk.diskId = attribute(QLatin1StringView("diskId"));
            disk.fileRef = attribute(QLatin1StringView("fileRef"));
            disk.capacity = attribute(QLatin1StringView("capacity"));
            disk.units = attribute(QLatin1StringView("capacityAllocationUnits"));
            disk.format = attribute(QLatin1StringView("format"));
            if (!ovfCapacityBytes(disk.capacity, disk.units, &disk.capacityBytes))
                disk.capacityBytes = 0;
            m_out->disks.append(disk);
        }
        m_reader.skipCurrentElement();
    }
}

void OvfParser::readCollection(int depth)
{
    while (m_reader.readNextStartElement()) {
        if (isOvf(QLatin1StringView("VirtualSystem")))
            readSystem();
        else if (isOvf(QLatin1StringView("VirtualSystemCollection")) && depth < kMaxCollectionDepth)
            readCollection(depth + 1);
        else
            m_reader.skipCurrentElement();
    }
}

// Only the first virtual system is read: its disks are the appliance's system disk and data.
void OvfParser::readSystem()
{
    if (++m_out->virtualSystems > 1) {
        m_reader.skipCurrentElement();
        return;
    }
    m_out->systemName = attribute(QLatin1StringView("id"));
    while (m_reader.readNextStartElement()) {
        if (isOvf(QLatin1StringView("Name"))) {
            const QString name = text();
            if (!name.isEmpty())
                m_out->systemName = name;
        } else if (isOvf(QLatin1StringView("OperatingSystemSection"))) {
            readOperatingSystem();
        } else if (isOvf(QLatin1StringView("VirtualHardwareSection"))) {
            readHardware();
        } else {
            m_reader.skipCurrentElement();
        }
    }
}

void OvfParser::readOperatingSystem()
{
    while (m_reader.readNextStartElement()) {
        if (isOvf(QLatin1StringView("Description")))
            m_out->osDescription = text();
        else
            m_reader.skipCurrentElement();
    }
}

void OvfParser::readHardware()
{
    while (m_reader.readNextStartElement()) {
        // OVF 2.0 describes disks as StorageItem (sasd:), 1.x as Item (rasd:).
        if (isOvf(QLatin1StringView("Item")) || isOvf(QLatin1StringView("StorageItem")))
            readItem();
        else
            m_reader.skipCurrentElement();
    }
}

void OvfParser::readItem()
{
    QString resourceType;
    QString hostResource;
    while (m_reader.readNextStartElement()) {
        // The children are in the rasd or sasd namespace, whichever the version uses.
        if (m_reader.name() == QLatin1StringView("ResourceType"))
            resourceType = text();
        else if (m_reader.name() == QLatin1StringView("HostResource"))
            hostResource = text();
        else
            m_reader.skipCurrentElement();
    }
    if (resourceType != QString::number(kDiskDriveResource) ||
        m_out->attachedDisks.size() >= kOvfMaxEntries)
        return;
    // "ovf:/disk/vmdisk1" (the specification), "/disk/vmdisk1" (VirtualBox).
    const qsizetype at = hostResource.indexOf(QLatin1StringView("/disk/"));
    if (at >= 0)
        m_out->attachedDisks.append(hostResource.mid(at + 6));
}

bool OvfParser::parse(Error* error)
{
    if (!m_reader.readNextStartElement()) {
        if (m_reader.hasError())
            return invalid(Text::tr("it is not valid XML (line %1: %2).")
                               .arg(m_reader.lineNumber())
                               .arg(m_reader.errorString()),
                           error);
        return invalid(Text::tr("it is empty."), error);
    }
    m_ns = m_reader.namespaceUri().toString();
    if (m_reader.name() != QLatin1StringView("Envelope") || (m_ns != kOvf1 && m_ns != kOvf2))
        return invalid(Text::tr("it is not an OVF 1.x or 2.0 envelope (its root element is <%1> in "
                                "the namespace \"%2\").")
                           .arg(clipped(m_reader.name()), clipped(m_reader.namespaceUri())),
                       error);
    m_out->version = m_ns == kOvf2 ? 2 : 1;
    while (m_reader.readNextStartElement()) {
        if (isOvf(QLatin1StringView("References"))) {
            if (!readReferences(error))
                return false;
        } else if (isOvf(QLatin1StringView("DiskSection"))) {
            readDisks();
        } else if (isOvf(QLatin1StringView("VirtualSystem"))) {
            readSystem();
        } else if (isOvf(QLatin1StringView("VirtualSystemCollection"))) {
            readCollection(1);
        } else {
            m_reader.skipCurrentElement();
        }
    }
    // Reading on to the end finds damage after the envelope's last element, too.
    while (!m_reader.atEnd())
        m_reader.readNext();
    if (m_reader.hasError())
        return invalid(Text::tr("it is not valid XML (line %1: %2).")
                           .arg(m_reader.lineNumber())
                           .arg(m_reader.errorString()),
                       error);
    return true;
}

// A power "N^M" or a plain factor "N", multiplied into *multiplier without overflow.
bool multiplyFactor(QStringView factor, uint64_t* multiplier)
{
    const qsizetype caret = factor.indexOf(u'^');
    bool ok = false;
    const uint64_t base = factor.left(caret < 0 ? factor.size() : caret).toULongLong(&ok);
    if (!ok)
        return false;
    uint64_t exponent = 1;
    if (caret >= 0) {
        exponent = factor.mid(caret + 1).toULongLong(&ok);
        if (!ok || exponent > 64)
            return false;
    }
    for (uint64_t i = 0; i < exponent; ++i)
        if (!mulNoOverflow(*multiplier, base, multiplier))
            return false;
    return true;
}

} // namespace

const OvfFile* OvfDescriptor::file(const QString& id) const
{
    for (const OvfFile& f : files)
        if (f.id == id)
            return &f;
    return nullptr;
}

bool parseOvf(const QByteArray& xml, const QString& shownName, OvfDescriptor* out, Error* error)
{
    *out = OvfDescriptor{};
    if (xml.size() > kOvfMaxBytes)
        return fail(
            error, QStringLiteral("ova_bad_descriptor"),
            Text::tr("The OVF descriptor %1 is %2 bytes long, more than the %3 this program "
                     "reads. Export the appliance again, or extract its disk with `tar -xf` "
                     "and choose the .vmdk file.")
                .arg(QFileInfo(shownName).fileName())
                .arg(xml.size())
                .arg(kOvfMaxBytes));
    OvfParser parser(xml, shownName, out);
    return parser.parse(error);
}

bool ovfCapacityBytes(const QString& capacity, const QString& units, uint64_t* bytes)
{
    bool ok = false;
    const uint64_t count = capacity.trimmed().toULongLong(&ok);
    if (!ok)
        return false; // empty, or a ${property} filled in at deployment
    QString unit = units.left(kOvfMaxText).toLower();
    unit.remove(u' ');
    uint64_t multiplier = 1;
    // The names OVF 0.9 and a few exporters still write.
    if (unit == QLatin1StringView("kilobytes"))
        multiplier = uint64_t(1) << 10;
    else if (unit == QLatin1StringView("megabytes"))
        multiplier = uint64_t(1) << 20;
    else if (unit == QLatin1StringView("gigabytes"))
        multiplier = uint64_t(1) << 30;
    else if (!unit.isEmpty()) {
        // DSP0004's programmatic units: "byte", then factors "* 2^30", "* 1024".
        if (!unit.startsWith(QLatin1StringView("byte")))
            return false;
        const QStringList factors = unit.mid(4).split(u'*');
        if (!factors.first().isEmpty())
            return false;
        for (qsizetype i = 1; i < factors.size(); ++i)
            if (!multiplyFactor(factors[i], &multiplier))
                return false;
    }
    return mulNoOverflow(count, multiplier, bytes);
}

} // namespace cvmi::disk

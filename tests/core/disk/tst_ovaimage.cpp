// OVA appliances made here as VirtualBox and VMware write them: qemu-img writes the
// stream-optimized disks, the test writes the OVF descriptor, tar packs them in its ustar, GNU
// and pax formats. The system disk, read in place, must equal qemu-img's reading of the VMDK
// packed inside (qemu-img cannot read an OVA), and its map qemu-img map's; every kind of damage
// gets its own refusal.
#include "MapTruth.h"
#include "QemuTruth.h"
#include "ScratchFiles.h"
#include "TestSupport.h"
#include "disk/ByteSource.h"
#include "disk/DiskImageOpener.h"
#include "disk/OvaImage.h"
#include "disk/OvfDescriptor.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace cvmi;
using namespace cvmi::disk;
using cvmi::test::openError;
using cvmi::test::readFile;
using cvmi::test::sh;
using cvmi::test::writeFile;

namespace {

enum class Style { VirtualBox, VMware, VMware2 };

constexpr quint64 kSystemBytes = 64ull << 20;
constexpr quint64 kDataBytes = 1ull << 30;
// A ustar name longer than 100 bytes: tar stores the folder in the header's prefix field, GNU
// tar in a long-name member, pax in an extended header.
const QString kLongName =
    QStringLiteral("appliance-files-in-a-folder-with-a-long-name-0123456789/"
                   "system-disk-with-a-long-file-name-0123456789-0123456789-0123456789.vmdk");

// A header's checksum, written as tar writes it, after a test patched the header.
void fixChecksum(QByteArray* tar, qsizetype header)
{
    char* h = tar->data() + header;
    std::memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += uchar(h[i]);
    std::snprintf(h + 148, 8, "%06o", sum);
    h[155] = ' ';
}

// Where the header of the member named `name` starts (headers lie on 512-byte boundaries).
qsizetype headerOf(const QByteArray& tar, const QByteArray& name)
{
    for (qsizetype at = 0; at + 512 <= tar.size(); at += 512)
        if (tar.mid(at, name.size() + 1) == name + '\0')
            return at;
    return -1;
}

} // namespace

class TestOva : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void appliances_data();
    void appliances();
    void mapMatchesQemu();
    void fromMemory();
    void capacityMismatch();
    void diskOrder();
    void damaged_data();
    void damaged();
    void notAnAppliance();
    void probe();
    void ovfParser();
    void ovfCapacity_data();
    void ovfCapacity();

private:
    QString folder(const QString& name) { return test::scratchFolder(m_dir, name); }
    QByteArray ovf(Style style, const QString& dir, const QString& system,
                   const QString& data) const;
    // Copies the disks into `dir` as `system` and `data`, writes vm.ovf (patched by `edit`) and
    // a manifest for VMware, and packs them into vm.ova in the order the exporter writes them.
    QString pack(const QString& dir, Style style, const QString& tarFormat, QString system = {},
                 const std::function<void(QByteArray*)>& edit = {}, bool ovfFirst = true);

    QTemporaryDir m_dir;
    QString m_disks; // system.vmdk (64 MiB, patterns), data.vmdk (1 GiB, one pattern)
};

void TestOva::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_disks = folder(QStringLiteral("disks"));
    QVERIFY(sh(m_disks,
               QStringLiteral(
                   "truncate -s 64M system.raw && truncate -s 1G data.raw && "
                   "qemu-io -f raw -c 'write -P 0x11 0 64K' -c 'write -P 0x22 1M 512K' "
                   "-c 'write -P 0x33 40M 4K' -c 'write -P 0x44 63M 1M' system.raw >/dev/null && "
                   "qemu-io -f raw -c 'write -P 0x55 512M 64K' data.raw >/dev/null && "
                   "qemu-img convert -O vmdk -o subformat=streamOptimized system.raw system.vmdk "
                   "&& qemu-img convert -O vmdk -o subformat=streamOptimized data.raw data.vmdk "
                   "&& rm system.raw data.raw")));
}

// The elements the OVF schema requires, and what each exporter adds around them.
QByteArray TestOva::ovf(Style style, const QString& dir, const QString& system,
                        const QString& data) const
{
    const auto size = [&](const QString& name) -> QByteArray {
        return QByteArray::number(QFileInfo(dir + u'/' + name).size());
    };
    const QByteArray sys = system.toUtf8();
    const QByteArray dat = data.toUtf8();
    const QByteArray vmdk =
        "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized";
    if (style == Style::VirtualBox)
        return R"(<?xml version="1.0"?>
<Envelope ovf:version="1.0" xml:lang="en-US" xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:vbox="http://www.virtualbox.org/ovf/machine">
  <References>
    <File ovf:id="file1" ovf:href=")" +
               sys + R"("/>
    <File ovf:id="file2" ovf:href=")" +
               dat + R"("/>
  </References>
  <DiskSection>
    <Info>List of the virtual disks used in the package</Info>
    <Disk ovf:capacity="67108864" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format=")" +
               vmdk + R"(" vbox:uuid="0b4c9b1e-5d2a-4d7e-9f3a-1c2b3d4e5f60"/>
    <Disk ovf:capacity="1073741824" ovf:diskId="vmdisk2" ovf:fileRef="file2" ovf:format=")" +
               vmdk + R"(" vbox:uuid="0b4c9b1e-5d2a-4d7e-9f3a-1c2b3d4e5f61"/>
  </DiskSection>
  <NetworkSection>
    <Info>Logical networks used in the package</Info>
    <Network ovf:name="NAT"><Description>Logical network used by this appliance.</Description></Network>
  </NetworkSection>
  <VirtualSystem ovf:id="centos7">
    <Info>A virtual machine</Info>
    <OperatingSystemSection ovf:id="80">
      <Info>The kind of installed guest operating system</Info>
      <Description>RedHat_64</Description>
      <vbox:OSType ovf:required="false">RedHat_64</vbox:OSType>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements for a virtual machine</Info>
      <System>
        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
        <vssd:InstanceID>0</vssd:InstanceID>
        <vssd:VirtualSystemIdentifier>centos7</vssd:VirtualSystemIdentifier>
        <vssd:VirtualSystemType>virtualbox-2.2</vssd:VirtualSystemType>
      </System>
      <Item>
        <rasd:Caption>sataController0</rasd:Caption>
        <rasd:ElementName>sataController0</rasd:ElementName>
        <rasd:InstanceID>3</rasd:InstanceID>
        <rasd:ResourceSubType>AHCI</rasd:ResourceSubType>
        <rasd:ResourceType>20</rasd:ResourceType>
      </Item>
      <Item>
        <rasd:AddressOnParent>0</rasd:AddressOnParent>
        <rasd:Caption>disk1</rasd:Caption>
        <rasd:ElementName>disk1</rasd:ElementName>
        <rasd:HostResource>/disk/vmdisk1</rasd:HostResource>
        <rasd:InstanceID>4</rasd:InstanceID>
        <rasd:Parent>3</rasd:Parent>
        <rasd:ResourceType>17</rasd:ResourceType>
      </Item>
      <Item>
        <rasd:AddressOnParent>1</rasd:AddressOnParent>
        <rasd:Caption>disk2</rasd:Caption>
        <rasd:ElementName>disk2</rasd:ElementName>
        <rasd:HostResource>/disk/vmdisk2</rasd:HostResource>
        <rasd:InstanceID>5</rasd:InstanceID>
        <rasd:Parent>3</rasd:Parent>
        <rasd:ResourceType>17</rasd:ResourceType>
      </Item>
    </VirtualHardwareSection>
    <vbox:Machine ovf:required="false" version="1.16-linux" uuid="{5e3b2c1a-0000-4000-8000-000000000001}" name="centos7" OSType="RedHat_64" snapshotFolder="Snapshots">
      <ovf:Info>Complete VirtualBox machine configuration in VirtualBox format</ovf:Info>
      <Hardware><CPU count="1"/><Memory RAMSize="1024"/></Hardware>
    </vbox:Machine>
  </VirtualSystem>
</Envelope>
)";
    const bool two = style == Style::VMware2;
    const QByteArray ns = two ? "2" : "1";
    const QByteArray item = two ? "StorageItem" : "Item";
    const QByteArray p = two ? "sasd" : "rasd";
    const auto diskItem = [&](int n) -> QByteArray {
        const QByteArray i = QByteArray::number(n);
        const auto field = [&](const char* name, const QByteArray& value) -> QByteArray {
            return "        <" + p + ':' + name + '>' + value + "</" + p + ':' + name + ">\n";
        };
        return "      <" + item + ">\n" + field("AddressOnParent", QByteArray::number(n - 1)) +
               field("ElementName", "Hard disk " + i) +
               field("HostResource", "ovf:/disk/vmdisk" + i) +
               field("InstanceID", QByteArray::number(7 + n)) + field("Parent", "3") +
               field("ResourceType", "17") +
               "        <vmw:Config ovf:required=\"false\" vmw:key=\"backing.writeThrough\" "
               "vmw:value=\"false\"/>\n      </" +
               item + ">\n";
    };
    const QByteArray disk = diskItem(1);
    const QByteArray second = diskItem(2);
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<!--Generated by VMware ovftool 4.4.3 (build-18663434), UTC time: 2026-12-07T12:00:00.000Z-->
<Envelope vmw:buildId="build-18663434" xmlns="http://schemas.dmtf.org/ovf/envelope/)" +
           ns +
           R"(" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/)" +
           ns +
           R"(" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:sasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_StorageAllocationSettingData" xmlns:vmw="http://www.vmware.com/schema/ovf" xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <References>
    <File ovf:href=")" +
           sys + R"(" ovf:id="file1" ovf:size=")" + size(system) + R"("/>
    <File ovf:href=")" +
           dat + R"(" ovf:id="file2" ovf:size=")" + size(data) + R"("/>
  </References>
  <DiskSection>
    <Info>Virtual disk information</Info>
    <Disk ovf:capacity="64" ovf:capacityAllocationUnits="byte * 2^20" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format=")" +
           vmdk + R"(" ovf:populatedSize="1703936"/>
    <Disk ovf:capacity="1" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="vmdisk2" ovf:fileRef="file2" ovf:format=")" +
           vmdk + R"(" ovf:populatedSize="65536"/>
  </DiskSection>
  <NetworkSection>
    <Info>The list of logical networks</Info>
    <Network ovf:name="VM Network"><Description>The VM Network network</Description></Network>
  </NetworkSection>
  <VirtualSystem ovf:id="vm">
    <Info>A virtual machine</Info>
    <Name>web-server</Name>
    <OperatingSystemSection ovf:id="107" vmw:osType="centos7_64Guest">
      <Info>The kind of installed guest operating system</Info>
      <Description>CentOS 7 (64-bit)</Description>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <System>
        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
        <vssd:InstanceID>0</vssd:InstanceID>
        <vssd:VirtualSystemIdentifier>vm</vssd:VirtualSystemIdentifier>
        <vssd:VirtualSystemType>vmx-13</vssd:VirtualSystemType>
      </System>
      <Item>
        <rasd:Address>0</rasd:Address>
        <rasd:ElementName>SCSI controller 0</rasd:ElementName>
        <rasd:InstanceID>3</rasd:InstanceID>
        <rasd:ResourceSubType>lsilogic</rasd:ResourceSubType>
        <rasd:ResourceType>6</rasd:ResourceType>
      </Item>
)" + disk + second +
           R"(    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
)";
}

QString TestOva::pack(const QString& dir, Style style, const QString& tarFormat, QString system,
                      const std::function<void(QByteArray*)>& edit, bool ovfFirst)
{
    const bool vbox = style == Style::VirtualBox;
    if (system.isEmpty())
        system = vbox ? QStringLiteral("vm-disk001.vmdk") : QStringLiteral("vm-disk1.vmdk");
    const QString data = vbox ? QStringLiteral("vm-disk002.vmdk") : QStringLiteral("vm-disk2.vmdk");
    if (!sh(dir, QStringLiteral("mkdir -p \"$(dirname '%1')\" && cp '%2/system.vmdk' '%1' && "
                                "cp '%2/data.vmdk' '%3'")
                     .arg(system, m_disks, data)))
        return {};
    QByteArray text = ovf(style, dir, system, data);
    if (edit)
        edit(&text);
    if (!writeFile(dir + QStringLiteral("/vm.ovf"), text))
        return {};
    QStringList order{QStringLiteral("vm.ovf"), system, data};
    if (!vbox) {
        order.insert(1, QStringLiteral("vm.mf")); // ovftool writes the manifest second
        if (!sh(dir, QStringLiteral("for f in vm.ovf '%1' '%2'; do echo \"SHA256($f)= $(sha256sum "
                                    "\"$f\" | cut -d' ' -f1)\"; done > vm.mf")
                         .arg(system, data)))
            return {};
    }
    if (!ovfFirst)
        order.move(0, order.size() - 1);
    QStringList quoted;
    for (const QString& name : order)
        quoted << u'\'' + name + u'\'';
    if (!sh(dir, QStringLiteral("tar --format=%1 -cf vm.ova %2").arg(tarFormat, quoted.join(u' '))))
        return {};
    return dir + QStringLiteral("/vm.ova");
}

void TestOva::appliances_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("system"); // the system disk's member name, empty for the usual
    const struct {
        const char* tag;
        Style style;
    } styles[] = {{"vbox", Style::VirtualBox}, {"vmware", Style::VMware}, {"ovf2", Style::VMware2}};
    for (const auto& s : styles)
        for (const char* format : {"ustar", "gnu", "pax"})
            QTest::addRow("%s-%s", s.tag, format)
                << int(s.style) << QString::fromLatin1(format) << QString();
    for (const char* format : {"ustar", "gnu", "pax"})
        QTest::addRow("long-name-%s", format)
            << int(Style::VMware) << QString::fromLatin1(format) << kLongName;
}

void TestOva::appliances()
{
    QFETCH(int, style);
    QFETCH(QString, format);
    QFETCH(QString, system);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    const QString ova = pack(dir, Style(style), format, system);
    QVERIFY(!ova.isEmpty());
    const QString difference = test::compareWithQemuFile(
        ova, m_disks + QStringLiteral("/system.vmdk"), QStringLiteral("vmdk"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    Error error;
    auto image = openDiskImage(ova, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->format(), QStringLiteral("ova"));
    QCOMPARE(image->subformat(), QStringLiteral("vmdk streamOptimized"));
    QCOMPARE(image->virtualSize(), kSystemBytes);
    // The data disk is named, with its size, and nothing else is reported.
    QCOMPARE(image->findings().size(), 1);
    const Finding& finding = image->findings().first();
    QCOMPARE(finding.code, QStringLiteral("ova_data_disks"));
    QCOMPARE(finding.severity, Finding::Severity::Warning);
    const QString data = Style(style) == Style::VirtualBox ? QStringLiteral("vm-disk002.vmdk")
                                                           : QStringLiteral("vm-disk2.vmdk");
    QVERIFY2(finding.message.contains(data) && finding.message.contains(QStringLiteral("1.0 GiB")),
             qPrintable(finding.message));
}

// The map is the packed VMDK's, as qemu-img map gives it, asked whole or in pieces.
void TestOva::mapMatchesQemu()
{
    const QString dir = folder(QStringLiteral("map"));
    const QString ova = pack(dir, Style::VMware, QStringLiteral("pax"));
    QVERIFY(!ova.isEmpty());
    Error error;
    auto image = openDiskImage(ova, &error);
    QVERIFY2(image, qPrintable(error.message));
    QList<Extent> ours;
    QVERIFY2(image->mapExtents(0, image->virtualSize(), &ours, &error), qPrintable(error.message));
    QVERIFY2(extentMapProblem(ours, 0, image->virtualSize()).isEmpty(),
             qPrintable(extentMapProblem(ours, 0, image->virtualSize())));
    QList<Extent> joined;
    const QString pieces = test::mapInPieces(*image, 1024 * 1024 + 4096 + 512, &joined);
    QVERIFY2(pieces.isEmpty(), qPrintable(pieces));
    QCOMPARE(test::showRuns(test::dataRuns(joined)), test::showRuns(test::dataRuns(ours)));
    test::Runs qemu;
    quint64 covered = 0;
    QVERIFY(test::qemuDataRuns(m_disks + QStringLiteral("/system.vmdk"), QStringLiteral("vmdk"),
                               test::Truth::Tables, &qemu, &covered));
    QCOMPARE(covered, image->virtualSize());
    QCOMPARE(test::showRuns(test::dataRuns(ours)), test::showRuns(qemu));
    const QString zeros = test::holesReadAsZeros(*image, ours);
    QVERIFY2(zeros.isEmpty(), qPrintable(zeros));
}

// From memory, as the fuzzer opens it, without the opener's probe.
void TestOva::fromMemory()
{
    const QString dir = folder(QStringLiteral("memory"));
    const QString ova = pack(dir, Style::VirtualBox, QStringLiteral("gnu"));
    QVERIFY(!ova.isEmpty());
    Error error;
    auto image = openOva(std::make_unique<MemoryByteSource>(readFile(ova), QStringLiteral("m.ova")),
                         OpenContext{}, &error);
    QVERIFY2(image, qPrintable(error.message));
    QByteArray bytes(64 * 1024, 'x');
    QVERIFY(image->read(0, bytes.data(), size_t(bytes.size()), &error));
    QCOMPARE(bytes, QByteArray(64 * 1024, '\x11'));
    QVERIFY(image->read(40 << 20, bytes.data(), 4096, &error));
    QCOMPARE(bytes.left(4096), QByteArray(4096, '\x33'));
}

void TestOva::capacityMismatch()
{
    const QString dir = folder(QStringLiteral("capacity"));
    const QString ova = pack(dir, Style::VMware, QStringLiteral("ustar"), {}, [](QByteArray* t) {
        t->replace(R"(ovf:capacity="64" ovf:capacityAllocationUnits="byte * 2^20")",
                   R"(ovf:capacity="1" ovf:capacityAllocationUnits="byte * 2^30")");
    });
    QVERIFY(!ova.isEmpty());
    Error error;
    auto image = openDiskImage(ova, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->virtualSize(), kSystemBytes);
    QCOMPARE(image->findings().size(), 2);
    QCOMPARE(image->findings().first().code, QStringLiteral("ova_capacity_mismatch"));
    QVERIFY2(image->findings().first().message.contains(QStringLiteral("1.0 GiB")),
             qPrintable(image->findings().first().message));
}

// The hardware attaches the data disk first: the DiskSection's first disk is still taken, and
// the disagreement is reported.
void TestOva::diskOrder()
{
    const QString dir = folder(QStringLiteral("order"));
    const QString ova =
        pack(dir, Style::VirtualBox, QStringLiteral("ustar"), {}, [](QByteArray* t) {
            t->replace("/disk/vmdisk1", "/disk/vmdiskX")
                .replace("/disk/vmdisk2", "/disk/vmdisk1")
                .replace("/disk/vmdiskX", "/disk/vmdisk2");
        });
    QVERIFY(!ova.isEmpty());
    Error error;
    auto image = openDiskImage(ova, &error);
    QVERIFY2(image, qPrintable(error.message));
    QCOMPARE(image->virtualSize(), kSystemBytes);
    QStringList codes;
    for (const Finding& f : image->findings())
        codes << f.code;
    QCOMPARE(codes,
             QStringList({QStringLiteral("ova_disk_order"), QStringLiteral("ova_data_disks")}));
}

void TestOva::damaged_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("code");
    const auto row = [](const char* damage, const char* format, const char* code) {
        QTest::addRow("%s-%s", damage, format)
            << QString::fromLatin1(damage) << QString::fromLatin1(format)
            << QString::fromLatin1(code);
    };
    row("truncated", "ustar", "ova_truncated");
    row("truncated", "pax", "ova_truncated");
    row("checksum", "ustar", "ova_bad_tar");
    row("ovf-not-first", "ustar", "ova_descriptor_not_first");
    row("invalid-xml", "ustar", "ova_bad_descriptor");
    row("not-ovf", "gnu", "ova_bad_descriptor");
    row("missing-member", "ustar", "ova_missing_disk");
    row("gzip", "ustar", "ova_compressed");
    row("chunked", "ustar", "ova_chunked");
    row("huge-size", "ustar", "ova_truncated");
    row("huge-base256", "gnu", "ova_truncated");
    row("negative-base256", "gnu", "ova_bad_tar");
    row("pax-record", "pax", "ova_bad_tar");
    row("parent-href", "ustar", "ova_bad_href");
    row("absolute-href", "ustar", "ova_bad_href");
    row("url-href", "ustar", "ova_bad_href");
    row("no-disks", "ustar", "ova_no_disks");
    row("bad-file-ref", "ustar", "ova_bad_descriptor");
    row("not-vmdk", "ustar", "ova_disk_not_vmdk");
    row("vmdk-version", "ustar", "vmdk_unsupported");
}

void TestOva::damaged()
{
    QFETCH(QString, damage);
    QFETCH(QString, format);
    QFETCH(QString, code);
    const QString dir = folder(QString::fromLatin1(QTest::currentDataTag()));
    const auto edits = [&](QByteArray* t) {
        if (damage == QLatin1StringView("invalid-xml"))
            t->chop(t->size() - t->indexOf("<VirtualSystem"));
        else if (damage == QLatin1StringView("not-ovf"))
            *t = "<?xml version=\"1.0\"?>\n<html><body>Not found</body></html>\n";
        else if (damage == QLatin1StringView("missing-member"))
            t->replace("ovf:href=\"vm-disk001.vmdk\"", "ovf:href=\"vm-disk009.vmdk\"");
        else if (damage == QLatin1StringView("gzip"))
            t->replace("ovf:id=\"file1\"", "ovf:id=\"file1\" ovf:compression=\"gzip\"");
        else if (damage == QLatin1StringView("chunked"))
            t->replace("ovf:id=\"file1\"", "ovf:id=\"file1\" ovf:chunkSize=\"1048576\"");
        else if (damage == QLatin1StringView("parent-href"))
            t->replace("ovf:href=\"vm-disk002.vmdk\"", "ovf:href=\"sub/../../vm-disk002.vmdk\"");
        else if (damage == QLatin1StringView("absolute-href"))
            t->replace("ovf:href=\"vm-disk002.vmdk\"", "ovf:href=\"/etc/passwd\"");
        else if (damage == QLatin1StringView("url-href"))
            t->replace("ovf:href=\"vm-disk001.vmdk\"", "ovf:href=\"http://example.com/d.vmdk\"");
        else if (damage == QLatin1StringView("no-disks"))
            t->replace("ovf:fileRef=\"file", "vbox:x=\"file");
        else if (damage == QLatin1StringView("bad-file-ref"))
            t->replace("ovf:fileRef=\"file1\"", "ovf:fileRef=\"file9\"");
    };
    const QString ova = pack(dir, Style::VirtualBox, format, {}, edits,
                             damage != QLatin1StringView("ovf-not-first"));
    QVERIFY(!ova.isEmpty());
    QByteArray tar = readFile(ova);
    const qsizetype system = headerOf(tar, "vm-disk001.vmdk");
    QVERIFY(system >= 0);
    if (damage == QLatin1StringView("truncated")) {
        tar.truncate(system + 512 + 20000);
    } else if (damage == QLatin1StringView("checksum")) {
        tar[system + 1] = 'X';
    } else if (damage == QLatin1StringView("huge-size")) {
        std::memcpy(tar.data() + system + 124, "77777777777", 11);
        fixChecksum(&tar, system);
    } else if (damage == QLatin1StringView("huge-base256") ||
               damage == QLatin1StringView("negative-base256")) {
        const bool negative = damage == QLatin1StringView("negative-base256");
        // 2^56 and more, or below zero.
        tar[system + 124] = char(negative ? 0xff : 0x80);
        std::memset(tar.data() + system + 125, negative ? 0xff : 0, 4);
        std::memset(tar.data() + system + 129, negative ? 0xff : 0x7f, 7);
        fixChecksum(&tar, system);
    } else if (damage == QLatin1StringView("pax-record")) {
        // The pax header of the descriptor: its first record's length no longer ends in a space.
        const qsizetype records = tar.indexOf(" mtime=");
        QVERIFY(records > 0);
        tar[records] = 'x';
    } else if (damage == QLatin1StringView("vmdk-version")) {
        tar[system + 512 + 4] = 9; // the sparse extent header's version: passed on from openVmdk
    } else if (damage == QLatin1StringView("not-vmdk")) {
        std::memcpy(tar.data() + system + 512, "QFI\xfb", 4);
    }
    if (damage == QLatin1StringView("not-vmdk") || damage == QLatin1StringView("vmdk-version") ||
        damage == QLatin1StringView("truncated") || damage == QLatin1StringView("checksum") ||
        damage.contains(QLatin1StringView("size")) ||
        damage.contains(QLatin1StringView("base256")) || damage == QLatin1StringView("pax-record"))
        QVERIFY(writeFile(ova, tar));
    const Error error = openError(ova);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.size() > 40, qPrintable(error.message));
}

// A tar without a descriptor: named .ova, the OVA reader says what is missing; otherwise the
// tar rejection stands.
void TestOva::notAnAppliance()
{
    const QString dir = folder(QStringLiteral("plain-tar"));
    // (A small tar holding a VMDK would be taken by the VMDK probe, which finds "createType"
    // in its first 4 KiB: the plain tar holds other bytes.)
    QVERIFY(sh(dir, QStringLiteral("cp '%1/system.vmdk' disk.vmdk && tar -cf a.ova disk.vmdk && "
                                   "head -c 100K /dev/urandom > disk.img && tar -cf a.tar disk.img")
                        .arg(m_disks)));
    QCOMPARE(openError(dir + QStringLiteral("/a.ova")).code, QStringLiteral("ova_no_descriptor"));
    QCOMPARE(openError(dir + QStringLiteral("/a.tar")).code, QStringLiteral("tar"));
}

void TestOva::probe()
{
    const QString dir = folder(QStringLiteral("probe"));
    const QString ova = pack(dir, Style::VMware, QStringLiteral("pax"));
    QVERIFY(!ova.isEmpty());
    ProbeInput input;
    input.head = readFile(ova).left(72 * 1024);
    input.fileSize = quint64(QFileInfo(ova).size());
    input.fileName = QStringLiteral("renamed.bin");
    QCOMPARE(probeOva(input), 100); // by content, whatever the name
    input.head[0] = 'Y';            // the pax header's checksum fails
    QCOMPARE(probeOva(input), 0);
    input.fileName = QStringLiteral("x.OVA");
    QCOMPARE(probeOva(input), 100);
    input.head = QByteArray(4096, '\0');
    QCOMPARE(probeOva(input), 0);
}

void TestOva::ovfParser()
{
    OvfDescriptor d;
    Error error;
    const QByteArray v2 =
        R"(<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/2" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/2">
<References><File ovf:id="f" ovf:href="./d.vmdk" ovf:size="12"/><File id="g" href="e.vmdk"/></References>
<DiskSection><Disk ovf:diskId="a" ovf:capacity="${size}"/><Disk ovf:diskId="b" ovf:fileRef="f" ovf:capacity="2" ovf:capacityAllocationUnits="byte * 2^30"/></DiskSection>
<VirtualSystemCollection ovf:id="c"><VirtualSystem ovf:id="one"><OperatingSystemSection><Description>Linux</Description></OperatingSystemSection></VirtualSystem><VirtualSystem ovf:id="two"/></VirtualSystemCollection>
</Envelope>)";
    QVERIFY2(parseOvf(v2, QStringLiteral("x.ovf"), &d, &error), qPrintable(error.message));
    QCOMPARE(d.version, 2);
    QCOMPARE(d.files.size(), 2);
    QCOMPARE(d.files[1].href, QStringLiteral("e.vmdk")); // bare attributes are read too
    QVERIFY(d.files[0].hasSize && d.files[0].size == 12);
    QCOMPARE(d.disks.size(), 2);
    QCOMPARE(d.disks[0].capacityBytes, quint64(0));
    QCOMPARE(d.disks[1].capacityBytes, quint64(2) << 30);
    QCOMPARE(d.systemName, QStringLiteral("one"));
    QCOMPARE(d.osDescription, QStringLiteral("Linux"));
    QCOMPARE(d.virtualSystems, 2);
    // Refused: another root, another namespace, entity expansion past Qt's limit, too large.
    for (const QByteArray& bad :
         {QByteArray("<Envelope xmlns=\"http://www.vmware.com/schema/ovf/1/envelope\"/>"),
          QByteArray("<Envelope/>"), QByteArray(""), QByteArray("\xff\xfe<"),
          QByteArray("<!DOCTYPE e [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaa\"><!ENTITY b "
                     "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
                     "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d "
                     "\"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                     "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\"><x>&d;&d;&d;</x>"
                     "</Envelope>"),
          QByteArray(kOvfMaxBytes + 1, ' ')}) {
        QVERIFY(!parseOvf(bad, QStringLiteral("x.ovf"), &d, &error));
        QCOMPARE(error.code, QStringLiteral("ova_bad_descriptor"));
    }
    // Deep nesting is only walked.
    const QByteArray deep = "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\">" +
                            QByteArray("<a>").repeated(100000) +
                            QByteArray("</a>").repeated(100000) + "</Envelope>";
    QVERIFY2(parseOvf(deep, QStringLiteral("x.ovf"), &d, &error), qPrintable(error.message));
}

void TestOva::ovfCapacity_data()
{
    QTest::addColumn<QString>("capacity");
    QTest::addColumn<QString>("units");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("bytes");
    QTest::newRow("bytes") << QStringLiteral("67108864") << QStringLiteral("") << true
                           << quint64(67108864);
    QTest::newRow("byte") << QStringLiteral("512") << QStringLiteral("byte") << true
                          << quint64(512);
    QTest::newRow("gib") << QStringLiteral("16") << QStringLiteral("byte * 2^30") << true
                         << (quint64(16) << 30);
    QTest::newRow("tight") << QStringLiteral("3") << QStringLiteral("byte*2^20") << true
                           << (quint64(3) << 20);
    QTest::newRow("factor") << QStringLiteral("10") << QStringLiteral("byte * 1024") << true
                            << quint64(10240);
    QTest::newRow("two-factors") << QStringLiteral("2") << QStringLiteral("byte * 10^3 * 2^10")
                                 << true << quint64(2048000);
    QTest::newRow("old-names") << QStringLiteral("3") << QStringLiteral("GigaBytes") << true
                               << (quint64(3) << 30);
    QTest::newRow("property") << QStringLiteral("${disk.size}") << QStringLiteral("") << false
                              << quint64(0);
    QTest::newRow("bits") << QStringLiteral("5") << QStringLiteral("bit") << false << quint64(0);
    QTest::newRow("overflow-units")
        << QStringLiteral("1") << QStringLiteral("byte * 2^64") << false << quint64(0);
    QTest::newRow("overflow-product") << QStringLiteral("18446744073709551615")
                                      << QStringLiteral("byte * 2") << false << quint64(0);
    QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("") << false << quint64(0);
}

void TestOva::ovfCapacity()
{
    QFETCH(QString, capacity);
    QFETCH(QString, units);
    QFETCH(bool, ok);
    QFETCH(quint64, bytes);
    uint64_t got = 0;
    QCOMPARE(ovfCapacityBytes(capacity, units, &got), ok);
    if (ok)
        QCOMPARE(got, bytes);
}

QTEST_GUILESS_MAIN(TestOva)
#include "tst_ovaimage.moc"

// The rule engine: the built-in rule file, each check's verdicts, and rule files as data.
#include "TestSupport.h"
#include "disk/UploadFormats.h"
#include "policy/Policy.h"
#include "policy/ReportJson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace cvmi;
using namespace cvmi::policy;

namespace {

inspect::ImageFacts compliantFacts()
{
    inspect::ImageFacts f;
    f.path = QStringLiteral("/images/web.qcow2");
    f.fileSize = 1'500'000'000;
    f.format = QStringLiteral("qcow2");
    f.subformat = QStringLiteral("v3");
    f.virtualSize = 20ULL << 30;
    f.layoutKnown = true;
    f.layout.partitionTable = QStringLiteral("mbr");
    f.layout.bootCode = true;
    inspect::PartitionInfo root;
    root.index = 1;
    root.start = 1 << 20;
    root.size = (20ULL << 30) - (1 << 20);
    root.type = QStringLiteral("0x83");
    root.bootable = true;
    root.filesystem = QStringLiteral("ext4");
    root.uuid = QStringLiteral("de12de12-0000-4000-8000-000000000001");
    // A clean ext4 with room to spare and the features e2fsprogs 1.42.9 knows (tst_fspolicy).
    root.ext.read = true;
    root.ext.state = 1;
    root.ext.blockSize = 4096;
    root.ext.blocks = 5ull << 18; // 5 GiB
    root.ext.freeBlocks = 1ull << 18;
    root.ext.reservedBlocks = 1ull << 16;
    root.ext.compat = 0x3c;
    root.ext.incompat = 0x2c2;
    root.ext.roCompat = 0x7b;
    f.layout.partitions = {root};
    // A guest that passes every OS rule (those rules are tested in tst_guestpolicy).
    inspect::GuestFacts& g = f.guest;
    g.searched = true;
    g.family = QStringLiteral("linux");
    g.distro = QStringLiteral("debian");
    g.version = QStringLiteral("12.4");
    g.architecture = QStringLiteral("x86_64");
    g.rootPartition = 1;
    g.rootFilesystem = QStringLiteral("ext4");
    inspect::KernelFacts k;
    k.version = QStringLiteral("6.1.0-13-amd64");
    k.virtioBuiltin = {QStringLiteral("virtio_blk"), QStringLiteral("virtio_net"),
                       QStringLiteral("virtio_pci")};
    k.storageBuiltin = {QStringLiteral("virtio_scsi"), QStringLiteral("nvme")};
    k.native = true;
    g.kernels = {k};
    g.cloudInit = true;
    inspect::BootCommandLine boot; // the boot rules: root= by the root's UUID
    boot.source = QStringLiteral("/boot/grub/grub.cfg");
    boot.root = QStringLiteral("UUID=") + root.uuid;
    boot.isDefault = true;
    g.bootCommandLines = {boot};
    g.bootConfigFiles = {boot.source};
    g.system.read = true;
    g.system.growpartPath = QStringLiteral("/usr/bin/growpart");
    return f;
}

const RuleResult* rule(const Report& report, const char* id)
{
    for (const auto& r : report.rules) {
        if (r.id == QLatin1String(id))
            return &r;
    }
    return nullptr;
}

Verdict verdictOf(const Report& report, const char* id)
{
    const RuleResult* r = rule(report, id);
    return r ? r->verdict : Verdict::Unknown;
}

} // namespace

class TestPolicy : public QObject {
    Q_OBJECT
private slots:
    void builtinLoads();
    void compliantImagePasses();
    void sizeLimitIsInclusive();
    void gptFails();
    void noTableFails();
    void xfsRootFails();
    void backingFileFails();
    void convertedFormatsWarn();
    void unknownFormatFails();
    void ruleFileListsTheFormatsSentAsTheyAre();
    void unusableImage();
    void missingBootCodeWarns();
    void emptyDiskIsDataDisk();
    void newerRuleSetIsAFileChange();
    void invalidRuleFiles_data();
    void invalidRuleFiles();
    void jsonNames();
};

void TestPolicy::builtinLoads()
{
    const Policy p = Policy::builtin();
    QCOMPARE(p.id(), QStringLiteral("tencent-cvm-import"));
    QVERIFY(!p.version().isEmpty());
    // The shipped file also loads through the public file path, as a user's copy would.
    Error error;
    QVERIFY2(Policy::fromFile(test::sourceDir() +
                                  QStringLiteral("/resources/policy/tencent-cvm-default.json"),
                              &error),
             qPrintable(error.message));
}

void TestPolicy::compliantImagePasses()
{
    const Report report = Policy::builtin().evaluate(compliantFacts());
    for (const auto& r : report.rules)
        QVERIFY2(r.verdict == Verdict::Pass, qPrintable(r.id + QStringLiteral(": ") + r.evidence));
    QVERIFY(report.compliant());
}

void TestPolicy::sizeLimitIsInclusive()
{
    auto f = compliantFacts();
    f.virtualSize = 50ULL << 30;
    QCOMPARE(verdictOf(Policy::builtin().evaluate(f), "disk.size"), Verdict::Pass);
    f.virtualSize += 512;
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "disk.size"), Verdict::Fail);
    QVERIFY(rule(report, "disk.size")->evidence.contains(QStringLiteral("53,687,091,712")));
    QVERIFY(rule(report, "disk.size")->fix.contains(QStringLiteral("qemu-img resize --shrink")));
    QVERIFY(!report.compliant());
}

void TestPolicy::gptFails()
{
    auto f = compliantFacts();
    f.layout.partitionTable = QStringLiteral("gpt");
    f.layout.protectiveMbr = true;
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "disk.partition_table"), Verdict::Fail);
    QVERIFY(rule(report, "disk.partition_table")->fix.contains(QStringLiteral("sgdisk")));
    QCOMPARE(verdictOf(report, "disk.boot_code"), Verdict::Unknown);
}

void TestPolicy::noTableFails()
{
    auto f = compliantFacts();
    f.layout.partitionTable = QStringLiteral("none");
    f.layout.partitions[0].index = 0;
    f.layout.partitions[0].start = 0;
    QCOMPARE(verdictOf(Policy::builtin().evaluate(f), "disk.partition_table"), Verdict::Fail);
}

void TestPolicy::xfsRootFails()
{
    auto f = compliantFacts();
    f.layout.partitions[0].filesystem = QStringLiteral("xfs");
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "disk.filesystem"), Verdict::Fail);
    QVERIFY(rule(report, "disk.filesystem")->evidence.contains(QStringLiteral("xfs")));
    // An extra XFS data partition next to an ext4 root is a warning, not a failure.
    inspect::PartitionInfo data = f.layout.partitions[0];
    f.layout.partitions[0].filesystem = QStringLiteral("ext4");
    data.index = 2;
    f.layout.partitions.append(data);
    QCOMPARE(verdictOf(Policy::builtin().evaluate(f), "disk.filesystem"), Verdict::Warn);
}

void TestPolicy::backingFileFails()
{
    auto f = compliantFacts();
    f.containerFindings.append({disk::Finding::Severity::Blocker, QStringLiteral("backing_file"),
                                QStringLiteral("The image depends on base.qcow2.")});
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "image.self_contained"), Verdict::Fail);
    QVERIFY(rule(report, "image.self_contained")->evidence.contains(QStringLiteral("base.qcow2")));
}

// VHDX, VDI and OVA: checked like any image, and converted by the upload, so a warning that
// says so, not a failure; the report stays compliant.
void TestPolicy::convertedFormatsWarn()
{
    for (const char* format : {"vhdx", "vdi", "ova"}) {
        auto f = compliantFacts();
        f.format = QString::fromLatin1(format);
        f.subformat = QStringLiteral("dynamic");
        f.convertedTo = disk::requiredConversion(f.format);
        QCOMPARE(f.convertedTo, QStringLiteral("qcow2"));
        const Report report = Policy::builtin().evaluate(f);
        QCOMPARE(verdictOf(report, "image.format"), Verdict::Warn);
        const RuleResult* formatRule = rule(report, "image.format");
        QVERIFY(formatRule);
        const QString evidence = formatRule->evidence;
        QVERIFY2(evidence.startsWith(f.format.toUpper() +
                                     QStringLiteral(" is not imported as is: it will be "
                                                    "converted to qcow2 during the upload")),
                 qPrintable(evidence));
        QVERIFY(formatRule->fix.contains(QStringLiteral("cvm-import upload")));
        QVERIFY(report.compliant());
    }
}

// A format we would read but not convert (none today) fails as before.
void TestPolicy::unknownFormatFails()
{
    auto f = compliantFacts();
    f.format = QStringLiteral("qed");
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "image.format"), Verdict::Fail);
    const RuleResult* formatRule = rule(report, "image.format");
    QVERIFY(formatRule);
    QVERIFY(formatRule->evidence.contains(QStringLiteral("raw, vhd, qcow2, vmdk")));
}

// The rule file's "allowed" and the upload's list of formats sent as they are
// (disk/UploadFormats.h) say the same: otherwise the check would pass a file the upload converts,
// or warn of a conversion that does not happen.
void TestPolicy::ruleFileListsTheFormatsSentAsTheyAre()
{
    QFile file(test::sourceDir() + QStringLiteral("/resources/policy/tencent-cvm-default.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rules =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("rules")).toArray();
    QStringList allowed;
    for (const auto& r : rules)
        if (r.toObject().value(QStringLiteral("id")) == QStringLiteral("image.format"))
            for (const auto& v : r.toObject()
                                     .value(QStringLiteral("params"))
                                     .toObject()
                                     .value(QStringLiteral("allowed"))
                                     .toArray())
                allowed << v.toString();
    QStringList sentAsIs = disk::formatsImportedAsIs();
    allowed.sort();
    sentAsIs.sort();
    QCOMPARE(allowed, sentAsIs);
    for (const QString& format : allowed)
        QVERIFY(disk::requiredConversion(format).isEmpty());
}

void TestPolicy::unusableImage()
{
    inspect::ImageFacts f;
    f.path = QStringLiteral("/tmp/x.vhdx");
    f.error = Error::make(QStringLiteral("vhdx"), QStringLiteral("This is a VHDX file."));
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "image.readable"), Verdict::Fail);
    QCOMPARE(verdictOf(report, "disk.size"), Verdict::Unknown);
    QVERIFY(!report.compliant());
}

void TestPolicy::missingBootCodeWarns()
{
    auto f = compliantFacts();
    f.layout.bootCode = false;
    QCOMPARE(verdictOf(Policy::builtin().evaluate(f), "disk.boot_code"), Verdict::Warn);
}

void TestPolicy::emptyDiskIsDataDisk()
{
    auto f = compliantFacts();
    f.layout.partitions.clear();
    const Report report = Policy::builtin().evaluate(f);
    QCOMPARE(verdictOf(report, "disk.system_disk"), Verdict::Fail);
    QCOMPARE(verdictOf(report, "disk.filesystem"), Verdict::Fail);
}

void TestPolicy::newerRuleSetIsAFileChange()
{
    QFile file(test::sourceDir() + QStringLiteral("/resources/policy/tencent-cvm-default.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray rules = doc.value(QStringLiteral("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QJsonObject r = rules[i].toObject();
        if (r.value(QStringLiteral("id")) == QStringLiteral("disk.size"))
            r.insert(QStringLiteral("params"),
                     QJsonObject{{QStringLiteral("max_bytes"), double(500ULL << 30)}});
        if (r.value(QStringLiteral("id")) == QStringLiteral("disk.partition_table"))
            r.insert(QStringLiteral("params"),
                     QJsonObject{{QStringLiteral("allowed"),
                                  QJsonArray{QStringLiteral("mbr"), QStringLiteral("gpt")}}});
        rules[i] = r;
    }
    doc.insert(QStringLiteral("rules"), rules);
    doc.insert(QStringLiteral("version"), QStringLiteral("2099.1"));
    Error error;
    auto newer =
        Policy::fromJson(QJsonDocument(doc).toJson(), QStringLiteral("newer.json"), &error);
    QVERIFY2(newer, qPrintable(error.message));
    auto f = compliantFacts();
    f.virtualSize = 100ULL << 30;
    f.layout.partitionTable = QStringLiteral("gpt");
    QVERIFY(!Policy::builtin().evaluate(f).compliant());
    const Report report = newer->evaluate(f);
    QCOMPARE(report.policyVersion, QStringLiteral("2099.1"));
    QCOMPARE(verdictOf(report, "disk.size"), Verdict::Pass);
    QCOMPARE(verdictOf(report, "disk.partition_table"), Verdict::Pass);
}

void TestPolicy::invalidRuleFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{ rules: ") << QStringLiteral("JSON error");
    QTest::newRow("schema") << QByteArray(
                                   R"({"schema": 9, "id": "a", "version": "1", "rules": []})")
                            << QStringLiteral("schema 9");
    QTest::newRow("no rules") << QByteArray(
                                     R"({"schema": 1, "id": "a", "version": "1", "rules": []})")
                              << QStringLiteral("no rules");
    QTest::newRow("unknown check")
        << QByteArray(
               R"({"schema":1,"id":"a","version":"1","rules":[{"id":"x","check":"teleport","group":"image"}]})")
        << QStringLiteral("teleport");
    QTest::newRow("repeated id")
        << QByteArray(
               R"({"schema":1,"id":"a","version":"1","rules":[{"id":"x","check":"image_readable","group":"image"},{"id":"x","check":"image_readable","group":"image"}]})")
        << QStringLiteral("repeated");
    QTest::newRow("bad group")
        << QByteArray(
               R"({"schema":1,"id":"a","version":"1","rules":[{"id":"x","check":"image_readable","group":"weather"}]})")
        << QStringLiteral("group");
}

void TestPolicy::invalidRuleFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    Error error;
    QVERIFY(!Policy::fromJson(json, QStringLiteral("user.json"), &error));
    QCOMPARE(error.code, QStringLiteral("policy_invalid"));
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
    QVERIFY(error.message.contains(QStringLiteral("user.json")));
}

void TestPolicy::jsonNames()
{
    const auto f = compliantFacts();
    const QJsonObject j = checkResultToJson(f, Policy::builtin().evaluate(f));
    for (const char* key : {"format", "subformat", "virtual_size", "file_size", "partition_table",
                            "partitions", "rules", "compliant"})
        QVERIFY2(j.contains(QLatin1String(key)), key);
    const QJsonObject p = j.value(QStringLiteral("partitions")).toArray().first().toObject();
    for (const char* key :
         {"index", "start", "size", "type", "bootable", "filesystem", "label", "uuid"})
        QVERIFY2(p.contains(QLatin1String(key)), key);
    const QJsonObject r = j.value(QStringLiteral("rules")).toArray().first().toObject();
    for (const char* key : {"id", "verdict", "evidence", "fix"})
        QVERIFY2(r.contains(QLatin1String(key)), key);
    QCOMPARE(j.value(QStringLiteral("virtual_size")).toDouble(), double(20ULL << 30));
    QVERIFY(!j.contains(QStringLiteral("error")));
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"

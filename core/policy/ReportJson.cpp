#include "policy/ReportJson.h"

#include <QHash>
#include <QJsonArray>

namespace cvmi::policy {

namespace {

QString severityName(disk::Finding::Severity severity)
{
    switch (severity) {
    case disk::Finding::Severity::Info:
        return QStringLiteral("info");
    case disk::Finding::Severity::Warning:
        return QStringLiteral("warning");
    case disk::Finding::Severity::Blocker:
        break;
    }
    return QStringLiteral("blocker");
}

QJsonObject partitionToJson(const inspect::PartitionInfo& p)
{
    return QJsonObject{
        {QStringLiteral("index"), p.index},        {QStringLiteral("start"), double(p.start)},
        {QStringLiteral("size"), double(p.size)},  {QStringLiteral("type"), p.type},
        {QStringLiteral("type_name"), p.typeName}, {QStringLiteral("bootable"), p.bootable},
        {QStringLiteral("logical"), p.logical},    {QStringLiteral("filesystem"), p.filesystem},
        {QStringLiteral("label"), p.label},        {QStringLiteral("uuid"), p.uuid},
    };
}

QJsonObject logicalVolumeToJson(const inspect::LogicalVolumeInfo& lv)
{
    QJsonArray partitions, extents;
    for (int index : lv.partitions)
        partitions.append(index);
    for (const auto& e : lv.extents)
        extents.append(QJsonObject{{QStringLiteral("volume_offset"), double(e.volumeOffset)},
                                   {QStringLiteral("length"), double(e.length)},
                                   {QStringLiteral("disk_offset"), double(e.diskOffset)}});
    return QJsonObject{
        {QStringLiteral("vg"), lv.vg},
        {QStringLiteral("lv"), lv.lv},
        {QStringLiteral("name"), lv.name()},
        {QStringLiteral("size"), double(lv.size)},
        {QStringLiteral("layout"), lv.layout},
        {QStringLiteral("partitions"), partitions},
        {QStringLiteral("extents"), extents},
        {QStringLiteral("obstacle"), lv.obstacle},
        {QStringLiteral("filesystem"), lv.filesystem},
        {QStringLiteral("label"), lv.label},
        {QStringLiteral("uuid"), lv.fsUuid},
    };
}

QJsonObject volumeGroupToJson(const inspect::VolumeGroupInfo& vg)
{
    QJsonArray partitions;
    for (int index : vg.partitions)
        partitions.append(index);
    return QJsonObject{{QStringLiteral("name"), vg.name},
                       {QStringLiteral("uuid"), vg.uuid},
                       {QStringLiteral("extent_size"), double(vg.extentSize)},
                       {QStringLiteral("pv_count"), vg.pvCount},
                       {QStringLiteral("partitions"), partitions},
                       {QStringLiteral("problem"), vg.problem}};
}

QJsonArray rulesToJson(const Report& report)
{
    QJsonArray rules;
    for (const RuleResult& r : report.rules) {
        rules.append(QJsonObject{
            {QStringLiteral("id"), r.id},
            {QStringLiteral("group"), r.group},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("verdict"), verdictName(r.verdict)},
            {QStringLiteral("evidence"), r.evidence},
            {QStringLiteral("fix"), r.fix},
        });
    }
    return rules;
}

QJsonArray stringsToJson(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject kernelToJson(const inspect::KernelFacts& k)
{
    return QJsonObject{
        {QStringLiteral("version"), k.version},
        {QStringLiteral("image"), k.imagePath},
        {QStringLiteral("modules"), k.modulesPath},
        {QStringLiteral("virtio_modules"), stringsToJson(k.virtioModules)},
        {QStringLiteral("virtio_builtin"), stringsToJson(k.virtioBuiltin)},
        {QStringLiteral("initramfs"),
         QJsonObject{{QStringLiteral("path"), k.initramfsPath},
                     {QStringLiteral("compression"), k.initramfsCompression},
                     {QStringLiteral("read"), k.initramfsRead},
                     {QStringLiteral("has_virtio_blk"), k.initramfsHasVirtioBlk},
                     {QStringLiteral("note"), k.initramfsNote}}},
        {QStringLiteral("native"), k.native},
    };
}

// A registry DWORD that may be absent (-1): null then.
QJsonValue optionalInt(int value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QJsonObject reachToJson(const inspect::WindowsReachFacts& r)
{
    QJsonArray rules;
    for (const auto& rule : r.rdpRules)
        rules.append(QJsonObject{{QStringLiteral("name"), rule.name},
                                 {QStringLiteral("active"), rule.active}});
    QJsonObject firewall;
    for (auto it = r.firewallEnabled.cbegin(); it != r.firewallEnabled.cend(); ++it)
        firewall.insert(it.key(), optionalInt(it.value()));
    return QJsonObject{
        {QStringLiteral("deny_ts_connections"), optionalInt(r.denyTsConnections)},
        {QStringLiteral("firewall_enabled"), firewall},
        {QStringLiteral("rdp_rules"), rules},
        {QStringLiteral("san_policy"), optionalInt(r.sanPolicy)},
        {QStringLiteral("pending_reboot"), QJsonArray::fromStringList(r.pendingReboot)},
        {QStringLiteral("setup_in_progress"), optionalInt(r.setupInProgress)},
        {QStringLiteral("oobe_in_progress"), optionalInt(r.oobeInProgress)},
        {QStringLiteral("image_state"), r.imageState},
        {QStringLiteral("answer_files"), QJsonArray::fromStringList(r.answerFiles)},
    };
}

QJsonObject windowsToJson(const inspect::WindowsFacts& w)
{
    QJsonArray drivers;
    for (const auto& d : w.drivers)
        drivers.append(QJsonObject{{QStringLiteral("name"), d.name},
                                   {QStringLiteral("file"), d.filePath},
                                   {QStringLiteral("service"), d.service},
                                   {QStringLiteral("start"), d.start}});
    QJsonObject out{
        {QStringLiteral("system_root"), w.systemRoot},
        {QStringLiteral("product_name"), w.productName},
        {QStringLiteral("edition_id"), w.editionId},
        {QStringLiteral("installation_type"), w.installationType},
        {QStringLiteral("current_version"), w.currentVersion},
        {QStringLiteral("current_build"), w.currentBuild},
        {QStringLiteral("control_set"), w.controlSet},
        {QStringLiteral("drivers"), drivers},
        {QStringLiteral("network_adapters"), w.networkAdapters},
    };
    out.insert(QStringLiteral("ipv6_disabled_components"),
               w.ipv6Known ? QJsonValue(double(w.ipv6DisabledComponents)) : QJsonValue());
    if (w.reach.read)
        out.insert(QStringLiteral("reach"), reachToJson(w.reach));
    return out;
}

// The distribution as one of the families the import rules name; the precise id stays in
// "distro_id".
QString distroFamily(const inspect::GuestFacts& g)
{
    if (g.family.isEmpty())
        return {};
    if (g.family == QLatin1String("windows"))
        return QStringLiteral("windows");
    static const QHash<QString, QString> families{
        {QStringLiteral("centos"), QStringLiteral("centos")},
        {QStringLiteral("rhel"), QStringLiteral("rhel")},
        {QStringLiteral("ubuntu"), QStringLiteral("ubuntu")},
        {QStringLiteral("debian"), QStringLiteral("debian")},
        {QStringLiteral("coreos"), QStringLiteral("coreos")},
        {QStringLiteral("fedora-coreos"), QStringLiteral("coreos")},
        {QStringLiteral("flatcar"), QStringLiteral("coreos")},
        {QStringLiteral("opensuse"), QStringLiteral("opensuse")},
        {QStringLiteral("opensuse-leap"), QStringLiteral("opensuse")},
        {QStringLiteral("opensuse-tumbleweed"), QStringLiteral("opensuse")},
        {QStringLiteral("sles"), QStringLiteral("sles")},
        {QStringLiteral("sled"), QStringLiteral("sles")},
    };
    return families.value(g.distro, QStringLiteral("other"));
}

// true when the storage and network virtio drivers are there, false when one is missing,
// "unknown" when there is nothing to tell it from.
QJsonValue virtioState(const inspect::GuestFacts& g)
{
    if (g.family == QLatin1String("windows")) {
        bool storage = false, network = false;
        for (const auto& d : g.windows.drivers) {
            if (d.filePath.isEmpty())
                continue;
            storage =
                storage || d.name == QLatin1String("viostor") || d.name == QLatin1String("vioscsi");
            network = network || d.name == QLatin1String("netkvm");
        }
        return storage && network;
    }
    if (g.family != QLatin1String("linux") || g.kernels.isEmpty())
        return QStringLiteral("unknown");
    bool any = false;
    for (const auto& k : g.kernels) {
        const auto has = [&](const char* name) {
            return k.virtioModules.contains(QLatin1String(name)) ||
                   k.virtioBuiltin.contains(QLatin1String(name));
        };
        any = any || (has("virtio_blk") && has("virtio_net"));
    }
    return any;
}

QJsonArray nicNames(const inspect::GuestFacts& g)
{
    QJsonArray names;
    for (const auto& i : g.interfaces)
        names.append(i.name);
    return names;
}

QJsonValue ipv6State(const inspect::GuestFacts& g)
{
    if (g.family == QLatin1String("windows"))
        return g.windows.ipv6Known ? QJsonValue((g.windows.ipv6DisabledComponents & 0xFF) != 0xFF)
                                   : QJsonValue(QStringLiteral("unknown"));
    if (g.family != QLatin1String("linux"))
        return QStringLiteral("unknown");
    if (g.ipv6Disabled)
        return false;
    for (const auto& i : g.interfaces)
        if (i.ipv6)
            return true;
    return false;
}

// The "os" object: present (with "family": "none" when nothing was found) once the guest was
// searched.
QJsonObject guestToJson(const inspect::GuestFacts& g)
{
    QJsonObject evidence;
    for (auto it = g.evidence.cbegin(); it != g.evidence.cend(); ++it)
        evidence.insert(it.key(), QJsonObject{{QStringLiteral("path"), it.value().path},
                                              {QStringLiteral("value"), it.value().value}});
    QJsonArray kernels, interfaces, fstab;
    for (const auto& k : g.kernels)
        kernels.append(kernelToJson(k));
    for (const auto& i : g.interfaces)
        interfaces.append(QJsonObject{{QStringLiteral("name"), i.name},
                                      {QStringLiteral("source"), i.source},
                                      {QStringLiteral("ipv6"), i.ipv6},
                                      {QStringLiteral("ipv6_evidence"), i.ipv6Evidence}});
    for (const auto& e : g.fstab)
        fstab.append(QJsonObject{{QStringLiteral("spec"), e.spec},
                                 {QStringLiteral("mount_point"), e.mountPoint},
                                 {QStringLiteral("type"), e.type},
                                 {QStringLiteral("options"), e.options},
                                 {QStringLiteral("line"), e.line}});
    // The kernel command lines the boot loader configuration gives (boot.root_argument).
    QJsonArray commandLines;
    for (const auto& c : g.bootCommandLines)
        commandLines.append(QJsonObject{{QStringLiteral("source"), c.source},
                                        {QStringLiteral("line"), c.line},
                                        {QStringLiteral("entry"), c.entry},
                                        {QStringLiteral("kind"), c.kind},
                                        {QStringLiteral("root"), c.root},
                                        {QStringLiteral("default"), c.isDefault}});
    const QJsonObject bootLoader{
        {QStringLiteral("files"), QJsonArray::fromStringList(g.bootConfigFiles)},
        {QStringLiteral("command_lines"), commandLines}};
    QJsonObject out{
        {QStringLiteral("family"), g.family.isEmpty() ? QStringLiteral("none") : g.family},
        {QStringLiteral("distro"), distroFamily(g)},
        {QStringLiteral("distro_id"), g.distro},
        {QStringLiteral("product"),
         g.family == QLatin1String("windows") ? g.windows.productName : g.prettyName},
        {QStringLiteral("edition"), g.windows.editionId},
        {QStringLiteral("arch"), g.architecture},
        {QStringLiteral("virtio"), virtioState(g)},
        {QStringLiteral("nics"), nicNames(g)},
        {QStringLiteral("ipv6"), ipv6State(g)},
        {QStringLiteral("name"), g.distroName},
        {QStringLiteral("version"), g.version},
        {QStringLiteral("pretty_name"), g.prettyName},
        {QStringLiteral("architecture"), g.architecture}, // the same as "arch", kept for schema 1
        {QStringLiteral("root_partition"), g.rootPartition},
        {QStringLiteral("root_filesystem"), g.rootFilesystem},
        {QStringLiteral("root_volume"), g.rootVolume},
        {QStringLiteral("boot_partition"), g.bootPartition},
        {QStringLiteral("boot_volume"), g.bootVolume},
        {QStringLiteral("boot_filesystem"), g.bootFilesystem},
        {QStringLiteral("boot_only"), g.bootOnly},
        {QStringLiteral("obstacle"), g.obstacle},
        {QStringLiteral("evidence"), evidence},
    };
    if (g.family == QLatin1String("windows")) {
        out.insert(QStringLiteral("windows"), windowsToJson(g.windows));
    } else if (g.family == QLatin1String("linux")) {
        out.insert(QStringLiteral("kernels"), kernels);
        out.insert(QStringLiteral("interfaces"), interfaces);
        out.insert(QStringLiteral("ipv6_disabled"), g.ipv6Disabled);
        out.insert(QStringLiteral("fstab"), fstab);
        out.insert(QStringLiteral("boot_loader"), bootLoader);
        out.insert(QStringLiteral("cloud_init"), g.cloudInit);
    } else if (g.bootOnly) {
        out.insert(QStringLiteral("kernels"), kernels); // read from /boot alone
    }
    return out;
}

QJsonObject formToJson(const FormSuggestion& f)
{
    return QJsonObject{
        {QStringLiteral("OsType"), f.osType},
        {QStringLiteral("OsVersion"), f.osVersion},
        {QStringLiteral("Architecture"), f.architecture},
        {QStringLiteral("BootMode"), f.bootMode},
        {QStringLiteral("LicenseType"), f.licenseType},
        {QStringLiteral("ImageName"), f.imageName},
        {QStringLiteral("notes"), stringsToJson(f.notes)},
    };
}

} // namespace

namespace {
// The inspection's budgets and what was spent; not_read lists the parts the deadline cut.
QJsonObject limitsToJson(const inspect::InspectionLimits& l)
{
    return QJsonObject{
        {QStringLiteral("time_limit_seconds"), double(l.timeLimitMs) / 1000.0},
        {QStringLiteral("timed_out"), !l.notRead.isEmpty()},
        {QStringLiteral("not_read"), QJsonArray::fromStringList(l.notRead)},
        {QStringLiteral("initramfs_unpacked_bytes"), double(l.decompressedBytes)},
        {QStringLiteral("initramfs_unpacked_limit"), double(l.maxDecompressedBytes)},
        {QStringLiteral("initramfs_scans"), l.kernelScans},
        {QStringLiteral("initramfs_scan_limit"), l.maxKernelScans},
    };
}
} // namespace

QJsonObject checkResultToJson(const inspect::ImageFacts& facts, const Report& report)
{
    QJsonObject out{
        {QStringLiteral("schema"), 1},
        {QStringLiteral("path"), facts.path},
        {QStringLiteral("file_size"), double(facts.fileSize)},
        {QStringLiteral("policy"), QJsonObject{{QStringLiteral("id"), report.policyId},
                                               {QStringLiteral("version"), report.policyVersion}}},
        {QStringLiteral("rules"), rulesToJson(report)},
        {QStringLiteral("compliant"), report.compliant()},
        {QStringLiteral("inspection"), limitsToJson(facts.limits)},
    };
    if (facts.error.isSet()) {
        out.insert(QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("code"), facts.error.code},
                               {QStringLiteral("message"), facts.error.message}});
        return out;
    }
    out.insert(QStringLiteral("format"), facts.format);
    out.insert(QStringLiteral("subformat"), facts.subformat);
    out.insert(QStringLiteral("converted_to"),
               facts.convertedTo.isEmpty() ? QJsonValue() : QJsonValue(facts.convertedTo));
    out.insert(QStringLiteral("virtual_size"), double(facts.virtualSize));
    QJsonArray findings;
    for (const auto& f : facts.containerFindings)
        findings.append(QJsonObject{{QStringLiteral("severity"), severityName(f.severity)},
                                    {QStringLiteral("code"), f.code},
                                    {QStringLiteral("message"), f.message}});
    out.insert(QStringLiteral("findings"), findings);
    if (facts.layoutKnown) {
        out.insert(QStringLiteral("partition_table"), facts.layout.partitionTable);
        out.insert(QStringLiteral("boot_code"), facts.layout.bootCode);
        QJsonArray partitions;
        for (const auto& p : facts.layout.partitions)
            partitions.append(partitionToJson(p));
        out.insert(QStringLiteral("partitions"), partitions);
        QJsonArray groups, volumes;
        for (const auto& vg : facts.layout.volumeGroups)
            groups.append(volumeGroupToJson(vg));
        for (const auto& lv : facts.layout.logicalVolumes)
            volumes.append(logicalVolumeToJson(lv));
        out.insert(QStringLiteral("volume_groups"), groups);
        out.insert(QStringLiteral("logical_volumes"), volumes);
        out.insert(QStringLiteral("os"), guestToJson(facts.guest));
        out.insert(QStringLiteral("form_suggestion"), formToJson(report.form));
    } else {
        out.insert(QStringLiteral("partition_table"), QJsonValue::Null);
        out.insert(QStringLiteral("partitions"), QJsonArray{});
        out.insert(QStringLiteral("layout_error"),
                   QJsonObject{{QStringLiteral("code"), facts.layoutError.code},
                               {QStringLiteral("message"), facts.layoutError.message}});
    }
    return out;
}

} // namespace cvmi::policy

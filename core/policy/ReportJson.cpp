#include "policy/ReportJson.h"

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
    };
    if (facts.error.isSet()) {
        out.insert(QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("code"), facts.error.code},
                               {QStringLiteral("message"), facts.error.message}});
        return out;
    }
    out.insert(QStringLiteral("format"), facts.format);
    out.insert(QStringLiteral("subformat"), facts.subformat);
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

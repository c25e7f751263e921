#include "policy/ReportHtml.h"

#include "inspect/VolumeNames.h"

#include "util/Units.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

namespace cvmi::policy {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::policy::ReportHtml)
};

// Light and print friendly; the verdict colours match the wizard's icons.
constexpr const char* kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
       color: #1f2328; background: #fff; max-width: 56em; margin: 2em auto; padding: 0 1.5em;
       line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #d0d7de;
     padding-bottom: 0.2em; }
h3 { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.06em; color: #57606a;
     margin: 1.4em 0 0.4em; }
.summary { font-size: 1.15em; font-weight: bold; margin: 0.4em 0 0.1em; }
.meta, .secondary { color: #57606a; }
table.facts { border-collapse: collapse; }
table.facts th { text-align: left; font-weight: normal; color: #57606a; vertical-align: top;
                 padding: 0.15em 1.2em 0.15em 0; white-space: nowrap; }
table.facts td { vertical-align: top; padding: 0.15em 0; }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.rules { list-style: none; margin: 0; padding: 0; }
ul.rules li { margin: 0 0 0.8em; padding-left: 1.8em; position: relative; }
.sym { position: absolute; left: 0; width: 1.3em; text-align: center; font-weight: bold; }
.title { font-weight: bold; }
.verdict { color: #57606a; font-size: 0.9em; }
.evidence { margin-top: 0.1em; }
.fix { margin-top: 0.2em; color: #3d444d; }
.id { color: #8c959f; font-size: 0.85em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f4f6;
       padding: 0 0.2em; border-radius: 3px; }
.pass .sym, .pass .sym-inline { color: #1a7f37; }
.warn .sym, .warn .sym-inline { color: #9a6700; }
.fail .sym, .fail .sym-inline { color: #cf222e; }
.unknown .sym { color: #57606a; }
.error { border: 1px solid #cf222e; background: #fff5f5; padding: 0.6em 1em; border-radius: 6px; }
)";

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// Evidence and fixes quote commands between backticks (the CLI prints them as they are); the
// page sets them as code. Everything is escaped first.
QString richText(const QString& text)
{
    const QStringList pieces = text.split(u'`');
    QString html;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QString escaped = esc(pieces.at(i));
        html += i % 2 == 1 ? QStringLiteral("<code>%1</code>").arg(escaped) : escaped;
    }
    return html.replace(u'\n', QStringLiteral("<br>"));
}

QString symbol(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("✓");
    case Verdict::Warn:
        return QStringLiteral("⚠");
    case Verdict::Fail:
        return QStringLiteral("✗");
    case Verdict::Unknown:
        break;
    }
    return QStringLiteral("?");
}

QString verdictWord(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return Text::tr("Passed");
    case Verdict::Warn:
        return Text::tr("Warning");
    case Verdict::Fail:
        return Text::tr("Failed");
    case Verdict::Unknown:
        break;
    }
    return Text::tr("Not determined");
}

// One table row; `valueHtml` is already escaped.
QString row(const QString& name, const QString& valueHtml)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(name), valueHtml);
}

QString partitionsHtml(const inspect::DiskLayout& layout)
{
    QString html = QStringLiteral("<ul class=\"plain\">");
    for (const auto& p : layout.partitions) {
        QString name =
            p.index == 0 ? Text::tr("Whole disk") : Text::tr("Partition %1").arg(p.index);
        if (p.bootable)
            name = Text::tr("%1, bootable").arg(name);
        QStringList details{p.filesystem.isEmpty() ? Text::tr("unknown") : p.filesystem,
                            formatBytes(p.size)};
        if (!p.label.isEmpty())
            details << Text::tr("“%1”").arg(p.label);
        if (!p.typeName.isEmpty())
            details << p.typeName;
        html += QStringLiteral("<li>%1 <span class=\"secondary\">%2</span></li>")
                    .arg(esc(name), esc(details.join(QStringLiteral(" · "))));
    }
    return html + QStringLiteral("</ul>");
}

QString logicalVolumesHtml(const inspect::DiskLayout& layout)
{
    QString html = QStringLiteral("<ul class=\"plain\">");
    for (const auto& lv : layout.logicalVolumes)
        html += QStringLiteral("<li>%1 <span class=\"secondary\">%2</span></li>")
                    .arg(esc(lv.name()), esc(inspect::volumeDetails(lv)));
    return html + QStringLiteral("</ul>");
}

QString kernelsHtml(const QList<inspect::KernelFacts>& kernels)
{
    QString html = QStringLiteral("<ul class=\"plain\">");
    for (const auto& k : kernels) {
        QStringList virtio = k.virtioModules;
        for (const auto& name : k.virtioBuiltin) {
            if (!virtio.contains(name))
                virtio << name;
        }
        const QString detail = virtio.isEmpty()
                                   ? Text::tr("no virtio drivers")
                                   : Text::tr("virtio: %1").arg(virtio.join(QStringLiteral(", ")));
        html += QStringLiteral("<li>%1 <span class=\"secondary\">%2</span></li>")
                    .arg(esc(k.version), esc(detail));
    }
    return html + QStringLiteral("</ul>");
}

QString factsHtml(const inspect::ImageFacts& facts)
{
    QString html = QStringLiteral("<table class=\"facts\">\n");
    html += row(Text::tr("File"), esc(facts.path));
    html += row(Text::tr("File size"), esc(formatBytesExact(facts.fileSize)));
    if (facts.error.isSet())
        return html + QStringLiteral("</table>\n");
    const QString format = facts.subformat.isEmpty() || facts.subformat == facts.format
                               ? facts.format
                               : Text::tr("%1 (%2)").arg(facts.format, facts.subformat);
    html += row(Text::tr("Format"), esc(format));
    html += row(Text::tr("Virtual size"), esc(formatBytesExact(facts.virtualSize)));
    QString table;
    if (!facts.layoutKnown)
        table = Text::tr("Unreadable: %1").arg(facts.layoutError.message);
    else if (facts.layout.partitionTable == QLatin1String("none"))
        table = Text::tr("None (one file system fills the disk)");
    else
        table = facts.layout.partitionTable.toUpper();
    html += row(Text::tr("Partition table"), esc(table));
    if (facts.layoutKnown && !facts.layout.partitions.isEmpty())
        html += row(Text::tr("Partitions"), partitionsHtml(facts.layout));

    if (facts.layoutKnown && !facts.layout.logicalVolumes.isEmpty())
        html += row(Text::tr("Logical volumes"), logicalVolumesHtml(facts.layout));

    const auto& guest = facts.guest;
    if (!guest.family.isEmpty()) {
        const QString root = inspect::rootLocation(guest);
        const QString name = guest.prettyName.isEmpty() ? guest.distroName : guest.prettyName;
        html += row(Text::tr("System"),
                    esc(Text::tr("%1 · %2 · %3 · on %4")
                            .arg(name, guest.architecture, guest.rootFilesystem, root)));
        if (!guest.kernels.isEmpty())
            html += row(Text::tr("Kernels"), kernelsHtml(guest.kernels));
    } else if (guest.searched && facts.layoutKnown) {
        html +=
            row(Text::tr("System"),
                esc(guest.obstacle.isEmpty() ? Text::tr("none found")
                                             : Text::tr("not readable: %1").arg(guest.obstacle)));
    }
    if (!facts.containerFindings.isEmpty()) {
        QString notes = QStringLiteral("<ul class=\"plain\">");
        for (const auto& finding : facts.containerFindings)
            notes += QStringLiteral("<li>%1</li>").arg(richText(finding.message));
        html += row(Text::tr("Container notes"), notes + QStringLiteral("</ul>"));
    }
    return html + QStringLiteral("</table>\n");
}

QString formHtml(const FormSuggestion& form)
{
    const auto valueOrDash = [](const QString& value) {
        return value.isEmpty() ? Text::tr("(not proposed)") : value;
    };
    QString html = QStringLiteral("<table class=\"facts\">\n");
    html += row(QStringLiteral("OsType"), esc(valueOrDash(form.osType)));
    html += row(QStringLiteral("OsVersion"), esc(valueOrDash(form.osVersion)));
    html += row(QStringLiteral("Architecture"), esc(valueOrDash(form.architecture)));
    html += row(QStringLiteral("BootMode"), esc(valueOrDash(form.bootMode)));
    html += row(QStringLiteral("LicenseType"), esc(valueOrDash(form.licenseType)));
    html += row(QStringLiteral("ImageName"), esc(valueOrDash(form.imageName)));
    html += QStringLiteral("</table>\n");
    if (!form.notes.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const auto& note : form.notes)
            html += QStringLiteral("<li>%1</li>").arg(richText(note));
        html += QStringLiteral("</ul>\n");
    }
    return html;
}

QString ruleHtml(const RuleResult& rule)
{
    const QString verdict = verdictName(rule.verdict);
    QString html = QStringLiteral("<li class=\"%1\" id=\"rule-%2\">"
                                  "<span class=\"sym\" title=\"%3\" aria-label=\"%3\">%4</span>"
                                  "<span class=\"title\">%5</span> "
                                  "<span class=\"verdict\">— %3</span> "
                                  "<span class=\"id\">%6</span>")
                       .arg(esc(verdict), esc(rule.id), esc(verdictWord(rule.verdict)),
                            symbol(rule.verdict), esc(rule.title), esc(rule.id));
    if (!rule.evidence.isEmpty())
        html += QStringLiteral("<div class=\"evidence\">%1</div>").arg(richText(rule.evidence));
    if (rule.verdict != Verdict::Pass && !rule.fix.isEmpty())
        html += QStringLiteral("<div class=\"fix\"><b>%1</b> %2</div>")
                    .arg(esc(Text::tr("How to fix:")), richText(rule.fix));
    return html + QStringLiteral("</li>\n");
}

} // namespace

QString ruleGroupTitle(const QString& group)
{
    static const QHash<QString, const char*> titles{
        {QStringLiteral("image"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Image file")},
        {QStringLiteral("layout"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Disk layout")},
        {QStringLiteral("os"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Operating system")},
        {QStringLiteral("boot"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Boot")},
        {QStringLiteral("drivers"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Drivers")},
        {QStringLiteral("network"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Network")},
        {QStringLiteral("kernel"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Kernel")},
        {QStringLiteral("licence"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Licensing")},
        {QStringLiteral("practice"),
         QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Good practice")},
        {QStringLiteral("windows"), QT_TRANSLATE_NOOP("cvmi::policy::ReportHtml", "Windows")},
    };
    const char* title = titles.value(group);
    return title ? Text::tr(title) : group;
}

QStringList ruleGroups(const Report& report)
{
    QStringList groups;
    for (const auto& rule : report.rules) {
        if (!groups.contains(rule.group))
            groups << rule.group;
    }
    return groups;
}

QString reportToHtml(const inspect::ImageFacts& facts, const Report& report)
{
    int failures = 0, warnings = 0, unknown = 0;
    for (const auto& rule : report.rules) {
        failures += rule.verdict == Verdict::Fail;
        warnings += rule.verdict == Verdict::Warn;
        unknown += rule.verdict == Verdict::Unknown;
    }
    const bool importable = !facts.error.isSet() && report.compliant();
    const QString fileName = QFileInfo(facts.path).fileName();
    const QString title = Text::tr("Import check: %1").arg(fileName);
    const QString headline = importable && warnings == 0 ? Text::tr("Ready to import")
                             : importable                ? Text::tr("Importable: read the warnings")
                             : failures > 1 ? Text::tr("Not importable: %1 problems").arg(failures)
                                            : Text::tr("Not importable: 1 problem");
    const int total = int(report.rules.size());
    QStringList counts;
    counts << Text::tr("passed: %1 of %2").arg(total - failures - warnings - unknown).arg(total);
    if (failures > 0)
        counts << Text::tr("failed: %1").arg(failures);
    if (warnings > 0)
        counts << Text::tr("warnings: %1").arg(warnings);
    if (unknown > 0)
        counts << Text::tr("not determined: %1").arg(unknown);
    const Verdict overall =
        importable ? (warnings > 0 ? Verdict::Warn : Verdict::Pass) : Verdict::Fail;

    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, "
                           "initial-scale=1\">\n<title>%1</title>\n<style>%2</style>\n</head>\n"
                           "<body>\n")
                .arg(esc(title), QLatin1String(kStyle));
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(title));
    html += QStringLiteral("<p class=\"summary %1\"><span class=\"sym-inline\">%2</span> %3</p>\n")
                .arg(verdictName(overall), symbol(overall), esc(headline));
    html +=
        QStringLiteral("<p class=\"meta\">%1</p>\n")
            .arg(esc(Text::tr("Rules %1 %2 — %3.")
                         .arg(report.policyId, report.policyVersion, counts.join(Text::tr(", ")))));
    if (facts.error.isSet())
        html +=
            QStringLiteral("<div class=\"error\"><b>%1</b><br>%2<br>"
                           "<span class=\"secondary\">%3</span></div>\n")
                .arg(esc(Text::tr("This file cannot be inspected")), richText(facts.error.message),
                     esc(Text::tr("Error code: %1").arg(facts.error.code)));

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(Text::tr("Image")));
    html += factsHtml(facts);
    if (!facts.error.isSet()) {
        html += QStringLiteral("<h2>%1</h2>\n").arg(esc(Text::tr("Proposed import values")));
        html += formHtml(report.form);
    }

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(Text::tr("Rules")));
    for (const QString& group : ruleGroups(report)) {
        html +=
            QStringLiteral("<h3>%1</h3>\n<ul class=\"rules\">\n").arg(esc(ruleGroupTitle(group)));
        for (const auto& rule : report.rules) {
            if (rule.group == group)
                html += ruleHtml(rule);
        }
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("<p class=\"meta\">%1</p>\n</body>\n</html>\n")
                .arg(esc(Text::tr("Made by CVM Import Wizard. ✓ passed, ⚠ warning, ✗ failed, "
                                  "? not determined.")));
    return html;
}

} // namespace cvmi::policy

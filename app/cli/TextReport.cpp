#include "TextReport.h"

#include "inspect/VolumeNames.h"
#include "util/Units.h"

#include <QCoreApplication>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::TextReport)
};

QString symbol(policy::Verdict verdict, bool unicode)
{
    switch (verdict) {
    case policy::Verdict::Pass:
        return unicode ? QStringLiteral("✓") : QStringLiteral("[ok]  ");
    case policy::Verdict::Warn:
        return unicode ? QStringLiteral("⚠") : QStringLiteral("[warn]");
    case policy::Verdict::Fail:
        return unicode ? QStringLiteral("✗") : QStringLiteral("[FAIL]");
    case policy::Verdict::Unknown:
        break;
    }
    return unicode ? QStringLiteral("?") : QStringLiteral("[?]   ");
}

QString indent(const QString& text, const QString& prefix)
{
    QStringList lines = text.split(u'\n');
    for (QString& line : lines)
        line.prepend(prefix);
    return lines.join(u'\n');
}

void printFacts(QTextStream& out, const inspect::ImageFacts& f)
{
    out << Text::tr("Image:      %1").arg(f.path) << '\n';
    out << Text::tr("File size:  %1").arg(formatBytesExact(f.fileSize)) << '\n';
    if (f.error.isSet())
        return;
    if (f.convertedTo.isEmpty())
        out << Text::tr("Format:     %1 (%2)").arg(f.format, f.subformat) << '\n';
    else
        out << Text::tr("Format:     %1 (%2), converted to %3 by the upload")
                   .arg(f.format, f.subformat, f.convertedTo)
            << '\n';
    out << Text::tr("Disk size:  %1").arg(formatBytesExact(f.virtualSize)) << '\n';
    if (!f.layoutKnown) {
        out << Text::tr("Partitions: unreadable (%1)").arg(f.layoutError.message) << '\n';
        return;
    }
    out << Text::tr("Partitions: %1").arg(f.layout.partitionTable.toUpper()) << '\n';
    for (const auto& p : f.layout.partitions) {
        out << QStringLiteral("  %1  %2  %3  %4%5  %6%7\n")
                   .arg(p.index == 0 ? QStringLiteral("-") : QString::number(p.index), -3)
                   .arg(formatBytes(p.start), 10)
                   .arg(formatBytes(p.size), 10)
                   .arg(p.filesystem, -8)
                   .arg(p.label.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(p.label))
                   .arg(p.typeName.isEmpty() ? p.type : p.typeName)
                   .arg(p.bootable ? Text::tr(" (boot)") : QString());
    }
    if (!f.layout.logicalVolumes.isEmpty())
        out << Text::tr("Logical volumes:") << '\n';
    for (const auto& lv : f.layout.logicalVolumes)
        out << QStringLiteral("  %1  %2\n").arg(lv.name(), -16).arg(inspect::volumeDetails(lv));
}

void printGuest(QTextStream& out, const inspect::ImageFacts& f)
{
    const auto& g = f.guest;
    if (!f.layoutKnown || !g.searched)
        return;
    if (g.family.isEmpty()) {
        out << Text::tr("System:     none found%1")
                   .arg(g.obstacle.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(g.obstacle))
            << '\n';
        return;
    }
    out << Text::tr("System:     %1, %2, on %3")
               .arg(g.prettyName.isEmpty() ? g.distroName : g.prettyName, g.architecture,
                    inspect::rootLocation(g))
        << '\n';
    for (const auto& k : g.kernels)
        out << Text::tr("Kernel:     %1%2")
                   .arg(k.version, k.native ? QString() : Text::tr(" (not native)"))
            << '\n';
}

void printForm(QTextStream& out, const policy::FormSuggestion& form)
{
    if (form.osType.isEmpty())
        return;
    out << Text::tr("Import as:  OsType=%1 OsVersion=%2 Architecture=%3 BootMode=\"%4\" "
                    "LicenseType=%5 ImageName=%6")
               .arg(form.osType, form.osVersion, form.architecture, form.bootMode, form.licenseType,
                    form.imageName)
        << '\n';
    for (const QString& note : form.notes)
        out << "            " << note << '\n';
}

} // namespace

void printTextReport(QTextStream& out, const inspect::ImageFacts& facts,
                     const policy::Report& report, bool unicodeSymbols)
{
    printFacts(out, facts);
    printGuest(out, facts);
    if (!facts.limits.notRead.isEmpty())
        out << Text::tr("Time limit: %1 s, ran out; not read: %2")
                   .arg(QString::number(double(facts.limits.timeLimitMs) / 1000.0, 'g', 6),
                        facts.limits.notRead.join(QStringLiteral(", ")))
            << '\n';
    out << '\n';
    if (facts.error.isSet())
        out << Text::tr("Error [%1]: %2").arg(facts.error.code, facts.error.message) << "\n\n";
    int failures = 0;
    for (const auto& rule : report.rules) {
        failures += rule.verdict == policy::Verdict::Fail;
        out << symbol(rule.verdict, unicodeSymbols) << ' ' << rule.title << '\n';
        if (rule.verdict != policy::Verdict::Pass || !rule.evidence.isEmpty())
            out << indent(rule.evidence, QStringLiteral("    ")) << '\n';
        if (!rule.fix.isEmpty())
            out << indent(Text::tr("Fix: %1").arg(rule.fix), QStringLiteral("    ")) << '\n';
    }
    out << '\n';
    if (report.compliant() && !facts.limits.notRead.isEmpty())
        out << Text::tr("Result: NOT fully checked: the inspection ran out of time; no rule failed "
                        "in what was read.")
            << '\n';
    else if (report.compliant())
        out << Text::tr("Result: meets the import rules (rules %1 %2).")
                   .arg(report.policyId, report.policyVersion)
            << '\n';
    else
        out << Text::tr("Result: NOT importable: %n rule(s) failed.", nullptr, failures) << '\n';
    printForm(out, report.form);
}

} // namespace cvmi::cli

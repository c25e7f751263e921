#include "repair/FixScript.h"

#include "repair/FixStep.h"

#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

namespace cvmi::repair {

namespace {

QString resourceText(const QString& path)
{
    QFile file(path);
    // Compiled into the program: failing to open it is a broken build, tested.
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

struct Collected {
    QList<QPair<const policy::RuleResult*, FixStep>> steps;
    QList<QPair<const policy::RuleResult*, QString>> manual;
};

Collected collect(const inspect::ImageFacts& facts, const policy::Report& report)
{
    Collected out;
    for (const policy::RuleResult& rule : report.rules) {
        if (rule.verdict != policy::Verdict::Fail && rule.verdict != policy::Verdict::Warn)
            continue;
        QString manual;
        QList<FixStep> steps;
        const bool windows = facts.guest.family == QLatin1String("windows");
        if (const StepDefinition* definition = findSteps(rule.check, windows))
            steps = definition->steps(facts, rule, &manual);
        for (const FixStep& step : steps)
            out.steps.append({&rule, step});
        if (steps.isEmpty())
            out.manual.append({&rule, manual.isEmpty() ? rule.fix : manual});
    }
    return out;
}

QString header(const inspect::ImageFacts& facts, const policy::Report& report,
               const Collected& found, const QString& version, bool windows)
{
    const QString image = facts.path.section(u'/', -1);
    QStringList lines;
    lines << Fix::tr("Repair script written by cvm-import %1 from the check of %2 (%3, rule file "
                     "%4 %5).")
                 .arg(version, image,
                      facts.guest.prettyName.isEmpty() ? facts.guest.distroName
                                                       : facts.guest.prettyName,
                      report.policyId, report.policyVersion);
    lines << Fix::tr("Run it inside the source virtual machine, as %1, then shut the machine "
                     "down cleanly, export the disk again and check it again.")
                 .arg(windows ? Fix::tr("an administrator") : QStringLiteral("root"));
    if (windows) {
        lines << Fix::tr("  powershell -ExecutionPolicy Bypass -File fix.ps1 -DryRun   shows what "
                         "would change")
              << Fix::tr("  powershell -ExecutionPolicy Bypass -File fix.ps1           changes it");
    } else {
        lines << Fix::tr("  sh fix.sh --dry-run     shows what would change")
              << Fix::tr("  sh fix.sh               changes it")
              << Fix::tr("  sh fix.sh --root DIR    changes the system whose root is mounted at "
                         "DIR instead");
    }
    lines << Fix::tr(
        "Every step checks first and changes only what is still wrong: running it "
        "twice is safe. Changed files are kept as they were under /var/backups/cvm-import/.");
    if (!found.manual.isEmpty()) {
        lines << QString() << Fix::tr("Not fixed by this script (do these by hand):");
        for (const auto& [rule, text] : found.manual)
            lines << QStringLiteral("  %1: %2").arg(rule->id, text);
    }
    return comment(lines.join(u'\n'));
}

} // namespace

QString FixScript::suggestedFileName() const
{
    return language == Language::PowerShell ? QStringLiteral("fix.ps1") : QStringLiteral("fix.sh");
}

FixScript buildFixScript(const inspect::ImageFacts& facts, const policy::Report& report,
                         const QString& programVersion)
{
    FixScript script;
    const Collected found = collect(facts, report);
    for (const auto& [rule, text] : found.manual)
        script.manualRules << rule->id;
    if (found.steps.isEmpty())
        return script;
    const bool windows = facts.guest.family == QLatin1String("windows");
    script.language = windows ? FixScript::Language::PowerShell : FixScript::Language::Shell;
    script.steps = int(found.steps.size());

    QStringList out;
    const QString top = header(facts, report, found, programVersion, windows);
    if (windows)
        out << top + QStringLiteral("\nparam([switch]$DryRun)\n");
    else
        // Guest values are single-quoted on purpose, `$` and all (shellcheck's SC2016 is about
        // expansions meant to happen).
        out << QStringLiteral("#!/bin/sh\n# shellcheck disable=SC2016\n") + top + u'\n';
    out << resourceText(windows ? QStringLiteral(":/repair/prelude.ps1")
                                : QStringLiteral(":/repair/prelude.sh"));
    int n = 0;
    for (const auto& [rule, step] : found.steps) {
        if (!script.fixedRules.contains(rule->id))
            script.fixedRules << rule->id;
        ++n;
        out << QStringLiteral("# ---- %1. %2").arg(n).arg(rule->id) + u'\n' +
                   comment(Fix::tr("Found: %1").arg(rule->evidence)) + u'\n' +
                   (windows ? QStringLiteral("Step %1 %2\n") : QStringLiteral("step %1 %2\n"))
                       .arg(windows ? psQuote(rule->id) : shQuote(rule->id),
                            windows ? psQuote(step.title) : shQuote(step.title)) +
                   step.code.trimmed() + u'\n';
    }
    out << (windows ? QStringLiteral("Finish\n") : QStringLiteral("finish\n"));
    script.text = out.join(u'\n');
    return script;
}

bool saveFixScript(const FixScript& script, const QString& path, Error* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.text.toUtf8()) < 0) {
        return fail(
            error, QStringLiteral("fix_script_unwritable"),
            Fix::tr("Cannot write the repair script %1: %2.").arg(path, file.errorString()));
    }
    if (script.language == FixScript::Language::Shell)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    if (!file.commit()) {
        return fail(
            error, QStringLiteral("fix_script_unwritable"),
            Fix::tr("Cannot write the repair script %1: %2.").arg(path, file.errorString()));
    }
    return true;
}

QJsonObject fixScriptToJson(const FixScript& script)
{
    QJsonValue language;
    if (script.language == FixScript::Language::Shell)
        language = QStringLiteral("sh");
    else if (script.language == FixScript::Language::PowerShell)
        language = QStringLiteral("powershell");
    return QJsonObject{
        {QStringLiteral("language"), language},
        {QStringLiteral("steps"), script.steps},
        {QStringLiteral("rules"), QJsonArray::fromStringList(script.fixedRules)},
        {QStringLiteral("manual_rules"), QJsonArray::fromStringList(script.manualRules)},
    };
}

} // namespace cvmi::repair

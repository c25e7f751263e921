#include "widgets/ReportView.h"

#include "Icons.h"
#include "widgets/ElidedLabel.h"
#include "widgets/ReportLabels.h"
#include "widgets/RuleRow.h"
#include "widgets/WrappingLabel.h"

#include "inspect/VolumeNames.h"
#include "policy/ReportHtml.h"
#include "util/Units.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cvmi::ui {

namespace {

constexpr int kSummaryIconSize = 36;

QString formatLabel(const inspect::ImageFacts& facts)
{
    if (facts.subformat.isEmpty() || facts.subformat == facts.format)
        return facts.format;
    return ReportView::tr("%1 (%2)").arg(facts.format, facts.subformat);
}

QString partitionTableLabel(const inspect::ImageFacts& facts)
{
    if (!facts.layoutKnown)
        return ReportView::tr("Unreadable: %1").arg(facts.layoutError.message);
    const QString table = facts.layout.partitionTable;
    if (table == QLatin1String("none"))
        return ReportView::tr("None (one file system fills the disk)");
    return table.toUpper();
}

} // namespace

ReportView::ReportView(QWidget* parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("reportView"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    showNothingChosen();
}

void ReportView::showNothingChosen()
{
    showMessage(tr("Choose an image to see whether Tencent Cloud can import it."));
}

void ReportView::showMessage(const QString& message)
{
    m_hasReport = false;
    m_ruleCount = 0;
    auto* label = new WrappingLabel(message);
    label->setObjectName(QStringLiteral("reportMessage"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, secondaryColor());
    label->setPalette(pal);
    setWidget(label); // deletes the previous content
    // A message has nothing to scroll or reach: Tab passes it by instead of stopping on an
    // invisible frame. A report takes focus again, for Page Up/Down.
    setFocusPolicy(Qt::NoFocus);
}

void ReportView::showInspection(const InspectionResult& result)
{
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("reportContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 4, 2, 4);
    layout->setSpacing(14);
    layout->addWidget(buildSummary(result));
    if (result.facts.error.isSet())
        layout->addWidget(buildError(result.facts));

    // The checklist is what the user came for, so it takes the wide column; the facts it was
    // judged on sit beside it for reference.
    // What blocks or endangers the import comes first, so that it is on screen without
    // scrolling; the remaining rules follow in the rule file's groups (image, layout, os, ...),
    // a heading per group, to keep a long checklist scannable.
    auto* checks = buildChecks(result);

    auto* facts = new QVBoxLayout;
    facts->setSpacing(8);
    facts->addWidget(sectionTitle(tr("Image")));
    facts->addWidget(buildFacts(result.facts, result.report.form));
    facts->addStretch();

    auto* columns = new QHBoxLayout;
    columns->setSpacing(28);
    columns->addLayout(checks, 3);
    columns->addLayout(facts, 2);
    layout->addLayout(columns);
    layout->addStretch();

    setWidget(content); // deletes the previous content
    setFocusPolicy(Qt::StrongFocus);
    m_hasReport = true;
    m_ruleCount = int(result.report.rules.size());
}

QVBoxLayout* ReportView::buildChecks(const InspectionResult& result) const
{
    auto* checks = new QVBoxLayout;
    checks->setSpacing(12);
    // A file that is no disk image leaves every rule that reads the disk undetermined: one line
    // says so instead of a grey row each, and the error box above already gives the reason, so
    // a rule whose evidence only repeats it shows its fix alone.
    const bool unreadable = result.facts.error.isSet();
    QList<policy::RuleResult> rules;
    QStringList skipped;
    for (policy::RuleResult rule : result.report.rules) {
        if (unreadable && rule.verdict == policy::Verdict::Unknown) {
            skipped << rule.title;
            continue;
        }
        if (unreadable && rule.evidence == result.facts.error.message)
            rule.evidence.clear();
        rules.append(rule);
    }
    const auto needsAttention = [](const policy::RuleResult& rule) {
        return rule.verdict == policy::Verdict::Fail || rule.verdict == policy::Verdict::Warn;
    };
    QList<const policy::RuleResult*> attention;
    for (const policy::Verdict verdict : {policy::Verdict::Fail, policy::Verdict::Warn}) {
        for (const auto& rule : rules) {
            if (rule.verdict == verdict)
                attention.append(&rule);
        }
    }
    if (!attention.isEmpty()) {
        checks->addWidget(sectionTitle(tr("Needs attention")));
        for (const auto* rule : attention)
            checks->addWidget(new RuleRow(*rule, secondaryColor(), devicePixelRatioF()));
    }
    // Groups in the order the rule file introduces them, even if its rules interleave.
    for (const QString& group : policy::ruleGroups(result.report)) {
        QList<const policy::RuleResult*> inGroup;
        for (const auto& rule : rules) {
            if (rule.group == group && !needsAttention(rule))
                inGroup.append(&rule);
        }
        if (inGroup.isEmpty())
            continue;
        if (checks->count() > 0)
            checks->addSpacing(6);
        checks->addWidget(sectionTitle(policy::ruleGroupTitle(group)));
        for (const auto* rule : inGroup)
            checks->addWidget(new RuleRow(*rule, secondaryColor(), devicePixelRatioF()));
    }
    if (!skipped.isEmpty()) {
        auto* more = secondaryLabel(
            tr("Checks that need a readable disk image: %1 more.").arg(skipped.size()));
        more->setObjectName(QStringLiteral("skippedRules"));
        more->setWordWrap(true);
        more->setToolTip(skipped.join(u'\n'));
        checks->addWidget(more);
    }
    checks->addStretch();
    return checks;
}

QWidget* ReportView::buildSummary(const InspectionResult& result) const
{
    int failures = 0, warnings = 0, unknown = 0;
    for (const auto& rule : result.report.rules) {
        failures += rule.verdict == policy::Verdict::Fail;
        warnings += rule.verdict == policy::Verdict::Warn;
        unknown += rule.verdict == policy::Verdict::Unknown;
    }
    const bool compliant = result.importable();
    const policy::Verdict overall =
        compliant ? (warnings > 0 ? policy::Verdict::Warn : policy::Verdict::Pass)
                  : policy::Verdict::Fail;

    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("summary"));
    box->setProperty("verdict", policy::verdictName(overall));
    auto* icon = new QLabel;
    icon->setPixmap(verdictPixmap(overall, kSummaryIconSize, devicePixelRatioF()));
    icon->setFixedSize(kSummaryIconSize, kSummaryIconSize);
    icon->setAccessibleName(verdictWord(overall));

    // Two whole sentences rather than "%n problem(s)": no English plural translation is loaded,
    // and the headline is the first thing a user reads.
    auto* headline = new QLabel(compliant && warnings == 0 ? tr("Ready to import")
                                : compliant                ? tr("Importable: read the warnings")
                                : failures > 1 ? tr("Not importable: %1 problems").arg(failures)
                                               : tr("Not importable: 1 problem"));
    headline->setObjectName(QStringLiteral("summaryHeadline"));
    setBold(headline, 1.3);

    // Counts as "label: number" rather than "%n rule(s)": they read well without a plural-aware
    // English translation loaded.
    const int total = int(result.report.rules.size());
    QStringList counts;
    counts << tr("passed: %1 of %2").arg(total - failures - warnings - unknown).arg(total);
    if (warnings > 0)
        counts << tr("warnings: %1").arg(warnings);
    if (unknown > 0)
        counts << tr("not determined: %1").arg(unknown);
    auto* detail = secondaryLabel(
        tr("Rules %1 %2 — %3.")
            .arg(result.report.policyId, result.report.policyVersion, counts.join(tr(", "))));
    detail->setObjectName(QStringLiteral("summaryDetail"));
    detail->setWordWrap(true);

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(headline);
    text->addWidget(detail);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return box;
}

QWidget* ReportView::buildError(const inspect::ImageFacts& facts) const
{
    auto* box = new QFrame;
    box->setObjectName(QStringLiteral("errorBox"));
    box->setFrameShape(QFrame::StyledPanel);
    box->setAutoFillBackground(true);
    QPalette pal = box->palette();
    const QColor red(0xd9, 0x30, 0x25);
    pal.setColor(QPalette::Window, mixColors(pal.color(QPalette::Base), red, 0.08));
    box->setPalette(pal);

    auto* title = new QLabel(tr("This file cannot be inspected"));
    setBold(title);
    auto* message = wrappingLabel(facts.error.message, Qt::RichText);
    message->setObjectName(QStringLiteral("errorMessage"));
    auto* code = secondaryLabel(tr("Error code: %1").arg(facts.error.code));
    code->setObjectName(QStringLiteral("errorCode"));
    code->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(message);
    layout->addWidget(code);
    return box;
}

QWidget* ReportView::buildFacts(const inspect::ImageFacts& facts,
                                const policy::FormSuggestion& suggestion) const
{
    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("facts"));
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(6);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    const auto addRow = [&](const QString& name, QWidget* value) {
        // QFormLayout gives a label next to a tall field some extra height; top alignment keeps
        // the label on the field's first line instead of floating below it.
        QLabel* label = secondaryLabel(name);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        form->addRow(label, value);
    };
    // A long file name is elided in the middle (the whole path is the tool tip), not wrapped:
    // it has nowhere to break and would widen the window.
    auto* file = new ElidedLabel(QFileInfo(facts.path).fileName());
    file->setObjectName(QStringLiteral("factsFile"));
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    file->setFixedToolTip(facts.path);
    addRow(tr("File"), file);
    addRow(tr("File size"), wrappingLabel(formatBytes(facts.fileSize)));
    if (facts.error.isSet())
        return box;
    addRow(tr("Format"), wrappingLabel(formatLabel(facts)));
    addRow(tr("Virtual size"), wrappingLabel(formatBytes(facts.virtualSize)));
    addRow(tr("Partition table"), wrappingLabel(partitionTableLabel(facts)));
    if (facts.layoutKnown && !facts.layout.partitions.isEmpty())
        addRow(tr("Partitions"), buildPartitions(facts.layout));
    if (facts.layoutKnown && !facts.layout.logicalVolumes.isEmpty())
        addRow(tr("Logical volumes"), buildLogicalVolumes(facts.layout));
    const auto& guest = facts.guest;
    if (!guest.family.isEmpty()) {
        const QString root = inspect::rootLocation(guest);
        addRow(
            tr("System"),
            wrappingLabel(tr("%1\n%2 · %3 · on %4")
                              .arg(guest.prettyName.isEmpty() ? guest.distroName : guest.prettyName,
                                   guest.architecture, guest.rootFilesystem, root)));
    } else if (guest.searched && facts.layoutKnown) {
        addRow(tr("System"), wrappingLabel(guest.obstacle.isEmpty()
                                               ? tr("none found")
                                               : tr("not readable: %1").arg(guest.obstacle)));
    }
    // The kernels, also when only a separate /boot could be read (GuestFacts::bootOnly).
    QStringList kernels;
    for (const auto& k : guest.kernels)
        kernels << k.version;
    if (!kernels.isEmpty())
        addRow(tr("Kernel"), wrappingLabel(kernels.join(u'\n')));
    if (!suggestion.osType.isEmpty())
        addRow(tr("Import as"), wrappingLabel(tr("%1 %2, %3\n%4, licence %5")
                                                  .arg(suggestion.osType, suggestion.osVersion,
                                                       suggestion.architecture, suggestion.bootMode,
                                                       suggestion.licenseType)));
    return box;
}

QWidget* ReportView::buildPartitions(const inspect::DiskLayout& layout) const
{
    QList<QPair<QString, QString>> lines;
    for (const auto& p : layout.partitions) {
        QString name = p.index == 0 ? tr("Whole disk") : tr("Partition %1").arg(p.index);
        if (p.bootable)
            name = tr("%1, bootable").arg(name);
        QStringList details{p.filesystem.isEmpty() ? tr("unknown") : p.filesystem,
                            formatBytes(p.size)};
        if (!p.label.isEmpty())
            details << tr("“%1”").arg(p.label);
        if (!p.typeName.isEmpty())
            details << p.typeName;
        lines.append({name, details.join(QStringLiteral(" · "))});
    }
    return buildNamedList(QStringLiteral("partitions"), lines);
}

QWidget* ReportView::buildLogicalVolumes(const inspect::DiskLayout& layout) const
{
    QList<QPair<QString, QString>> lines;
    for (const auto& lv : layout.logicalVolumes)
        lines.append({lv.name(), inspect::volumeDetails(lv)});
    return buildNamedList(QStringLiteral("logicalVolumes"), lines);
}

// A name per line with its details in secondary text below, as the partitions are shown.
QWidget* ReportView::buildNamedList(const QString& objectName,
                                    const QList<QPair<QString, QString>>& lines) const
{
    auto* box = new QWidget;
    box->setObjectName(objectName);
    auto* list = new QVBoxLayout(box);
    list->setContentsMargins(0, 0, 0, 0);
    list->setSpacing(6);
    for (const auto& [name, details] : lines) {
        auto* line = wrappingLabel(name);
        auto* detail = secondaryLabel(details);
        detail->setWordWrap(true);
        auto* entry = new QVBoxLayout;
        entry->setSpacing(0);
        entry->addWidget(line);
        entry->addWidget(detail);
        list->addLayout(entry);
    }
    return box;
}

QLabel* ReportView::sectionTitle(const QString& text) const
{
    auto* label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::PercentageSpacing, 108);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    label->setFont(font);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, secondaryColor());
    label->setPalette(pal);
    return label;
}

QLabel* ReportView::secondaryLabel(const QString& text) const
{
    auto* label = new WrappingLabel(text); // some wrap: the summary's counts, partition details
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, secondaryColor());
    label->setPalette(pal);
    return label;
}

QColor ReportView::secondaryColor() const
{
    return cvmi::ui::secondaryColor(palette());
}

} // namespace cvmi::ui

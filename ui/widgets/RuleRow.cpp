#include "widgets/RuleRow.h"

#include "Icons.h"
#include "widgets/ReportLabels.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace cvmi::ui {

namespace {

constexpr int kRuleIconSize = RuleRow::kIconSize;

QString verdictWord(policy::Verdict verdict)
{
    switch (verdict) {
    case policy::Verdict::Pass:
        return RuleRow::tr("Passed");
    case policy::Verdict::Warn:
        return RuleRow::tr("Warning");
    case policy::Verdict::Fail:
        return RuleRow::tr("Failed");
    case policy::Verdict::Unknown:
        break;
    }
    return RuleRow::tr("Not determined");
}

// The arrow that shows or hides a rule's details. QToolButton reacts to Space only; Enter and
// Return toggle it too, as they do a disclosure triangle elsewhere.
class DisclosureButton : public QToolButton {
public:
    using QToolButton::QToolButton;

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            if (!event->isAutoRepeat())
                click();
            event->accept();
            return;
        }
        QToolButton::keyPressEvent(event);
    }
};

// Set on a rule's title: the disclosure button a click on the title presses.
const char* const kDisclosureProperty = "cvmiDisclosure";

} // namespace

RuleRow::RuleRow(const policy::RuleResult& rule, const QColor& secondary, qreal devicePixelRatio,
                 QWidget* parent)
    : QWidget(parent)
{
    QWidget* row = this;
    row->setObjectName(QStringLiteral("rule:") + rule.id);
    row->setProperty("verdict", policy::verdictName(rule.verdict));
    row->setAccessibleName(tr("%1: %2").arg(verdictWord(rule.verdict), rule.title));

    auto* icon = new QLabel;
    icon->setObjectName(QStringLiteral("verdictIcon"));
    icon->setProperty("verdict", policy::verdictName(rule.verdict));
    icon->setPixmap(verdictPixmap(rule.verdict, kRuleIconSize, devicePixelRatio));
    icon->setFixedSize(kRuleIconSize, kRuleIconSize);
    icon->setToolTip(verdictWord(rule.verdict));
    icon->setAccessibleName(verdictWord(rule.verdict));

    auto* title = new QLabel(rule.title);
    title->setObjectName(QStringLiteral("ruleTitle"));
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    setBold(title);

    // Evidence and fix sit in one box that the arrow shows or hides.
    auto* details = new QWidget;
    details->setObjectName(QStringLiteral("ruleDetails"));
    auto* detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(3);
    if (!rule.evidence.isEmpty()) {
        auto* evidence = wrappingLabel(rule.evidence, Qt::RichText);
        evidence->setObjectName(QStringLiteral("ruleEvidence"));
        detailLayout->addWidget(evidence);
    }
    const bool needsFix =
        rule.verdict == policy::Verdict::Warn || rule.verdict == policy::Verdict::Fail;
    if (needsFix && !rule.fix.isEmpty()) {
        auto* fix = wrappingLabel(QString(), Qt::RichText);
        fix->setText(QStringLiteral("<b>%1</b> %2")
                         .arg(tr("How to fix:").toHtmlEscaped(), toRichText(rule.fix)));
        fix->setObjectName(QStringLiteral("ruleFix"));
        QPalette pal = fix->palette();
        pal.setColor(QPalette::WindowText, secondary);
        fix->setPalette(pal);
        detailLayout->addWidget(fix);
    }

    auto* layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(3);
    layout->setColumnStretch(1, 1);
    layout->addWidget(icon, 0, 0, Qt::AlignTop);
    layout->addWidget(title, 0, 1);
    if (detailLayout->count() == 0) {
        delete details;
        return;
    }
    layout->addWidget(details, 1, 1, 1, 2);

    // Passed rules start folded so that the list is short and what needs attention stands out;
    // everything else shows its details at once.
    const bool expanded = rule.verdict != policy::Verdict::Pass;
    auto* toggle = new DisclosureButton;
    toggle->setObjectName(QStringLiteral("ruleDisclosure"));
    toggle->setAutoRaise(true);
    toggle->setFocusPolicy(Qt::StrongFocus);
    toggle->setIconSize(QSize(10, 10));
    toggle->setFixedSize(kRuleIconSize + 2, kRuleIconSize);
    toggle->setAccessibleName(tr("Details of “%1”").arg(rule.title));
    // Not a checkable button: a checked tool button is drawn pressed in, which reads as a
    // control that is stuck on. The state lives in the "expanded" property and the arrow.
    const auto showDetails = [details, toggle](bool on) {
        details->setVisible(on);
        toggle->setProperty("expanded", on);
        toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        toggle->setToolTip(on ? tr("Hide the details") : tr("Show the details"));
        toggle->setAccessibleDescription(on ? tr("Expanded") : tr("Collapsed"));
    };
    showDetails(expanded);
    connect(toggle, &QToolButton::clicked, details,
            [details, showDetails] { showDetails(details->isHidden()); });
    layout->addWidget(toggle, 0, 2, Qt::AlignTop);

    // Clicking the title folds and unfolds as well: a larger target than the arrow.
    title->setCursor(Qt::PointingHandCursor);
    title->setProperty(kDisclosureProperty, QVariant::fromValue<QObject*>(toggle));
    title->installEventFilter(this);
}

bool RuleRow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        auto* toggle =
            qobject_cast<QToolButton*>(watched->property(kDisclosureProperty).value<QObject*>());
        if (toggle && mouse->button() == Qt::LeftButton) {
            toggle->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cvmi::ui

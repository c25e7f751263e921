#include "widgets/RuleRow.h"

#include "Icons.h"
#include "widgets/ReportLabels.h"
#include "widgets/WrappingLabel.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace cvmi::ui {

namespace {

constexpr int kRuleIconSize = RuleRow::kIconSize;

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

QLabel* verdictIcon(policy::Verdict verdict, qreal devicePixelRatio)
{
    auto* icon = new QLabel;
    icon->setObjectName(QStringLiteral("verdictIcon"));
    icon->setProperty("verdict", policy::verdictName(verdict));
    icon->setPixmap(verdictPixmap(verdict, kRuleIconSize, devicePixelRatio));
    icon->setFixedSize(kRuleIconSize, kRuleIconSize);
    icon->setToolTip(verdictWord(verdict));
    icon->setAccessibleName(verdictWord(verdict));
    return icon;
}

// Evidence and fix in one box that the arrow shows or hides; nullptr when there is neither.
QWidget* ruleDetails(const policy::RuleResult& rule, const QColor& secondary)
{
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
                         .arg(RuleRow::tr("How to fix:").toHtmlEscaped(), toRichText(rule.fix)));
        fix->setObjectName(QStringLiteral("ruleFix"));
        QPalette pal = fix->palette();
        pal.setColor(QPalette::WindowText, secondary);
        fix->setPalette(pal);
        detailLayout->addWidget(fix);
    }
    if (detailLayout->count() == 0) {
        delete details;
        return nullptr;
    }
    return details;
}

// The arrow that shows and hides `details`, starting as `expanded`.
QToolButton* disclosureFor(QWidget* details, const QString& ruleTitle, bool expanded)
{
    auto* toggle = new DisclosureButton;
    toggle->setObjectName(QStringLiteral("ruleDisclosure"));
    toggle->setAutoRaise(true);
    toggle->setFocusPolicy(Qt::StrongFocus);
    toggle->setIconSize(QSize(10, 10));
    toggle->setFixedSize(kRuleIconSize + 2, kRuleIconSize);
    toggle->setAccessibleName(RuleRow::tr("Details of “%1”").arg(ruleTitle));
    // Not a checkable button: a checked tool button is drawn pressed in, which reads as a
    // control that is stuck on. The state lives in the "expanded" property and the arrow.
    const auto showDetails = [details, toggle](bool on) {
        details->setVisible(on);
        toggle->setProperty("expanded", on);
        toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        toggle->setToolTip(on ? RuleRow::tr("Hide the details") : RuleRow::tr("Show the details"));
        toggle->setAccessibleDescription(on ? RuleRow::tr("Expanded") : RuleRow::tr("Collapsed"));
    };
    showDetails(expanded);
    QObject::connect(toggle, &QToolButton::clicked, details,
                     [details, showDetails] { showDetails(details->isHidden()); });
    return toggle;
}

} // namespace

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

RuleRow::RuleRow(const policy::RuleResult& rule, const QColor& secondary, qreal devicePixelRatio,
                 QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("rule:") + rule.id);
    setProperty("verdict", policy::verdictName(rule.verdict));
    setAccessibleName(tr("%1: %2").arg(verdictWord(rule.verdict), rule.title));

    auto* title = new WrappingLabel(rule.title);
    title->setObjectName(QStringLiteral("ruleTitle"));
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    setBold(title);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(3);
    layout->setColumnStretch(1, 1);
    layout->addWidget(verdictIcon(rule.verdict, devicePixelRatio), 0, 0, Qt::AlignTop);
    layout->addWidget(title, 0, 1);
    QWidget* details = ruleDetails(rule, secondary);
    if (!details)
        return;
    layout->addWidget(details, 1, 1, 1, 2);
    // Passed rules start folded so that the list is short and what needs attention stands out;
    // everything else shows its details at once.
    QToolButton* toggle = disclosureFor(details, rule.title, rule.verdict != policy::Verdict::Pass);
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

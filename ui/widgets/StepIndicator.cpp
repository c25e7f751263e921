#include "widgets/StepIndicator.h"

#include "TextTints.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QTextDocumentFragment>
#include <algorithm>

namespace cvmi::ui {

namespace {

const QString kTick = QStringLiteral("\u2713");        // ✓
const QString kSeparator = QStringLiteral(" \u203a "); // ›

} // namespace

StepIndicator::StepIndicator(QWidget* parent)
    : QWidget(parent), m_count(new QLabel(this)), m_names(new QLabel(this))
{
    setObjectName(QStringLiteral("stepIndicator"));
    m_count->setObjectName(QStringLiteral("stepCount"));
    m_names->setObjectName(QStringLiteral("stepNames"));
    m_names->setTextFormat(Qt::RichText);
    m_count->setAccessibleDescription(tr("Where you are in the wizard"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    // The band is part of the window's frame, like QWizard's title: the page's colour behind it
    // and a line under it (paintEvent).
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    // Lined up with the page title below, which QWizard indents by two margins.
    layout->setContentsMargins(2 * margin, margin / 2 + 2, margin, margin / 2 + 3);
    layout->setSpacing(2 * margin);
    layout->addWidget(m_count);
    layout->addWidget(m_names);
    layout->addStretch(1);
}

void StepIndicator::setSteps(const QList<Step>& steps)
{
    m_steps = steps;
    m_count->setText(countText());
    m_count->setVisible(!m_count->text().isEmpty());
    QStringList html;
    QStringList words;
    for (const Step& step : steps) {
        html.append(stepHtml(step));
        words.append(stepWords(step));
    }
    m_names->setText(html.join(kSeparator.toHtmlEscaped()));
    //: The accessible description of the step list; %1 lists the steps and their states.
    m_names->setAccessibleDescription(tr("The wizard's steps: %1").arg(words.join(tr("; "))));
    // Now rather than at the next event loop: the band's size does not change with its text, so
    // nothing else would lay the wider text out before the page is painted.
    layout()->activate();
}

QString StepIndicator::countText() const
{
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps[i].state == State::Current)
            return tr("Step %1 of %2").arg(i + 1).arg(m_steps.size());
    }
    // No step under way: the journey is over when every step is done (or was skipped).
    const bool over =
        !m_steps.isEmpty() && std::all_of(m_steps.begin(), m_steps.end(), [](const Step& s) {
            return s.state == State::Done || s.state == State::Skipped;
        });
    return over ? tr("All steps done") : QString();
}

QString StepIndicator::text() const
{
    const QString names = QTextDocumentFragment::fromHtml(m_names->text()).toPlainText();
    return m_count->text().isEmpty() ? names : m_count->text() + u' ' + names;
}

QString StepIndicator::stepHtml(const Step& step) const
{
    const QString name = step.name.toHtmlEscaped();
    switch (step.state) {
    case State::Current:
        return QStringLiteral("<b>%1</b>").arg(name);
    case State::Done:
        return QStringLiteral("%1&nbsp;%2").arg(kTick, name);
    case State::Skipped: {
        const QString color = textTintColor(palette(), TextTint::Secondary).name();
        //: A step of the wizard that was left out, e.g. "Upload (skipped)".
        const QString text = tr("%1 (skipped)").arg(step.name).toHtmlEscaped();
        return QStringLiteral("<span style=\"color: %1\">%2</span>").arg(color, text);
    }
    case State::Ahead:
        break;
    }
    return name;
}

QString StepIndicator::stepWords(const Step& step) const
{
    switch (step.state) {
    case State::Current:
        return tr("%1, current step").arg(step.name);
    case State::Done:
        return tr("%1, done").arg(step.name);
    case State::Skipped:
        return tr("%1 (skipped)").arg(step.name);
    case State::Ahead:
        break;
    }
    return step.name;
}

void StepIndicator::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, height() - 1, width(), height() - 1);
}

} // namespace cvmi::ui

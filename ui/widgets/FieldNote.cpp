#include "widgets/FieldNote.h"

#include "TextTints.h"

#include <QHBoxLayout>
#include <QLabel>

namespace cvmi::ui {

FieldNote::FieldNote(QWidget* parent)
    : QWidget(parent), m_message(new QLabel(this)), m_counter(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("problem"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignTop);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_counter, 0, Qt::AlignTop);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    setFont(small);
    updateVisibility();
}

void FieldNote::setProblems(const QList<importform::FieldProblem>& problems)
{
    QStringList lines;
    m_error = false;
    for (const importform::FieldProblem& p : problems) {
        m_error = m_error || p.isError();
        lines.append(line(p));
    }
    m_message->setText(lines.join(u'\n'));
    setTextTint(m_message, m_error ? TextTint::Error : TextTint::Warning);
    // Screen readers announce the field's problem with the field's note.
    m_message->setAccessibleName(m_message->text());
    updateVisibility();
}

void FieldNote::setCount(qsizetype count, int limit)
{
    if (limit <= 0) {
        m_counter->clear();
    } else {
        m_counter->setText(tr("%1/%2").arg(count).arg(limit));
        // Said after "12/60", in words: the shown figures stay the name.
        m_counter->setAccessibleDescription(
            tr("%1 of at most %2 characters").arg(count).arg(limit));
        setTextTint(m_counter, count > limit ? TextTint::Error : TextTint::Secondary);
    }
    updateVisibility();
}

QString FieldNote::line(const importform::FieldProblem& p) const
{
    // The colour tells an error from a warning only to some: a warning says so in words.
    const QString row = QString::number(p.index + 1);
    if (p.index >= 0)
        return p.isError() ? tr("%1, row %2: %3").arg(m_label, row, p.message)
                           : tr("%1, row %2 (warning): %3").arg(m_label, row, p.message);
    return p.isError() ? tr("%1: %2").arg(m_label, p.message)
                       : tr("%1 (warning): %2").arg(m_label, p.message);
}

QString FieldNote::text() const
{
    return m_message->text();
}

QString FieldNote::counterText() const
{
    return m_counter->text();
}

void FieldNote::updateVisibility()
{
    m_message->setVisible(!m_message->text().isEmpty());
    m_counter->setVisible(!m_counter->text().isEmpty());
    setVisible(m_message->isVisibleTo(this) || m_counter->isVisibleTo(this));
}

} // namespace cvmi::ui

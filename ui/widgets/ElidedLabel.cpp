#include "widgets/ElidedLabel.h"

#include <QEvent>
#include <QResizeEvent>

namespace cvmi::ui {

namespace {

// The narrowest the label asks to be, in average characters: enough for a recognisable start,
// the ellipsis and an extension.
constexpr int kMinimumChars = 12;

} // namespace

ElidedLabel::ElidedLabel(QWidget* parent) : ElidedLabel(QString(), parent) {}

ElidedLabel::ElidedLabel(const QString& text, QWidget* parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // Grows with the layout but may shrink below its text: the elision takes up the rest.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setFullText(text);
}

void ElidedLabel::setFullText(const QString& text)
{
    m_fullText = text;
    elide();
    updateGeometry();
}

void ElidedLabel::setFixedToolTip(const QString& toolTip)
{
    m_fixedToolTip = toolTip;
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QSize full = QLabel::minimumSizeHint();
    const int least = fontMetrics().averageCharWidth() * kMinimumChars;
    return {qMin(full.width(), least), full.height()};
}

QSize ElidedLabel::sizeHint() const
{
    // The whole text when there is room for it; QLabel's own hint is that of the elided text.
    const QSize hint = QLabel::sizeHint();
    const int full = fontMetrics().horizontalAdvance(m_fullText) + 2 * margin() +
                     contentsMargins().left() + contentsMargins().right();
    return {full, hint.height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        elide();
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(m_fullText, Qt::ElideMiddle, room);
    if (shown != text())
        setText(shown);
    if (!m_fixedToolTip.isEmpty())
        setToolTip(m_fixedToolTip);
    else
        setToolTip(shown == m_fullText ? QString() : m_fullText);
}

} // namespace cvmi::ui

#include "widgets/WrappingLabel.h"

#include <QEvent>

namespace cvmi::ui {

namespace {

// More widths than one pass asks for; beyond it the oldest answer goes.
constexpr qsizetype kRememberedWidths = 8;

} // namespace

WrappingLabel::WrappingLabel(const QString& text, QWidget* parent) : QLabel(text, parent) {}

WrappingLabel::Stamp WrappingLabel::stamp() const
{
    return {text(), textFormat(), wordWrap(), margin(), indent(), contentsMargins()};
}

int WrappingLabel::heightForWidth(int width) const
{
    const Stamp now = stamp();
    if (!(now == m_stamp)) {
        m_stamp = now;
        m_heights.clear();
    }
    for (const auto& [w, h] : m_heights) {
        if (w == width)
            return h;
    }
    const int height = QLabel::heightForWidth(width);
    if (m_heights.size() == kRememberedWidths)
        m_heights.removeFirst();
    m_heights.append({width, height});
    return height;
}

bool WrappingLabel::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
    case QEvent::ContentsRectChange:
    case QEvent::ScreenChangeInternal: // another screen may resolve the font to other metrics
        m_heights.clear();
        break;
    default:
        break;
    }
    return QLabel::event(event);
}

} // namespace cvmi::ui

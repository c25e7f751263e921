#include "TextTints.h"

#include "Icons.h"

#include <QPalette>
#include <QWidget>

namespace cvmi::ui {

QColor textTintColor(const QPalette& palette, TextTint tint)
{
    const QColor text = palette.color(QPalette::WindowText);
    switch (tint) {
    case TextTint::Normal:
        return text;
    case TextTint::Secondary:
        return palette.color(QPalette::PlaceholderText);
    case TextTint::Error:
        return mixColors(text, QColor(0xc0, 0x1c, 0x28), 0.85);
    case TextTint::Warning:
        return mixColors(text, QColor(0x9c, 0x6a, 0x00), 0.85);
    case TextTint::Good:
        return mixColors(text, QColor(0x26, 0x80, 0x3a), 0.85);
    }
    return text;
}

void setTextTint(QWidget* widget, TextTint tint)
{
    // From the parent's palette, not the widget's own: a second tint must not mix into the first.
    QPalette palette = widget->palette();
    const QPalette base = widget->parentWidget() ? widget->parentWidget()->palette() : palette;
    palette.setColor(QPalette::WindowText, textTintColor(base, tint));
    widget->setPalette(palette);
}

} // namespace cvmi::ui

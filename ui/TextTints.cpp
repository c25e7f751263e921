#include "TextTints.h"

#include "Icons.h"

#include <QPalette>
#include <QWidget>

#include <cmath>

namespace cvmi::ui {

namespace {

double linearChannel(int value)
{
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

QColor over(const QColor& color, const QColor& background)
{
    if (color.alpha() == 255)
        return color;
    return mixColors(background, QColor(color.red(), color.green(), color.blue()), color.alphaF());
}

} // namespace

double relativeLuminance(const QColor& color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linearChannel(rgb.red()) + 0.7152 * linearChannel(rgb.green()) +
           0.0722 * linearChannel(rgb.blue());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& color, const QColor& background, const QColor& toward,
                  double minimum)
{
    const QColor start = over(color, background);
    const QColor target = over(toward, background);
    // Small steps on 8-bit colours, each judged as drawn: the first that reaches the minimum
    // keeps as much of the tint as possible. `toward` itself when even it does not.
    for (int step = 0; step <= 50; ++step) {
        const QColor exact = mixColors(start, target, step / 50.0);
        const QColor mixed(exact.red(), exact.green(), exact.blue());
        if (contrastRatio(mixed, background) >= minimum)
            return mixed;
    }
    return target;
}

QColor textTintColor(const QPalette& palette, TextTint tint)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    QColor tinted;
    switch (tint) {
    case TextTint::Normal:
        return text;
    case TextTint::Secondary:
        tinted = palette.color(QPalette::PlaceholderText);
        break;
    case TextTint::Error:
        tinted = mixColors(text, QColor(0xc0, 0x1c, 0x28), 0.85);
        break;
    case TextTint::Warning:
        tinted = mixColors(text, QColor(0x9c, 0x6a, 0x00), 0.85);
        break;
    case TextTint::Good:
        tinted = mixColors(text, QColor(0x26, 0x80, 0x3a), 0.85);
        break;
    }
    return readableOn(tinted, window, text);
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

#pragma once

#include <QColor>

class QPalette;
class QWidget;

namespace cvmi::ui {

// The colours of text that says something by its colour: quieter notes, errors, warnings and
// confirmations. One home for them, so that every page and dialog speaks the same colours. They
// are tints of the theme's text colour rather than fixed RGB, so they stay readable on dark
// themes too, and each is pushed towards the text colour until it has at least WCAG AA's
// contrast (4.5:1) against the window background: a theme's placeholder grey (about 3.8:1 in
// Fusion's light palette) is too faint for text that must be read.
enum class TextTint {
    Normal,    // the theme's text colour
    Secondary, // notes and statuses: the theme's placeholder colour, made readable
    Error,
    Warning,
    Good,
};

// WCAG 2.x: normal-size text needs 4.5:1 against its background (success criterion 1.4.3).
inline constexpr double kMinTextContrast = 4.5;

QColor textTintColor(const QPalette& palette, TextTint tint);
// Sets the widget's text (WindowText) colour; a label takes it for its text.
void setTextTint(QWidget* widget, TextTint tint);

// WCAG 2.x relative luminance (0 black .. 1 white) of an opaque colour.
double relativeLuminance(const QColor& color);
// WCAG 2.x contrast ratio (1..21) of two opaque colours, in either order.
double contrastRatio(const QColor& a, const QColor& b);
// `color` laid over `background` (a translucent colour shows the background through it), then
// mixed towards `toward` just enough to reach `minimum` contrast against `background`; opaque.
QColor readableOn(const QColor& color, const QColor& background, const QColor& toward,
                  double minimum = kMinTextContrast);

} // namespace cvmi::ui

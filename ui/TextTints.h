#pragma once

#include <QColor>

class QPalette;
class QWidget;

namespace cvmi::ui {

// The colours of text that says something by its colour: quieter notes, errors, warnings and
// confirmations. One home for them, so that every page and dialog speaks the same colours. They
// are tints of the theme's text colour rather than fixed RGB, so they stay readable on dark
// themes too.
enum class TextTint {
    Normal,    // the theme's text colour
    Secondary, // notes and statuses: the theme's placeholder colour
    Error,
    Warning,
    Good,
};

QColor textTintColor(const QPalette& palette, TextTint tint);
// Sets the widget's text (WindowText) colour; a label takes it for its text.
void setTextTint(QWidget* widget, TextTint tint);

} // namespace cvmi::ui

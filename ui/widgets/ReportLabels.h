#pragma once

#include <QColor>
#include <QString>
#include <Qt>

class QLabel;
class QPalette;

namespace cvmi::ui {

// Label helpers shared by the report view and its rule rows, so that both set text alike.

// Evidence and fixes quote commands between backticks; this sets them in a monospace font and
// escapes everything else.
QString toRichText(const QString& text);
// A selectable, word-wrapping, top-aligned label (rich text goes through toRichText()).
QLabel* wrappingLabel(const QString& text, Qt::TextFormat format = Qt::PlainText);
void setBold(QLabel* label, qreal scale = 1.0);
// Dimmer than the body text of `palette` but well above the contrast minimum.
QColor secondaryColor(const QPalette& palette);

} // namespace cvmi::ui

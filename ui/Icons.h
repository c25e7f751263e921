#pragma once

#include "policy/Report.h"

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace cvmi::ui {

// Our SVG icons are rendered directly with QSvgRenderer rather than through QIcon's file loader:
// that keeps them crisp at every device pixel ratio and does not depend on the SVG icon-engine
// plugin being installed next to the program.
QPixmap svgPixmap(const QString& resource, int logicalSize, qreal devicePixelRatio);

QString verdictIconResource(policy::Verdict verdict);
QPixmap verdictPixmap(policy::Verdict verdict, int logicalSize, qreal devicePixelRatio);

// The window icon, rendered at the sizes window managers and task bars ask for.
QIcon appIcon();

// Blends two palette colours, so tints follow the user's theme instead of being fixed RGB.
QColor mixColors(const QColor& base, const QColor& tint, qreal amount);

} // namespace cvmi::ui

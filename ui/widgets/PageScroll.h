#pragma once

#include <QString>

class QScrollArea;
class QWidget;

namespace cvmi::ui {

// Moves what `page` shows (its layout and the widgets in it) into a frameless, vertically
// scrolling area named `objectName` that fills the page. A page whose content can grow (the
// Import page after IMPORTFAILED, any page at scale factor 2 on a small screen) then scrolls
// instead of making the window taller than the screen or clipping its text; the wizard's
// Back/Next/Cancel stay where they are. Widgets keep their object names and remain children
// of `page` (further down), so findChild() still finds them.
QScrollArea* putPageInScrollArea(QWidget* page, const QString& objectName);

} // namespace cvmi::ui

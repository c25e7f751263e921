#pragma once

// A drag and drop as Qt delivers it from the window system: to the innermost widget under the
// pointer that accepts drops (QWidgetWindow walks up from the widget at the point to the first
// with acceptDrops()), or to none. Tests that drop "on the empty area of a page" use this, so
// that they fail when that area does not take the drop.
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace cvmi::test {

// The widget a drag at `pos` (in `root`'s coordinates) is delivered to, or nullptr.
inline QWidget* dropTargetAt(QWidget* root, const QPoint& pos)
{
    QWidget* target = root->childAt(pos);
    if (!target)
        target = root;
    while (target && !target->acceptDrops())
        target = target->parentWidget();
    return target;
}

// Drags `path` (a local file or folder) over `pos`; true when the target accepted the drag.
inline bool dragEnterAt(QWidget* root, const QPoint& pos, const QString& path)
{
    QWidget* target = dropTargetAt(root, pos);
    if (!target)
        return false;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint local = target->mapFromGlobal(root->mapToGlobal(pos));
    QDragEnterEvent enter(local, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    return enter.isAccepted();
}

// Drags `path` over `pos` and drops it there; true when both were accepted.
inline bool dropAt(QWidget* root, const QPoint& pos, const QString& path)
{
    if (!dragEnterAt(root, pos, path))
        return false;
    QWidget* target = dropTargetAt(root, pos);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF local = target->mapFromGlobal(root->mapToGlobal(pos));
    QDropEvent drop(local, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace cvmi::test

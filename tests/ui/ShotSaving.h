#pragma once

// Pictures of what a GUI test drove the wizard to, for people to look at: written only when
// CVMI_SHOT_DIR names a folder (the tests pass or fail the same without it). A dialog open over
// the window (a question) is drawn where it stands on it.
#include <QDir>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace cvmi::test {

inline void saveShot(QWidget* window, const QString& name, QWidget* over = nullptr)
{
    const QString dir = qEnvironmentVariable("CVMI_SHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QPixmap picture = window->grab();
    if (over) {
        QPainter painter(&picture);
        QPoint at = over->frameGeometry().topLeft() - window->geometry().topLeft();
        // Centred when the offscreen platform left the dialog at the screen's corner.
        if (!window->rect().contains(QRect(at, over->size())))
            at = window->rect().center() - over->rect().center();
        painter.drawPixmap(at, over->grab());
        painter.setPen(Qt::darkGray);
        painter.drawRect(QRect(at, over->size()).adjusted(0, 0, -1, -1));
    }
    picture.save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace cvmi::test

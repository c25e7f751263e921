#include "controllers/WindowProgress.h"

#include <QEvent>
#include <QWidget>

namespace cvmi::ui {

WindowProgress::WindowProgress(QWidget* window)
    : QObject(window), m_window(window), m_base(window->windowTitle()), m_shown(m_base)
{
    window->installEventFilter(this);
}

QString WindowProgress::compose(const QString& status, const QString& base)
{
    if (status.isEmpty())
        return base;
    // An em dash, as desktops separate a document from its program ("file — Program").
    return tr("%1 — %2", "window title: what runs — the window's own title").arg(status, base);
}

void WindowProgress::setStatus(const QString& status)
{
    if (status == m_status)
        return;
    m_status = status;
    apply();
}

void WindowProgress::apply()
{
    if (!m_window)
        return;
    m_shown = compose(m_status, m_base);
    m_window->setWindowTitle(m_shown);
}

bool WindowProgress::eventFilter(QObject* watched, QEvent* event)
{
    // Sent from setWindowTitle(): a title other than ours was set by the window's owner.
    if (watched == m_window && event->type() == QEvent::WindowTitleChange &&
        m_window->windowTitle() != m_shown) {
        m_base = m_window->windowTitle();
        if (!m_status.isEmpty())
            apply(); // the nested event carries m_shown and passes through
        else
            m_shown = m_base;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cvmi::ui

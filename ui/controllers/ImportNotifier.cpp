#include "controllers/ImportNotifier.h"

#include "Icons.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace cvmi::ui {

namespace {

// How long the balloon stays, and the tray icon after it: the icon exists only to carry the
// balloon, so it goes away once the message has been seen (or missed).
constexpr int kBalloonMs = 15000;

} // namespace

ImportNotifier::ImportNotifier(QWidget* window, QObject* parent) : QObject(parent), m_window(window)
{
}

ImportNotifier::~ImportNotifier()
{
    delete m_tray;
}

void ImportNotifier::notify(const QString& title, const QString& message, bool success)
{
    const bool watched = m_window && m_window->window()->isActiveWindow();
    if (QSystemTrayIcon::isSystemTrayAvailable() && !watched) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(appIcon());
            m_tray->setToolTip(QApplication::applicationDisplayName());
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                if (!m_window)
                    return;
                QWidget* top = m_window->window();
                top->showNormal();
                top->raise();
                top->activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(title, message,
                            success ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning,
                            kBalloonMs);
        QTimer::singleShot(kBalloonMs, m_tray, &QSystemTrayIcon::hide);
        emit notified(title, message, Channel::Tray);
        return;
    }
    // 0: until the user looks at the window.
    if (m_window)
        QApplication::alert(m_window->window(), 0);
    emit notified(title, message, Channel::Alert);
}

} // namespace cvmi::ui

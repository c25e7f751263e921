#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace cvmi::ui {

// Tells the desktop that an import (or an upload, DesktopProgress) ended: it takes minutes to
// hours, and the user has usually switched to something else (or minimised the wizard) by then.
// A tray balloon where the desktop has a system tray and the window is not the active one, else
// the task bar entry asks for attention (QApplication::alert, which leaves an active window
// alone: the user is looking at the page that says it).
class ImportNotifier : public QObject {
    Q_OBJECT
public:
    enum class Channel { Tray, Alert };
    Q_ENUM(Channel)

    // `window` is the one to raise when the balloon is clicked and to alert without a tray.
    explicit ImportNotifier(QWidget* window, QObject* parent = nullptr);
    ~ImportNotifier() override;

    void notify(const QString& title, const QString& message, bool success);

signals:
    // After the notification was handed to the desktop; the tests' hook.
    void notified(const QString& title, const QString& message,
                  cvmi::ui::ImportNotifier::Channel channel);

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace cvmi::ui

#pragma once

#include <QObject>
#include <QString>

class QDBusMessage;

namespace cvmi::ui {

// A progress bar on the program's task bar or dock entry, through the LauncherEntry D-Bus API
// that Ubuntu's dock, KDE Plasma's task manager, Dash to Dock and Plank read: the signal
// com.canonical.Unity.LauncherEntry.Update with "progress" (0..1) and "progress-visible". Only
// where a session bus is named (DBUS_SESSION_BUS_ADDRESS) and answers: elsewhere every call does
// nothing, and no bus is started for it.
class LauncherProgress : public QObject {
    Q_OBJECT
public:
    // `desktopFileName`: the desktop file the entry belongs to, without ".desktop" (default:
    // QGuiApplication::desktopFileName()).
    explicit LauncherProgress(QObject* parent = nullptr, QString desktopFileName = {});
    ~LauncherProgress() override;

    // Whether the signals go anywhere.
    bool isAvailable() const { return m_available; }

    // Shows `fraction` (0..1) on the entry; sent when it moved by a tenth of a percent or more.
    void setProgress(double fraction);
    // Hides the bar (the task ended or stopped).
    void clear();

    // The Update signal for `desktopFileName` ("cvm-import-wizard"): the application URI
    // "application://cvm-import-wizard.desktop" and the properties {progress, progress-visible}.
    static QDBusMessage updateMessage(const QString& desktopFileName, double fraction,
                                      bool visible);

signals:
    // After a signal was handed to the bus; the tests' hook.
    void sent(double fraction, bool visible);

private:
    void send(double fraction, bool visible);

    QString m_desktopFileName;
    bool m_available = false;
    bool m_visible = false;
    int m_permille = -1;
};

} // namespace cvmi::ui

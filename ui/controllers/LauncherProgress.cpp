#include "controllers/LauncherProgress.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace cvmi::ui {

namespace {

const auto kInterface = QStringLiteral("com.canonical.Unity.LauncherEntry");

// Docks match the signal by its application URI, not by its path; the path only has to be a
// valid object path of our own (letters, digits and "_" in each element).
QString objectPath(const QString& desktopFileName)
{
    QString element = desktopFileName;
    std::replace_if(
        element.begin(), element.end(),
        [](QChar c) { return !(c.isLetterOrNumber() && c.unicode() < 128); }, u'_');
    return QStringLiteral("/com/canonical/unity/launcherentry/") + element;
}

} // namespace

LauncherProgress::LauncherProgress(QObject* parent, QString desktopFileName)
    : QObject(parent), m_desktopFileName(std::move(desktopFileName))
{
    if (m_desktopFileName.isEmpty())
        m_desktopFileName = QGuiApplication::desktopFileName();
    // Without the variable Qt would try to autolaunch a bus through X11: not for a progress bar.
    m_available = !m_desktopFileName.isEmpty() &&
                  qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") &&
                  QDBusConnection::sessionBus().isConnected();
}

LauncherProgress::~LauncherProgress()
{
    // A dock keeps the last bar it was told about, even after the window closed.
    if (m_visible)
        send(0, false);
}

QDBusMessage LauncherProgress::updateMessage(const QString& desktopFileName, double fraction,
                                             bool visible)
{
    QDBusMessage message = QDBusMessage::createSignal(objectPath(desktopFileName), kInterface,
                                                      QStringLiteral("Update"));
    const QVariantMap properties{{QStringLiteral("progress"), std::clamp(fraction, 0.0, 1.0)},
                                 {QStringLiteral("progress-visible"), visible}};
    message << QStringLiteral("application://%1.desktop").arg(desktopFileName) << properties;
    return message;
}

void LauncherProgress::setProgress(double fraction)
{
    const int permille = int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000));
    if (m_visible && permille == m_permille)
        return;
    m_permille = permille;
    m_visible = true;
    send(permille / 1000.0, true);
}

void LauncherProgress::clear()
{
    if (!m_visible)
        return;
    m_visible = false;
    m_permille = -1;
    send(0, false);
}

void LauncherProgress::send(double fraction, bool visible)
{
    if (!m_available)
        return;
    QDBusConnection::sessionBus().send(updateMessage(m_desktopFileName, fraction, visible));
    emit sent(fraction, visible);
}

} // namespace cvmi::ui

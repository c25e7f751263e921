#include "DemoFolder.h"

#include "util/AppPaths.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QSettings>
#include <QTemporaryDir>

namespace cvmi::gui {

namespace {

const auto kPortFile = QStringLiteral("emulator-port");

// The options before "--" (after it every argument is an IMAGE, whatever it looks like).
bool hasOption(const QStringList& arguments, const QString& option)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            return false;
        if (argument == option || argument.startsWith(option + u'='))
            return true;
    }
    return false;
}

} // namespace

DemoFolder::DemoFolder() = default;

DemoFolder::~DemoFolder() = default;

QString DemoFolder::defaultPath()
{
    return util::sharedDataDir() + QStringLiteral("/demo");
}

bool DemoFolder::demoRequested(const QStringList& arguments)
{
    return hasOption(arguments, QStringLiteral("--demo"));
}

bool DemoFolder::screenshotRequested(const QStringList& arguments)
{
    return hasOption(arguments, QStringLiteral("--screenshot"));
}

void DemoFolder::use(const QString& path)
{
    m_temporary.reset();
    m_path = QDir(path).absolutePath();
}

bool DemoFolder::useTemporary(QString* error)
{
    auto temporary = std::make_unique<QTemporaryDir>();
    if (!temporary->isValid()) {
        *error = tr("No temporary folder for the demo: %1").arg(temporary->errorString());
        return false;
    }
    m_path = temporary->path();
    m_temporary = std::move(temporary);
    return true;
}

bool DemoFolder::lock(QString* error)
{
    if (m_temporary)
        return true; // this process's own
    if (!QDir().mkpath(m_path)) {
        *error = tr("The demo folder %1 cannot be created; check that its parent folder is "
                    "writable.")
                     .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    auto lock = std::make_unique<QLockFile>(m_path + QStringLiteral("/lock"));
    // A lock left by a demo that crashed is taken over: QLockFile sees that its process is gone.
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (lock->error() == QLockFile::LockFailedError &&
            lock->getLockInfo(&pid, &host, &application))
            *error = tr("Another demo (process %1) is using the demo folder %2. Use that "
                        "window, or close it and start the demo again.")
                         .arg(pid)
                         .arg(QDir::toNativeSeparators(m_path));
        else
            *error = tr("The demo folder %1 cannot be locked; check that it is writable.")
                         .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    m_lock = std::move(lock);
    return true;
}

QString DemoFolder::emulatorDir() const
{
    return m_path + QStringLiteral("/emulator");
}

QString DemoFolder::uploadsDir() const
{
    return m_path + QStringLiteral("/uploads");
}

QString DemoFolder::importsDir() const
{
    return m_path + QStringLiteral("/imports");
}

QString DemoFolder::settingsDir() const
{
    return m_path + QStringLiteral("/settings");
}

void DemoFolder::redirectSettings() const
{
    // On Linux the native format is INI; both are moved so that no QSettings constructor (with
    // or without a format) reaches the user's ~/.config.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir());
}

quint16 DemoFolder::lastPort() const
{
    QFile file(m_path + u'/' + kPortFile);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const uint port = QString::fromLatin1(file.readAll()).trimmed().toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : 0;
}

bool DemoFolder::rememberPort(quint16 port) const
{
    QSaveFile file(m_path + u'/' + kPortFile);
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray::number(port) + '\n') > 0 &&
           file.commit();
}

} // namespace cvmi::gui

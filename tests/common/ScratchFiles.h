#pragma once

// Small file and shell helpers the container-reader tests share: they make fixtures with real
// tools in a scratch folder, patch bytes of what the tools wrote, and look at the error an open
// gives.
#include "disk/DiskImageOpener.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace cvmi::test {

// A fresh folder per test case inside `dir`, so files of different cases never meet.
inline QString scratchFolder(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(path);
    return path;
}

// Runs `command` with sh in `dir`; false (with its stderr logged) when it fails.
inline bool sh(const QString& dir, const QString& command)
{
    QProcess shell;
    shell.setWorkingDirectory(dir);
    shell.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
    if (!shell.waitForFinished(300000) || shell.exitCode() != 0) {
        qWarning("%s: %s", qPrintable(command), shell.readAllStandardError().constData());
        return false;
    }
    return true;
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// The error opening `path` gives, or code "opened" when it opens.
inline Error openError(const QString& path)
{
    Error error;
    auto image = disk::openDiskImage(path, &error);
    if (image)
        error = Error::make(QStringLiteral("opened"), QStringLiteral("opened"));
    return error;
}

} // namespace cvmi::test

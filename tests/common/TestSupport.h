#pragma once

// Helpers shared by the tests: where fixtures live, and running the real tools that make them.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QTranslator>

namespace cvmi::test {

inline QString fixtureDir()
{
    return qEnvironmentVariable("CVMI_FIXTURE_DIR",
                                QDir::currentPath() + QStringLiteral("/fixtures"));
}
inline QString baseDisk(const QString& name)
{
    return fixtureDir() + QStringLiteral("/base/") + name;
}
inline QString sourceDir()
{
    return qEnvironmentVariable("CVMI_SOURCE_DIR");
}

// Runs a tool to completion; returns its stdout, or fails the test with its stderr.
inline bool runTool(const QString& program, const QStringList& arguments,
                    QByteArray* stdOut = nullptr, int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return false;
    }
    if (stdOut)
        *stdOut = process.readAllStandardOutput();
    return true;
}

// English again: removes and deletes every translator util::installTranslations() put on the
// application, so that what a test runs next reads the source texts.
inline void removeTranslations()
{
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace cvmi::test

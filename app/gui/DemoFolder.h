#pragma once

// Where `cvm-import-wizard --demo` keeps what it made: the emulator's buckets, objects,
// unfinished multipart uploads and images, the resume records of its uploads, its import history
// and its settings. Kept between runs (normally ~/.local/share/cvm-import-wizard/demo), so that
// an upload interrupted in one demo really resumes in the next, and apart from the user's own
// records and settings, which a demo never writes. A lock file keeps a second demo out while one
// runs; --screenshot runs use a temporary folder instead, removed on exit.
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

class QLockFile;
class QTemporaryDir;

namespace cvmi::gui {

class DemoFolder {
    Q_DECLARE_TR_FUNCTIONS(cvmi::gui::DemoFolder)
public:
    DemoFolder();
    ~DemoFolder();
    DemoFolder(const DemoFolder&) = delete;
    DemoFolder& operator=(const DemoFolder&) = delete;

    // The organisation name of a demo run, in place of "CVM Import Wizard": what Qt keeps per
    // organisation (QStandardPaths::CacheLocation, QSettings) is then the demo's own.
    static QString organizationName() { return QStringLiteral("CVM Import Wizard Demo"); }
    // <shared data dir>/demo (util/AppPaths.h).
    static QString defaultPath();
    // Whether `arguments` (the program's, before QCommandLineParser reads them) ask for --demo,
    // and for --screenshot: the settings must be moved before anything reads them, which is
    // before the command line is parsed (its --help is shown in the language of the settings).
    static bool demoRequested(const QStringList& arguments);
    static bool screenshotRequested(const QStringList& arguments);

    // The folder to use: `path` (made absolute), or a fresh temporary one removed with this
    // object (false with *error). Nothing is created or locked yet; see lock().
    void use(const QString& path);
    bool useTemporary(QString* error);
    bool isTemporary() const { return m_temporary != nullptr; }
    // Creates the folder and takes it for this process. False with *error when it cannot be
    // created or another demo holds it (the message names that process).
    bool lock(QString* error);

    QString path() const { return m_path; }
    QString emulatorDir() const; // the emulator's state (CloudEmulator's stateDir)
    QString uploadsDir() const;  // resume records (the Upload page's checkpoint folder)
    QString importsDir() const;  // the import history (the Import page's history folder)
    QString settingsDir() const; // QSettings' user scope, see redirectSettings()

    // From now on every QSettings of this process (the settings dialog's, the window size, ...)
    // reads and writes under settingsDir(), never the user's own file. Before the first QSettings
    // (QSettings keeps what it read in a cache of the process).
    void redirectSettings() const;

    // The emulator's port of the last run (0: none yet): the resume records name the endpoint,
    // port included, so the next run listens on the same one. Kept in the folder itself.
    quint16 lastPort() const;
    bool rememberPort(quint16 port) const;

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QTemporaryDir> m_temporary;
};

} // namespace cvmi::gui

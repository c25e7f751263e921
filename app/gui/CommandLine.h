#pragma once

// The wizard's command line: cvm-import-wizard [IMAGE] [--screenshot FILE] [--policy FILE]
// [--page PAGE] [--demo] [--draft FILE].
#include <QString>

class QApplication;

namespace cvmi::gui {

struct Options {
    QString image; // absolute
    QString screenshot;
    QString policyFile;
    QString page; // "", "account", "upload", "import", "objects" or "settings"
    bool demo = false;
    QString draft; // --draft FILE: start on the import form filled from it (absolute)
};

// Parses the application's arguments. Exits the process for --help, --version, an unknown option
// or page, or more than one IMAGE, as QCommandLineParser::process does.
Options parseCommandLine(const QApplication& app);

} // namespace cvmi::gui

#pragma once

// Where the program keeps its own files. The wizard and the command line set different
// application names, so QStandardPaths::AppDataLocation would give each its own folder, and an
// upload or an import started in one could not be resumed or followed in the other. Both use one
// folder under the generic data location instead (normally ~/.local/share/cvm-import-wizard).
#include <QStandardPaths>
#include <QString>

namespace cvmi::util {

inline QString sharedDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/cvm-import-wizard");
}

} // namespace cvmi::util

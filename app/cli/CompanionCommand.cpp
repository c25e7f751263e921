#include "CompanionCommand.h"

#include "CliContext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::Main)
};
const QString companionName = QStringLiteral("cvm-import-cloud");
} // namespace

QString companionPath()
{
    const QString here = QCoreApplication::applicationDirPath();
    const QStringList candidates{here + u'/' + companionName,
                                 here + QStringLiteral("/" CVMI_LIBEXEC_FROM_BIN "/") +
                                     companionName};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

int runInCompanion(const QString& command, char* argv[], QTextStream& out, QTextStream& err)
{
    const QString path = companionPath();
    if (!path.isEmpty()) {
        out.flush();
        err.flush();
        ::execv(QFile::encodeName(path).constData(), argv);
    }
    const QString why = path.isEmpty()
                            ? Text::tr("%1 is not installed beside it").arg(companionName)
                            : QString::fromLocal8Bit(strerror(errno));
    err << Text::tr("cvm-import cannot run \"%1\": %2. Reinstall cvm-import-wizard.")
               .arg(command, why)
        << '\n';
    return ExitError;
}

} // namespace cvmi::cli

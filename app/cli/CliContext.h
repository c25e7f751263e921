#pragma once

#include <QStringList>
#include <QTextStream>

namespace cvmi::cli {

// Exit codes of every command, documented in the README.
enum ExitCode : int {
    ExitOk = 0,           // compliant / success
    ExitNotCompliant = 1, // the image was read and breaks at least one rule
    ExitError = 2,        // unusable input, bad arguments, or an error
};

// What a command gets: its own arguments (after the command name) and the two output streams.
struct CliContext {
    QStringList arguments; // arguments[0] is "cvm-import check" for help texts
    QTextStream& out;
    QTextStream& err;
};

} // namespace cvmi::cli

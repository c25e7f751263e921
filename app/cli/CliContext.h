#pragma once

#include "util/NativePath.h"

#include <QByteArrayList>
#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <optional>

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
    // argv's bytes: Qt decodes argv lossily (U+FFFD), so path arguments are taken from here.
    QByteArrayList rawArguments = {};
};

// The path argument `parsed` (as QCommandLineParser returns it) as the bytes it was given as:
// the raw argument that decodes to it. A name that is not UTF-8 thus reaches open() intact.
inline util::NativePath pathArgument(const CliContext& context, const QString& parsed)
{
    for (const QByteArray& raw : context.rawArguments) {
        if (QString::fromLocal8Bit(raw) == parsed)
            return util::NativePath::fromBytes(raw);
    }
    return util::NativePath(parsed);
}

// Parses a command's arguments the way every command does: a parse error is printed and ends
// the command with ExitError, --help prints the help and ends it with ExitOk; nullopt: go on.
inline std::optional<int> parseArguments(QCommandLineParser& parser, const CliContext& context)
{
    if (!parser.parse(context.arguments)) {
        context.err << parser.errorText() << '\n';
        return ExitError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace cvmi::cli

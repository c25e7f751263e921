#pragma once

// `cvm-import` runs `check` (and --help, --version) itself and hands every other command to its
// companion program, cvm-import-cloud, by execv(): same process id, arguments, environment and
// file descriptors, so scripts, signals and exit codes see one program. Why two programs: the
// cloud commands link libcurl, Qt Network and OpenSSL, which pull in ~30 more shared objects
// (GnuTLS, Kerberos, LDAP, …) whose symbol relocations the dynamic loader resolves before
// main() — about 60 % of the start-up work of a `check` that needs none of them
// (tests/bench/inspect/bench_startup.py). `cvm-import` is linked with --as-needed and without
// those sources, so it does not load them.
#include <QString>
#include <QTextStream>

namespace cvmi::cli {

// The companion's path: beside this program (a build tree), else in the installed libexec
// folder relative to it; empty when neither exists.
QString companionPath();

// Replaces this process with the companion running `argv` (argv[0] stays as the user typed
// it). Returns only on failure: the exit status after a message on `err`.
int runInCompanion(const QString& command, char* argv[], QTextStream& out, QTextStream& err);

} // namespace cvmi::cli

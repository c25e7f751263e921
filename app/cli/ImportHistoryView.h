#pragma once

// What `cvm-import imports` prints of the import history (importrun::ImportHistory): the
// imports started from this computer, newest first, as a table or as JSON (docs/cli-import.md).
#include "CliContext.h"

namespace cvmi::cli {

// Prints the history to context.out; the exit status: ExitOk, or ExitError when the history
// cannot be read (said on context.err).
int printImportHistory(const CliContext& context, bool asJson);

} // namespace cvmi::cli

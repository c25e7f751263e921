#pragma once

#include "CliContext.h"

namespace cvmi::cli {

// `cvm-import import (--draft FILE | --os-type T --os-version V --arch A --image-url URL --name N
// [...]) [--dry-run] [--no-wait] [--json] [cloud options]`: validates the form, runs the
// ImportImage DryRun, imports and follows the image until it is NORMAL or has failed, keeping it
// in the import history. Exit 0 NORMAL (or the dry run allowed, or started with --no-wait), 1
// IMPORTFAILED / CREATEFAILED or a form with errors, 2 an error (refused, bad arguments, no
// credentials), 130/143 stopped by SIGINT/SIGTERM (the import goes on). docs/cli-import.md.
int runImport(const CliContext& context);

// `cvm-import imports [--follow IMAGE_ID] [--json] [cloud options]`: the import history, or one
// import of it followed again until it ends (exit codes as for import).
int runImports(const CliContext& context);

} // namespace cvmi::cli

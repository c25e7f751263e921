#pragma once

#include "CliContext.h"

namespace cvmi::cli {

// Exit statuses of a run stopped by a signal: the shell's 128 + signal number, so that a script
// tells "interrupted, resumable" from "failed" (docs/cli-upload.md).
enum UploadStopExit : int {
    ExitStoppedByInterrupt = 130, // SIGINT (Ctrl+C)
    ExitStoppedByTerminate = 143, // SIGTERM
};

// `cvm-import upload FILE cos://BUCKET-APPID[/KEY] [--part-size SIZE] [--concurrency N]
// [--limit-rate RATE] [--restart] [--json] [cloud options]`: one multipart upload with a progress
// line (or JSON events), resumed from its checkpoint when an earlier run was interrupted. Exit 0
// uploaded, 2 error, 130/143 stopped by SIGINT/SIGTERM with the checkpoint kept.
int runUpload(const CliContext& context);

} // namespace cvmi::cli

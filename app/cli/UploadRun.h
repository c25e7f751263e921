#pragma once

// One `cvm-import upload` from the engine's start to the exit status, once the command line is
// parsed and checked (UploadCommand.cpp): the engine, the stop signals, and what the run says
// (UploadReport).
#include "CliContext.h"
#include "SecretScrubber.h"
#include "transfer/Checkpoint.h"
#include "transfer/PartPlanner.h"
#include "transfer/UploadJob.h"

#include <optional>

namespace cvmi::cli {

// What was parsed and checked before any request: the job, and what the messages need.
struct PreparedUpload {
    transfer::UploadJob job;
    QString destination; // cos://bucket/key, for messages
    QString absolutePath;
    QString destinationKey;
    transfer::PartPlan plan;
    std::optional<transfer::Checkpoint> record; // the interrupted upload this run resumes
    bool json = false;
    // Converted because the format must be (a VHDX, VDI or OVA), not because --convert said so.
    bool autoConverted = false;
    // A converted upload (--convert qcow2): no plan before the stream ends; plan.partSize is
    // the record's or the one asked for (0: automatic), plan.partCount 0.
    bool converting() const { return job.conversion != transfer::Conversion::None; }
};

// Runs the upload to its end or to a stop signal; the exit status (ExitOk, ExitError,
// ExitStoppedByInterrupt, ExitStoppedByTerminate).
int runPreparedUpload(const CliContext& context, PreparedUpload prepared,
                      const SecretScrubber& scrub);

} // namespace cvmi::cli

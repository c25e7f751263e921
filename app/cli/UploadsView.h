#pragma once

// What `cvm-import uploads` prints: the resume records on this computer, the unfinished
// multipart uploads of a bucket, and what --abort/--abort-all did, as text or as JSON
// (docs/cli-upload.md). UploadsCommand.cpp finds and aborts; this only shows.
#include "CliContext.h"
#include "SecretScrubber.h"
#include "transfer/CheckpointIndex.h"
#include "transfer/MultipartAdmin.h"

#include <optional>

namespace cvmi::cli {

// One upload --abort or --abort-all went for.
struct AbortOutcome {
    QString bucket;
    QString key;
    QString uploadId; // empty: only a record awaiting its upload id was removed
    bool ok = false;
    bool recordRemoved = false;
    QString message; // the failure, scrubbed
};

struct UploadsListing {
    QString checkpointDir;
    QList<transfer::CheckpointEntry> records;
    transfer::UploadDestination bucket; // key unused: the bucket the server lists are of
    QString prefix;
    QString bucketText; // cos://BUCKET/PREFIX; empty when no bucket was named
    QList<transfer::PendingUpload> server;
    QList<AbortOutcome> aborted;

    // The local record that resumes the upload `uploadId`, if any.
    std::optional<transfer::Checkpoint> recordOf(const QString& uploadId) const;
};

// Text: the lists on context.out, the aborts that failed on context.err.
void printUploadsText(const CliContext& context, const UploadsListing& listing,
                      const SecretScrubber& scrub);
void printUploadsJson(QTextStream& out, const UploadsListing& listing, const SecretScrubber& scrub);

} // namespace cvmi::cli

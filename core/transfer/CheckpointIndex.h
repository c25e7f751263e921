#pragma once

// Every resume record in a checkpoint directory, for `cvm-import uploads` (and a page that
// offers unfinished uploads): which file goes where, how far it got, and when it last moved.
// Read-only; a record is named by a hash, so the list is what each file says of itself, checked
// by Checkpoints::load() exactly as a resuming engine would.
#include "transfer/Checkpoint.h"

#include <QDateTime>

namespace cvmi::transfer {

// What Checkpoints::destinationKey() packs, unpacked for display and for aborting.
struct DestinationParts {
    Dialect dialect = Dialect::Cos;
    QString endpoint; // the endpoint override the upload went to, empty for the real host
    QString s3ServiceHost;
    QString bucket;
    QString region;
    QString key;
};

struct CheckpointEntry {
    QString recordPath; // the JSON file
    QDateTime updated;  // its modification time: the last part confirmed
    std::optional<Checkpoint> checkpoint;
    DestinationParts destination; // valid with checkpoint
    Error problem;                // set when the record is unusable (checkpoint is then empty)
    // The pid of the run uploading to this destination now (0: unknown), per DestinationLock.
    std::optional<qint64> inUseBy;

    // Checkpoint::partsTotal() and partsDone(), 0 without a usable record.
    int partsTotal() const;
    int partsDone() const;
};

class CheckpointIndex {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::CheckpointIndex)
public:
    // Oldest first. A missing directory is an empty list.
    static QList<CheckpointEntry> list(const QString& dir);
    // The uploads the wizard can continue, newest first: usable records of COS uploads (an S3
    // upload is the CLI's) whose file is still there. Unusable records are for `cvm-import
    // uploads`, which lists them all.
    static QList<CheckpointEntry> continuable(const QString& dir);
    static std::optional<DestinationParts> parseDestination(const QString& destinationKey);
    // The destination an abort of this record's upload must be sent to (endpoint validated
    // again, as it came from a file); nullopt with *error when it cannot be used.
    static std::optional<UploadDestination> destinationOf(const DestinationParts& parts,
                                                          Error* error);
};

} // namespace cvmi::transfer

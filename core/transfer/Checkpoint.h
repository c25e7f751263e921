#pragma once

// The resume record of one multipart upload: which file (FileIdentity) goes where, the
// uploadId, the part size and every part the server confirmed, with its ETag and CRC-64. One
// JSON file per (file, destination) in the checkpoint directory, replaced atomically (QSaveFile),
// so a crash or a power cut leaves either the old or the new record; the parts confirmed since it
// was last written are lines of its journal (PartJournal.h). It holds no credentials.
#include "transfer/FileIdentity.h"
#include "transfer/UploadJob.h"

#include <QMap>

namespace cvmi::transfer {

struct CheckpointPart {
    QString etag;
    quint64 crc64 = 0;
    qint64 size = 0;
};

struct Checkpoint {
    FileIdentity file;
    QString destination; // Checkpoints::destinationKey()
    // Empty in a record written just before InitiateMultipartUpload is sent: if the program dies
    // before the answer arrives, the server may hold an upload whose id nobody knows, and this
    // record is what lets the next run (or `cvm-import uploads --abort-all`) find and abort it.
    QString uploadId;
    qint64 partSize = 0;
    qint64 startedAt = 0; // our clock, seconds since the epoch, when Initiate was first sent
    QMap<int, CheckpointPart> parts;
    // A converted upload (UploadJob::conversion): its stream's identity (ObjectStream::identity,
    // empty for a plain upload). A run with another conversion or identity cannot reuse the
    // parts: it is refused like a changed file.
    Conversion conversion = Conversion::None;
    QString streamIdentity;

    bool awaitingUploadId() const { return uploadId.isEmpty(); }
    // How far it got, as every front end shows it ("3 of 12 parts"): the parts the server
    // confirmed, and the parts of the whole file cut at partSize (0 when the record names no
    // size or part size).
    int partsDone() const { return int(parts.size()); }
    int partsTotal() const;
    // The file at `path` no longer has the size and modification time on record: the engine
    // would refuse to resume it (without --restart / Start Over).
    bool fileChangedSince(const QString& path) const;
};

class Checkpoints {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::Checkpoints)
public:
    // dir empty: <shared data dir>/uploads (util/AppPaths.h), the same for the CLI and the GUI.
    explicit Checkpoints(const QString& dir);

    QString dir() const { return m_dir; }
    // "cos|<endpoint>|<bucket>|<region>|<key>": what, with the file's path, names the record.
    static QString destinationKey(const UploadDestination& d);
    QString pathFor(const QString& absoluteFilePath, const QString& destinationKey) const;

    // nullopt when there is none; a record that cannot be parsed is reported in *error
    // ("upload.checkpoint") and treated as none by the caller.
    std::optional<Checkpoint> load(const QString& absoluteFilePath, const QString& destinationKey,
                                   Error* error) const;
    // load(), less a record still awaiting its upload id: that one has no parts to resume (the
    // engine aborts what its start may have left and begins afresh), so front ends offer none.
    std::optional<Checkpoint> loadResumable(const QString& absoluteFilePath,
                                            const QString& destinationKey, Error* error) const;
    bool save(const Checkpoint& checkpoint, Error* error) const;
    void remove(const QString& absoluteFilePath, const QString& destinationKey) const;

private:
    QString m_dir;
};

} // namespace cvmi::transfer

#pragma once

// The resume record of one multipart upload: which file (FileIdentity) goes where, the
// uploadId, the part size and every part the server confirmed, with its ETag and CRC-64. One
// JSON file per (file, destination) in the checkpoint directory, replaced atomically (QSaveFile)
// after every part, so a crash or a power cut leaves either the old or the new record. It holds
// no credentials.
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
    QString uploadId;
    qint64 partSize = 0;
    QMap<int, CheckpointPart> parts;
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
    bool save(const Checkpoint& checkpoint, Error* error) const;
    void remove(const QString& absoluteFilePath, const QString& destinationKey) const;

private:
    QString m_dir;
};

} // namespace cvmi::transfer

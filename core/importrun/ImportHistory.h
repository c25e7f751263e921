#pragma once

// The imports started from this computer, so that the wizard and `cvm-import imports` can follow
// one again after the window was closed or the terminal lost. One JSON file (docs/cli-import.md),
// shared by the wizard and the CLI: <GenericDataLocation>/cvm-import-wizard/imports.json unless a
// folder is given. Written atomically (QSaveFile) under a lock file, so two programs updating it
// at once never lose each other's records; bounded to the newest maxRecords imports. It never
// holds a secret: an ImageUrl loses its signature before it is stored.
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cvmi::importrun {

struct ImportRecord {
    QString imageId;   // "img-abcdefgh"; empty when the service did not say and it was not found
    QString requestId; // ImportImage's RequestId: names an import whose ImageId is unknown
    QString region;
    QString imageName;
    QString imageUrl;        // without signature parameters
    QString sourceImagePath; // the local disk image the form was filled for, may be empty
    QString state;           // the last state seen: IMPORTING, NORMAL, IMPORTFAILED, ...
    QString message;         // why it failed, when it did
    QDateTime started;       // UTC, when ImportImage answered
    QDateTime updated;       // UTC, the last change of this record
    QDateTime finished;      // UTC, when a final state was seen; invalid until then

    bool isFinal() const;
    bool canFollow() const { return !imageId.isEmpty() && !isFinal(); }
};

class ImportHistory {
public:
    static constexpr int formatVersion = 1;
    static constexpr int maxRecords = 200;
    static constexpr qint64 maxFileBytes = 4 << 20;

    // dir empty: <GenericDataLocation>/cvm-import-wizard, the folder both programs share.
    explicit ImportHistory(QString dir = {});

    QString filePath() const;

    // Newest first. A missing file is an empty history; an unreadable one is an error naming
    // the file and what is wrong with it.
    std::optional<QList<ImportRecord>> load(Error* error) const;
    std::optional<ImportRecord> find(const QString& imageId, Error* error) const;

    // Adds the record, or replaces the one with the same ImageId (or, for a record without one,
    // the same RequestId), keeping its place by start time; drops the oldest beyond maxRecords,
    // and writes the file atomically.
    bool upsert(const ImportRecord& record, Error* error) const;

    static bool isFinalState(const QString& state);

private:
    std::optional<QList<ImportRecord>> read(Error* error) const;
    bool write(const QList<ImportRecord>& records, Error* error) const;

    QString m_dir;
};

} // namespace cvmi::importrun

#pragma once

// `cvm-import upload --json`: one JSON object per line on stdout, flushed at once, so that a
// script can follow an upload as it happens (docs/cli-upload.md). The engine reports bytes and
// counts; which parts were confirmed, with their CRC-64, is read from the resume record the
// engine rewrites after every part, so this needs nothing from the engine beyond its public face.
#include "transfer/Checkpoint.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

namespace cvmi::cli {

class UploadEvents {
public:
    explicit UploadEvents(QTextStream& out) : m_out(out) {}
    void emitEvent(const QString& name, QJsonObject fields);

    static QString stateName(transfer::UploadState state);
    static QJsonObject progressFields(const transfer::UploadProgress& p);
    static QJsonArray numbers(const QList<int>& list);

private:
    QTextStream& m_out;
};

// The parts confirmed since the upload started, found by comparing the resume record with what
// it held before (the parts an earlier run left are not this run's news).
class ConfirmedParts {
public:
    ConfirmedParts(const QString& checkpointDir, const QString& absoluteFilePath,
                   const QString& destinationKey);

    void prime(); // remember the parts on record now, before the engine starts
    // Parts found changed on resume and sent again: reported by fresh() once confirmed anew.
    void forget(const QList<int>& numbers);
    // Parts on record now that were not before: number → part.
    QMap<int, transfer::CheckpointPart> fresh();
    // The part size of the record last read (0 before): a converted upload's, which the
    // command does not know before the engine chose it.
    qint64 partSize() const { return m_partSize; }
    // Of parts 1..total, those neither on record at the start nor reported by fresh(): after a
    // successful upload, the last parts whose record went away with the completed upload.
    QList<int> unseen(int total) const;

private:
    transfer::Checkpoints m_checkpoints;
    QString m_file;
    QString m_destination;
    QSet<int> m_seen;
    qint64 m_partSize = 0; // the record's, once one was read
};

} // namespace cvmi::cli

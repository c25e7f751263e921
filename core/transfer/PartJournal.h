#pragma once

// The parts confirmed since the resume record (Checkpoint) was last written whole: one line per
// part appended to "<record>.parts" next to it. Rewriting and syncing the whole JSON record after
// every part cost time that grew with the square of the part count (413 rewrites of a growing
// file per 4 GiB); a line appended is one small write(), and the journal is synced to disk at
// most once a second (syncIfDue) and at every stop (sync).
//
// The guarantees are those of the record: a process killed at any moment loses nothing that
// write() returned (the kernel has it); a power cut loses at most the last second of lines, and
// a part missing from the record is simply sent again (only recorded parts are reused, after
// ListParts and a re-read of their bytes confirm them). A line cut short by a crash, or anything
// after it, is ignored; a journal whose first line names another upload id is stale and ignored.
// Checkpoints::load() merges the journal, Checkpoints::save() and remove() delete it.
#include "transfer/Checkpoint.h"

#include <QElapsedTimer>
#include <QMap>

namespace cvmi::transfer {

class PartJournal {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::Checkpoints)
public:
    // At most this often a sync: the most a power cut takes from the record.
    static constexpr qint64 syncIntervalMs = 1000;
    // A journal holds at most 10,000 lines of ~100 bytes; a larger file is damage.
    static constexpr qint64 maxBytes = 4 * 1024 * 1024;

    PartJournal() = default;
    ~PartJournal(); // syncs and closes
    PartJournal(const PartJournal&) = delete;
    PartJournal& operator=(const PartJournal&) = delete;

    static QString pathFor(const QString& recordPath);

    // Starts a fresh journal for the record at recordPath (replacing any), its first line naming
    // uploadId, synced before it returns; false with *error when it cannot be written.
    bool open(const QString& recordPath, const QString& uploadId, Error* error);
    bool isOpen() const { return m_fd >= 0; }
    // Appends one part's line (no sync); false with *error when the write failed.
    bool append(int number, const CheckpointPart& part, Error* error);
    void syncIfDue();
    void sync();
    void close();

    // Adds the parts of the journal next to recordPath, if it belongs to uploadId, to *parts
    // (a line for a number replaces what *parts had for it).
    static void readInto(const QString& recordPath, const QString& uploadId,
                         QMap<int, CheckpointPart>* parts);
    static void remove(const QString& recordPath);

private:
    bool writeAll(const QByteArray& bytes, Error* error);

    int m_fd = -1;
    QString m_path;
    bool m_dirty = false;
    QElapsedTimer m_sinceSync;
};

} // namespace cvmi::transfer

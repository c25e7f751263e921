#pragma once

// One upload at a time per destination: an exclusive flock() on "<hash>.lock" in the checkpoint
// directory, held for the whole run. Two runs of the same file and key would otherwise share one
// resume record and one upload id and complete, abort or remove it under each other. flock()
// locks an open file description, so two sessions inside one process exclude each other as two
// processes do, and the kernel drops the lock when its holder dies (kill -9 included). The file
// holds the holder's pid for the message; it is never deleted, since deleting a lock file lets a
// waiter lock an unlinked inode while a third run locks a new one.
#include "util/Error.h"

#include <QCoreApplication>
#include <QString>
#include <memory>
#include <optional>

namespace cvmi::transfer {

class DestinationLock {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::DestinationLock)
public:
    enum class Outcome { Taken, Busy, Unavailable };

    ~DestinationLock();
    DestinationLock(const DestinationLock&) = delete;
    DestinationLock& operator=(const DestinationLock&) = delete;

    // Never blocks. Busy: another run holds it (*error "upload.busy" names its pid and what to
    // do). Unavailable: the directory or the lock file cannot be created or written (*error
    // "upload.no_record" names the directory and the fix).
    static std::unique_ptr<DestinationLock>
    tryAcquire(const QString& dir, const QString& destinationKey, Outcome* outcome, Error* error);
    // The pid of the run holding the destination now, 0 when it is held but the pid is unknown,
    // nullopt when nobody holds it.
    static std::optional<qint64> holder(const QString& dir, const QString& destinationKey);
    static QString pathFor(const QString& dir, const QString& destinationKey);
    // "What to do" when the folder cannot be written: free space, permissions, or move it.
    static QString unwritableAdvice(const QString& dir);

private:
    explicit DestinationLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace cvmi::transfer

#include "transfer/DestinationLock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace cvmi::transfer {

namespace {

QString errnoText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// The pid the holder wrote, 0 when the file is empty or damaged.
qint64 pidIn(int fd)
{
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0)
        return 0;
    bool ok = false;
    const qint64 pid = QByteArray(buffer, int(n)).trimmed().toLongLong(&ok);
    return ok && pid > 0 ? pid : 0;
}

} // namespace

DestinationLock::~DestinationLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the last descriptor of the description releases the lock
}

QString DestinationLock::pathFor(const QString& dir, const QString& destinationKey)
{
    // The destination alone, not the file: two files to one key are one destination.
    const QByteArray name =
        QCryptographicHash::hash(destinationKey.toUtf8(), QCryptographicHash::Sha256);
    return dir + u'/' + QString::fromLatin1(name.toHex().left(32)) + QStringLiteral(".lock");
}

QString DestinationLock::unwritableAdvice(const QString& dir)
{
    return tr("Free some space in %1 or make it a writable folder, or set the environment "
              "variable XDG_DATA_HOME to a writable folder (resume records are then kept in "
              "$XDG_DATA_HOME/cvm-import-wizard/uploads).")
        .arg(QDir::toNativeSeparators(dir));
}

std::unique_ptr<DestinationLock> DestinationLock::tryAcquire(const QString& dir,
                                                             const QString& destinationKey,
                                                             Outcome* outcome, Error* error)
{
    const QString path = pathFor(dir, destinationKey);
    const auto unavailable = [&](const QString& why) {
        *outcome = Outcome::Unavailable;
        fail(error, QStringLiteral("upload.no_record"),
             tr("Nothing was uploaded: the resume record cannot be kept in \"%1\" (%2), and "
                "without it an interrupted upload could be neither resumed nor found to be "
                "deleted. %3")
                 .arg(QDir::toNativeSeparators(dir), why, unwritableAdvice(dir)));
        return nullptr;
    };
    if (!QDir().mkpath(dir) || !QFileInfo(dir).isDir())
        return unavailable(tr("it is not a folder and cannot be created"));
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return unavailable(errnoText(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int code = errno;
        if (code != EWOULDBLOCK) {
            ::close(fd);
            return unavailable(errnoText(code));
        }
        const qint64 pid = pidIn(fd);
        ::close(fd);
        *outcome = Outcome::Busy;
        fail(error, QStringLiteral("upload.busy"),
             (pid > 0 ? tr("Another upload to this destination is running (process %1).").arg(pid)
                      : tr("Another upload to this destination is running.")) +
                 u' ' +
                 tr("Only one run at a time may upload to the same bucket and key: wait for it "
                    "to end, or stop it, then run this command again (it resumes what that one "
                    "left), or choose another object key. Lock file: \"%1\".")
                     .arg(QDir::toNativeSeparators(path)));
        return nullptr;
    }
    // The pid is only for the message of a second run: a write that fails costs nothing else.
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    const bool written = ::ftruncate(fd, 0) == 0 &&
                         ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) == pid.size();
    Q_UNUSED(written)
    *outcome = Outcome::Taken;
    return std::unique_ptr<DestinationLock>(new DestinationLock(fd));
}

std::optional<qint64> DestinationLock::holder(const QString& dir, const QString& destinationKey)
{
    const int fd = ::open(QFile::encodeName(pathFor(dir, destinationKey)).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return std::nullopt;
    std::optional<qint64> pid;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        pid = pidIn(fd);
    ::close(fd); // a shared lock taken here goes with it
    return pid;
}

} // namespace cvmi::transfer

#include "disk/ByteSource.h"

#include "util/SafeOpen.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::disk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("cvmi::disk::ByteSource", text);
}

bool truncatedError(Error* error, const QString& name, uint64_t offset, size_t length,
                    uint64_t size)
{
    return fail(error, QStringLiteral("truncated"),
                tr("The file %1 ends too early: %2 bytes are needed at offset %3, but the file has "
                   "only %4 bytes. It was probably cut off while copying or downloading; copy it "
                   "again.")
                    .arg(name)
                    .arg(length)
                    .arg(offset)
                    .arg(size));
}
} // namespace

QByteArray ByteSource::readUpTo(uint64_t offset, size_t length, Error* error)
{
    if (offset >= size())
        return {};
    const uint64_t available = size() - offset;
    const size_t n = available < length ? size_t(available) : length;
    QByteArray out(qsizetype(n), Qt::Uninitialized);
    if (!readAt(offset, out.data(), n, error))
        return {};
    return out;
}

std::unique_ptr<FileByteSource> FileByteSource::open(const util::NativePath& path,
                                                     std::shared_ptr<ReadStats> stats, Error* error)
{
    const QString shown = path.display();
    uint64_t size = 0;
    const int fd = util::openRegularFile(AT_FDCWD, path.bytes(), util::SymlinkRule::Follow, shown,
                                         &size, error);
    if (fd < 0)
        return nullptr;
    return adopt(fd, shown, size, std::move(stats));
}

std::unique_ptr<FileByteSource>
FileByteSource::openBeneath(int folderFd, const QByteArray& relative, const QString& shown,
                            std::shared_ptr<ReadStats> stats, Error* error)
{
    uint64_t size = 0;
    const int fd = util::openRegularFileBeneath(folderFd, relative, shown, &size, error);
    if (fd < 0)
        return nullptr;
    return adopt(fd, shown, size, std::move(stats));
}

std::unique_ptr<FileByteSource> FileByteSource::adopt(int fd, const QString& shown, uint64_t size,
                                                      std::shared_ptr<ReadStats> stats)
{
#ifdef POSIX_FADV_RANDOM
    // Inspection jumps between tables; read-ahead would only inflate what we pull from disk.
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
#endif
    return std::unique_ptr<FileByteSource>(new FileByteSource(fd, shown, size, std::move(stats)));
}

FileByteSource::FileByteSource(int fd, QString path, uint64_t size,
                               std::shared_ptr<ReadStats> stats)
    : m_fd(fd), m_path(std::move(path)), m_size(size), m_stats(std::move(stats))
{
}

FileByteSource::~FileByteSource()
{
    ::close(m_fd);
}

bool FileByteSource::readAt(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (offset > m_size || length > m_size - offset)
        return truncatedError(error, m_path, offset, length, m_size);
    auto* out = static_cast<char*>(buffer);
    size_t done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_fd, out + done, length - done, off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(error, QStringLiteral("io_error"),
                        tr("Reading %1 at offset %2 failed: %3.")
                            .arg(m_path)
                            .arg(offset + done)
                            .arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (n == 0)
            return truncatedError(error, m_path, offset, length, m_size);
        done += size_t(n);
    }
    if (m_stats) {
        m_stats->bytesRead.fetch_add(length, std::memory_order_relaxed);
        m_stats->readCalls.fetch_add(1, std::memory_order_relaxed);
    }
    return true;
}

bool MemoryByteSource::readAt(uint64_t offset, void* buffer, size_t length, Error* error)
{
    if (offset > size() || length > size() - offset)
        return truncatedError(error, m_name, offset, length, size());
    if (length)
        std::memcpy(buffer, m_data.constData() + offset, length);
    return true;
}

} // namespace cvmi::disk

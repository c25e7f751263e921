#include "disk/ByteSource.h"

#include "disk/ExtentMap.h"
#include "util/SafeOpen.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::disk {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::disk::ByteSource)
};

bool truncatedError(Error* error, const QString& name, uint64_t offset, size_t length,
                    uint64_t size)
{
    return fail(
        error, QStringLiteral("truncated"),
        Text::tr("The file %1 ends too early: %2 bytes are needed at offset %3, but the file has "
                 "only %4 bytes. It was probably cut off while copying or downloading; copy it "
                 "again.")
            .arg(name)
            .arg(length)
            .arg(offset)
            .arg(size));
}

// A run that lasts to the end of whatever range is being mapped.
constexpr uint64_t kToTheEnd = UINT64_MAX;
// SEEK_DATA and SEEK_HOLE calls per mapData: past it, the rest of the range counts as data. It
// bounds the time and the list for a file fragmented beyond reason or changing under us.
constexpr int kMaxMapRuns = 65536;
} // namespace

bool ByteSource::mapData(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (offset > size() || length > size() - offset)
        return truncatedError(error, name(), offset, size_t(length), size());
    appendExtent(out, offset, length, true);
    return true;
}

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
                        Text::tr("Reading %1 at offset %2 failed: %3.")
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

// The run of data or hole that starts at `offset`: SEEK_DATA finds the next data, SEEK_HOLE the
// end of it. Anything unexpected (no support, a file that shrank or changed between the two
// calls) makes the rest data: saying "data" is always safe, saying "hole" must be true.
bool FileByteSource::nextRun(uint64_t offset, bool* data, uint64_t* runEnd, Error* error)
{
    *data = true;
    *runEnd = kToTheEnd;
    const auto failed = [&](const char* call) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        return fail(error, QStringLiteral("io_error"),
                    Text::tr("Finding the empty space of %1 (%2 at offset %3) failed: %4.")
                        .arg(m_path, QLatin1String(call))
                        .arg(offset)
                        .arg(reason));
    };
    const off_t start = off_t(offset);
    const off_t nextData = ::lseek(m_fd, start, SEEK_DATA);
    if (nextData < 0) {
        if (errno == EINVAL || errno == ENOTSUP || errno == EOPNOTSUPP)
            return true; // the file system keeps no map: all data
        if (errno != ENXIO)
            return failed("SEEK_DATA");
        // No data at or after `offset`: a hole up to the end of the file as it is now. Past
        // that end the file shrank under us; read() reports it, so call it data here.
        struct stat st {};
        if (::fstat(m_fd, &st) != 0)
            return failed("fstat");
        if (st.st_size > start) {
            *data = false;
            *runEnd = uint64_t(st.st_size);
        }
        return true;
    }
    if (nextData > start) {
        *data = false;
        *runEnd = uint64_t(nextData);
        return true;
    }
    if (nextData < start)
        return true; // not what SEEK_DATA promises: trust nothing
    const off_t nextHole = ::lseek(m_fd, start, SEEK_HOLE);
    if (nextHole < 0) {
        if (errno == EINVAL || errno == ENOTSUP || errno == EOPNOTSUPP || errno == ENXIO)
            return true;
        return failed("SEEK_HOLE");
    }
    if (nextHole > start)
        *runEnd = uint64_t(nextHole);
    return true; // nextHole <= start: the file changed between the calls; the rest is data
}

bool FileByteSource::mapData(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error)
{
    out->clear();
    if (offset > m_size || length > m_size - offset)
        return truncatedError(error, m_path, offset, size_t(length), m_size);
    const uint64_t end = offset + length;
    uint64_t pos = offset;
    // Every step moves `pos` forward, and the steps are counted: this ends on any file.
    for (int runs = 0; pos < end && runs < kMaxMapRuns; ++runs) {
        bool data = true;
        uint64_t runEnd = kToTheEnd;
        if (!nextRun(pos, &data, &runEnd, error)) {
            out->clear();
            return false;
        }
        runEnd = std::min(runEnd, end);
        appendExtent(out, pos, runEnd - pos, data);
        pos = runEnd;
    }
    appendExtent(out, pos, end - pos, true);
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

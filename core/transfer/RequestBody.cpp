#include "transfer/RequestBody.h"

#include "util/Crc64.h"
#include "util/SafeOpen.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cvmi::transfer {

qint64 MemoryBody::read(char* into, qint64 capacity)
{
    const qint64 n = qMin(capacity, m_bytes.size() - m_position);
    if (n <= 0)
        return 0;
    memcpy(into, m_bytes.constData() + m_position, size_t(n));
    m_position += n;
    return n;
}

std::unique_ptr<SourceFile> SourceFile::open(const util::NativePath& path, Error* error)
{
    Error openError;
    const int fd = util::openRegularFile(AT_FDCWD, path.bytes(), util::SymlinkRule::Follow,
                                         path.display(), nullptr, &openError);
    if (fd < 0) {
        fail(error, QStringLiteral("upload.file"),
             QCoreApplication::translate("cvmi::transfer::UploadSession", "Cannot read \"%1\": %2.")
                 .arg(path.display(), openError.message));
        return nullptr;
    }
    // Parts are read in order, each front to back: the kernel's read-ahead can be generous.
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return std::unique_ptr<SourceFile>(new SourceFile(fd));
}

SourceFile::~SourceFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 SourceFile::readAt(char* into, qint64 length, qint64 offset, QString* error) const
{
    for (;;) {
        const ssize_t got = ::pread(m_fd, into, size_t(length), off_t(offset));
        if (got >= 0)
            return got;
        if (errno == EINTR)
            continue;
        *error = QString::fromLocal8Bit(strerror(errno));
        return -1;
    }
}

void SourceFile::prefetch(qint64 offset, qint64 length) const
{
    ::posix_fadvise(m_fd, off_t(offset), off_t(length), POSIX_FADV_WILLNEED);
}

FileRangeBody::FileRangeBody(const SourceFile& file, qint64 offset, qint64 length)
    : m_file(file), m_offset(offset), m_length(length)
{
}

qint64 FileRangeBody::read(char* into, qint64 capacity)
{
    if (!m_error.isEmpty())
        return -1;
    const qint64 want = qMin(capacity, m_length - m_position);
    if (want <= 0)
        return 0;
    const qint64 got = m_file.readAt(into, want, m_offset + m_position, &m_error);
    if (got < 0)
        return -1;
    if (got == 0) {
        // curl was promised m_length bytes: a file that ends before them changed under us.
        m_error = QCoreApplication::translate("cvmi::transfer::PartReader",
                                              "the file ended early (it shrank?)");
        return -1;
    }
    util::Crc64 crc(m_crc);
    crc.update(into, got);
    m_crc = crc.value();
    m_position += got;
    return got;
}

void FileRangeBody::rewind()
{
    m_position = 0;
    m_crc = 0;
    m_error.clear();
}

} // namespace cvmi::transfer

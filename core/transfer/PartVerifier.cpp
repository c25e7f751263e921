#include "transfer/PartVerifier.h"

#include "util/Crc64.h"
#include "util/SafeOpen.h"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace cvmi::transfer {

PartVerifier::PartVerifier(util::NativePath path, QList<PartRange> parts,
                           std::function<void()> changed)
    : m_path(std::move(path)), m_parts(std::move(parts)), m_changed(std::move(changed))
{
    m_thread = std::thread([this] { run(); });
}

PartVerifier::~PartVerifier()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
}

void PartVerifier::stop()
{
    m_stop = true;
}

QMap<int, quint64> PartVerifier::crcs() const
{
    std::lock_guard lock(m_mutex);
    return m_crcs;
}

QString PartVerifier::readError() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

int PartVerifier::failedPart() const
{
    std::lock_guard lock(m_mutex);
    return m_failedPart;
}

void PartVerifier::run()
{
    const auto fail = [this](int number, const QString& error) {
        std::lock_guard lock(m_mutex);
        m_error = error;
        m_failedPart = number;
    };
    // Unbuffered: each read() goes straight to the kernel into our buffer, with no second copy.
    // Opened by its bytes and never blocking, as SourceFile opens the same file.
    Error openError;
    const int fd = util::openRegularFile(AT_FDCWD, m_path.bytes(), util::SymlinkRule::Follow,
                                         m_path.display(), nullptr, &openError);
    QFile file;
    const bool opened = fd >= 0 && file.open(fd, QIODevice::ReadOnly | QIODevice::Unbuffered,
                                             QFileDevice::AutoCloseHandle);
    if (fd >= 0 && !opened)
        ::close(fd);
    if (opened)
        ::posix_fadvise(file.handle(), 0, 0, POSIX_FADV_SEQUENTIAL);
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    for (const PartRange& range : std::as_const(m_parts)) {
        if (m_stop)
            break;
        if (!opened || !file.seek(range.offset)) {
            fail(range.number, fd < 0 ? openError.message : file.errorString());
            break;
        }
        util::Crc64 crc;
        qint64 done = 0;
        while (done < range.length && !m_stop) {
            const qint64 got = file.read(buffer.data(), qMin(chunkSize, range.length - done));
            if (got <= 0) {
                fail(range.number,
                     got < 0 ? file.errorString()
                             : QCoreApplication::translate("cvmi::transfer::PartReader",
                                                           "the file ended early (it shrank?)"));
                break;
            }
            crc.update(buffer.constData(), got);
            done += got;
            m_bytesRead += got;
        }
        if (done < range.length)
            break;
        {
            std::lock_guard lock(m_mutex);
            m_crcs.insert(range.number, crc.value());
        }
        ++m_partsRead;
        m_changed();
    }
    m_finished = true;
    m_changed();
}

} // namespace cvmi::transfer

#include "transfer/PartReader.h"

#include "util/Crc64.h"
#include "util/SafeOpen.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace cvmi::transfer {

namespace {
// Hashing in chunks this size keeps each chunk in cache between read() and the CRC.
constexpr qint64 chunkSize = 1024 * 1024;
} // namespace

PartReader::PartReader(util::NativePath path, QList<PartRange> parts, BufferPool& pool, bool md5,
                       std::function<void()> ready)
    : m_path(std::move(path)), m_parts(std::move(parts)), m_pool(pool), m_md5(md5),
      m_ready(std::move(ready))
{
    m_thread = std::thread([this] { run(); });
}

PartReader::~PartReader()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
    for (PartBuffer* b : m_queue)
        m_pool.release(b);
}

void PartReader::stop()
{
    m_stop = true;
    m_pool.stop();
}

PartBuffer* PartReader::take()
{
    std::lock_guard lock(m_mutex);
    if (m_queue.empty())
        return nullptr;
    PartBuffer* b = m_queue.front();
    m_queue.pop_front();
    return b;
}

void PartReader::run()
{
    // Opened by its bytes (the name need not be UTF-8), never blocking on a FIFO.
    Error openError;
    const int fd = util::openRegularFile(AT_FDCWD, m_path.bytes(), util::SymlinkRule::Follow,
                                         m_path.display(), nullptr, &openError);
    QFile file;
    const bool opened = fd >= 0 && file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    if (fd >= 0 && !opened)
        ::close(fd);
    for (const PartRange& range : std::as_const(m_parts)) {
        if (m_stop)
            return;
        PartBuffer* b = m_pool.acquire();
        if (!b)
            return;
        b->number = range.number;
        b->offset = range.offset;
        b->readError.clear();
        b->data.resize(range.length);
        util::Crc64 crc;
        QCryptographicHash md5(QCryptographicHash::Md5);
        if (!opened) {
            b->readError = fd < 0 ? openError.message : file.errorString();
        } else if (!file.seek(range.offset)) {
            b->readError = file.errorString();
        } else {
            for (qint64 done = 0; done < range.length && !m_stop;) {
                const qint64 want = qMin(chunkSize, range.length - done);
                char* at = b->data.data() + done;
                const qint64 got = file.read(at, want);
                if (got <= 0) {
                    b->readError =
                        got < 0 ? file.errorString()
                                : QCoreApplication::translate("cvmi::transfer::PartReader",
                                                              "the file ended early (it shrank?)");
                    break;
                }
                crc.update(at, got);
                if (m_md5)
                    md5.addData(QByteArrayView(at, got));
                done += got;
            }
        }
        b->crc64 = crc.value();
        b->contentMd5 = m_md5 ? md5.result().toBase64() : QByteArray();
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(b);
        }
        m_ready();
        if (!b->readError.isEmpty())
            return;
    }
}

} // namespace cvmi::transfer

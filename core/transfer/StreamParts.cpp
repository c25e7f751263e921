#include "transfer/StreamParts.h"

#include "transfer/PartPlanner.h"
#include "util/Crc64.h"

#include <QCryptographicHash>

namespace cvmi::transfer {

StreamParts::StreamParts(ObjectStream& stream, qint64 partSize, int maxHeld, bool contentMd5,
                         std::function<void()> wake)
    : m_stream(stream), m_partSize(partSize), m_maxHeld(qMax(2, maxHeld)), m_contentMd5(contentMd5),
      m_wake(std::move(wake))
{
    m_thread = std::thread([this] { readAll(); });
}

StreamParts::~StreamParts()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_stream.stop();
    m_room.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<StreamPart> StreamParts::take()
{
    std::lock_guard lock(m_mutex);
    if (m_ready.empty())
        return std::nullopt;
    StreamPart part = std::move(m_ready.front());
    m_ready.pop_front();
    return part;
}

void StreamParts::release()
{
    {
        std::lock_guard lock(m_mutex);
        m_held = qMax(0, m_held - 1);
    }
    m_room.notify_all();
}

bool StreamParts::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

Error StreamParts::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

qint64 StreamParts::length() const
{
    std::lock_guard lock(m_mutex);
    return m_length;
}

int StreamParts::partCount() const
{
    std::lock_guard lock(m_mutex);
    return m_partCount;
}

qint64 StreamParts::bytesRead() const
{
    return m_bytesRead.load();
}

bool StreamParts::waitForRoom()
{
    std::unique_lock lock(m_mutex);
    m_room.wait(lock, [this] { return m_stop || m_held < m_maxHeld; });
    if (m_stop)
        return false;
    ++m_held;
    return true;
}

void StreamParts::fail(const Error& error)
{
    {
        std::lock_guard lock(m_mutex);
        m_error = error;
        m_finished = true;
    }
    m_wake();
}

qint64 StreamParts::fill(QByteArray* part)
{
    part->resize(m_partSize);
    qint64 filled = 0;
    while (filled < m_partSize) {
        const qint64 got = m_stream.read(part->data() + filled, m_partSize - filled);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        filled += got;
        m_bytesRead += got;
    }
    part->resize(filled);
    return filled;
}

void StreamParts::hand(int number, QByteArray bytes)
{
    StreamPart part;
    part.number = number;
    part.crc64 = util::Crc64::compute(bytes);
    if (m_contentMd5)
        part.contentMd5 = QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toBase64();
    part.bytes = std::move(bytes);
    {
        std::lock_guard lock(m_mutex);
        m_ready.push_back(std::move(part));
    }
    m_wake();
}

void StreamParts::readAll()
{
    // Part 1 is read first (its slot held to the end) and handed out last, patched.
    QByteArray first;
    qint64 length = 0;
    for (int number = 1;; ++number) {
        if (!waitForRoom())
            return;
        QByteArray bytes;
        const qint64 got = fill(&bytes);
        if (got < 0) {
            const Error e = m_stream.error();
            fail(e.isSet() ? e
                           : Error::make(QStringLiteral("upload.file"),
                                         tr("The converted stream could not be read.")));
            return;
        }
        if (got == 0 && number > 1) {
            release(); // the stream ended on a part boundary: no empty part
            break;
        }
        if (number > PartPlanner::maxParts) {
            fail(Error::make(QStringLiteral("upload.too_large"),
                             tr("The converted disk needs more than 10,000 parts of %1 bytes.")
                                 .arg(m_partSize)));
            return;
        }
        length += got;
        const bool last = got < m_partSize;
        if (number == 1)
            first = std::move(bytes);
        else
            hand(number, std::move(bytes));
        if (last) {
            std::lock_guard lock(m_mutex);
            m_partCount = number;
            break;
        }
        std::lock_guard lock(m_mutex);
        m_partCount = number;
    }
    const QByteArray header = m_stream.header();
    if (!m_stream.atEnd() || header.size() != m_stream.headerSize() ||
        header.size() > first.size()) {
        fail(Error::make(QStringLiteral("upload.internal"),
                         tr("The converted stream ended without its header (%1 of %2 bytes).")
                             .arg(header.size())
                             .arg(m_stream.headerSize())));
        return;
    }
    first.replace(0, header.size(), header);
    hand(1, std::move(first));
    {
        std::lock_guard lock(m_mutex);
        m_length = length;
        m_finished = true;
    }
    m_wake();
}

} // namespace cvmi::transfer

#include "transfer/PartDigests.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace cvmi::transfer {

namespace {
// Read in chunks this size: each stays in cache between the read and the hash.
constexpr qint64 chunkSize = 1024 * 1024;
} // namespace

PartDigests::PartDigests(const SourceFile& file, QList<PartRange> parts, int ahead,
                         std::function<void()> ready)
    : m_file(file), m_parts(std::move(parts)), m_ahead(size_t(qMax(1, ahead))),
      m_ready(std::move(ready))
{
    m_thread = std::thread([this] { run(); });
}

PartDigests::~PartDigests()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_stopReading = true;
    m_taken.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<PartDigest> PartDigests::take()
{
    std::optional<PartDigest> digest;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.empty())
            return std::nullopt;
        digest = std::move(m_queue.front());
        m_queue.pop_front();
    }
    m_taken.notify_all();
    return digest;
}

QByteArray PartDigests::contentMd5(const SourceFile& file, const PartRange& range, QString* error,
                                   const std::atomic_bool* stop)
{
    QCryptographicHash md5(QCryptographicHash::Md5);
    QByteArray buffer(int(qMin(chunkSize, qMax<qint64>(range.length, 1))), Qt::Uninitialized);
    for (qint64 done = 0; done < range.length;) {
        if (stop && *stop)
            return {};
        const qint64 want = qMin<qint64>(buffer.size(), range.length - done);
        const qint64 got = file.readAt(buffer.data(), want, range.offset + done, error);
        if (got < 0)
            return {};
        if (got == 0) {
            *error = QCoreApplication::translate("cvmi::transfer::PartReader",
                                                 "the file ended early (it shrank?)");
            return {};
        }
        md5.addData(QByteArrayView(buffer.constData(), got));
        done += got;
    }
    return md5.result().toBase64();
}

void PartDigests::run()
{
    for (const PartRange& range : std::as_const(m_parts)) {
        {
            std::unique_lock lock(m_mutex);
            m_taken.wait(lock, [&] { return m_stop || m_queue.size() < m_ahead; });
            if (m_stop)
                return;
        }
        PartDigest digest;
        digest.number = range.number;
        digest.contentMd5 = contentMd5(m_file, range, &digest.readError, &m_stopReading);
        if (m_stopReading)
            return;
        const bool failed = !digest.readError.isEmpty();
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(digest));
        }
        m_ready();
        if (failed)
            return;
    }
}

} // namespace cvmi::transfer

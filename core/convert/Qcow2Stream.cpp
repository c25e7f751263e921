#include "convert/Qcow2Stream.h"

#include "convert/ClusterCodec.h"
#include "convert/ClusterMap.h"
#include "convert/Qcow2Layout.h"
#include "util/Units.h"

#include <QThread>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <zlib.h>

namespace cvmi::convert {

namespace {

// Clusters read and compressed as one unit of work: 1 MiB, large enough that a read and the
// hand-over between threads cost nothing next to compressing it, small enough that a few of
// them per thread keep memory in single MiB.
constexpr uint64_t batchClusters = 16;

struct Batch {
    enum class Type { Clusters, End, Failed };
    Type type = Type::Clusters;
    uint64_t firstCluster = 0;
    uint64_t count = 0;
    QByteArray input; // count clusters, a short last cluster of the disk padded with zeros
    std::vector<EncodedCluster> encoded;
    bool encodedDone = false;
    Error error;
};

} // namespace

class Qcow2Stream::Impl {
public:
    Impl(disk::DiskImage& image, Qcow2StreamSettings settings)
        : m_image(image), m_settings(settings), m_layout(image.virtualSize())
    {
        if (image.virtualSize() > Qcow2Layout::maxVirtualSize) {
            m_error = Error::make(
                QStringLiteral("convert.too_large"),
                tr("The disk is %1; converting to qcow2 goes up to %2. Upload it as it is.")
                    .arg(formatBytes(image.virtualSize()),
                         formatBytes(Qcow2Layout::maxVirtualSize)));
            return;
        }
        m_layout.begin(&m_out);
        const int workers =
            settings.threads > 0 ? settings.threads : std::max(1, QThread::idealThreadCount());
        m_window = size_t(2 * workers + 2);
        m_reader = std::thread([this] { readAll(); });
        for (int i = 0; i < workers; ++i)
            m_workers.emplace_back([this] { compress(); });
    }

    ~Impl()
    {
        stop();
        if (m_reader.joinable())
            m_reader.join();
        for (std::thread& t : m_workers)
            t.join();
    }

    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_changed.notify_all();
    }

    qint64 read(char* into, qint64 capacity);
    bool atEnd() const { return m_ended && m_outPosition == m_out.size(); }

    disk::DiskImage& m_image;
    Qcow2StreamSettings m_settings;
    Qcow2Layout m_layout;
    Error m_error;
    QByteArray m_header;
    qint64 m_produced = 0;
    std::atomic<qint64> m_sourceRead = 0;
    std::atomic<qint64> m_sourceTotal = -1;

private:
    static QString tr(const char* text) { return Qcow2Stream::tr(text); }
    void readAll();
    bool readChunk(uint64_t chunk, std::vector<ClusterRun>& runs);
    bool push(std::shared_ptr<Batch> batch); // false when stopping
    void compress();
    bool nextBatch(); // lays the next finished batch out into m_out; false on error or stop
    Error readError(const Error& cause) const;

    QByteArray m_out; // laid out, not yet handed to read()'s caller
    qsizetype m_outPosition = 0;
    bool m_ended = false;

    std::mutex m_mutex;
    std::condition_variable m_changed;            // one for all: few threads, rare waits
    std::deque<std::shared_ptr<Batch>> m_ordered; // read, in stream order
    std::deque<std::shared_ptr<Batch>> m_work;    // still to compress
    size_t m_window = 4;
    bool m_stopping = false;
    std::thread m_reader;
    std::vector<std::thread> m_workers;
};

Error Qcow2Stream::Impl::readError(const Error& cause) const
{
    return Error::make(QStringLiteral("convert.read"),
                       tr("Reading the disk image to convert it failed: %1").arg(cause.message));
}

bool Qcow2Stream::Impl::push(std::shared_ptr<Batch> batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stopping || m_ordered.size() < m_window; });
    if (m_stopping)
        return false;
    if (batch->type == Batch::Type::Clusters)
        m_work.push_back(batch);
    m_ordered.push_back(std::move(batch));
    m_changed.notify_all();
    return true;
}

void Qcow2Stream::Impl::readAll()
{
    const uint64_t chunks = chunkCount(m_image.virtualSize());
    std::vector<ClusterRun> runs;
    Error error;
    // First the map alone, for the progress's total: tables only, no data.
    qint64 total = 0;
    for (uint64_t chunk = 0; chunk < chunks; ++chunk) {
        if (!dataClusters(m_image, chunk, &runs, &error)) {
            auto failed = std::make_shared<Batch>();
            failed->type = Batch::Type::Failed;
            failed->error = readError(error);
            push(failed);
            return;
        }
        for (const ClusterRun& run : runs) {
            const uint64_t from = run.first * Qcow2Layout::clusterSize;
            const uint64_t to = std::min<uint64_t>(
                (run.first + run.count) * Qcow2Layout::clusterSize, m_image.virtualSize());
            total += qint64(to - from);
        }
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
    }
    m_sourceTotal = total;
    for (uint64_t chunk = 0; chunk < chunks; ++chunk)
        if (!readChunk(chunk, runs))
            return;
    auto end = std::make_shared<Batch>();
    end->type = Batch::Type::End;
    push(end);
}

bool Qcow2Stream::Impl::readChunk(uint64_t chunk, std::vector<ClusterRun>& runs)
{
    Error error;
    auto fail = [&](const Error& cause) {
        auto failed = std::make_shared<Batch>();
        failed->type = Batch::Type::Failed;
        failed->error = readError(cause);
        push(failed);
        return false;
    };
    if (!dataClusters(m_image, chunk, &runs, &error))
        return fail(error);
    const uint64_t size = m_image.virtualSize();
    for (const ClusterRun& run : runs) {
        for (uint64_t first = run.first; first < run.first + run.count; first += batchClusters) {
            auto batch = std::make_shared<Batch>();
            batch->firstCluster = first;
            batch->count = std::min(batchClusters, run.first + run.count - first);
            batch->input = QByteArray(qsizetype(batch->count * Qcow2Layout::clusterSize), '\0');
            const uint64_t offset = first * Qcow2Layout::clusterSize;
            const uint64_t length =
                std::min<uint64_t>(uint64_t(batch->input.size()), size - offset);
            if (!m_image.read(offset, batch->input.data(), size_t(length), &error))
                return fail(error);
            m_sourceRead += qint64(length);
            if (!push(std::move(batch)))
                return false;
        }
    }
    return true;
}

void Qcow2Stream::Impl::compress()
{
    ClusterCodec codec(m_settings.compressionLevel);
    for (;;) {
        std::shared_ptr<Batch> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stopping || !m_work.empty(); });
            if (m_stopping)
                return;
            batch = m_work.front();
            m_work.pop_front();
        }
        std::vector<EncodedCluster> encoded;
        encoded.reserve(batch->count);
        for (uint64_t i = 0; i < batch->count; ++i)
            encoded.push_back(codec.encode(batch->input.constData() + i * Qcow2Layout::clusterSize,
                                           Qcow2Layout::clusterSize));
        std::lock_guard lock(m_mutex);
        batch->encoded = std::move(encoded);
        batch->input = QByteArray(); // its memory back before the layout takes the batch
        batch->encodedDone = true;
        m_changed.notify_all();
    }
}

bool Qcow2Stream::Impl::nextBatch()
{
    std::shared_ptr<Batch> batch;
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] {
            return m_stopping ||
                   (!m_ordered.empty() && (m_ordered.front()->type != Batch::Type::Clusters ||
                                           m_ordered.front()->encodedDone));
        });
        if (m_stopping) {
            m_error =
                Error::make(QStringLiteral("convert.stopped"), tr("The conversion was stopped."));
            return false;
        }
        batch = m_ordered.front();
        m_ordered.pop_front();
        m_changed.notify_all();
    }
    m_out.resize(0);
    m_outPosition = 0;
    switch (batch->type) {
    case Batch::Type::Failed:
        m_error = batch->error;
        return false;
    case Batch::Type::End:
        m_layout.finish(&m_out);
        m_header = m_layout.header();
        m_ended = true;
        return true;
    case Batch::Type::Clusters:
        for (uint64_t i = 0; i < batch->count; ++i)
            m_layout.add(batch->firstCluster + i, std::move(batch->encoded[i]), &m_out);
        return true;
    }
    return false;
}

qint64 Qcow2Stream::Impl::read(char* into, qint64 capacity)
{
    if (m_error.isSet())
        return -1;
    while (m_outPosition == m_out.size()) {
        if (m_ended)
            return 0;
        if (!nextBatch())
            return -1;
    }
    const qint64 n = std::min<qint64>(capacity, m_out.size() - m_outPosition);
    std::memcpy(into, m_out.constData() + m_outPosition, size_t(n));
    m_outPosition += n;
    m_produced += n;
    return n;
}

Qcow2Stream::Qcow2Stream(disk::DiskImage& image, Qcow2StreamSettings settings)
    : m_impl(std::make_unique<Impl>(image, settings))
{
}

Qcow2Stream::~Qcow2Stream() = default;

QString Qcow2Stream::identity() const
{
    // zlib's version too: another zlib may compress the same cluster to other bytes.
    return QStringLiteral("qcow2-stream/1 cluster=%1 zlib=%2 zlib-version=%3")
        .arg(clusterSize)
        .arg(m_impl->m_settings.compressionLevel)
        .arg(QString::fromLatin1(zlibVersion()));
}

uint64_t Qcow2Stream::virtualSize() const
{
    return m_impl->m_image.virtualSize();
}
qint64 Qcow2Stream::headerSize() const
{
    return qint64(m_impl->m_layout.headerSize());
}
qint64 Qcow2Stream::read(char* into, qint64 capacity)
{
    return m_impl->read(into, capacity);
}
bool Qcow2Stream::atEnd() const
{
    return m_impl->atEnd();
}
Error Qcow2Stream::error() const
{
    return m_impl->m_error;
}
QByteArray Qcow2Stream::header() const
{
    return m_impl->m_header;
}
qint64 Qcow2Stream::bytesProduced() const
{
    return m_impl->m_produced;
}
void Qcow2Stream::stop()
{
    m_impl->stop();
}
qint64 Qcow2Stream::sourceBytesRead() const
{
    return m_impl->m_sourceRead.load();
}
qint64 Qcow2Stream::sourceBytesToRead() const
{
    return m_impl->m_sourceTotal.load();
}

} // namespace cvmi::convert

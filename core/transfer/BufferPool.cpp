#include "transfer/BufferPool.h"

namespace cvmi::transfer {

BufferPool::BufferPool(int count) : m_count(qMax(1, count)) {}

BufferPool::~BufferPool()
{
    // Buffers still out belong to parts being torn down; their owner deletes them via release()
    // before the pool goes, which the engine guarantees by destroying the pool last.
    for (PartBuffer* b : m_free)
        delete b;
}

PartBuffer* BufferPool::acquire()
{
    std::unique_lock lock(m_mutex);
    m_available.wait(lock,
                     [this] { return m_stopped || !m_free.empty() || m_allocated < m_count; });
    if (m_stopped)
        return nullptr;
    PartBuffer* buffer = nullptr;
    if (!m_free.empty()) {
        buffer = m_free.back();
        m_free.pop_back();
    } else {
        buffer = new PartBuffer;
        ++m_allocated;
    }
    ++m_out;
    m_highWater = qMax(m_highWater, m_out);
    return buffer;
}

void BufferPool::release(PartBuffer* buffer)
{
    if (!buffer)
        return;
    {
        std::lock_guard lock(m_mutex);
        buffer->readError.clear();
        m_free.push_back(buffer);
        --m_out;
    }
    m_available.notify_one();
}

void BufferPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_available.notify_all();
}

int BufferPool::highWater() const
{
    std::lock_guard lock(m_mutex);
    return m_highWater;
}

} // namespace cvmi::transfer

#pragma once

#include <atomic>
#include <memory>

namespace cvmi {

// Shared between the GUI (which cancels) and a worker (which polls between steps). Cheap to copy.
class CancelToken {
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) {}
    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace cvmi

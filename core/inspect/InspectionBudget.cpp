#include "inspect/InspectionBudget.h"

namespace cvmi::inspect {

InspectionBudget::InspectionBudget(const InspectOptions& options, CancelToken cancel)
    : m_options(options), m_cancel(std::move(cancel))
{
    m_deadline = now() + m_options.timeLimit;
}

std::chrono::steady_clock::time_point InspectionBudget::now() const
{
    return m_options.clock ? m_options.clock() : std::chrono::steady_clock::now();
}

bool InspectionBudget::expired() const
{
    return m_cancel.isCancelled() || now() >= m_deadline;
}

bool InspectionBudget::step(const char* partName, const std::function<void()>& run)
{
    if (expired()) {
        markNotRead(QLatin1String(partName));
        return false;
    }
    run();
    if (expired()) {
        markNotRead(QLatin1String(partName));
        return false;
    }
    return true;
}

void InspectionBudget::markNotRead(const QString& partName)
{
    if (!m_notRead.contains(partName))
        m_notRead << partName;
}

uint64_t InspectionBudget::decompressedLeft() const
{
    return m_decompressed >= m_options.maxDecompressedBytes
               ? 0
               : m_options.maxDecompressedBytes - m_decompressed;
}

bool InspectionBudget::claimKernelScan()
{
    if (m_kernelScans >= m_options.maxKernelScans)
        return false;
    ++m_kernelScans;
    return true;
}

} // namespace cvmi::inspect

#pragma once

// A disk whose first bytes are the fuzzer's input and the rest zeros (64 MiB in all), so that
// structures pointing past the input read as empty space rather than being rejected: the layout,
// LVM and XFS fuzzers reach deeper than a disk the size of the input would let them.
#include "disk/DiskImage.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cvmi::fuzz {

class ZeroExtendedDisk final : public disk::DiskImage {
public:
    static constexpr uint64_t kSize = 64ull * 1024 * 1024;

    explicit ZeroExtendedDisk(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return {}; }
    uint64_t virtualSize() const override { return kSize; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!checkRange(offset, length, error))
            return false;
        std::memset(buffer, 0, length);
        if (offset < uint64_t(m_bytes.size())) {
            const size_t n = size_t(std::min<uint64_t>(length, uint64_t(m_bytes.size()) - offset));
            std::memcpy(buffer, m_bytes.constData() + offset, n);
        }
        return true;
    }

private:
    QByteArray m_bytes;
};

} // namespace cvmi::fuzz

// libFuzzer target: the whole VDI opener on arbitrary bytes, then reads that walk the block map
// and the data of dynamic, static and differencing disks, and map it (mapExtents). VDI blocks
// are 1 MiB, more than an input may be, so the input is the start of a file whose rest reads as
// zeros (8 MiB in all): block maps point at data blocks the fuzzer can reach.
#include "FuzzReads.h"
#include "disk/ByteSource.h"
#include "disk/VdiImage.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

using namespace cvmi;
using namespace cvmi::disk;

using cvmi::fuzz::mapSome;
using cvmi::fuzz::readSome;

namespace {

class ZeroPaddedSource final : public ByteSource {
public:
    static constexpr uint64_t kMinSize = 8ull * 1024 * 1024;

    explicit ZeroPaddedSource(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    uint64_t size() const override
    {
        return std::max<uint64_t>(kMinSize, uint64_t(m_bytes.size()));
    }
    bool readAt(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (offset > size() || length > size() - offset)
            return fail(error, QStringLiteral("truncated"), QStringLiteral("read past the end"));
        std::memset(buffer, 0, length);
        if (offset < uint64_t(m_bytes.size())) {
            const size_t n = size_t(std::min<uint64_t>(length, uint64_t(m_bytes.size()) - offset));
            std::memcpy(buffer, m_bytes.constData() + offset, n);
        }
        return true;
    }
    QString name() const override { return QStringLiteral("fuzz.vdi"); }

private:
    QByteArray m_bytes;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    Error error;
    auto image = openVdi(std::make_unique<ZeroPaddedSource>(bytes), OpenContext{}, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    // The file as it is, so that the truncation checks are reached too.
    image = openVdi(std::make_unique<MemoryByteSource>(bytes, QStringLiteral("fuzz.vdi")),
                    OpenContext{}, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    return 0;
}

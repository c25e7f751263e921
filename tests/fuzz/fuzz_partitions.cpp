// libFuzzer target: the whole layout reader (our MBR/GPT parsing, The Sleuth Kit's volume code
// over our TskImage, the probes) on a disk whose first bytes are the input and the rest zeros,
// so partitions that point past the input are read as empty space rather than rejected.
#include "disk/DiskImage.h"
#include "inspect/Inspector.h"
#include "inspect/PartitionTableBytes.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

using namespace cvmi;

namespace {

class ZeroExtendedDisk final : public disk::DiskImage {
public:
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
    static constexpr uint64_t kSize = 64ull * 1024 * 1024;
    QByteArray m_bytes;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    // The byte parsers on their own, with exactly the input (ASan sees any overread)...
    const QByteArrayView view(bytes);
    const auto from = [&](qsizetype offset) {
        return view.sliced(std::min(offset, view.size()));
    };
    inspect::GptHeader header;
    inspect::parseMbr(view.first(std::min<qsizetype>(512, view.size())));
    if (inspect::parseGptHeader(from(512), &header))
        inspect::parseGptEntries(from(1024), header);
    // ...then everything together.
    ZeroExtendedDisk disk(bytes);
    inspect::DiskLayout layout;
    Error error;
    inspect::readDiskLayout(disk, &layout, &error);
    return 0;
}

// libFuzzer target: the whole VHDX opener on arbitrary bytes, then reads and maps that walk the
// block allocation table. A VHDX keeps its regions at least 1 MiB into the file, beyond the
// fuzzers' 256 KiB inputs, so the input describes a sparse file instead: an 8-byte size, then
// records of a 4-byte page number and 4096 bytes put at that page; every other byte is zero.
// make-corpus.sh turns files made by qemu-img into this form.
#include "FuzzReads.h"
#include "disk/ByteSource.h"
#include "disk/VhdxImage.h"
#include "util/Endian.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>

using namespace cvmi;
using namespace cvmi::disk;

using cvmi::fuzz::mapSome;
using cvmi::fuzz::readSome;

namespace {

constexpr uint64_t kPage = 4096;
// Files up to 1 GiB: room for the header area, a log, regions and data blocks of every size.
constexpr uint64_t kMaxFileSize = uint64_t(1) << 30;

class PageSource final : public ByteSource {
public:
    PageSource(const uint8_t* data, size_t size)
    {
        if (size < 8)
            return;
        m_size = le64(data) % (kMaxFileSize + 1);
        for (size_t at = 8; at + 4 + kPage <= size; at += 4 + kPage) {
            const uint64_t page = le32(data + at);
            if (page < (m_size + kPage - 1) / kPage)
                m_pages[page] = data + at + 4;
        }
    }
    uint64_t size() const override { return m_size; }
    QString name() const override { return QStringLiteral("fuzz.vhdx"); }
    bool readAt(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (offset > m_size || length > m_size - offset)
            return fail(error, QStringLiteral("truncated"), QStringLiteral("past the end"));
        auto* out = static_cast<unsigned char*>(buffer);
        while (length > 0) {
            const uint64_t page = offset / kPage;
            const uint64_t within = offset % kPage;
            const size_t n = size_t(std::min<uint64_t>(length, kPage - within));
            const auto it = m_pages.find(page);
            if (it == m_pages.end())
                std::memset(out, 0, n);
            else
                std::memcpy(out, it->second + within, n);
            out += n;
            offset += n;
            length -= n;
        }
        return true;
    }

private:
    uint64_t m_size = 0;
    std::map<uint64_t, const uint8_t*> m_pages;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Error error;
    auto image = openVhdx(std::make_unique<PageSource>(data, size), OpenContext{}, &error);
    if (image) {
        mapSome(*image);
        readSome(*image);
    }
    return 0;
}

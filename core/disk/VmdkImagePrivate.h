#pragma once

// The VMDK reader's class, shared by VmdkImage.cpp (opening and reading) and VmdkMap.cpp (the
// allocation map). Other code opens VMDK disks with openVmdk() (disk/VmdkImage.h).
#include "disk/DiskFormat.h"
#include "disk/VmdkDescriptor.h"
#include "disk/VmdkSparseExtent.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace cvmi::disk::vmdk {

inline constexpr uint64_t kSector = 512;

// One extent line of the descriptor, as the reader keeps it.
struct VmdkExtent {
    enum class Kind { Flat, Sparse, Zero };
    Kind kind = Kind::Zero;
    uint64_t start = 0; // virtual byte offsets
    uint64_t end = 0;
    bool ownFile = false;  // the image's own file rather than a companion
    QString fileName;      // as written in the descriptor, for messages
    QByteArray nativeName; // the bytes written in the descriptor, to open
    uint64_t fileOffset = 0;
    std::unique_ptr<ByteSource> file; // a companion; closed when too many are open
    std::unique_ptr<VmdkSparseExtent> sparse;
};

class VmdkImage final : public DiskImage {
public:
    VmdkImage(std::unique_ptr<ByteSource> file, CompanionOpener opener, QString subformat)
        : m_file(std::move(file)), m_open(std::move(opener)), m_subformat(std::move(subformat))
    {
    }
    QString format() const override { return QStringLiteral("vmdk"); }
    QString subformat() const override { return m_subformat; }
    uint64_t virtualSize() const override { return m_size; }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override;
    // VmdkMap.cpp: grain tables of sparse extents, the files' holes under flat ones, and ZERO
    // extents, joined in the descriptor's order.
    bool mapExtents(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

    void reportParent(const VmdkDescriptor& descriptor);
    void reportUncleanShutdown(const VmdkSparseExtent& sparse, const QString& fileName);
    void appendExtent(VmdkExtent extent, uint64_t length);
    void reportExtentOnly();
    bool addOwnSparseExtent(std::unique_ptr<VmdkSparseExtent> sparse, uint64_t sectors,
                            Error* error);
    bool addExtent(const VmdkExtentLine& line, Error* error);

private:
    ByteSource* fileFor(size_t index, Error* error);
    std::unique_ptr<ByteSource> openCompanion(const VmdkExtent& extent, Error* error);
    void keepOpen(size_t index);
    bool readExtent(size_t index, uint64_t within, char* out, size_t n, Error* error);

    std::unique_ptr<ByteSource> m_file;
    CompanionOpener m_open;
    QString m_subformat;
    std::vector<VmdkExtent> m_extents;
    uint64_t m_size = 0;
    std::deque<size_t> m_openCompanions; // indices into m_extents, oldest first
};

} // namespace cvmi::disk::vmdk

#pragma once

// A window of another ByteSource: the bytes [start, start+length) of it seen as a file of their
// own. An OVA's disk is such a window of the tar archive, read in place, never extracted.
#include "disk/ByteSource.h"

#include <memory>

namespace cvmi::disk {

class SliceByteSource final : public ByteSource {
public:
    // The window must lie within `parent` (the caller checked it); `shownName` names it in
    // messages, e.g. "appliance.ova/vm-disk1.vmdk".
    SliceByteSource(std::shared_ptr<ByteSource> parent, uint64_t start, uint64_t length,
                    QString shownName);

    uint64_t size() const override { return m_length; }
    bool readAt(uint64_t offset, void* buffer, size_t length, Error* error) override;
    QString name() const override { return m_name; }
    // The parent's holes under the window, moved to the window's offsets.
    bool mapData(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

private:
    bool checkWindow(uint64_t offset, uint64_t length, Error* error) const;

    std::shared_ptr<ByteSource> m_parent;
    uint64_t m_start;
    uint64_t m_length;
    QString m_name;
};

} // namespace cvmi::disk

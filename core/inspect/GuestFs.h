#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace cvmi::inspect {

// A file or directory inside a guest file system, as the file system names it.
struct GuestNode {
    enum class Kind { File, Directory, Symlink, Other };
    uint64_t id = 0; // the file system's own identity (an inode / MFT number)
    Kind kind = Kind::Other;
    uint64_t size = 0; // the size the file declares (0 when only listed: see GuestFs::stat)
    // Bytes actually backed by blocks on the disk, sparse holes excluded: what reading the whole
    // file can cost. A hostile file declaring terabytes of holes has a small allocated size, so
    // decompression reads can be bounded by it. Filled by GuestFs::stat.
    uint64_t allocatedSize = 0;
};

struct GuestDirEntry {
    QString name;
    GuestNode node;
};

// Read-only access to one guest file system, without following anything: the primitives an
// implementation must provide (The Sleuth Kit for real images, a map in memory for tests).
// Path walking and symbolic links are handled once, above this, by GuestPath (GuestPath.h), so
// every implementation resolves "/etc/os-release -> ../usr/lib/os-release" the same way, inside
// the guest and never on the host.
class GuestFs {
public:
    virtual ~GuestFs() = default;

    virtual GuestNode root() const = 0;
    // NTFS and FAT compare names without case; ext4 and XFS do not.
    virtual bool caseInsensitiveNames() const = 0;
    virtual bool listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                               Error* error) = 0;
    // Reads at most `maxBytes` from `offset`; a shorter result means the file ended.
    virtual bool readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                          Error* error) = 0;
    virtual bool readSymlink(const GuestNode& link, QString* target, Error* error) = 0;
    // Fills `node`'s size and allocatedSize from the file system's own record of it (a directory
    // listing may not carry them). GuestPath::resolve calls it on every file it returns.
    virtual bool stat(GuestNode* node, Error* error) = 0;
};

} // namespace cvmi::inspect

#include "inspect/xfs/XfsGuestFs.h"

#include "inspect/xfs/XfsVolume.h"
#include "util/Endian.h"

#include <QCoreApplication>

namespace cvmi::inspect {

using xfs::Inode;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::XfsGuestFs)
};

constexpr uint32_t kSymlinkMagic = 0x58534c4d; // "XSLM": v5 remote symlink block header
constexpr unsigned kSymlinkHeader = 56;        // magic, offset, bytes, crc, uuid, owner, blkno, lsn

} // namespace

struct XfsGuestFs::State {
    xfs::Volume volume;

    // The inode behind `node`, which must be of `kind`.
    bool inode(const GuestNode& node, GuestNode::Kind kind, Inode* out, Error* error)
    {
        if (!volume.readInode(node.id, out, error))
            return false;
        if (out->kind() == kind)
            return true;
        switch (kind) {
        case GuestNode::Kind::Directory:
            return fail(error, QStringLiteral("not_a_directory"),
                        Text::tr("XFS inode %1 is not a directory.").arg(node.id));
        case GuestNode::Kind::Symlink:
            return fail(error, QStringLiteral("not_a_symlink"),
                        Text::tr("XFS inode %1 is not a symbolic link.").arg(node.id));
        default:
            return fail(error, QStringLiteral("not_a_file"),
                        Text::tr("XFS inode %1 is not a regular file.").arg(node.id));
        }
    }

    // The declared size of a file against what can be true and what the inspection ever reads,
    // before its block map is loaded (as TskGuestFs's checkDeclaredSize does).
    bool checkFileSize(const Inode& file, Error* error) const
    {
        const uint64_t fsBytes = uint64_t(volume.sb().dataBlocks) << volume.sb().blockLog;
        if (file.size > fsBytes || file.size > xfs::kMaxFileBytes)
            return fail(error, QStringLiteral("file_too_large"),
                        Text::tr("File (inode %1) declares a size of %2 bytes, more than the file "
                                 "system (%3 bytes) or any file the inspection reads (limit %4 "
                                 "bytes), so it was not read.")
                            .arg(file.ino)
                            .arg(file.size)
                            .arg(fsBytes)
                            .arg(xfs::kMaxFileBytes));
        if (file.realtime)
            return fail(error, QStringLiteral("fs_unsupported"),
                        Text::tr("File (inode %1) lives on the XFS realtime device, which this "
                                 "check does not read.")
                            .arg(file.ino));
        return true;
    }

    bool remoteSymlink(const Inode& link, QByteArray* target, Error* error);
};

XfsGuestFs::XfsGuestFs(std::unique_ptr<State> state) : d(std::move(state)) {}

XfsGuestFs::~XfsGuestFs() = default;

std::unique_ptr<XfsGuestFs> XfsGuestFs::open(disk::DiskImage& disk, uint64_t offset, uint64_t size,
                                             Error* error)
{
    uint64_t end = 0;
    if (!addNoOverflow(offset, size, &end) || end > disk.virtualSize()) {
        fail(error, QStringLiteral("fs_unreadable"),
             Text::tr("The XFS file system at byte %1 (%2 bytes) does not fit in the disk of %3 "
                      "bytes.")
                 .arg(offset)
                 .arg(size)
                 .arg(disk.virtualSize()));
        return nullptr;
    }
    QByteArray bytes(512, '\0');
    if (size < 512 || !disk.read(offset, bytes.data(), 512, error)) {
        if (size < 512)
            fail(error, QStringLiteral("fs_unreadable"),
                 Text::tr("The file system at byte %1 is too small for XFS.").arg(offset));
        return nullptr;
    }
    xfs::Superblock sb;
    if (!xfs::parseSuperblock(bytes, size, &sb, error))
        return nullptr;
    auto state = std::unique_ptr<State>(new State{xfs::Volume(disk, offset, size, sb)});
    Inode root;
    if (!state->volume.readInode(sb.rootIno, &root, error))
        return nullptr;
    if (root.kind() != GuestNode::Kind::Directory) {
        fail(error, QStringLiteral("fs_unreadable"),
             Text::tr("The XFS root inode %1 is not a directory: the file system is damaged.")
                 .arg(sb.rootIno));
        return nullptr;
    }
    return std::unique_ptr<XfsGuestFs>(new XfsGuestFs(std::move(state)));
}

int XfsGuestFs::formatVersion() const
{
    return d->volume.sb().version;
}

QString XfsGuestFs::label() const
{
    return d->volume.sb().label;
}

QString XfsGuestFs::uuid() const
{
    return xfs::uuidString(d->volume.sb().uuid);
}

GuestNode XfsGuestFs::root() const
{
    return GuestNode{d->volume.sb().rootIno, GuestNode::Kind::Directory, 0, 0};
}

bool XfsGuestFs::caseInsensitiveNames() const
{
    return false;
}

bool XfsGuestFs::listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                               Error* error)
{
    Inode dir;
    if (!d->inode(directory, GuestNode::Kind::Directory, &dir, error))
        return false;
    if (dir.size > xfs::kMaxDirectoryBytes)
        return fail(error, QStringLiteral("directory_too_large"),
                    Text::tr("Directory (inode %1) declares a size of %2 bytes, more than any real "
                             "directory (limit %3 bytes): the file system is damaged or crafted, "
                             "so it was not read.")
                        .arg(dir.ino)
                        .arg(dir.size)
                        .arg(xfs::kMaxDirectoryBytes));
    return xfs::listDirectory(d->volume, dir, entries, error);
}

bool XfsGuestFs::readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                          Error* error)
{
    Inode inode;
    if (!d->inode(file, GuestNode::Kind::File, &inode, error) || !d->checkFileSize(inode, error))
        return false;
    out->clear();
    if (offset >= inode.size)
        return true;
    const size_t wanted = size_t(std::min<uint64_t>(maxBytes, inode.size - offset));
    if (inode.format == Inode::Local) { // not written by Linux for files, but valid on disk
        if (inode.size > uint64_t(inode.dataFork.size()))
            return xfs::damaged(
                error,
                Text::tr("inode %1 declares %2 inline bytes").arg(inode.ino).arg(inode.size));
        *out = inode.dataFork.mid(qsizetype(offset), qsizetype(wanted));
        return true;
    }
    QList<xfs::Extent> map;
    return d->volume.extents(inode, &map, error) &&
           d->volume.readMapped(inode, map, offset, wanted, out, error);
}

bool XfsGuestFs::State::remoteSymlink(const Inode& link, QByteArray* target, Error* error)
{
    QList<xfs::Extent> map;
    if (!volume.extents(link, &map, error))
        return false;
    const xfs::Superblock& sb = volume.sb();
    if (sb.version == 4) // the target alone, in as many blocks as it needs
        return volume.readMapped(link, map, 0, size_t(link.size), target, error);
    // v5: every block starts with an XSLM header saying which bytes of the target it holds.
    const unsigned perBlock = sb.blockSize - kSymlinkHeader;
    target->clear();
    for (uint64_t at = 0; uint64_t(target->size()) < link.size; at += sb.blockSize) {
        QByteArray block;
        if (!volume.readMapped(link, map, at, sb.blockSize, &block, error))
            return false;
        const auto* p = reinterpret_cast<const unsigned char*>(block.constData());
        const uint64_t left = link.size - uint64_t(target->size());
        const uint32_t bytes = be32(p + 8);
        if (be32(p) != kSymlinkMagic || be32(p + 4) != uint32_t(target->size()) ||
            bytes > perBlock || bytes == 0 || bytes > left || be64(p + 32) != link.ino)
            return xfs::damaged(error, Text::tr("the target of symbolic link inode %1 has a bad "
                                                "block at offset %2")
                                           .arg(link.ino)
                                           .arg(at));
        target->append(block.mid(kSymlinkHeader, bytes));
    }
    return true;
}

bool XfsGuestFs::readSymlink(const GuestNode& link, QString* target, Error* error)
{
    Inode inode;
    if (!d->inode(link, GuestNode::Kind::Symlink, &inode, error))
        return false;
    if (inode.size == 0 || inode.size > xfs::kMaxSymlinkBytes)
        return xfs::damaged(error, Text::tr("symbolic link inode %1 declares a target of %2 bytes")
                                       .arg(inode.ino)
                                       .arg(inode.size));
    QByteArray bytes;
    if (inode.format == Inode::Local) {
        if (inode.size > uint64_t(inode.dataFork.size()))
            return xfs::damaged(error, Text::tr("symbolic link inode %1 declares %2 inline bytes")
                                           .arg(inode.ino)
                                           .arg(inode.size));
        bytes = inode.dataFork.left(qsizetype(inode.size));
    } else if (!d->remoteSymlink(inode, &bytes, error)) {
        return false;
    }
    *target = QString::fromUtf8(bytes);
    return true;
}

bool XfsGuestFs::stat(GuestNode* node, Error* error)
{
    Inode inode;
    if (!d->volume.readInode(node->id, &inode, error))
        return false;
    node->kind = inode.kind();
    node->size = inode.size;
    node->allocatedSize = 0;
    if (node->kind != GuestNode::Kind::File)
        return true;
    if (!d->checkFileSize(inode, error))
        return false;
    if (inode.format == Inode::Local) {
        node->allocatedSize = std::min<uint64_t>(inode.size, uint64_t(inode.dataFork.size()));
        return true;
    }
    QList<xfs::Extent> map;
    if (!d->volume.extents(inode, &map, error))
        return false;
    // Unwritten extents read as zeros without touching the disk: like holes, they cost nothing.
    uint64_t blocks = 0;
    for (const xfs::Extent& extent : map) {
        if (!extent.unwritten)
            blocks += extent.count; // each inside the file system: the sum fits
    }
    node->allocatedSize = blocks << d->volume.sb().blockLog;
    return true;
}

} // namespace cvmi::inspect

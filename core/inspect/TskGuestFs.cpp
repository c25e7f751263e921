#include "inspect/TskGuestFs.h"

#include <QCoreApplication>

#include <tsk/libtsk.h>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::TskGuestFs)
};

QString tskMessage()
{
    const char* message = tsk_error_get();
    return message ? QString::fromUtf8(message).trimmed() : QString();
}

bool tskFail(Error* error, const QString& what)
{
    return fail(error, QStringLiteral("fs_read_error"),
                Text::tr("%1 failed in the guest file system: %2").arg(what, tskMessage()));
}

GuestNode::Kind kindOfName(TSK_FS_NAME_TYPE_ENUM type)
{
    switch (type) {
    case TSK_FS_NAME_TYPE_REG:
        return GuestNode::Kind::File;
    case TSK_FS_NAME_TYPE_DIR:
    case TSK_FS_NAME_TYPE_VIRT_DIR:
        return GuestNode::Kind::Directory;
    case TSK_FS_NAME_TYPE_LNK:
        return GuestNode::Kind::Symlink;
    default:
        return GuestNode::Kind::Other;
    }
}

GuestNode::Kind kindOfMeta(TSK_FS_META_TYPE_ENUM type)
{
    switch (type) {
    case TSK_FS_META_TYPE_REG:
        return GuestNode::Kind::File;
    case TSK_FS_META_TYPE_DIR:
    case TSK_FS_META_TYPE_VIRT_DIR:
        return GuestNode::Kind::Directory;
    case TSK_FS_META_TYPE_LNK:
        return GuestNode::Kind::Symlink;
    default:
        return GuestNode::Kind::Other;
    }
}

// RAII for the two TSK handles we open per call.
struct FileCloser {
    void operator()(TSK_FS_FILE* f) const { tsk_fs_file_close(f); }
};
struct DirCloser {
    void operator()(TSK_FS_DIR* d) const { tsk_fs_dir_close(d); }
};
using FilePtr = std::unique_ptr<TSK_FS_FILE, FileCloser>;
using DirPtr = std::unique_ptr<TSK_FS_DIR, DirCloser>;

} // namespace

std::unique_ptr<TskGuestFs> TskGuestFs::open(TSK_IMG_INFO* image, uint64_t byteOffset, Error* error,
                                             const QString& filesystem)
{
    TSK_FS_TYPE_ENUM type = TSK_FS_TYPE_DETECT;
    if (filesystem.startsWith(QLatin1String("ext")))
        type = TSK_FS_TYPE_EXT_DETECT;
    else if (filesystem == QLatin1String("ntfs"))
        type = TSK_FS_TYPE_NTFS_DETECT;
    else if (filesystem == QLatin1String("vfat") || filesystem == QLatin1String("exfat"))
        type = TSK_FS_TYPE_FAT_DETECT;
    else if (filesystem == QLatin1String("iso9660"))
        type = TSK_FS_TYPE_ISO9660_DETECT;
    tsk_error_reset();
    TSK_FS_INFO* fs = tsk_fs_open_img(image, TSK_OFF_T(byteOffset), type);
    if (!fs) {
        fail(error, QStringLiteral("fs_unreadable"),
             Text::tr("No file system that can be read was found at byte %1: %2")
                 .arg(byteOffset)
                 .arg(tskMessage()));
        return nullptr;
    }
    return std::unique_ptr<TskGuestFs>(new TskGuestFs(fs));
}

TskGuestFs::TskGuestFs(TSK_FS_INFO* fs) : m_fs(fs) {}

TskGuestFs::~TskGuestFs()
{
    tsk_fs_close(m_fs);
}

// The Sleuth Kit works out a file's whole block map (every pointer of an ext2/3 indirect map,
// every extent) and may allocate buffers from the size the inode *declares*, before the first
// byte is read and whatever our callers' read limits: a crafted inode declaring terabytes costs
// minutes (measured: ext2, 4 KiB blocks, 8 GiB declared: over 60 s; 1 KiB blocks, 1 GiB declared:
// 18 s), an inline-data inode declaring 1.5 GiB gets a 1.5 GiB buffer. So the declared size is
// checked against what can be true and what we would ever read, straight from the inode, before
// any attribute is loaded.
static bool checkDeclaredSize(const TSK_FS_INFO* fs, const TSK_FS_META* meta, Error* error)
{
    const uint64_t declared = meta->size < 0 ? UINT64_MAX : uint64_t(meta->size);
    const uint64_t blockSize = fs->block_size ? fs->block_size : 1;
    const uint64_t fsBytes = uint64_t(fs->block_count) * blockSize;
    const bool directory = meta->type == TSK_FS_META_TYPE_DIR;
    const QString what = directory ? Text::tr("Directory (inode %1)").arg(meta->addr)
                                   : Text::tr("File (inode %1)").arg(meta->addr);
    constexpr uint64_t kMaxFileBytes = TskGuestFs::kMaxFileBytes;
    constexpr uint64_t kMaxDirectoryBytes = TskGuestFs::kMaxDirectoryBytes;
    const auto refuse = [&](const QString& why) {
        return fail(error,
                    directory ? QStringLiteral("directory_too_large")
                              : QStringLiteral("file_too_large"),
                    Text::tr("%1 declares a size of %2 bytes, %3: the file system is damaged or "
                             "crafted, so it was not read.")
                        .arg(what)
                        .arg(declared)
                        .arg(why));
    };
    if (declared > fsBytes)
        return refuse(Text::tr("more than the whole file system (%1 bytes)").arg(fsBytes));
    if (directory && declared > kMaxDirectoryBytes)
        return refuse(
            Text::tr("more than any real directory (limit %1 bytes)").arg(kMaxDirectoryBytes));
    if (!directory && meta->type == TSK_FS_META_TYPE_REG && declared > kMaxFileBytes)
        return refuse(Text::tr("more than any file the inspection reads (limit %1 bytes)")
                          .arg(kMaxFileBytes));
    if (TSK_FS_TYPE_ISEXT(fs->ftype)) {
        // Inline data lives in the inode and its extended attributes: less than one block.
        if (meta->content_type == TSK_FS_META_CONTENT_TYPE_EXT4_INLINE && declared > blockSize)
            return refuse(Text::tr("more than inline data can hold (%1 bytes)").arg(blockSize));
        // An ext2/3 indirect map: 12 direct pointers, then single and double indirect blocks of
        // blockSize/4 pointers each. Beyond them TSK walks the triple-indirect map, which costs
        // seconds to minutes; no file we read needs it (with 4 KiB blocks it starts at 4 GiB).
        if (meta->content_type == TSK_FS_META_CONTENT_TYPE_DEFAULT) {
            const uint64_t perBlock = blockSize / 4;
            const uint64_t mappedBlocks = 12 + perBlock + perBlock * perBlock;
            if ((declared + blockSize - 1) / blockSize > mappedBlocks)
                return refuse(Text::tr("beyond the double-indirect block map (%1 bytes)")
                                  .arg(mappedBlocks * blockSize));
        }
    }
    return true;
}

QString TskGuestFs::typeName() const
{
    return QString::fromLatin1(tsk_fs_type_toname(m_fs->ftype));
}

GuestNode TskGuestFs::root() const
{
    return GuestNode{uint64_t(m_fs->root_inum), GuestNode::Kind::Directory, 0};
}

bool TskGuestFs::caseInsensitiveNames() const
{
    return TSK_FS_TYPE_ISNTFS(m_fs->ftype) || TSK_FS_TYPE_ISFAT(m_fs->ftype) ||
           TSK_FS_TYPE_ISISO9660(m_fs->ftype);
}

bool TskGuestFs::listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                               Error* error)
{
    tsk_error_reset();
    {
        // The inode alone: TSK's listing reads the directory block by block for its declared size.
        FilePtr inode(tsk_fs_file_open_meta(m_fs, nullptr, TSK_INUM_T(directory.id)));
        if (!inode || !inode->meta)
            return tskFail(error, Text::tr("Listing a directory"));
        if (!checkDeclaredSize(m_fs, inode->meta, error))
            return false;
    }
    DirPtr dir(tsk_fs_dir_open_meta(m_fs, TSK_INUM_T(directory.id)));
    if (!dir)
        return tskFail(error, Text::tr("Listing a directory"));
    entries->clear();
    const size_t count = tsk_fs_dir_getsize(dir.get());
    for (size_t i = 0; i < count; ++i) {
        const TSK_FS_NAME* name = tsk_fs_dir_get_name(dir.get(), i);
        // Deleted names are forensic leftovers; the running system would not see them.
        if (!name || !name->name || (name->flags & TSK_FS_NAME_FLAG_UNALLOC))
            continue;
        GuestNode node{uint64_t(name->meta_addr), kindOfName(name->type), 0};
        if (name->type == TSK_FS_NAME_TYPE_UNDEF) {
            // Old ext2 without the filetype feature: only the inode knows.
            FilePtr file(tsk_fs_dir_get(dir.get(), i));
            if (file && file->meta)
                node.kind = kindOfMeta(file->meta->type);
        }
        entries->append(GuestDirEntry{QString::fromUtf8(name->name), node});
    }
    return true;
}

bool TskGuestFs::readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                          Error* error)
{
    tsk_error_reset();
    FilePtr handle(tsk_fs_file_open_meta(m_fs, nullptr, TSK_INUM_T(file.id)));
    if (!handle || !handle->meta)
        return tskFail(error, Text::tr("Opening a file"));
    if (!checkDeclaredSize(m_fs, handle->meta, error))
        return false;
    const uint64_t size = uint64_t(handle->meta->size);
    out->clear();
    if (offset >= size)
        return true;
    const uint64_t wanted = std::min<uint64_t>(maxBytes, size - offset);
    out->resize(qsizetype(wanted));
    const ssize_t got = tsk_fs_file_read(handle.get(), TSK_OFF_T(offset), out->data(),
                                         size_t(wanted), TSK_FS_FILE_READ_FLAG_NONE);
    if (got < 0)
        return tskFail(error, Text::tr("Reading a file"));
    out->resize(qsizetype(got));
    return true;
}

bool TskGuestFs::readSymlink(const GuestNode& link, QString* target, Error* error)
{
    tsk_error_reset();
    FilePtr handle(tsk_fs_file_open_meta(m_fs, nullptr, TSK_INUM_T(link.id)));
    if (!handle || !handle->meta)
        return tskFail(error, Text::tr("Opening a symbolic link"));
    if (handle->meta->type != TSK_FS_META_TYPE_LNK || !handle->meta->link)
        return fail(error, QStringLiteral("not_a_symlink"),
                    Text::tr("The entry is not a symbolic link."));
    *target = QString::fromUtf8(handle->meta->link);
    return true;
}

bool TskGuestFs::stat(GuestNode* node, Error* error)
{
    tsk_error_reset();
    FilePtr handle(tsk_fs_file_open_meta(m_fs, nullptr, TSK_INUM_T(node->id)));
    if (!handle || !handle->meta)
        return tskFail(error, Text::tr("Opening a file"));
    node->kind = kindOfMeta(handle->meta->type);
    node->size = uint64_t(handle->meta->size);
    node->allocatedSize = 0;
    if (node->kind != GuestNode::Kind::File)
        return true;
    if (!checkDeclaredSize(m_fs, handle->meta, error)) // before the block map is loaded
        return false;
    const TSK_FS_ATTR* attr = tsk_fs_file_attr_get(handle.get());
    if (!attr) // an empty file on some file systems has no data attribute at all
        return node->size == 0 || tskFail(error, Text::tr("Reading a file's block map"));
    if (attr->flags & TSK_FS_ATTR_RES) {
        node->allocatedSize = uint64_t(attr->size); // stored inside the file record itself
        return true;
    }
    // Holes are SPARSE runs; FILLER runs stand for blocks TSK did not find: neither is read.
    uint64_t blocks = 0;
    for (const TSK_FS_ATTR_RUN* run = attr->nrd.run; run; run = run->next) {
        if (!(run->flags & (TSK_FS_ATTR_RUN_FLAG_SPARSE | TSK_FS_ATTR_RUN_FLAG_FILLER)))
            blocks += uint64_t(run->len);
    }
    node->allocatedSize = blocks * uint64_t(m_fs->block_size);
    return true;
}

} // namespace cvmi::inspect

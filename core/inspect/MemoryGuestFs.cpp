#include "inspect/MemoryGuestFs.h"

namespace cvmi::inspect {

MemoryGuestFs::MemoryGuestFs(bool caseInsensitive) : m_caseInsensitive(caseInsensitive)
{
    m_nodes.push_back(Node{GuestNode::Kind::Directory, {}, {}});
}

GuestNode MemoryGuestFs::describe(uint64_t id) const
{
    const Node& node = m_nodes[id];
    // Nothing in memory is sparse: every byte of the content is backed.
    return GuestNode{id, node.kind, uint64_t(node.content.size()), uint64_t(node.content.size())};
}

GuestNode MemoryGuestFs::root() const
{
    return describe(0);
}

uint64_t MemoryGuestFs::ensureDirectory(const QString& path)
{
    uint64_t current = 0;
    for (const QString& name : path.split(u'/', Qt::SkipEmptyParts)) {
        uint64_t next = 0;
        for (const auto& child : m_nodes[current].children) {
            if (child.name == name)
                next = child.node.id;
        }
        if (next == 0) {
            next = m_nodes.size();
            m_nodes.push_back(Node{GuestNode::Kind::Directory, {}, {}});
            m_nodes[current].children.append(GuestDirEntry{name, describe(next)});
        }
        current = next;
    }
    return current;
}

uint64_t MemoryGuestFs::addNode(const QString& path, Node node)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const uint64_t parent = ensureDirectory(path.left(slash));
    const uint64_t id = m_nodes.size();
    m_nodes.push_back(std::move(node));
    m_nodes[parent].children.append(GuestDirEntry{path.mid(slash + 1), describe(id)});
    return id;
}

void MemoryGuestFs::addDirectory(const QString& path)
{
    ensureDirectory(path);
}

void MemoryGuestFs::addFile(const QString& path, const QByteArray& content)
{
    addNode(path, Node{GuestNode::Kind::File, content, {}});
}

void MemoryGuestFs::addSymlink(const QString& path, const QString& target)
{
    addNode(path, Node{GuestNode::Kind::Symlink, target.toUtf8(), {}});
}

bool MemoryGuestFs::listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                                  Error* error)
{
    if (directory.id >= m_nodes.size() || m_nodes[directory.id].kind != GuestNode::Kind::Directory)
        return fail(error, QStringLiteral("not_a_directory"), QStringLiteral("not a directory"));
    *entries = m_nodes[directory.id].children;
    return true;
}

bool MemoryGuestFs::readFile(const GuestNode& file, uint64_t offset, size_t maxBytes,
                             QByteArray* out, Error* error)
{
    if (file.id >= m_nodes.size() || m_nodes[file.id].kind != GuestNode::Kind::File)
        return fail(error, QStringLiteral("not_a_file"), QStringLiteral("not a file"));
    const QByteArray& content = m_nodes[file.id].content;
    *out = offset >= uint64_t(content.size()) ? QByteArray()
                                              : content.mid(qsizetype(offset), qsizetype(maxBytes));
    return true;
}

bool MemoryGuestFs::readSymlink(const GuestNode& link, QString* target, Error* error)
{
    if (link.id >= m_nodes.size() || m_nodes[link.id].kind != GuestNode::Kind::Symlink)
        return fail(error, QStringLiteral("not_a_symlink"), QStringLiteral("not a symbolic link"));
    *target = QString::fromUtf8(m_nodes[link.id].content);
    return true;
}

bool MemoryGuestFs::stat(GuestNode* node, Error* error)
{
    if (node->id >= m_nodes.size())
        return fail(error, QStringLiteral("not_found"), QStringLiteral("no such node"));
    *node = describe(node->id);
    return true;
}

} // namespace cvmi::inspect

#pragma once

#include "inspect/GuestFs.h"

#include <QHash>
#include <vector>

namespace cvmi::inspect {

// A guest file system held in memory: the fake behind unit tests and fuzz targets of the OS
// detectors, so that they run without disk images. Parents are created as needed.
class MemoryGuestFs final : public GuestFs {
public:
    explicit MemoryGuestFs(bool caseInsensitive = false);

    void addDirectory(const QString& path);
    void addFile(const QString& path, const QByteArray& content);
    void addSymlink(const QString& path, const QString& target);

    GuestNode root() const override;
    bool caseInsensitiveNames() const override { return m_caseInsensitive; }
    bool listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                       Error* error) override;
    bool readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                  Error* error) override;
    bool readSymlink(const GuestNode& link, QString* target, Error* error) override;
    bool stat(GuestNode* node, Error* error) override;

private:
    struct Node {
        GuestNode::Kind kind;
        QByteArray content; // file bytes, or the symlink target
        QList<GuestDirEntry> children;
    };
    uint64_t ensureDirectory(const QString& path);
    uint64_t addNode(const QString& path, Node node);
    GuestNode describe(uint64_t id) const;

    bool m_caseInsensitive;
    std::vector<Node> m_nodes; // id = index; 0 is the root
};

} // namespace cvmi::inspect

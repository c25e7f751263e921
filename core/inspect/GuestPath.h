#pragma once

#include "inspect/GuestFs.h"

#include <QStringList>

#include <optional>

namespace cvmi::inspect {

// Path resolution inside a guest file system: walks "/a/b/c" component by component, follows
// symbolic links against the guest's own root (never the host's), and stops loops after
// kMaxSymlinks links, as the Linux kernel does (ELOOP after 40).
class GuestPath {
public:
    static constexpr int kMaxSymlinks = 40;

    // The node at `path`; with followLast=false a final symlink is returned itself.
    // nullopt with error code "not_found", "not_a_directory", "symlink_loop" or the
    // file system's own error.
    static std::optional<GuestNode> resolve(GuestFs& fs, const QString& path, bool followLast,
                                            Error* error);

    // Convenience for detectors: the whole (bounded) content of a file, or nullopt when absent.
    static std::optional<QByteArray> readFile(GuestFs& fs, const QString& path, size_t maxBytes,
                                              Error* error = nullptr);
    static bool exists(GuestFs& fs, const QString& path);
    static bool isDirectory(GuestFs& fs, const QString& path);
    // Names in a directory (following a symlinked directory); empty when absent.
    static QStringList list(GuestFs& fs, const QString& path);
    // The target of a symlink at `path`, unresolved; empty when not a link.
    static QString readLink(GuestFs& fs, const QString& path);
};

} // namespace cvmi::inspect

#pragma once

// Opening a file the user named, or an image named, without the traps of a bare open():
// a FIFO blocks open() forever, a device node can have side effects when opened, and a
// symbolic link or ".." can lead out of the folder an image is confined to.
#include "util/Error.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace cvmi::util {

enum class SymlinkRule {
    Follow, // the user named this path: a link to their image is normal
    Refuse, // the path comes from a file's content: a link could point anywhere
};

// Opens an existing regular file read-only and returns its descriptor (close-on-exec), or -1
// with an error naming `shown`. `path` is relative to `dirFd` (AT_FDCWD for the working folder).
// The open never blocks: O_NONBLOCK until fstat() of the descriptor proves a regular file.
// Folders, FIFOs, sockets, block and character devices are refused with code "not_a_file";
// a missing file is "not_found", a refused link "symlink". `*size` receives the file size.
int openRegularFile(int dirFd, const QByteArray& path, SymlinkRule links, const QString& shown,
                    uint64_t* size, Error* error);

// The same for a relative path that must stay beneath `dirFd`: absolute paths, ".." components
// and symbolic links anywhere on the way are refused ("outside_folder", "symlink").
int openRegularFileBeneath(int dirFd, const QByteArray& relative, const QString& shown,
                           uint64_t* size, Error* error);

// Opens a folder for openRegularFileBeneath(); -1 with an error when it cannot.
int openFolder(const QByteArray& path, const QString& shown, Error* error);

} // namespace cvmi::util

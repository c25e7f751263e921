#include "util/SafeOpen.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::util {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::util::SafeOpen)
};

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

bool openFailed(Error* error, int err, const QString& shown)
{
    if (err == ELOOP)
        return fail(
            error, QStringLiteral("symlink"),
            Text::tr("%1 is a symbolic link, and links are not followed here. Put the file it "
                     "points to in its place (cp --dereference LINK FILE).")
                .arg(shown));
    return fail(error, err == ENOENT ? QStringLiteral("not_found") : QStringLiteral("cannot_open"),
                Text::tr("Cannot open %1: %2.").arg(shown, systemError(err)));
}

// What the file is, for a refusal that tells the user what they chose and what to choose instead.
bool notRegular(Error* error, mode_t mode, const QString& shown)
{
    QString what;
    if (S_ISDIR(mode))
        what = Text::tr("%1 is a folder, not a disk image file. Choose the image file inside it.");
    else if (S_ISFIFO(mode) || S_ISSOCK(mode))
        what =
            Text::tr("%1 is a named pipe or socket, not a disk image file: its data cannot be read "
                     "at random places. Save the image to a regular file and choose that file.");
    else if (S_ISBLK(mode))
        what = Text::tr(
            "%1 is a block device (a whole disk or partition), not a disk image file. This "
            "program reads image files only: copy the device into one with `qemu-img "
            "convert -O qcow2 DEVICE disk.qcow2` and choose that file.");
    else
        what = Text::tr("%1 is a device or special file, not a disk image file. Choose a regular "
                        "file.");
    return fail(error, QStringLiteral("not_a_file"), what.arg(shown));
}

} // namespace

int openRegularFile(int dirFd, const QByteArray& path, SymlinkRule links, const QString& shown,
                    uint64_t* size, Error* error)
{
    const int noFollow = links == SymlinkRule::Refuse ? O_NOFOLLOW : 0;
    // Look before opening: opening a device node can have effects (a tape rewinds, a serial
    // line hangs up). The fstat() below is what decides; this only avoids needless opens.
    struct stat before {};
    const int statFlags = links == SymlinkRule::Refuse ? AT_SYMLINK_NOFOLLOW : 0;
    if (::fstatat(dirFd, path.constData(), &before, statFlags) != 0) {
        openFailed(error, errno, shown);
        return -1;
    }
    if (links == SymlinkRule::Refuse && S_ISLNK(before.st_mode)) {
        openFailed(error, ELOOP, shown);
        return -1;
    }
    if (!S_ISREG(before.st_mode)) {
        notRegular(error, before.st_mode, shown);
        return -1;
    }
    // O_NONBLOCK: if the file was swapped for a FIFO since the look, open() still returns.
    const int fd = ::openat(dirFd, path.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | noFollow);
    if (fd < 0) {
        openFailed(error, errno, shown);
        return -1;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        openFailed(error, err, shown);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        notRegular(error, st.st_mode, shown);
        return -1;
    }
    // Regular files ignore O_NONBLOCK today; clear it so that no reader ever sees EAGAIN.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        const int err = errno;
        ::close(fd);
        openFailed(error, err, shown);
        return -1;
    }
    if (size)
        *size = uint64_t(st.st_size);
    return fd;
}

int openRegularFileBeneath(int dirFd, const QByteArray& relative, const QString& shown,
                           uint64_t* size, Error* error)
{
    if (relative.isEmpty() || relative.startsWith('/') || relative.contains('\0')) {
        fail(error, QStringLiteral("outside_folder"),
             Text::tr("%1 is not a path relative to the folder it must be in.").arg(shown));
        return -1;
    }
    const QList<QByteArray> parts = relative.split('/');
    int current = dirFd;
    const auto closeCurrent = [&] {
        if (current != dirFd)
            ::close(current);
    };
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray& part = parts[i];
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            closeCurrent();
            fail(error, QStringLiteral("outside_folder"),
                 Text::tr("%1 leads out of the folder it must be in (\"..\").").arg(shown));
            return -1;
        }
        if (i + 1 == parts.size()) {
            const int fd = openRegularFile(current, part, SymlinkRule::Refuse, shown, size, error);
            closeCurrent();
            return fd;
        }
        // A subfolder: never through a link, which could point anywhere.
        const int next =
            ::openat(current, part.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int err = errno;
        struct stat link {};
        if (next < 0 && err == ENOTDIR &&
            ::fstatat(current, part.constData(), &link, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(link.st_mode))
            err = ELOOP; // some kernels report a link opened with O_DIRECTORY as ENOTDIR
        closeCurrent();
        if (next < 0) {
            openFailed(error, err, shown);
            return -1;
        }
        current = next;
    }
    closeCurrent();
    fail(error, QStringLiteral("outside_folder"),
         Text::tr("%1 names a folder, not a file.").arg(shown));
    return -1;
}

int openFolder(const QByteArray& path, const QString& shown, Error* error)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        openFailed(error, errno, shown);
    return fd;
}

} // namespace cvmi::util

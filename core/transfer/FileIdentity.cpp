#include "transfer/FileIdentity.h"

#include "util/SafeOpen.h"

#include <QCryptographicHash>
#include <QFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cvmi::transfer {

QJsonObject FileIdentity::toJson() const
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("size"), QString::number(size)},
            {QStringLiteral("mtimeMs"), QString::number(mtimeMs)},
            {QStringLiteral("sampledSha256"), sampledSha256}};
}

FileIdentity FileIdentity::fromJson(const QJsonObject& o)
{
    // 64-bit integers travel as strings: a JSON double cannot hold every byte count exactly.
    FileIdentity f;
    f.path = o.value(QStringLiteral("path")).toString();
    f.size = o.value(QStringLiteral("size")).toString().toLongLong();
    f.mtimeMs = o.value(QStringLiteral("mtimeMs")).toString().toLongLong();
    f.sampledSha256 = o.value(QStringLiteral("sampledSha256")).toString();
    return f;
}

QString FileIdentity::difference(const FileIdentity& now) const
{
    if (size != now.size)
        return FileIdentityReader::tr("its size changed from %1 to %2 bytes")
            .arg(size)
            .arg(now.size);
    if (mtimeMs != now.mtimeMs)
        return FileIdentityReader::tr("it was modified (its modification time changed)");
    if (sampledSha256 != now.sampledSha256)
        return FileIdentityReader::tr("its content changed");
    if (path != now.path)
        return FileIdentityReader::tr("it is another file");
    return {};
}

std::optional<FileIdentity> FileIdentityReader::read(const util::NativePath& path, Error* error)
{
    const util::NativePath absolute = path.absolute();
    const QString shown = absolute.display();
    // By its bytes (the name need not be UTF-8); a FIFO or device is refused, never waited on.
    Error openError;
    const int fd = util::openRegularFile(AT_FDCWD, absolute.bytes(), util::SymlinkRule::Follow,
                                         shown, nullptr, &openError);
    struct stat st {};
    QFile file;
    if (fd < 0 || ::fstat(fd, &st) != 0 ||
        !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0)
            ::close(fd);
        fail(error, QStringLiteral("upload.file"),
             fd < 0 ? openError.message + u' ' +
                          tr("Check that the file exists and that you may read it.")
                    : tr("Cannot read \"%1\": %2. Check that the file exists and that you may "
                         "read it.")
                          .arg(shown, file.errorString()));
        return std::nullopt;
    }
    FileIdentity id;
    id.path = shown;
    id.size = qint64(st.st_size);
    id.mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 step = id.size / 4;
    const qint64 offsets[] = {0, step, 2 * step, 3 * step, qMax<qint64>(0, id.size - sampleBytes)};
    for (const qint64 offset : offsets) {
        if (!file.seek(offset)) {
            fail(error, QStringLiteral("upload.file"),
                 tr("Cannot read \"%1\": %2.").arg(shown, file.errorString()));
            return std::nullopt;
        }
        hash.addData(file.read(sampleBytes));
    }
    id.sampledSha256 = QString::fromLatin1(hash.result().toHex());
    return id;
}

} // namespace cvmi::transfer

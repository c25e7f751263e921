#pragma once

// What makes "the same file" for resuming: its absolute path, size, modification time and a
// hash of a few small ranges (start, quarters, end; 64 KiB each), so that a file rewritten in
// place with the same size and a restored mtime is still caught without reading it all.
#include "util/Error.h"
#include "util/NativePath.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace cvmi::transfer {

struct FileIdentity {
    QString path; // absolute, in display form (util::NativePath::display())
    qint64 size = -1;
    qint64 mtimeMs = 0;
    QString sampledSha256; // hex

    bool operator==(const FileIdentity&) const = default;
    QJsonObject toJson() const;
    static FileIdentity fromJson(const QJsonObject& o);
    // What differs, in words ("its size changed from A to B bytes"), empty when equal.
    QString difference(const FileIdentity& now) const;
};

class FileIdentityReader {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::FileIdentityReader)
public:
    static constexpr qint64 sampleBytes = 64 * 1024;
    // nullopt and *error ("upload.file") when the file cannot be read.
    static std::optional<FileIdentity> read(const util::NativePath& path, Error* error);
};

} // namespace cvmi::transfer

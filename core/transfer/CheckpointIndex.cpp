#include "transfer/CheckpointIndex.h"

#include "transfer/DestinationLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cvmi::transfer {

int CheckpointEntry::partsTotal() const
{
    return checkpoint ? checkpoint->partsTotal() : 0;
}

int CheckpointEntry::partsDone() const
{
    return checkpoint ? checkpoint->partsDone() : 0;
}

std::optional<DestinationParts> CheckpointIndex::parseDestination(const QString& destinationKey)
{
    // "<dialect>|<endpoint>|<s3 host>|<bucket>|<region>|<key>"; the key is last, so a '|' in it
    // stays part of it.
    const QStringList fields = destinationKey.split(u'|');
    if (fields.size() < 6)
        return std::nullopt;
    DestinationParts parts;
    if (fields.at(0) == QLatin1String("s3"))
        parts.dialect = Dialect::S3;
    else if (fields.at(0) != QLatin1String("cos"))
        return std::nullopt;
    parts.endpoint = fields.at(1);
    parts.s3ServiceHost = fields.at(2);
    parts.bucket = fields.at(3);
    parts.region = fields.at(4);
    parts.key = fields.mid(5).join(u'|');
    if (parts.bucket.isEmpty() || parts.key.isEmpty())
        return std::nullopt;
    return parts;
}

std::optional<UploadDestination> CheckpointIndex::destinationOf(const DestinationParts& parts,
                                                                Error* error)
{
    UploadDestination d;
    d.dialect = parts.dialect;
    d.bucket = parts.bucket;
    d.key = parts.key;
    d.region = parts.region;
    d.s3ServiceHost = parts.s3ServiceHost;
    if (!parts.endpoint.isEmpty() && !d.endpoints.setCosEndpoint(parts.endpoint, error))
        return std::nullopt;
    return d;
}

QList<CheckpointEntry> CheckpointIndex::list(const QString& dir)
{
    const Checkpoints checkpoints(dir);
    QList<CheckpointEntry> entries;
    const QFileInfoList files = QDir(checkpoints.dir())
                                    .entryInfoList({QStringLiteral("*.json")},
                                                   QDir::Files | QDir::NoDotAndDotDot, QDir::Time);
    for (const QFileInfo& info : files) {
        CheckpointEntry entry;
        entry.recordPath = info.absoluteFilePath();
        entry.updated = info.lastModified();
        const auto unusable = [&](const QString& why) {
            entry.problem = Error::make(
                QStringLiteral("upload.checkpoint"),
                tr("The resume record \"%1\" is unusable (%2).").arg(entry.recordPath, why));
        };
        // Only the two names are read here; Checkpoints::load() then reads the record the way
        // a resuming engine does, including that its name matches what it says.
        QFile file(entry.recordPath);
        const QJsonObject o = file.size() <= 4 * 1024 * 1024 && file.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(file.readAll()).object()
                                  : QJsonObject();
        const QString filePath =
            o.value(QStringLiteral("file")).toObject().value(QStringLiteral("path")).toString();
        const QString destinationKey = o.value(QStringLiteral("destination")).toString();
        const auto parts = parseDestination(destinationKey);
        if (filePath.isEmpty() || !parts) {
            unusable(tr("not a resume record"));
        } else if (QFileInfo(checkpoints.pathFor(filePath, destinationKey)).fileName() !=
                   info.fileName()) {
            unusable(tr("its name does not match its contents"));
        } else {
            Error error;
            entry.checkpoint = checkpoints.load(filePath, destinationKey, &error);
            if (entry.checkpoint) {
                entry.destination = *parts;
                entry.inUseBy = DestinationLock::holder(checkpoints.dir(), destinationKey);
            } else
                entry.problem = error;
        }
        entries.append(entry);
    }
    std::sort(
        entries.begin(), entries.end(),
        [](const CheckpointEntry& a, const CheckpointEntry& b) { return a.updated < b.updated; });
    return entries;
}

QList<CheckpointEntry> CheckpointIndex::continuable(const QString& dir)
{
    const QList<CheckpointEntry> entries = list(dir);
    QList<CheckpointEntry> uploads;
    // The index lists the oldest first; the one to offer is the one interrupted last.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->checkpoint && it->destination.dialect == Dialect::Cos &&
            QFileInfo(it->checkpoint->file.path).isFile())
            uploads.append(*it);
    }
    return uploads;
}

} // namespace cvmi::transfer

#include "transfer/Checkpoint.h"

#include "util/Crc64.h"

#include "transfer/DestinationLock.h"
#include "transfer/PartJournal.h"
#include "util/AppPaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace cvmi::transfer {

int Checkpoint::partsTotal() const
{
    if (partSize <= 0 || file.size < 0 || conversion != Conversion::None)
        return 0;
    return int(qMax<qint64>(1, (file.size + partSize - 1) / partSize));
}

bool Checkpoint::fileChangedSince(const QString& path) const
{
    const QFileInfo info(path);
    return info.size() != file.size || info.lastModified().toMSecsSinceEpoch() != file.mtimeMs;
}

namespace {
constexpr int formatVersion = 1;
} // namespace

Checkpoints::Checkpoints(const QString& dir)
    : m_dir(dir.isEmpty() ? util::sharedDataDir() + QStringLiteral("/uploads") : dir)
{
}

QString Checkpoints::destinationKey(const UploadDestination& d)
{
    const auto endpoint = d.endpoints.cosEndpoint();
    return QStringList{d.dialect == Dialect::S3 ? QStringLiteral("s3") : QStringLiteral("cos"),
                       endpoint ? endpoint->toString() : QString(),
                       d.s3ServiceHost,
                       d.bucket,
                       d.region,
                       d.key}
        .join(u'|');
}

QString Checkpoints::pathFor(const QString& absoluteFilePath, const QString& destinationKey) const
{
    const QByteArray name = QCryptographicHash::hash(
        (absoluteFilePath + u'\n' + destinationKey).toUtf8(), QCryptographicHash::Sha256);
    return m_dir + u'/' + QString::fromLatin1(name.toHex().left(32)) + QStringLiteral(".json");
}

std::optional<Checkpoint> Checkpoints::load(const QString& absoluteFilePath,
                                            const QString& destinationKey, Error* error) const
{
    const QString path = pathFor(absoluteFilePath, destinationKey);
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    const auto bad = [&](const QString& why) {
        fail(error, QStringLiteral("upload.checkpoint"),
             tr("The resume record \"%1\" is unusable (%2); the upload starts over.")
                 .arg(path, why));
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly) || file.size() > 4 * 1024 * 1024)
        return bad(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QStringLiteral("version")).toInt() != formatVersion)
        return bad(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                : tr("unknown format"));
    Checkpoint c;
    c.file = FileIdentity::fromJson(o.value(QStringLiteral("file")).toObject());
    c.destination = o.value(QStringLiteral("destination")).toString();
    c.uploadId = o.value(QStringLiteral("uploadId")).toString();
    c.partSize = o.value(QStringLiteral("partSize")).toString().toLongLong();
    c.startedAt = o.value(QStringLiteral("startedAt")).toString().toLongLong();
    const QString conversion = o.value(QStringLiteral("conversion")).toString();
    if (conversion == QLatin1String("qcow2"))
        c.conversion = Conversion::Qcow2;
    else if (!conversion.isEmpty())
        return bad(tr("unknown conversion \"%1\"").arg(conversion));
    c.streamIdentity = o.value(QStringLiteral("stream")).toString();
    if (c.destination != destinationKey || c.file.path != absoluteFilePath || c.partSize <= 0)
        return bad(tr("it names another upload"));
    // Without an upload id only the start time says which server uploads may be its own.
    if (c.uploadId.isEmpty() &&
        (c.startedAt <= 0 || !o.value(QStringLiteral("parts")).toArray().isEmpty()))
        return bad(tr("it has neither an upload ID nor a start time"));
    for (const QJsonValue& v : o.value(QStringLiteral("parts")).toArray()) {
        const QJsonObject p = v.toObject();
        const int number = p.value(QStringLiteral("number")).toInt();
        CheckpointPart part;
        part.etag = p.value(QStringLiteral("etag")).toString();
        part.size = p.value(QStringLiteral("size")).toString().toLongLong();
        if (number < 1 || number > 10000 ||
            !util::Crc64::fromDecimal(p.value(QStringLiteral("crc64")).toString(), &part.crc64))
            return bad(tr("a part entry is damaged"));
        c.parts.insert(number, part);
    }
    // The parts confirmed since the record was written whole.
    PartJournal::readInto(path, c.uploadId, &c.parts);
    return c;
}

std::optional<Checkpoint> Checkpoints::loadResumable(const QString& absoluteFilePath,
                                                     const QString& destinationKey,
                                                     Error* error) const
{
    auto c = load(absoluteFilePath, destinationKey, error);
    if (c && c->awaitingUploadId())
        c.reset();
    return c;
}

bool Checkpoints::save(const Checkpoint& c, Error* error) const
{
    QJsonArray parts;
    for (auto it = c.parts.cbegin(); it != c.parts.cend(); ++it)
        parts.append(QJsonObject{{QStringLiteral("number"), it.key()},
                                 {QStringLiteral("etag"), it->etag},
                                 {QStringLiteral("size"), QString::number(it->size)},
                                 {QStringLiteral("crc64"), util::Crc64::toDecimal(it->crc64)}});
    QJsonObject o{{QStringLiteral("version"), formatVersion},
                  {QStringLiteral("file"), c.file.toJson()},
                  {QStringLiteral("destination"), c.destination},
                  {QStringLiteral("uploadId"), c.uploadId},
                  {QStringLiteral("partSize"), QString::number(c.partSize)},
                  {QStringLiteral("startedAt"), QString::number(c.startedAt)},
                  {QStringLiteral("parts"), parts}};
    if (c.conversion == Conversion::Qcow2) {
        o.insert(QStringLiteral("conversion"), QStringLiteral("qcow2"));
        o.insert(QStringLiteral("stream"), c.streamIdentity);
    }
    QDir().mkpath(m_dir);
    const QString path = pathFor(c.file.path, c.destination);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        return fail(error, QStringLiteral("upload.checkpoint"),
                    tr("Cannot write the resume record \"%1\": %2. %3")
                        .arg(path, file.errorString(), DestinationLock::unwritableAdvice(m_dir)));
    // The record now holds every part: a journal beside it would only repeat (or, from an
    // earlier upload id, contradict) it.
    PartJournal::remove(path);
    return true;
}

void Checkpoints::remove(const QString& absoluteFilePath, const QString& destinationKey) const
{
    const QString path = pathFor(absoluteFilePath, destinationKey);
    QFile::remove(path);
    PartJournal::remove(path);
}

} // namespace cvmi::transfer

#include "CosStore.h"

#include "util/Crc64.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

namespace cvmi::emu {

namespace {

// An object's files are named by a hash of its key: COS takes keys of up to 850 bytes, and a
// file name holds 255 (the key itself is in the metadata).
QString keyFileName(const QString& key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// Metadata and data are written through QSaveFile, so a killed emulator leaves either the old
// or the new file, never half of one.
bool writeFile(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QJsonObject> readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString quotedMd5(const QByteArray& data)
{
    return u'"' +
           QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()) +
           u'"';
}

QJsonObject partToJson(const PartInfo& p)
{
    return {{QStringLiteral("number"), p.number},
            {QStringLiteral("size"), p.size},
            {QStringLiteral("etag"), p.etag},
            {QStringLiteral("crc64"), QString::number(p.crc64)},
            {QStringLiteral("lastModified"), p.lastModifiedMs}};
}

PartInfo partFromJson(const QJsonObject& o)
{
    PartInfo p;
    p.number = o.value(QStringLiteral("number")).toInt();
    p.size = o.value(QStringLiteral("size")).toInteger();
    p.etag = o.value(QStringLiteral("etag")).toString();
    p.crc64 = o.value(QStringLiteral("crc64")).toString().toULongLong();
    p.lastModifiedMs = o.value(QStringLiteral("lastModified")).toInteger();
    return p;
}

} // namespace

CosStore::CosStore(QString root) : m_root(std::move(root)) {}

bool CosStore::load(QString* error)
{
    if (!QDir().mkpath(m_root + QStringLiteral("/objects")) ||
        !QDir().mkpath(m_root + QStringLiteral("/uploads"))) {
        if (error)
            *error = QStringLiteral("cannot create the state directory %1").arg(m_root);
        return false;
    }
    m_buckets.clear();
    QFile file(m_root + QStringLiteral("/buckets.json"));
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(file.fileName());
        return false;
    }
    for (const QJsonValue& v : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject o = v.toObject();
        m_buckets.append({o.value(QStringLiteral("name")).toString(),
                          o.value(QStringLiteral("appId")).toString(),
                          o.value(QStringLiteral("region")).toString(),
                          o.value(QStringLiteral("created")).toInteger(),
                          o.value(QStringLiteral("publicRead")).toBool()});
    }
    return true;
}

bool CosStore::saveBuckets(QString* error) const
{
    QJsonArray array;
    for (const BucketInfo& b : m_buckets) {
        array.append(QJsonObject{{QStringLiteral("name"), b.name},
                                 {QStringLiteral("appId"), b.appId},
                                 {QStringLiteral("region"), b.region},
                                 {QStringLiteral("created"), b.createdMs},
                                 {QStringLiteral("publicRead"), b.publicRead}});
    }
    return writeFile(m_root + QStringLiteral("/buckets.json"), QJsonDocument(array).toJson(),
                     error);
}

std::optional<BucketInfo> CosStore::bucket(const QString& name) const
{
    for (const BucketInfo& b : m_buckets) {
        if (b.name == name)
            return b;
    }
    return std::nullopt;
}

bool CosStore::createBucket(const BucketInfo& bucket, QString* error)
{
    if (!QDir().mkpath(objectDir(bucket.name))) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(objectDir(bucket.name));
        return false;
    }
    m_buckets.append(bucket);
    return saveBuckets(error);
}

QString CosStore::objectDir(const QString& bucket) const
{
    return m_root + QStringLiteral("/objects/") + bucket;
}

QString CosStore::uploadDir(const QString& uploadId) const
{
    return m_root + QStringLiteral("/uploads/") + uploadId;
}

QString CosStore::objectPath(const QString& bucket, const QString& key) const
{
    return objectDir(bucket) + u'/' + keyFileName(key) + QStringLiteral(".data");
}

std::optional<ObjectInfo> CosStore::object(const QString& bucket, const QString& key) const
{
    const auto o = readJson(objectDir(bucket) + u'/' + keyFileName(key) + QStringLiteral(".json"));
    if (!o || !QFile::exists(objectPath(bucket, key)))
        return std::nullopt;
    ObjectInfo info;
    info.key = key;
    info.size = o->value(QStringLiteral("size")).toInteger();
    info.etag = o->value(QStringLiteral("etag")).toString();
    info.crc64 = o->value(QStringLiteral("crc64")).toString().toULongLong();
    info.lastModifiedMs = o->value(QStringLiteral("lastModified")).toInteger();
    info.contentType = o->value(QStringLiteral("contentType")).toString();
    return info;
}

bool CosStore::writeObjectMeta(const QString& bucket, const ObjectInfo& info, QString* error) const
{
    const QJsonObject o{{QStringLiteral("key"), info.key},
                        {QStringLiteral("size"), info.size},
                        {QStringLiteral("etag"), info.etag},
                        {QStringLiteral("crc64"), QString::number(info.crc64)},
                        {QStringLiteral("lastModified"), info.lastModifiedMs},
                        {QStringLiteral("contentType"), info.contentType}};
    return writeFile(objectDir(bucket) + u'/' + keyFileName(info.key) + QStringLiteral(".json"),
                     QJsonDocument(o).toJson(), error);
}

std::optional<ObjectInfo> CosStore::putObject(const QString& bucket, const QString& key,
                                              const QByteArray& data, const QString& contentType,
                                              qint64 nowMs, QString* error)
{
    ObjectInfo info{key,   data.size(), quotedMd5(data), util::Crc64::compute(data),
                    nowMs, contentType};
    if (!writeFile(objectPath(bucket, key), data, error) || !writeObjectMeta(bucket, info, error))
        return std::nullopt;
    return info;
}

bool CosStore::deleteObject(const QString& bucket, const QString& key)
{
    QFile::remove(objectDir(bucket) + u'/' + keyFileName(key) + QStringLiteral(".json"));
    return QFile::remove(objectPath(bucket, key));
}

QList<ObjectInfo> CosStore::objects(const QString& bucket) const
{
    QList<ObjectInfo> out;
    const QDir dir(objectDir(bucket));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const auto meta = readJson(dir.filePath(name));
        if (!meta)
            continue;
        if (const auto info = object(bucket, meta->value(QStringLiteral("key")).toString()))
            out.append(*info);
    }
    return out;
}

QByteArray CosStore::readObject(const QString& bucket, const QString& key, qint64 offset,
                                qint64 length) const
{
    QFile file(objectPath(bucket, key));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.read(length);
}

std::optional<UploadInfo> CosStore::initiateUpload(const QString& bucket, const QString& key,
                                                   const QString& contentType, qint64 nowMs,
                                                   QString* error)
{
    // COS's upload ids are long opaque tokens; 32 random hex digits + the time keep them unique
    // across restarts of the emulator.
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    QString id = QString::number(nowMs);
    for (quint32 w : words)
        id += QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
    UploadInfo upload{id, bucket, key, nowMs, contentType};
    if (!QDir().mkpath(uploadDir(id))) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(uploadDir(id));
        return std::nullopt;
    }
    const QJsonObject o{{QStringLiteral("bucket"), bucket},
                        {QStringLiteral("key"), key},
                        {QStringLiteral("initiated"), nowMs},
                        {QStringLiteral("contentType"), contentType}};
    if (!writeFile(uploadDir(id) + QStringLiteral("/upload.json"), QJsonDocument(o).toJson(),
                   error))
        return std::nullopt;
    return upload;
}

std::optional<UploadInfo> CosStore::upload(const QString& uploadId) const
{
    // Ids are file names: refuse anything that could step outside the uploads directory.
    if (uploadId.isEmpty() || uploadId.contains(u'/') || uploadId.contains(u'.'))
        return std::nullopt;
    const auto o = readJson(uploadDir(uploadId) + QStringLiteral("/upload.json"));
    if (!o)
        return std::nullopt;
    return UploadInfo{uploadId, o->value(QStringLiteral("bucket")).toString(),
                      o->value(QStringLiteral("key")).toString(),
                      o->value(QStringLiteral("initiated")).toInteger(),
                      o->value(QStringLiteral("contentType")).toString()};
}

QList<UploadInfo> CosStore::uploads(const QString& bucket) const
{
    QList<UploadInfo> out;
    const QDir dir(m_root + QStringLiteral("/uploads"));
    for (const QString& id : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto u = upload(id);
        if (u && u->bucket == bucket)
            out.append(*u);
    }
    std::sort(out.begin(), out.end(), [](const UploadInfo& a, const UploadInfo& b) {
        return a.key != b.key ? a.key < b.key : a.uploadId < b.uploadId;
    });
    return out;
}

std::optional<PartInfo> CosStore::putPart(const QString& uploadId, int number,
                                          const QByteArray& data, qint64 nowMs, QString* error)
{
    PartInfo part{number, data.size(), quotedMd5(data), util::Crc64::compute(data), nowMs};
    const QString base = uploadDir(uploadId) + u'/' + QString::number(number);
    // Data first, then the metadata that makes the part visible: a crash in between leaves
    // an invisible part that the client uploads again.
    if (!writeFile(base + QStringLiteral(".data"), data, error) ||
        !writeFile(base + QStringLiteral(".json"), QJsonDocument(partToJson(part)).toJson(), error))
        return std::nullopt;
    return part;
}

QList<PartInfo> CosStore::parts(const QString& uploadId) const
{
    QList<PartInfo> out;
    const QDir dir(uploadDir(uploadId));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        if (name == QLatin1String("upload.json"))
            continue;
        if (const auto o = readJson(dir.filePath(name)))
            out.append(partFromJson(*o));
    }
    std::sort(out.begin(), out.end(),
              [](const PartInfo& a, const PartInfo& b) { return a.number < b.number; });
    return out;
}

std::optional<ObjectInfo> CosStore::complete(const UploadInfo& upload,
                                             const QList<PartInfo>& chosen, qint64 nowMs,
                                             QString* error)
{
    QSaveFile out(objectPath(upload.bucket, upload.key));
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = out.errorString();
        return std::nullopt;
    }
    quint64 crc = 0;
    qint64 size = 0;
    QByteArray md5s;
    for (const PartInfo& part : chosen) {
        QFile in(uploadDir(upload.uploadId) + u'/' + QString::number(part.number) +
                 QStringLiteral(".data"));
        if (!in.open(QIODevice::ReadOnly)) {
            if (error)
                *error = in.errorString();
            return std::nullopt;
        }
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(4 << 20);
            if (out.write(chunk) != chunk.size()) {
                if (error)
                    *error = out.errorString();
                return std::nullopt;
            }
        }
        crc = util::Crc64::combine(crc, part.crc64, static_cast<quint64>(part.size));
        size += part.size;
        md5s += QByteArray::fromHex(part.etag.mid(1, part.etag.size() - 2).toLatin1());
    }
    if (!out.commit()) {
        if (error)
            *error = out.errorString();
        return std::nullopt;
    }
    // S3's multipart ETag form (MD5 of the parts' MD5s, "-" part count); COS's is not an MD5
    // of the object either, and clients must use the CRC-64 instead.
    const QString etag =
        u'"' +
        QString::fromLatin1(QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex()) +
        u'-' + QString::number(chosen.size()) + u'"';
    ObjectInfo info{upload.key, size, etag, crc, nowMs, upload.contentType};
    if (!writeObjectMeta(upload.bucket, info, error))
        return std::nullopt;
    QDir(uploadDir(upload.uploadId)).removeRecursively();
    return info;
}

bool CosStore::abortUpload(const QString& uploadId)
{
    if (!upload(uploadId))
        return false;
    return QDir(uploadDir(uploadId)).removeRecursively();
}

} // namespace cvmi::emu

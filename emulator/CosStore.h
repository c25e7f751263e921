#pragma once

// COS's state on disk, so that a restarted emulator still has its buckets, objects and the
// unfinished multipart uploads (the upload engine's crash-resume tests kill and restart it).
// Layout under the root:
//   buckets.json                         [{name, appId, region, created, publicRead}]
//   objects/<bucket>/<sha256(key)>.data  the bytes; <sha256(key)>.json its metadata, key included
//   uploads/<uploadId>/upload.json       {bucket, key, initiated, contentType}
//   uploads/<uploadId>/<N>.data, <N>.json  one part and its ETag, CRC-64, size
// Keys are hashed into file names so that any UTF-8 key (slashes, "..", COS's 850 bytes) is a
// plain file name of 64 characters.
#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cvmi::emu {

struct BucketInfo {
    QString name; // "<name>-<appid>"
    QString appId;
    QString region;
    qint64 createdMs = 0;
    bool publicRead = false; // x-cos-acl: public-read at creation
};

struct ObjectInfo {
    QString key;
    qint64 size = 0;
    QString etag; // quoted
    quint64 crc64 = 0;
    qint64 lastModifiedMs = 0;
    QString contentType;
};

struct UploadInfo {
    QString uploadId;
    QString bucket;
    QString key;
    qint64 initiatedMs = 0;
    QString contentType;
};

struct PartInfo {
    int number = 0;
    qint64 size = 0;
    QString etag; // quoted MD5 hex
    quint64 crc64 = 0;
    qint64 lastModifiedMs = 0;
};

class CosStore {
public:
    explicit CosStore(QString root);

    bool load(QString* error);
    QString root() const { return m_root; }

    std::optional<BucketInfo> bucket(const QString& name) const;
    QList<BucketInfo> buckets() const { return m_buckets; }
    bool createBucket(const BucketInfo& bucket, QString* error);

    std::optional<ObjectInfo> object(const QString& bucket, const QString& key) const;
    QString objectPath(const QString& bucket, const QString& key) const;
    std::optional<ObjectInfo> putObject(const QString& bucket, const QString& key,
                                        const QByteArray& data, const QString& contentType,
                                        qint64 nowMs, QString* error);
    bool deleteObject(const QString& bucket, const QString& key);
    QList<ObjectInfo> objects(const QString& bucket) const; // every object, in no set order
    // Reads up to `length` bytes at `offset` of an object's file.
    QByteArray readObject(const QString& bucket, const QString& key, qint64 offset,
                          qint64 length) const;

    std::optional<UploadInfo> initiateUpload(const QString& bucket, const QString& key,
                                             const QString& contentType, qint64 nowMs,
                                             QString* error);
    std::optional<UploadInfo> upload(const QString& uploadId) const;
    QList<UploadInfo> uploads(const QString& bucket) const; // sorted by key, then initiation
    std::optional<PartInfo> putPart(const QString& uploadId, int number, const QByteArray& data,
                                    qint64 nowMs, QString* error);
    QList<PartInfo> parts(const QString& uploadId) const; // sorted by number
    // Joins the chosen parts, in order, into the object (replacing any object of that key) and
    // removes the upload. The CRC-64 is combined from the parts' values, as COS does.
    std::optional<ObjectInfo> complete(const UploadInfo& upload, const QList<PartInfo>& chosen,
                                       qint64 nowMs, QString* error);
    bool abortUpload(const QString& uploadId);

private:
    bool saveBuckets(QString* error) const;
    QString objectDir(const QString& bucket) const;
    QString uploadDir(const QString& uploadId) const;
    bool writeObjectMeta(const QString& bucket, const ObjectInfo& info, QString* error) const;

    QString m_root;
    QList<BucketInfo> m_buckets;
};

} // namespace cvmi::emu

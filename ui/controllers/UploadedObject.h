#pragma once

#include <QDateTime>
#include <QFileInfo>
#include <QString>

namespace cvmi::ui {

// The upload part of the WizardSession: the object the Upload page put into COS, for the import
// form (its ImageUrl) and the import. The CRC-64 is the one COS confirmed for the whole object.
struct UploadedObject {
    QString objectUrl; // https://<bucket>.cos.<region>.myqcloud.com/<key>
    QString bucket;    // "<name>-<APPID>"
    QString key;
    QString region;
    qint64 size = 0;   // the object's length: the bytes sent
    quint64 crc64 = 0; // CRC-64/ECMA, as COS's x-cos-hash-crc64ecma
    // The object's format ("raw", "qcow2"…): the file's, or "qcow2" when it was converted on the
    // way (UploadJob::conversion); then sourceBytes is the file's size, and the form and the
    // import name the object, not the file.
    QString format;
    bool converted = false;
    qint64 sourceBytes = 0;
    qint64 virtualSize = 0;
    // What the import form gets as ImageUrl: objectUrl when anyone may read the object, else a
    // pre-signed GET URL (importUrlSigned) that CVM's import can read without our credentials.
    // It may carry a session token: show it only in the form's own field.
    QString importUrl;
    bool importUrlSigned = false;
    QDateTime importUrlExpires; // when the signature ends (importUrlSigned only)
    QString filePath;           // the local file uploaded (absolute)
    // Empty when the file passed the check. Otherwise the user answered "Upload anyway" to a
    // file the check refused, and this is what the check said then ("2 problems: …"), for the
    // form and the import to repeat.
    QString checkOverride;

    bool isValid() const { return !objectUrl.isEmpty(); }
    // The URL to hand to the import: importUrl when one was decided, else objectUrl.
    QString formUrl() const { return importUrl.isEmpty() ? objectUrl : importUrl; }
};

// An upload that stopped before COS had the whole object (its resume record is in the
// checkpoint folder), as offered when the wizard starts: which file went where, and how far.
struct InterruptedUpload {
    QString filePath; // absolute
    QString bucket;
    QString key;
    QString region;
    int partsDone = 0;
    int partsTotal = 0;
    QDateTime updated; // the last part confirmed

    bool isValid() const { return !filePath.isEmpty(); }
    // Whether this is an upload of the file `path` (relative paths are made absolute).
    bool isOf(const QString& path) const
    {
        return isValid() && !path.isEmpty() && QFileInfo(path).absoluteFilePath() == filePath;
    }
    // Tells one upload from another: file, bucket and key.
    QString id() const { return filePath + u'|' + bucket + u'|' + key; }
};

} // namespace cvmi::ui

#pragma once

#include <QString>

namespace cvmi::ui {

// The upload part of the WizardSession: the object the Upload page put into COS, for the import
// form (its ImageUrl) and the import. The CRC-64 is the one COS confirmed for the whole object.
struct UploadedObject {
    QString objectUrl; // https://<bucket>.cos.<region>.myqcloud.com/<key>
    QString bucket;    // "<name>-<APPID>"
    QString key;
    QString region;
    qint64 size = 0;
    quint64 crc64 = 0; // CRC-64/ECMA, as COS's x-cos-hash-crc64ecma

    bool isValid() const { return !objectUrl.isEmpty(); }
};

} // namespace cvmi::ui

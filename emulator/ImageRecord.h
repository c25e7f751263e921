#pragma once

// One image the emulated CVM knows: what ImportImage was given, where the import stands, and
// its two JSON forms — the emulator's state file (so the timeline survives a restart) and
// DescribeImages' ImageSet entry.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace cvmi::emu {

struct ImageRecord {
    QString imageId;
    QString appId;
    QString region;
    QString name;
    QString description;
    QString osType;
    QString osVersion;
    QString architecture;
    QString bootMode;
    QString licenseType;
    QString imageFamily;
    QString imageUrl;
    QJsonArray tags; // [{Key, Value}]
    QString state;   // IMPORTING, NORMAL, IMPORTFAILED
    qint64 createdMs = 0;
    qint64 readyAtMs = 0;
    qint64 sizeGiB = 0;
    QString failReason; // not in the API (the console shows it); kept for the emulator's log
};

// The state file's form, and back.
QJsonObject stateJson(const ImageRecord& image);
ImageRecord imageFromStateJson(const QJsonObject& o);

// DescribeImages' entry for the image, in the API's names and spellings.
QJsonObject describedImage(const ImageRecord& image);

} // namespace cvmi::emu

#pragma once

// GET Bucket (List Objects), as COS documents it (cloud.tencent.com/document/product/436/7734):
// keys in UTF-8 byte order after `marker` (exclusive) under `prefix`; with a `delimiter`, the keys
// sharing the part up to the first delimiter after the prefix roll up into one CommonPrefixes
// entry; `max-keys` (default and maximum 1000) bounds Contents and CommonPrefixes together; a
// truncated page carries NextMarker, the marker of the next request (also without a delimiter,
// unlike S3); `encoding-type=url` percent-encodes Prefix, Marker, Delimiter, NextMarker, Key and
// each common prefix. Pure: the caller hands over the bucket's objects.
#include "CosStore.h"
#include "HttpExchange.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cvmi::emu {

struct ObjectListingQuery {
    QString prefix;
    QString marker;
    QString delimiter;
    int maxKeys = 1000;
    bool urlEncoded = false;
};

struct ObjectListingPage {
    QList<ObjectInfo> contents;
    QStringList commonPrefixes;
    bool truncated = false;
    QString nextMarker; // truncated only: the last key or common prefix of this page
};

class CosObjectListing {
public:
    static constexpr int maxKeys = 1000;

    // The query of a GET Bucket request; nullopt with *problem (the InvalidArgument message) for
    // a max-keys that is not a non-negative integer or an encoding-type other than "url".
    static std::optional<ObjectListingQuery> parseQuery(const EmuRequest& request,
                                                        QString* problem);
    // `objects`: every object of the bucket, in any order.
    static ObjectListingPage page(QList<ObjectInfo> objects, const ObjectListingQuery& query);
    static QByteArray resultXml(const QString& bucket, const QString& appId,
                                const ObjectListingQuery& query, const ObjectListingPage& page);
};

} // namespace cvmi::emu

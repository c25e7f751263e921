#pragma once

// "cos://BUCKET-APPID/KEY", the way coscli and the console write an object's place. The bucket
// is checked against COS's naming rule here, so that a typo is explained before any request.
#include "util/Error.h"

#include <QString>
#include <optional>

namespace cvmi::cli {

struct CosAddress {
    QString bucket; // "<name>-<APPID>"
    QString path;   // everything after "BUCKET/", as typed (may be empty or end in '/')

    // The object key for uploading `fileName` here: the path itself, or, when it is empty or
    // ends in '/', the path followed by the file's name.
    QString keyFor(const QString& fileName) const;
    // Whether keyFor() makes the key from the file's name (the path is empty or ends in '/').
    bool keyIsFolder() const { return path.isEmpty() || path.endsWith(u'/'); }
    QString toString() const { return QStringLiteral("cos://") + bucket + u'/' + path; }

    // nullopt with *error (code "cli.destination") saying what is wrong and the right form.
    static std::optional<CosAddress> parse(const QString& text, Error* error);
};

} // namespace cvmi::cli

#pragma once

// COS object keys as the upload checks them before any request, so that a key COS would refuse
// (or store under another name) is explained at once: not empty, not starting with '/' (COS
// would drop it, and the object would not be where the user said), at most 850 bytes of UTF-8
// (COS's limit), no control characters. The wizard and the CLI each say it in their own words.
#include <QString>

namespace cvmi::cloud {

struct ObjectKey {
    static constexpr int maxBytes = 850;
    enum class Problem { None, Empty, LeadingSlash, TooLong, ControlCharacter };
    static Problem check(const QString& key);
};

} // namespace cvmi::cloud

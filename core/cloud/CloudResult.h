#pragma once

// What every client call yields: the value, or the error; the RequestId either way; and the clock
// skew when a call had to be corrected for it (so the UI can say "your clock is N s off").
#include "cloud/CloudError.h"

#include <QString>
#include <optional>

namespace cvmi::cloud {

template <typename T> struct CloudResult {
    T value{};
    CloudError error; // unset on success
    QString requestId;
    std::optional<qint64> clockSkewSeconds; // server minus local, when a retry corrected it

    bool ok() const { return !error.isSet(); }

    template <typename U> CloudResult<U> withValue(U other) const
    {
        return CloudResult<U>{std::move(other), error, requestId, clockSkewSeconds};
    }
};

} // namespace cvmi::cloud

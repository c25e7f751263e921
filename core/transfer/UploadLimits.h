#pragma once

// The upload's three settings and their bounds, in one place for the CLI (--part-size,
// --concurrency, --limit-rate), the settings (AppSettings and its dialog) and the engine
// (PartPlanner, UploadSession). Part sizes are COS's multipart limits (1 MiB .. 5 GiB, the last
// part may be smaller); 32 parts in flight is the engine's own bound; a rate limit is shared by
// every part in flight. Part of cvmi_core (not cvmi_transfer) so that the settings use it without
// linking libcurl.
#include "util/Error.h"

#include <QCoreApplication>

namespace cvmi::transfer {

class UploadLimits {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::UploadLimits)
public:
    static constexpr qint64 MiB = 1024 * 1024;
    static constexpr qint64 minPartSize = MiB;
    static constexpr qint64 maxPartSize = 5LL * 1024 * MiB;
    // What PartPlanner starts from when the part size is automatic (0).
    static constexpr qint64 defaultPartSize = 8 * MiB;
    static constexpr qint64 autoPartSize = 0;

    static constexpr int minConcurrency = 1;
    static constexpr int maxConcurrency = 32;
    static constexpr int defaultConcurrency = 4;

    static constexpr qint64 noRateLimit = 0; // bytes per second; the default
    // Below 1 KiB/s a part cannot finish before the stall timeout (RetrySettings::stallSeconds);
    // the CLI refuses such a rate (the settings only refuse negative ones, as they always did).
    static constexpr qint64 minUsefulRate = 1024;

    // The checks, each with *error ("settings.part_size", "settings.concurrency",
    // "settings.rate_limit") saying what is allowed. A part size of 0 is automatic; a rate
    // limit of 0 is none.
    static bool checkPartSize(qint64 bytes, Error* error);
    static bool checkConcurrency(int parts, Error* error);
    static bool checkRateLimit(qint64 bytesPerSecond, Error* error);

    // The same checks without a message, for values read back (a hand-edited file) and clamps.
    static bool partSizeInRange(qint64 bytes)
    {
        return bytes >= minPartSize && bytes <= maxPartSize;
    }
    static bool concurrencyInRange(int parts)
    {
        return parts >= minConcurrency && parts <= maxConcurrency;
    }
    // Parts in flight as the engine runs them: a value out of range is pulled into it.
    static int boundedConcurrency(int parts)
    {
        return qBound(minConcurrency, parts, maxConcurrency);
    }
};

} // namespace cvmi::transfer

#include "transfer/UploadLimits.h"

namespace cvmi::transfer {

bool UploadLimits::checkPartSize(qint64 bytes, Error* error)
{
    if (bytes == autoPartSize || partSizeInRange(bytes))
        return true;
    return fail(error, QStringLiteral("settings.part_size"),
                tr("A part size of %1 bytes is outside COS's limits: use 0 (chosen from the "
                   "file size) or 1 MiB to 5 GiB.")
                    .arg(bytes));
}

bool UploadLimits::checkConcurrency(int parts, Error* error)
{
    if (concurrencyInRange(parts))
        return true;
    return fail(error, QStringLiteral("settings.concurrency"),
                tr("%1 parallel uploads is not possible: use 1 to %2 (default %3).")
                    .arg(parts)
                    .arg(maxConcurrency)
                    .arg(defaultConcurrency));
}

bool UploadLimits::checkRateLimit(qint64 bytesPerSecond, Error* error)
{
    if (bytesPerSecond >= 0)
        return true;
    return fail(error, QStringLiteral("settings.rate_limit"),
                tr("A rate limit of %1 bytes per second is negative: use 0 for no limit.")
                    .arg(bytesPerSecond));
}

} // namespace cvmi::transfer

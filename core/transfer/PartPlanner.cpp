#include "transfer/PartPlanner.h"

namespace cvmi::transfer {

std::optional<PartPlan> PartPlanner::plan(qint64 fileSize, qint64 requestedPartSize,
                                          qint64 singlePutThreshold, Error* error,
                                          qint64 minimumPart)
{
    if (fileSize < 0) {
        fail(error, QStringLiteral("upload.part_size"),
             tr("The file size %1 is not valid.").arg(fileSize));
        return std::nullopt;
    }
    if (fileSize > maxParts * maxPartSize) {
        fail(error, QStringLiteral("upload.too_large"),
             tr("The file has %1 bytes; COS accepts at most 10,000 parts of 5 GiB (48.8 TiB) in "
                "one object.")
                 .arg(fileSize));
        return std::nullopt;
    }
    qint64 partSize = requestedPartSize;
    if (partSize == 0) {
        // The smallest whole number of MiB that keeps the count within 10,000.
        const qint64 needed = (fileSize + maxParts - 1) / maxParts;
        partSize = qMax(defaultPartSize, (needed + MiB - 1) / MiB * MiB);
    }
    if (partSize < minimumPart || partSize > maxPartSize) {
        fail(error, QStringLiteral("upload.part_size"),
             tr("The part size %1 bytes is outside COS's limits: choose between %2 bytes (1 MiB) "
                "and %3 bytes (5 GiB).")
                 .arg(partSize)
                 .arg(minimumPart)
                 .arg(maxPartSize));
        return std::nullopt;
    }
    const qint64 count = fileSize == 0 ? 1 : (fileSize + partSize - 1) / partSize;
    PartPlan plan;
    plan.fileSize = fileSize;
    plan.partSize = partSize;
    const qint64 threshold = singlePutThreshold < 0 ? partSize : singlePutThreshold;
    if (fileSize <= threshold && fileSize <= maxPartSize) {
        plan.singlePut = true;
        plan.partSize = qMax<qint64>(fileSize, 1);
        plan.partCount = 1;
        return plan;
    }
    if (count > maxParts) {
        fail(error, QStringLiteral("upload.part_size"),
             tr("A part size of %1 bytes would cut this %2-byte file into %3 parts; COS allows "
                "10,000. Choose a part size of at least %4 bytes, or leave it automatic.")
                 .arg(partSize)
                 .arg(fileSize)
                 .arg(count)
                 .arg((fileSize + maxParts - 1) / maxParts));
        return std::nullopt;
    }
    plan.partCount = int(count);
    return plan;
}

std::optional<qint64> PartPlanner::streamPartSize(qint64 maxLength, qint64 headerSize,
                                                  qint64 requestedPartSize, Error* error,
                                                  qint64 minimumPart)
{
    if (maxLength > maxParts * maxPartSize) {
        fail(error, QStringLiteral("upload.too_large"),
             tr("The converted disk may have up to %1 bytes; COS accepts at most 10,000 parts of "
                "5 GiB (48.8 TiB) in one object.")
                 .arg(maxLength));
        return std::nullopt;
    }
    const qint64 needed = qMax(qMax<qint64>(minimumPart, headerSize),
                               (qMax<qint64>(0, maxLength) + maxParts - 1) / maxParts);
    qint64 partSize = requestedPartSize;
    if (partSize == 0)
        partSize = qMax(defaultPartSize, (needed + MiB - 1) / MiB * MiB);
    if (partSize < needed || partSize > maxPartSize) {
        fail(error, QStringLiteral("upload.part_size"),
             tr("A part size of %1 bytes does not fit this converted disk: choose between %2 and "
                "%3 bytes (5 GiB), or leave it automatic.")
                 .arg(partSize)
                 .arg(needed)
                 .arg(maxPartSize));
        return std::nullopt;
    }
    return partSize;
}

} // namespace cvmi::transfer

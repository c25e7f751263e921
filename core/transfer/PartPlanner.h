#pragma once

// How a file is cut into parts, within COS's multipart limits: at most 10,000 parts, each at
// least 1 MiB except the last, at most 5 GiB. The automatic size starts at 8 MiB (few enough
// requests on a fast line, small enough that a retried part costs seconds) and grows in whole
// MiB only when the file would otherwise need more than 10,000 parts.
#include "transfer/UploadLimits.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <optional>

namespace cvmi::transfer {

// One part of the file: its number (1-based, as COS counts) and its bytes' place.
struct PartRange {
    int number = 0;
    qint64 offset = 0;
    qint64 length = 0;
};

struct PartPlan {
    qint64 fileSize = 0;
    qint64 partSize = 0;
    int partCount = 0;      // 1 for a single PUT
    bool singlePut = false; // the whole file in one PutObject

    qint64 offsetOf(int partNumber) const { return qint64(partNumber - 1) * partSize; }
    qint64 lengthOf(int partNumber) const
    {
        return qMin(partSize, fileSize - offsetOf(partNumber));
    }
};

class PartPlanner {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::PartPlanner)
public:
    static constexpr int maxParts = 10000;
    static constexpr qint64 MiB = UploadLimits::MiB;
    static constexpr qint64 minPartSize = UploadLimits::minPartSize;
    static constexpr qint64 maxPartSize = UploadLimits::maxPartSize;
    static constexpr qint64 defaultPartSize = UploadLimits::defaultPartSize;

    // requestedPartSize 0: automatic. singlePutThreshold < 0: files up to one part go in one PUT.
    // minimumPart lowers the 1 MiB floor (tests only; COS itself refuses smaller parts).
    // nullopt with *error ("upload.part_size", "upload.too_large") when no plan fits.
    static std::optional<PartPlan> plan(qint64 fileSize, qint64 requestedPartSize,
                                        qint64 singlePutThreshold, Error* error,
                                        qint64 minimumPart = minPartSize);

    // The part size of a converted upload, whose length is known only when its stream ends:
    // large enough that even `maxLength` bytes (an incompressible disk) fit in 10,000 parts and
    // that the first part holds the whole header region (`headerSize`), which is sent last.
    // requestedPartSize 0: automatic (8 MiB or more, in whole MiB); a requested size below what
    // fits is refused (*error "upload.part_size").
    static std::optional<qint64> streamPartSize(qint64 maxLength, qint64 headerSize,
                                                qint64 requestedPartSize, Error* error,
                                                qint64 minimumPart = minPartSize);
};

} // namespace cvmi::transfer

#pragma once

// When ImportImage answers without an ImageId (older API descriptions list only RequestId in its
// answer), the new image is found by its name: DescribeImages filtered by image-name (a fuzzy
// filter: any name containing the value) and image-type PRIVATE_IMAGE; here, the image whose
// ImageName is exactly the one sent, created at or after the call, the newest when several are.
#include "cloud/CvmClient.h"

#include <optional>

namespace cvmi::importrun {

class ImportedImageSearch {
public:
    // An image created up to this long before our time of the call still counts: CVM accepts
    // signatures up to 300 s off its clock, so our clock may be that far from the service's one
    // (CreatedTime) without having been corrected.
    static constexpr qint64 clockSlackSeconds = 300;
    // The search is asked this many times (the image may not be listed at once), at the
    // runner's polling intervals.
    static constexpr int attempts = 5;
    static constexpr int pageSize = 100;

    static QList<cloud::CvmFilter> filters(const QString& imageName);

    // The image of ours among `images`: ImageName equal to `imageName`, CreatedTime at or after
    // `notBefore` (Unix seconds), the newest one.
    static std::optional<cloud::CvmImage> pick(const QList<cloud::CvmImage>& images,
                                               const QString& imageName, qint64 notBefore);

    // CreatedTime ("2026-12-05T08:49:37Z") in Unix seconds; nothing when unreadable.
    static std::optional<qint64> createdTime(const cloud::CvmImage& image);
};

} // namespace cvmi::importrun

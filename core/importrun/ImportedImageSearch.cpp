#include "importrun/ImportedImageSearch.h"

#include <QDateTime>

namespace cvmi::importrun {

QList<cloud::CvmFilter> ImportedImageSearch::filters(const QString& imageName)
{
    return {{QStringLiteral("image-name"), {imageName}},
            {QStringLiteral("image-type"), {QStringLiteral("PRIVATE_IMAGE")}}};
}

std::optional<qint64> ImportedImageSearch::createdTime(const cloud::CvmImage& image)
{
    const QDateTime time = QDateTime::fromString(image.createdTime, Qt::ISODate);
    if (image.createdTime.isEmpty() || !time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch();
}

std::optional<cloud::CvmImage> ImportedImageSearch::pick(const QList<cloud::CvmImage>& images,
                                                         const QString& imageName, qint64 notBefore)
{
    std::optional<cloud::CvmImage> best;
    qint64 bestTime = 0;
    for (const cloud::CvmImage& image : images) {
        const std::optional<qint64> created = createdTime(image);
        // An image without a readable creation time cannot be told from an older one.
        if (image.imageName != imageName || !created || *created < notBefore)
            continue;
        if (!best || *created > bestTime) {
            best = image;
            bestTime = *created;
        }
    }
    return best;
}

} // namespace cvmi::importrun

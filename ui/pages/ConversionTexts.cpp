#include "pages/ConversionTexts.h"

#include "util/Units.h"

#include <QFileInfo>
#include <QLocale>

namespace cvmi::ui {

namespace {

constexpr uint64_t kClusterBytes = 64 * 1024; // the stream's cluster (Qcow2Stream.h)

} // namespace

QString ConversionTexts::sizeText(uint64_t bytes)
{
    // One unit with its number: a wrapped line never leaves "362.8" at the end of one line and
    // "KiB" at the start of the next.
    return formatBytes(bytes).replace(u' ', QChar::Nbsp);
}

QString ConversionTexts::estimateLine(const convert::Qcow2Estimate& e)
{
    const QString figures = tr("Sent as a compressed qcow2: about %1 instead of %2 (an estimate "
                               "from the disk's map and a sample)")
                                .arg(sizeText(e.estimatedBytes), sizeText(e.fileSize));
    if (e.worthConverting())
        return figures + u'.';
    return tr("%1: too little saved to be worth it, so the file is sent as it is unless you "
              "choose otherwise on the Upload page.")
        .arg(figures);
}

QString ConversionTexts::estimateDetails(const convert::Qcow2Estimate& e)
{
    const int dataClusters = qMax(0, e.sampledClusters - e.sampledZeroClusters);
    const uint64_t sampledIn = uint64_t(dataClusters) * kClusterBytes;
    const QString compression =
        sampledIn > 0 ? tr("the other %1 sampled clusters became %2% of their size")
                            .arg(QLocale().toString(dataClusters),
                                 QLocale().toString(
                                     100.0 * double(e.sampledBytesOut) / double(sampledIn), 'f', 0))
                      : tr("no sampled cluster held data");
    return tr("The disk is %1 as the guest sees it; its map holds %2 of data, the rest is empty "
              "space that is left out. Of %3 clusters of 64 KiB read as a sample, %4 were all "
              "zeros; %5. The real size is known when the upload ends.")
        .arg(sizeText(e.virtualSize), sizeText(e.mappedBytes),
             QLocale().toString(e.sampledClusters), QLocale().toString(e.sampledZeroClusters),
             compression);
}

QString ConversionTexts::convertNote(const SendEstimate& s, bool estimating,
                                     const QString& requiredFormat)
{
    const QString what =
        requiredFormat.isEmpty()
            ? tr("Empty space is left out and the data compressed while it is sent, with no "
                 "copy on this computer; Tencent Cloud imports qcow2.")
            : tr("Tencent Cloud does not import %1 as it is, so this image is always sent as a "
                 "qcow2, made while it is sent with no copy on this computer.")
                  .arg(requiredFormat);
    if (s.isValid())
        return tr("%1 About %2 instead of %3 (an estimate).")
            .arg(what, sizeText(s.estimate->estimatedBytes), sizeText(s.estimate->fileSize));
    if (estimating)
        return tr("%1 Estimating how much that saves…").arg(what);
    if (!s.error.isEmpty())
        return tr("%1 How much that saves could not be estimated: %2").arg(what, s.error);
    return what;
}

} // namespace cvmi::ui

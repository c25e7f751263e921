#pragma once

#include "controllers/SendEstimator.h"

#include "transfer/UploadJob.h"

#include <QCoreApplication>
#include <QString>

namespace cvmi::ui {

// The words of a converted upload (issue 16: the image sent as a compressed, sparse qcow2 made
// while uploading), shared by the Image page (the estimate's line) and the Upload page (its
// checkbox and note), so that they say the same thing. The key a converted upload takes is named
// by transfer/ConvertedUpload.h, for the CLI too.
class ConversionTexts {
    Q_DECLARE_TR_FUNCTIONS(cvmi::ui::ConversionTexts)
public:
    // formatBytes() with a no-break space between the number and its unit.
    static QString sizeText(uint64_t bytes);
    // "Sent as a compressed qcow2: about 3.8 GiB instead of 50.0 GiB (an estimate …)."
    static QString estimateLine(const convert::Qcow2Estimate& estimate);
    // The figures behind it, for a tool tip: data mapped, the sample and what it became.
    static QString estimateDetails(const convert::Qcow2Estimate& estimate);
    // Under the Upload page's checkbox: what converting does and what it saves, or why there is
    // nothing to say (no estimate yet, or none possible).
    // `requiredFormat` ("VHDX", …): the file's format, when the import does not take it as it
    // is and it is always converted.
    static QString convertNote(const SendEstimate& estimate, bool estimating,
                               const QString& requiredFormat = {});
};

} // namespace cvmi::ui

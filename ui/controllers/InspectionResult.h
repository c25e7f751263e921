#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

namespace cvmi::ui {

// What one inspection of one image produced: the facts and the policy's verdict on them.
struct InspectionResult {
    inspect::ImageFacts facts;
    policy::Report report;

    // The image can go on to the upload: it was readable and no rule failed.
    bool importable() const { return !facts.error.isSet() && report.compliant(); }
};

} // namespace cvmi::ui

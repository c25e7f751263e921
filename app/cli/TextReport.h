#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

#include <QTextStream>

namespace cvmi::cli {

// The human-readable report of `cvm-import check`: facts first, then the checklist with the
// evidence and the fix under each line that is not a pass.
void printTextReport(QTextStream& out, const inspect::ImageFacts& facts,
                     const policy::Report& report, bool unicodeSymbols);

} // namespace cvmi::cli

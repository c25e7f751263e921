#pragma once

#include "CliContext.h"

namespace cvmi::cli {

// `cvm-import doctor [--region R] [--json] [--profile NAME] [--cvm-endpoint URL]
// [--cos-endpoint URL]`: the wizard's permission checklist from the command line. Exit 0 when
// every check passed, 1 when one failed, 2 for bad arguments or no usable credentials.
int runDoctor(const CliContext& context);

} // namespace cvmi::cli

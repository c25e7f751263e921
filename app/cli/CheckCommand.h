#pragma once

#include "CliContext.h"

namespace cvmi::cli {

// `cvm-import check IMAGE [--json] [--policy FILE] [--stats]`
int runCheck(const CliContext& context);

} // namespace cvmi::cli

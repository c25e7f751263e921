#pragma once

#include "CliContext.h"

namespace cvmi::cli {

// `cvm-import objects cos://BUCKET-APPID[/PREFIX] [--max N] [--json] [cloud options]`: the
// objects of a bucket (under PREFIX), in key order, each with its size, last modification and
// the ImageUrl to pass to `cvm-import import`, for an image that is in COS already. Pages of
// GET Bucket are read until N objects (default 1000) are listed; when more exist, it says so.
// Exit 0 listed (also none), 2 error.
int runObjects(const CliContext& context);

} // namespace cvmi::cli

#pragma once

#include "CliContext.h"

namespace cvmi::cli {

// `cvm-import uploads [cos://BUCKET-APPID[/PREFIX]] [--abort UPLOAD_ID | --abort-all] [--json]
// [cloud options]`: the local resume records of interrupted uploads and, with a bucket, the
// server's unfinished multipart uploads (parts cost storage until completed or aborted), each
// marked with whether a local record can resume it. --abort/--abort-all abort on the server and
// remove the matching records. Exit 0 done, 2 error.
int runUploads(const CliContext& context);

} // namespace cvmi::cli

#pragma once

// The unfinished multipart uploads of a bucket, and aborting one: what `cvm-import uploads`
// shows and cleans up (orphaned parts cost storage until aborted). One-off calls, each on a
// worker thread (QtConcurrent) with the engine's request layer, transient failures retried a
// few times and a skewed clock corrected, like the engine's own calls.
#include "cloud/CloudResult.h"
#include "transfer/MultipartXml.h"
#include "transfer/UploadJob.h"

#include <QFuture>

namespace cvmi::transfer {

class MultipartAdmin {
public:
    // `destination` names the bucket, region, endpoint and dialect; its key is ignored. Only
    // uploads whose key starts with `prefix` are listed; all pages are read (at most 100,000).
    static QFuture<cloud::CloudResult<QList<PendingUpload>>>
    listPending(const UploadDestination& destination, const cloud::Credentials& credentials,
                const QString& prefix = {});

    static QFuture<cloud::CloudResult<bool>> abort(const UploadDestination& destination,
                                                   const cloud::Credentials& credentials,
                                                   const QString& key, const QString& uploadId);
};

} // namespace cvmi::transfer

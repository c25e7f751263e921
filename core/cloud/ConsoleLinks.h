#pragma once

// Where the Tencent Cloud console shows what the wizard made: the CVM image list of a region, for
// "Open in Console" at the end of an import. The console names regions by a number (rid) in its
// links, not by the API's region id; only numbers confirmed by more than one public source are
// kept here, and any other region opens the image list without one (the console then shows the
// region it remembers, with its region picker at the top).
#include <QString>
#include <QUrl>

#include <optional>

namespace cvmi::cloud {

class ConsoleLinks {
public:
    // The console's number for `region` ("ap-guangzhou" → 1), when known.
    static std::optional<int> regionNumber(const QString& region);
    // https://console.cloud.tencent.com/cvm/image?rid=1&imageType=PRIVATE_IMAGE: the custom
    // images of `region` (without rid when its number is not known).
    static QUrl imageList(const QString& region);
};

} // namespace cvmi::cloud

#include "inspect/Inspector.h"

#include "disk/DiskImageOpener.h"
#include "inspect/GuestInspector.h"

#include <QCoreApplication>
#include <sys/stat.h>

namespace cvmi::inspect {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::Inspector)
};
} // namespace

ImageFacts inspectImage(const util::NativePath& path, const CancelToken& cancel)
{
    ImageFacts facts;
    facts.path = path.display();
    struct stat st {};
    facts.fileSize = ::stat(path.c_str(), &st) == 0 ? uint64_t(std::max<off_t>(0, st.st_size)) : 0;
    auto stats = std::make_shared<disk::ReadStats>();
    const auto cancelled = [&] {
        if (!cancel.isCancelled())
            return false;
        facts.error = Error{QStringLiteral("cancelled"), Text::tr("The inspection was cancelled.")};
        return true;
    };

    auto disk = disk::openDiskImage(path, &facts.error, stats);
    facts.bytesRead = stats->bytesRead.load();
    if (!disk || cancelled())
        return facts;
    facts.format = disk->format();
    facts.subformat = disk->subformat();
    facts.virtualSize = disk->virtualSize();
    facts.containerFindings = disk->findings();

    auto tsk = TskImage::open(*disk, &facts.layoutError);
    facts.layoutKnown = tsk && readDiskLayout(*tsk, &facts.layout, &facts.layoutError);
    if (!facts.layoutKnown)
        facts.layout = DiskLayout{};
    else if (!cancelled())
        inspectGuest(*tsk, facts.layout, &facts.guest, cancel);
    facts.bytesRead = stats->bytesRead.load();
    cancelled();
    return facts;
}

} // namespace cvmi::inspect

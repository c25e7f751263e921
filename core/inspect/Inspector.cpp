#include "inspect/Inspector.h"

#include "disk/DiskImageOpener.h"
#include "disk/UploadFormats.h"
#include "inspect/GuestInspector.h"

#include <QCoreApplication>
#include <sys/stat.h>

namespace cvmi::inspect {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::Inspector)
};

ImageFacts inspectWithin(const util::NativePath& path, InspectionBudget& budget,
                         const CancelToken& cancel);
} // namespace

ImageFacts inspectImage(const util::NativePath& path, const CancelToken& cancel)
{
    return inspectImage(path, InspectOptions{}, cancel);
}

ImageFacts inspectImage(const util::NativePath& path, const InspectOptions& options,
                        const CancelToken& cancel)
{
    InspectionBudget budget(options, cancel);
    ImageFacts facts = inspectWithin(path, budget, cancel);
    facts.limits.timeLimitMs = qint64(budget.timeLimit().count());
    facts.limits.notRead = cancel.isCancelled() ? QStringList() : budget.notRead();
    facts.limits.decompressedBytes = budget.decompressed();
    facts.limits.maxDecompressedBytes = budget.maxDecompressed();
    facts.limits.kernelScans = budget.kernelScans();
    facts.limits.maxKernelScans = budget.maxKernelScans();
    return facts;
}

namespace {

ImageFacts inspectWithin(const util::NativePath& path, InspectionBudget& budget,
                         const CancelToken& cancel)
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
    facts.convertedTo = disk::requiredConversion(facts.format);
    facts.virtualSize = disk->virtualSize();
    facts.containerFindings = disk->findings();

    // The container's header is read whatever the time; the layout and the guest only in time.
    if (budget.expired()) {
        budget.markNotRead(QLatin1String(part::kLayout));
        budget.markNotRead(QLatin1String(part::kOs)); // no layout, no search
        facts.layoutError = Error{QStringLiteral("time_limit"),
                                  Text::tr("The partition table was not read within the time "
                                           "limit.")};
        facts.bytesRead = stats->bytesRead.load();
        cancelled();
        return facts;
    }
    auto tsk = TskImage::open(*disk, &facts.layoutError);
    facts.layoutKnown = tsk && readDiskLayout(*tsk, &facts.layout, &facts.layoutError);
    if (!facts.layoutKnown)
        facts.layout = DiskLayout{};
    else if (!cancelled())
        inspectGuest(*tsk, facts.layout, &facts.guest, budget);
    facts.bytesRead = stats->bytesRead.load();
    cancelled();
    return facts;
}

} // namespace

} // namespace cvmi::inspect

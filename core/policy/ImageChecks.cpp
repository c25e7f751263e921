// Checks on the image file itself: can we read it, is its container accepted, is it whole.
#include "policy/Check.h"

#include "util/Units.h"

#include <QJsonArray>

namespace cvmi::policy {

namespace {

void imageReadable(const CheckInput& in, RuleResult* r)
{
    const auto& f = in.facts;
    if (f.error.isSet()) {
        failRule(
            r, f.error.message,
            Check::tr("Choose a system disk image in raw, qcow2, VHD, VMDK, VHDX or VDI format, "
                      "or an OVA appliance."));
        return;
    }
    pass(r, Check::tr("Opened %1 (%2 on disk).").arg(f.path, formatBytes(f.fileSize)));
}

QString formatLabel(const inspect::ImageFacts& f)
{
    return f.subformat.isEmpty() || f.subformat == f.format
               ? f.format
               : QStringLiteral("%1 (%2)").arg(f.format, f.subformat);
}

void containerFormat(const CheckInput& in, RuleResult* r)
{
    QStringList allowed;
    for (const auto& v : in.params.value(QLatin1String("allowed")).toArray())
        allowed << v.toString();
    if (allowed.contains(in.facts.format)) {
        pass(r,
             Check::tr("The image is %1, which Tencent Cloud imports.").arg(formatLabel(in.facts)));
        return;
    }
    // VHDX, VDI, OVA: read and checked like the others, and converted by the upload.
    const QString target = in.facts.convertedTo;
    if (!target.isEmpty() && allowed.contains(target)) {
        warn(r,
             Check::tr("%1 is not imported as is: it will be converted to %2 during the upload "
                       "(the image is %3).")
                 .arg(in.facts.format.toUpper(), target, formatLabel(in.facts)),
             Check::tr("Nothing to do: the wizard and `cvm-import upload` convert it while "
                       "sending, without a temporary copy. To convert it yourself instead: "
                       "`qemu-img convert -O %1 IMAGE disk.%1`.")
                 .arg(target));
        return;
    }
    failRule(r,
             Check::tr("The image is %1; accepted formats: %2.")
                 .arg(formatLabel(in.facts), allowed.join(u", ")),
             Check::tr("Convert it, e.g. `qemu-img convert -O qcow2 IMAGE disk.qcow2`."));
}

// Backing files, differencing VHDs and VMDK deltas: the file alone is not the whole disk.
void containerFindings(const CheckInput& in, RuleResult* r)
{
    QStringList blockers, warnings;
    for (const auto& finding : in.facts.containerFindings) {
        if (finding.severity == disk::Finding::Severity::Blocker)
            blockers << finding.message;
        else if (finding.severity == disk::Finding::Severity::Warning)
            warnings << finding.message;
    }
    if (!blockers.isEmpty()) {
        failRule(r, blockers.join(u'\n'),
                 Check::tr("Make a self-contained copy first (merge snapshots or flatten with "
                           "`qemu-img convert`), then check that copy."));
    } else if (!warnings.isEmpty()) {
        warn(r, warnings.join(u'\n'), Check::tr("Review the notes above before uploading."));
    } else {
        pass(r,
             Check::tr(
                 "The image is self-contained: no backing file, parent disk or snapshot chain."));
    }
}

const CheckDefinition kImageChecks[] = {
    {"image_readable",
     QT_TRANSLATE_NOOP("cvmi::policy::Check", "Image file is a readable disk image"), false,
     imageReadable, ""},
    {"container_format", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Image format"), true,
     containerFormat, ""},
    {"container_findings", QT_TRANSLATE_NOOP("cvmi::policy::Check", "Self-contained image"), true,
     containerFindings, ""},
};

} // namespace

std::span<const CheckDefinition> imageChecks()
{
    return kImageChecks;
}

} // namespace cvmi::policy

// Repair steps of the boot rules: root= and /etc/fstab by UUID, nofail on what may be absent.
// Every guest value reaches the script through shQuote() (and sedRegex()/sedReplacement() when
// it is part of a sed script): the disk is untrusted.
#include "repair/FixStep.h"
#include "repair/SedText.h"

#include <QRegularExpression>
#include <QSet>

namespace cvmi::repair {

namespace {

using inspect::BootCommandLine;
using inspect::FstabEntry;

const QRegularExpression& oldDeviceName()
{
    static const QRegularExpression re(QStringLiteral("^/dev/(sd|hd|xvd)([a-z]+)p?([0-9]*)$"));
    return re;
}

// The UUID= of partition N of this disk (0: a file system on the whole disk); empty when unknown.
QString partitionUuid(const inspect::DiskLayout& layout, int index)
{
    for (const auto& p : layout.partitions)
        if (p.index == index && !p.uuid.isEmpty())
            return QStringLiteral("UUID=") + p.uuid;
    return {};
}

// The UUID= of the root file system the inspection found.
QString rootUuid(const inspect::ImageFacts& facts)
{
    const auto& g = facts.guest;
    for (const auto& lv : facts.layout.logicalVolumes)
        if (!g.rootVolume.isEmpty() && lv.name() == g.rootVolume && !lv.fsUuid.isEmpty())
            return QStringLiteral("UUID=") + lv.fsUuid;
    return g.rootVolume.isEmpty() ? partitionUuid(facts.layout, g.rootPartition) : QString();
}

// What a bad root= becomes: partition N's UUID for /dev/sdXN, the root's UUID for a UUID or
// label that matches nothing. Empty when it cannot be told (or the value is fine).
QString newRoot(const inspect::ImageFacts& facts, const QString& root, const QString& evidence)
{
    if (const auto m = oldDeviceName().match(root); m.hasMatch())
        return partitionUuid(facts.layout, m.captured(3).toInt());
    // The check named it as matching nothing: "root=VALUE (" is in its evidence.
    if (evidence.contains(QStringLiteral("root=%1 (").arg(root)) && !root.startsWith(u'/'))
        return rootUuid(facts);
    return {};
}

// Body of one guarded sed edit of FILE: replaces root=OLD by root=NEW.
// `track`: remember the edit, for the regeneration of grub.cfg after it.
QString rootEdit(const QString& file, const QString& oldRoot, const QString& replacement,
                 bool track)
{
    const QString word = QStringLiteral("([[:space:]\"']|$)");
    const QString pattern = QStringLiteral("root=") + sedRegex(oldRoot) + word;
    const QString script =
        QStringLiteral("s/%1/root=%2\\1/g").arg(pattern, sedReplacement(replacement));
    const QString shown =
        QStringLiteral("root=%1 -> root=%2 in %3").arg(oldRoot, replacement, file);
    return QStringLiteral("f=\"$ROOT\"%1\n"
                          "if [ -f \"$f\" ] && grep -q -E %2 \"$f\"; then\n"
                          "    change %3 sed_file \"$f\" %4\n"
                          "%6"
                          "else\n"
                          "    already %5\n"
                          "fi\n")
        .arg(shQuote(file), shQuote(pattern), shQuote(shown), shQuote(script),
             shQuote(QStringLiteral("no root=%1 in %2").arg(oldRoot, file)),
             track ? QStringLiteral("    boot_edited=1\n") : QString());
}

// grubenv is a fixed-size block: only grub2-editenv may rewrite it.
QString grubenvEdit(const BootCommandLine& c, const QString& oldRoot, const QString& replacement)
{
    QString command = c.command;
    command.replace(
        QRegularExpression(
            QStringLiteral("(^|\\s)root=%1(?=\\s|$)").arg(QRegularExpression::escape(oldRoot))),
        QStringLiteral("\\1root=") + replacement);
    const QString pattern = QStringLiteral("^kernelopts=(.*[[:space:]])?root=") +
                            sedRegex(oldRoot) + QStringLiteral("([[:space:]]|$)");
    return QStringLiteral("f=\"$ROOT\"%1\n"
                          "if [ -f \"$f\" ] && grep -q -E %2 \"$f\"; then\n"
                          "    if guest_has grub2-editenv; then\n"
                          "        change %3 guest_run grub2-editenv %1 set %4\n"
                          "    elif guest_has grub-editenv; then\n"
                          "        change %3 guest_run grub-editenv %1 set %4\n"
                          "    else\n"
                          "        note %5\n"
                          "    fi\n"
                          "else\n"
                          "    already %6\n"
                          "fi\n")
        .arg(shQuote(c.source), shQuote(pattern),
             shQuote(QStringLiteral("kernelopts root=%1 -> root=%2 in %3")
                         .arg(oldRoot, replacement, c.source)),
             shQuote(QStringLiteral("kernelopts=") + command),
             shQuote(QStringLiteral("no grub2-editenv in the guest: set kernelopts in %1 by hand")
                         .arg(c.source)),
             shQuote(QStringLiteral("no root=%1 in %2").arg(oldRoot, c.source)));
}

// grub.cfg is generated: after an edit, regenerate it with the guest's own tool.
QString regenerate(const QString& grubCfg)
{
    // GRUB_DISABLE_LINUX_UUID=true makes grub-mkconfig write root=/dev/sdXN again.
    return QStringLiteral(
               "if [ \"$boot_edited\" = 1 ]; then\n"
               "    f=\"$ROOT\"/etc/default/grub\n"
               "    if [ \"$(conf_value \"$f\" GRUB_DISABLE_LINUX_UUID)\" = true ]; then\n"
               "        set_conf \"$f\" GRUB_DISABLE_LINUX_UUID false\n"
               "    fi\n"
               "    if guest_has grub2-mkconfig; then\n"
               "        change %1 guest_run grub2-mkconfig -o %2\n"
               "    elif guest_has grub-mkconfig; then\n"
               "        change %1 guest_run grub-mkconfig -o %2\n"
               "    elif guest_has update-grub; then\n"
               "        change %1 guest_run update-grub\n"
               "    else\n"
               "        note %3\n"
               "    fi\n"
               "fi\n")
        .arg(shQuote(QStringLiteral("regenerate %1").arg(grubCfg)), shQuote(grubCfg),
             shQuote(QStringLiteral("%1 was edited in place: no grub2-mkconfig, grub-mkconfig or "
                                    "update-grub in the guest to regenerate it")
                         .arg(grubCfg)));
}

QList<FixStep> rootArgumentSteps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                                 QString* manual)
{
    QString grubCfg;
    for (const BootCommandLine& c : facts.guest.bootCommandLines)
        if (c.kind == QLatin1String("grub.cfg") && grubCfg.isEmpty())
            grubCfg = c.source;
    QString code = grubCfg.isEmpty() ? QString() : QStringLiteral("boot_edited=0\n");
    QSet<QString> done;
    bool any = false;
    for (const BootCommandLine& c : facts.guest.bootCommandLines) {
        const QString replacement =
            c.root.isEmpty() ? QString() : newRoot(facts, c.root, rule.evidence);
        const QString key = c.source + u'\n' + c.root;
        // grubenv holds it (its own edit), not the BLS entry that says $kernelopts.
        if (replacement.isEmpty() || done.contains(key) || c.fromKernelopts)
            continue;
        done.insert(key);
        any = true;
        code += c.kind == QLatin1String("grubenv")
                    ? grubenvEdit(c, c.root, replacement)
                    : rootEdit(c.source, c.root, replacement, !grubCfg.isEmpty());
    }
    if (!any) {
        *manual = Fix::tr("The root file system's UUID could not be told from this disk: set "
                          "root=UUID=... (see `blkid`) on the kernel command line by hand.");
        return {};
    }
    if (!grubCfg.isEmpty())
        code += regenerate(grubCfg);
    return {{Fix::tr("root= by UUID in the boot loader configuration"), code}};
}

// The system disk's name in the source VM ("sda"): from root= or the / entry of fstab.
QString systemDisk(const inspect::GuestFacts& g)
{
    QStringList specs;
    for (const BootCommandLine& c : g.bootCommandLines)
        specs << c.root;
    for (const FstabEntry& e : g.fstab)
        if (e.mountPoint == QLatin1String("/"))
            specs << e.spec;
    for (const QString& spec : std::as_const(specs))
        if (const auto m = oldDeviceName().match(spec); m.hasMatch())
            return m.captured(1) + m.captured(2);
    return {};
}

QList<FixStep> fstabDeviceSteps(const inspect::ImageFacts& facts, const policy::RuleResult&,
                                QString* manual)
{
    const QString disk = systemDisk(facts.guest);
    QString code;
    for (const FstabEntry& e : facts.guest.fstab) {
        const auto m = oldDeviceName().match(e.spec);
        const QString name = m.captured(1) + m.captured(2);
        // Another disk (sdb) is not imported: fstab_nofail makes it optional instead.
        if (!m.hasMatch() || (disk.isEmpty() ? m.captured(2) != QLatin1String("a") : name != disk))
            continue;
        const QString uuid = partitionUuid(facts.layout, m.captured(3).toInt());
        if (uuid.isEmpty())
            continue;
        const QString pattern =
            QStringLiteral("^([[:space:]]*)") + sedRegex(e.spec) + QStringLiteral("([[:space:]])");
        code +=
            QStringLiteral("f=\"$ROOT\"/etc/fstab\n"
                           "if [ -f \"$f\" ] && grep -q -E %1 \"$f\"; then\n"
                           "    change %2 sed_file \"$f\" %3\n"
                           "else\n"
                           "    already %4\n"
                           "fi\n")
                .arg(shQuote(pattern),
                     shQuote(QStringLiteral("%1 -> %2 in /etc/fstab (%3)")
                                 .arg(e.spec, uuid, e.mountPoint)),
                     shQuote(QStringLiteral("s/%1/\\1%2\\2/").arg(pattern, sedReplacement(uuid))),
                     shQuote(QStringLiteral("no %1 in /etc/fstab").arg(e.spec)));
    }
    if (code.isEmpty()) {
        *manual = Fix::tr("The disks /etc/fstab names by device are not partitions of this disk: "
                          "name them by UUID by hand, or add nofail.");
        return {};
    }
    return {{Fix::tr("/etc/fstab by UUID"), code}};
}

// The /etc/fstab lines the check named in its evidence ("/etc/fstab:12: ...").
QList<FstabEntry> namedEntries(const inspect::ImageFacts& facts, const policy::RuleResult& rule)
{
    static const QRegularExpression lineRef(QStringLiteral("/etc/fstab:([0-9]+):"));
    QSet<int> lines;
    for (auto it = lineRef.globalMatch(rule.evidence); it.hasNext();)
        lines.insert(it.next().captured(1).toInt());
    QList<FstabEntry> out;
    for (const FstabEntry& e : facts.guest.fstab)
        if (lines.contains(e.line))
            out << e;
    return out;
}

// A spec as /etc/fstab writes it: blanks and backslashes as octal escapes (\040), as the parser
// decoded them.
QString fstabField(const QString& value)
{
    QString out;
    for (const QChar c : value) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\\')
            out += QStringLiteral("\\%1").arg(c.unicode(), 3, 8, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString addNofail(const FstabEntry& e)
{
    const QString at = QString::number(e.line);
    const QString script =
        e.options.isEmpty()
            ? at + QStringLiteral("s/[[:space:]]*$/ defaults,nofail/")
            : at + QStringLiteral("s/^([[:space:]]*[^[:space:]]+[[:space:]]+[^[:space:]]+"
                                  "[[:space:]]+[^[:space:]]+[[:space:]]+)([^[:space:]]+)/"
                                  "\\1\\2,nofail/");
    return QStringLiteral(
               "f=\"$ROOT\"/etc/fstab\n"
               "if [ -f \"$f\" ] && sed -n %1 \"$f\" | grep -q -E %2 &&\n"
               "    ! sed -n %1 \"$f\" | grep -q -E '[[:space:],]nofail([[:space:],]|$)'; then\n"
               "    change %3 sed_file \"$f\" %4\n"
               "else\n"
               "    already %5\n"
               "fi\n")
        .arg(shQuote(at + u'p'),
             shQuote(QStringLiteral("^[[:space:]]*") + sedRegex(fstabField(e.spec)) +
                     QStringLiteral("[[:space:]]")),
             shQuote(QStringLiteral("nofail for %1 %2 (/etc/fstab line %3)")
                         .arg(e.spec, e.mountPoint, at)),
             shQuote(script),
             shQuote(QStringLiteral("%1 %2 has nofail").arg(e.spec, e.mountPoint)));
}

QList<FixStep> nofailSteps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                           QString* manual)
{
    QString code;
    QStringList fixedElsewhere;
    for (const FstabEntry& e : namedEntries(facts, rule)) {
        if (e.mountPoint == QLatin1String("/") || e.mountPoint == QLatin1String("/boot"))
            fixedElsewhere << e.mountPoint;
        else
            code += addNofail(e);
    }
    if (!fixedElsewhere.isEmpty() && code.isEmpty()) {
        *manual = Fix::tr("/etc/fstab names %1 by a UUID or label that is on no file system of "
                          "this disk: correct it by hand (see `blkid`).")
                      .arg(fixedElsewhere.join(QStringLiteral(", ")));
        return {};
    }
    if (!fixedElsewhere.isEmpty())
        code += QStringLiteral("note %1\n")
                    .arg(shQuote(QStringLiteral("/etc/fstab: correct the entry of %1 by hand (see "
                                                "blkid)")
                                     .arg(fixedElsewhere.join(QStringLiteral(", ")))));
    if (code.isEmpty())
        return {};
    return {{Fix::tr("nofail on mounts that may be absent (/etc/fstab)"), code}};
}

const StepDefinition kSteps[] = {
    {"boot_root_argument", rootArgumentSteps},
    {"fstab_device_names", fstabDeviceSteps},
    {"fstab_identifiers", nofailSteps},
    {"fstab_nofail", nofailSteps},
};

} // namespace

std::span<const StepDefinition> linuxBootSteps()
{
    return kSteps;
}

} // namespace cvmi::repair

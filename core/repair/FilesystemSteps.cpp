// Steps for the file system state rules (policy/FilesystemChecks.cpp). Most of these problems
// cannot be fixed from inside the running system: errors need e2fsck on the unmounted file
// system, a journal to replay needs a clean shutdown, features need tune2fs offline. What the
// running system can do is schedule the check for its next boot and empty its package cache.
#include "inspect/ExtSuperblock.h"
#include "repair/FixStep.h"

namespace cvmi::repair {

namespace {

using inspect::ExtFsState;

// The ext state of the root and of a separate /boot, as the layout reader found them.
QList<const ExtFsState*> guestExtStates(const inspect::ImageFacts& facts)
{
    const auto& g = facts.guest;
    QList<const ExtFsState*> out;
    const auto add = [&](int partition, const QString& volume) {
        if (!volume.isEmpty()) {
            for (const auto& lv : facts.layout.logicalVolumes)
                if (lv.name() == volume && lv.ext.read)
                    out << &lv.ext;
            return;
        }
        for (const auto& p : facts.layout.partitions)
            if (p.index == partition && p.ext.read)
                out << &p.ext;
    };
    if (g.rootPartition >= 0 || !g.rootVolume.isEmpty())
        add(g.rootPartition, g.rootVolume);
    if (g.bootPartition >= 0 || !g.bootVolume.isEmpty())
        add(g.bootPartition, g.bootVolume);
    return out;
}

// Errors recorded: the check must run on the unmounted file system, which the running system
// cannot do for its own root; it can ask for it at the next boot. /forcefsck is the request
// every init of the supported distributions honours: SysV rc.sysinit (CentOS 6) and
// checkroot.sh (Debian), upstart's mountall (Ubuntu 14.04), and systemd-fsck when built with
// SysV compatibility (CentOS 7/8, Debian, Ubuntu; it logs that fsck.mode=force is preferred).
// fsck.mode=force itself lives on the kernel command line, which would have to be edited and
// then restored: not a change this script should leave behind. The file is removed by the
// boot scripts once the check ran (systemd leaves it: the note says to remove it).
QList<FixStep> filesystemCleanSteps(const inspect::ImageFacts& facts,
                                    const policy::RuleResult& rule, QString* manual)
{
    Q_UNUSED(rule);
    bool errors = false;
    for (const ExtFsState* e : guestExtStates(facts))
        errors = errors || (e->state & inspect::kExtStateErrors) || e->errorCount > 0;
    if (!errors) {
        // Only a journal to replay: booting once and shutting down cleanly is the whole fix.
        *manual = Fix::tr("Boot the source VM once and shut it down cleanly (the journal is "
                          "replayed at mount), then export the disk again.");
        return {};
    }
    FixStep step;
    step.title = Fix::tr("force a file system check at the next boot (/forcefsck)");
    step.code =
        QStringLiteral("if [ -e \"$ROOT/forcefsck\" ]; then\n"
                       "    already %1\n"
                       "else\n"
                       "    change %2 touch \"$ROOT/forcefsck\"\n"
                       "fi\n"
                       "note %3\n")
            .arg(shQuote(Fix::tr("/forcefsck exists: the next boot checks the file systems")),
                 shQuote(Fix::tr("create /forcefsck: the next boot checks the file systems")),
                 shQuote(Fix::tr("reboot now so fsck repairs the errors (on systemd without "
                                 "SysV compatibility, add fsck.mode=force to the kernel command "
                                 "line for that boot instead), then delete /forcefsck if it is "
                                 "still there, shut down cleanly and export the disk again; a "
                                 "root with fsck pass 0 in /etc/fstab is never checked at boot: "
                                 "run e2fsck -f from a rescue system then")));
    return {step};
}

// A cache directory of each package manager, and the command that empties it. The step runs
// the command only when the guest has it and its cache holds packages or repository metadata
// (what the command removes: the bookkeeping files it leaves would make every run change again).
struct PackageCache {
    const char* program;
    const char* directory;
    const char* clean; // the arguments after the program
};
constexpr PackageCache kCaches[] = {
    {"dnf", "/var/cache/dnf", "clean all"},
    {"yum", "/var/cache/yum", "clean all"},
    {"apt-get", "/var/cache/apt/archives", "clean"},
    {"zypper", "/var/cache/zypp/packages", "clean --all"},
};

// The package managers of the guest's distribution family (the Red Hat family's for others).
bool cacheOfDistro(const PackageCache& cache, const QString& distro)
{
    const QLatin1String program(cache.program);
    if (distro == QLatin1String("debian") || distro == QLatin1String("ubuntu"))
        return program == QLatin1String("apt-get");
    if (distro.startsWith(QLatin1String("opensuse")) || distro == QLatin1String("sles"))
        return program == QLatin1String("zypper");
    return program == QLatin1String("dnf") || program == QLatin1String("yum");
}

QList<FixStep> rootFreeSpaceSteps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                                  QString* manual)
{
    Q_UNUSED(rule);
    QStringList blocks;
    for (const PackageCache& c : kCaches) {
        if (!cacheOfDistro(c, facts.guest.distro))
            continue;
        const QString program = QString::fromLatin1(c.program);
        const QString dir = QString::fromLatin1(c.directory);
        QStringList args;
        for (const QString& a : QString::fromLatin1(c.clean).split(u' '))
            args << shQuote(a);
        blocks << QStringLiteral(
                      "if guest_has %1; then\n"
                      "    if [ -d \"$ROOT\"%2 ] && [ -n \"$(find \"$ROOT\"%2 -type f \\( -name "
                      "'*.rpm' -o -name '*.drpm' -o -name '*.deb' -o -name '*.sqlite*' -o -name "
                      "'*.solv*' -o -name '*.xml*' \\) 2>/dev/null | head -n 1)\" ]; then\n"
                      "        change %3 guest_run %1 %4\n"
                      "    else\n"
                      "        already %5\n"
                      "    fi\n"
                      "fi\n")
                      .arg(shQuote(program), shQuote(dir),
                           shQuote(Fix::tr("empty the package cache (%1 %2)")
                                       .arg(program, QString::fromLatin1(c.clean))),
                           args.join(u' '),
                           shQuote(Fix::tr("the package cache %1 is empty").arg(dir)));
    }
    FixStep step;
    step.title = Fix::tr("empty the package manager's cache");
    step.code =
        blocks.join(QString()) +
        QStringLiteral("note %1\n")
            .arg(shQuote(Fix::tr("if / is still short of space, remove old kernels and logs "
                                 "(journalctl --vacuum-size=100M, /var/log/*.gz) or grow the disk "
                                 "and the file system")));
    *manual = QString();
    return {step};
}

QList<FixStep> extFeaturesSteps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                                QString* manual)
{
    Q_UNUSED(facts);
    Q_UNUSED(rule);
    *manual = Fix::tr("File system features can only be changed on the unmounted file system "
                      "(tune2fs -O ^FEATURE DEVICE, then e2fsck -f DEVICE, from a rescue "
                      "system); most matter only if an old e2fsprogs will write the disk.");
    return {};
}

const StepDefinition kSteps[] = {
    {"filesystem_clean", filesystemCleanSteps},
    {"root_free_space", rootFreeSpaceSteps},
    {"ext_features", extFeaturesSteps},
};

} // namespace

std::span<const StepDefinition> filesystemSteps()
{
    return kSteps;
}

} // namespace cvmi::repair

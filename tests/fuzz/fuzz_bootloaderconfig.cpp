// libFuzzer target: the boot loader configuration parsers (grub.cfg, grubenv, BLS entry, GRUB
// legacy menu.lst, /etc/default/grub, root= of a command line), each fed the same arbitrary
// bytes, then the whole reader over a guest holding those bytes in every such file (with and
// without a separate /boot), and the boot rules' repair steps on what it found, so the
// substitution of $kernelopts and the sed escaping run too. Nothing may crash, hang or throw.
#include "inspect/BootLoaderConfig.h"
#include "inspect/MemoryGuestFs.h"
#include "repair/FixStep.h"
#include "repair/SedText.h"

#include <QByteArray>

#include <cstdint>

using namespace cvmi;
using namespace cvmi::inspect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A copy of exactly `size` bytes, so AddressSanitizer sees any read past the end.
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString source = QStringLiteral("/boot/grub2/grub.cfg");
    (void)bootconfig::parseGrubCfg(bytes, source);
    (void)bootconfig::parseGrubEnv(bytes, source);
    (void)bootconfig::parseBlsEntry(bytes, source, QString::fromUtf8(bytes));
    (void)bootconfig::parseMenuLst(bytes, source);
    (void)bootconfig::parseDefaultGrub(bytes, source);
    (void)bootconfig::rootArgument(QString::fromUtf8(bytes));
    (void)repair::sedRegex(QString::fromUtf8(bytes));
    (void)repair::sedReplacement(QString::fromUtf8(bytes));

    MemoryGuestFs root, boot;
    for (const char* path :
         {"/boot/grub2/grub.cfg", "/boot/grub/grub.cfg", "/boot/efi/EFI/centos/grub.cfg",
          "/boot/grub2/grubenv", "/boot/loader/entries/a.conf", "/boot/grub/menu.lst",
          "/etc/default/grub"}) {
        root.addFile(QLatin1String(path), bytes);
        if (QLatin1String(path).startsWith(QLatin1String("/boot/")))
            boot.addFile(QLatin1String(path).mid(5), bytes);
    }
    for (GuestFs* bootFs : {static_cast<GuestFs*>(nullptr), static_cast<GuestFs*>(&boot)}) {
        ImageFacts facts;
        inspectBootLoaderConfig(root, bootFs, &facts.guest);
        facts.guest.family = QStringLiteral("linux");
        PartitionInfo p;
        p.index = 1;
        p.uuid = QStringLiteral("b0070000-0000-4000-8000-000000000001");
        facts.layout.partitions << p;
        facts.guest.rootPartition = 1;
        policy::RuleResult rule;
        rule.evidence = QString::fromUtf8(bytes);
        QString manual;
        if (const auto* steps = repair::findSteps(QStringLiteral("boot_root_argument"), false))
            (void)steps->steps(facts, rule, &manual);
    }
    return 0;
}

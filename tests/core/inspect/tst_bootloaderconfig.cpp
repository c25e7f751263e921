// inspect::bootconfig: the boot loader configuration parsers on text as the distributions write
// it (CentOS 7 and Debian grub.cfg, RHEL 8 grubenv and BLS entries, CentOS 6 grub.conf,
// /etc/default/grub), hostile and huge input, and the reader over a guest tree with and without
// a separate /boot (MemoryGuestFs).
#include "inspect/BootLoaderConfig.h"
#include "inspect/LinuxFstab.h"
#include "inspect/MemoryGuestFs.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using namespace cvmi::inspect::bootconfig;

namespace {

const char kCentos7[] = R"(### BEGIN /etc/grub.d/00_header ###
if [ "${next_entry}" ] ; then
   set default="${next_entry}"
else
   set default="${saved_entry}"
fi
function savedefault {
  if [ -z "${boot_once}" ]; then
    saved_entry="${chosen}"
  fi
}
### BEGIN /etc/grub.d/10_linux ###
menuentry 'CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)' --class centos $menuentry_id_option 'gnulinux-3.10.0-1160.el7.x86_64-advanced-1' {
	load_video
	set root='hd0,msdos1'
	if [ x$feature_platform_search_hint = xy ]; then
	  search --no-floppy --fs-uuid --set=root --hint='hd0,msdos1'  1
	fi
	linux16 /vmlinuz-3.10.0-1160.el7.x86_64 root=/dev/mapper/centos-root ro crashkernel=auto rd.lvm.lv=centos/root rhgb quiet
	initrd16 /initramfs-3.10.0-1160.el7.x86_64.img
}
menuentry 'CentOS Linux (0-rescue-5d2c) 7 (Core)' --class centos {
	linux16 /vmlinuz-0-rescue-5d2c root=/dev/sda2 ro
}
)";

const char kDebian[] = "set default=\"1\"\n"
                       "menuentry 'Debian GNU/Linux' {\n"
                       "\tlinux\t/boot/vmlinuz-6.1.0-13-amd64 root=UUID=aaaa ro  quiet\n"
                       "}\n"
                       "submenu 'Advanced options for Debian GNU/Linux' {\n"
                       "\tmenuentry 'Debian GNU/Linux, with Linux 6.1.0-13-amd64' {\n"
                       "\t\tlinux\t/boot/vmlinuz-6.1.0-13-amd64 root=UUID=bbbb ro  quiet\n"
                       "\t}\n"
                       "}\n";

} // namespace

class TestBootLoaderConfig : public QObject {
    Q_OBJECT

private slots:
    void rootArgumentIsTheLastOne()
    {
        QCOMPARE(rootArgument(u"ro root=/dev/sda1 quiet root=UUID=x"), QStringLiteral("UUID=x"));
        QCOMPARE(rootArgument(u"ro quiet"), QString());
        QCOMPARE(rootArgument(u"root=\"LABEL=my root\" ro"), QStringLiteral("LABEL=my root"));
        QCOMPARE(rootArgument(u"root='UUID=y'"), QStringLiteral("UUID=y"));
        QCOMPARE(rootArgument(u"noroot=x myroot=y"), QString());
    }

    void grubCfgCentos7()
    {
        const auto lines = parseGrubCfg(kCentos7, QStringLiteral("/boot/grub2/grub.cfg"));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].entry, QStringLiteral("CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)"));
        QCOMPARE(lines[0].root, QStringLiteral("/dev/mapper/centos-root"));
        QCOMPARE(lines[0].line, 19);
        QVERIFY(lines[0].isDefault); // ${saved_entry}: the first entry
        QCOMPARE(lines[0].kind, QStringLiteral("grub.cfg"));
        QVERIFY(lines[0].command.startsWith(QLatin1String("root=/dev/mapper/centos-root ro")));
        QCOMPARE(lines[1].root, QStringLiteral("/dev/sda2"));
        QVERIFY(!lines[1].isDefault);
        QCOMPARE(lines[1].source, QStringLiteral("/boot/grub2/grub.cfg"));
    }

    void grubCfgDebianDefaultByNumber()
    {
        const auto lines = parseGrubCfg(kDebian, QStringLiteral("/boot/grub/grub.cfg"));
        QCOMPARE(lines.size(), 2);
        QVERIFY(!lines[0].isDefault);
        QVERIFY(lines[1].isDefault); // default 1 is the submenu, its first entry boots
        QCOMPARE(lines[1].root, QStringLiteral("UUID=bbbb"));
        QCOMPARE(lines[1].entry, QStringLiteral("Debian GNU/Linux, with Linux 6.1.0-13-amd64"));
    }

    void grubCfgKernelopts()
    {
        const auto lines = parseGrubCfg("if [ -z \"${kernelopts}\" ]; then\n"
                                        "  set kernelopts=\"root=/dev/mapper/rhel-root ro \"\n"
                                        "fi\ninsmod blscfg\nblscfg\n",
                                        QStringLiteral("/boot/grub2/grub.cfg"));
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].entry, QStringLiteral("kernelopts"));
        QCOMPARE(lines[0].root, QStringLiteral("/dev/mapper/rhel-root"));
        QCOMPARE(lines[0].line, 2);
    }

    void grubEnvAndBls()
    {
        QByteArray env = "# GRUB Environment Block\nsaved_entry=x\n"
                         "kernelopts=root=UUID=cafe ro crashkernel=auto rhgb quiet \n";
        env.append(QByteArray(1024 - env.size(), '#'));
        const auto opts = parseGrubEnv(env, QStringLiteral("/boot/grub2/grubenv"));
        QCOMPARE(opts.size(), 1);
        QCOMPARE(opts[0].root, QStringLiteral("UUID=cafe"));
        QCOMPARE(opts[0].line, 3);
        const auto bls =
            parseBlsEntry("title Red Hat Enterprise Linux (4.18.0) 8.9 (Ootpa)\n"
                          "version 4.18.0\nlinux /vmlinuz-4.18.0\n"
                          "options $kernelopts $tuned_params\n",
                          QStringLiteral("/boot/loader/entries/a.conf"), opts[0].command);
        QCOMPARE(bls.size(), 1);
        QCOMPARE(bls[0].root, QStringLiteral("UUID=cafe"));
        QCOMPARE(bls[0].entry, QStringLiteral("Red Hat Enterprise Linux (4.18.0) 8.9 (Ootpa)"));
        QCOMPARE(bls[0].line, 4);
        QCOMPARE(bls[0].kind, QStringLiteral("bls"));
        QVERIFY(bls[0].fromKernelopts);
        // Without grubenv the variable stays, and no root= is made up.
        const auto alone = parseBlsEntry("options $kernelopts\n", QStringLiteral("x"), {});
        QCOMPARE(alone.size(), 1);
        QCOMPARE(alone[0].root, QString());
        QVERIFY(!alone[0].fromKernelopts);
        QVERIFY(!parseBlsEntry("options root=UUID=own $kernelopts\n", QStringLiteral("x"),
                               QStringLiteral("ro"))
                     .front()
                     .fromKernelopts);
        QVERIFY(parseBlsEntry("title no options\n", QStringLiteral("x"), {}).isEmpty());
    }

    void menuLstCentos6()
    {
        const auto lines = parseMenuLst("# kernel /vmlinuz ro root=/dev/sda9\ndefault=1\n"
                                        "timeout=5\nhiddenmenu\n"
                                        "title CentOS (2.6.32-754.el6.x86_64)\n"
                                        "\troot (hd0,0)\n"
                                        "\tkernel /vmlinuz-2.6.32-754.el6.x86_64 ro "
                                        "root=/dev/hda1 rd_NO_LUKS rhgb quiet\n"
                                        "title Old\n\tkernel /vmlinuz-old ro root=LABEL=/\n",
                                        QStringLiteral("/boot/grub/grub.conf"));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].root, QStringLiteral("/dev/hda1"));
        QCOMPARE(lines[0].line, 7);
        QVERIFY(!lines[0].isDefault);
        QCOMPARE(lines[1].root, QStringLiteral("LABEL=/"));
        QVERIFY(lines[1].isDefault);
        QCOMPARE(lines[1].entry, QStringLiteral("Old"));
    }

    void defaultGrub()
    {
        const auto lines = parseDefaultGrub(
            "GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX=\"crashkernel=auto root=/dev/sda1 rhgb\"\n"
            "GRUB_CMDLINE_LINUX_DEFAULT='quiet'\n#GRUB_CMDLINE_LINUX=\"root=/dev/sdz\"\n",
            QStringLiteral("/etc/default/grub"));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].entry, QStringLiteral("GRUB_CMDLINE_LINUX"));
        QCOMPARE(lines[0].root, QStringLiteral("/dev/sda1"));
        QCOMPARE(lines[0].line, 2);
        QCOMPARE(lines[1].command, QStringLiteral("quiet"));
        QCOMPARE(lines[1].root, QString());
    }

    void hostileInputIsBounded()
    {
        // A million menu entries, each with a kernel line: at most kMaxCommandLines kept.
        QByteArray many;
        for (int i = 0; i < 100000; ++i)
            many += "menuentry 'x' {\nlinux /v root=/dev/sda1\n}\n";
        QCOMPARE(parseGrubCfg(many, QStringLiteral("g")).size(), kMaxCommandLines);
        const QByteArray legacy = QByteArray("title t\n") + many.replace("linux", "kernel");
        QCOMPARE(parseMenuLst(legacy, QStringLiteral("m")).size(), kMaxCommandLines);
        // A huge command line is cut; NUL bytes, unbalanced braces and quotes do not confuse.
        QByteArray huge = "menuentry '";
        huge += '\0';
        huge += "{{{ {\nlinux /v " + QByteArray(1 << 20, 'a') + " root=/dev/sdb1\n}}}}\n}\n";
        const auto lines = parseGrubCfg(huge, QStringLiteral("g"));
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].command.size(), kMaxCommandChars);
        QVERIFY(lines[0].root.isEmpty()); // root= was beyond the cut
        const QByteArray bls = "options " + QByteArray(1 << 16, 'x') + "\noptions root=y\n";
        QVERIFY(parseBlsEntry(bls, QStringLiteral("b"), {}).front().command.size() <=
                kMaxCommandChars);
        QVERIFY(parseGrubEnv(QByteArray(1 << 20, '\n'), QStringLiteral("e")).isEmpty());
        QVERIFY(parseDefaultGrub("=\n==\nGRUB_CMDLINE_LINUX\n", QStringLiteral("d")).isEmpty());
    }

    void fstabOptions()
    {
        const auto entries = parseFstab("UUID=a / ext4 defaults 1 1\n"
                                        "nas:/x /mnt nfs4 rw,_netdev,nofail 0 0\n/dev/vdb1 /d\n");
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].options, QStringLiteral("defaults"));
        QCOMPARE(entries[1].options, QStringLiteral("rw,_netdev,nofail"));
        QCOMPARE(entries[2].options, QString());
        QCOMPARE(entries[2].type, QString());
    }

    void readsSeparateBootAndRoot()
    {
        MemoryGuestFs root, boot;
        root.addFile(QStringLiteral("/etc/default/grub"),
                     "GRUB_CMDLINE_LINUX=\"rd.lvm.lv=centos/root\"\n");
        boot.addFile(QStringLiteral("/grub2/grub.cfg"), kCentos7);
        boot.addFile(QStringLiteral("/loader/entries/b.conf"), "title B\noptions root=UUID=b\n");
        boot.addFile(QStringLiteral("/loader/entries/a.conf"), "title A\noptions root=UUID=a\n");
        boot.addFile(QStringLiteral("/loader/entries/notes.txt"), "options root=/dev/sdq\n");
        GuestFacts facts;
        inspectBootLoaderConfig(root, &boot, &facts);
        QCOMPARE(facts.bootConfigFiles, QStringList({QStringLiteral("/boot/grub2/grub.cfg"),
                                                     QStringLiteral("/boot/loader/entries/b.conf"),
                                                     QStringLiteral("/boot/loader/entries/a.conf"),
                                                     QStringLiteral("/etc/default/grub")}));
        QCOMPARE(facts.bootCommandLines.size(), 5);
        QCOMPARE(facts.bootCommandLines[2].root, QStringLiteral("UUID=b"));
        QVERIFY(facts.bootCommandLines[2].isDefault); // the newest BLS entry
        QVERIFY(!facts.bootCommandLines[3].isDefault);
        QVERIFY(facts.bootConfigSearch.contains(QStringLiteral("/boot/grub/menu.lst")));

        // Without a separate /boot, the same files come from the root's /boot.
        MemoryGuestFs single;
        single.addFile(QStringLiteral("/boot/grub/grub.conf"),
                       "title t\nkernel /v root=/dev/hda1\n");
        GuestFacts one;
        inspectBootLoaderConfig(single, nullptr, &one);
        QCOMPARE(one.bootConfigFiles, QStringList{QStringLiteral("/boot/grub/grub.conf")});
        QCOMPARE(one.bootCommandLines.size(), 1);
        QCOMPARE(one.bootCommandLines[0].kind, QStringLiteral("menu.lst"));

        GuestFacts none;
        MemoryGuestFs empty;
        empty.addDirectory(QStringLiteral("/"));
        inspectBootLoaderConfig(empty, nullptr, &none);
        QVERIFY(none.bootConfigFiles.isEmpty());
        QVERIFY(none.bootCommandLines.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBootLoaderConfig)
#include "tst_bootloaderconfig.moc"

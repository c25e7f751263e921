// The distribution named by a separate /boot's boot loader, read when the root cannot be.
#include "inspect/BootLoaderTitle.h"
#include "inspect/MemoryGuestFs.h"

#include <QtTest>

using namespace cvmi::inspect;

class TestBootLoaderTitle : public QObject {
    Q_OBJECT

private slots:
    void titles_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("distro");
        QTest::addColumn<QString>("version");
        QTest::newRow("rhel8") << "Red Hat Enterprise Linux (4.18.0-477.el8.x86_64) 8.8 (Ootpa)"
                               << "rhel"
                               << "8.8";
        QTest::newRow("centos7") << "CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)"
                                 << "centos"
                                 << "7";
        QTest::newRow("stream9") << "CentOS Stream (5.14.0-362.el9.x86_64) 9"
                                 << "centos"
                                 << "9";
        QTest::newRow("rocky") << "Rocky Linux (5.14.0-284.11.1.el9_2.x86_64) 9.2 (Blue Onyx)"
                               << "rocky"
                               << "9.2";
        QTest::newRow("rescue") << "CentOS Linux (0-rescue-0123456789abcdef) 7 (Core)"
                                << "centos"
                                << "7";
        QTest::newRow("unknown") << "My Own Linux (6.1.0)"
                                 << ""
                                 << "";
        QTest::newRow("empty") << ""
                               << ""
                               << "";
    }
    void titles()
    {
        QFETCH(QString, title);
        QFETCH(QString, distro);
        QFETCH(QString, version);
        GuestFacts facts;
        QCOMPARE(distroFromTitle(title, &facts), !distro.isEmpty());
        QCOMPARE(facts.distro, distro);
        QCOMPARE(facts.version, version);
    }

    void blsEntryBeforeGrubCfg()
    {
        MemoryGuestFs boot;
        boot.addFile(QStringLiteral("/loader/entries/abc-4.18.0-477.el8.x86_64.conf"),
                     "title Red Hat Enterprise Linux (4.18.0-477.el8.x86_64) 8.8 (Ootpa)\n"
                     "version 4.18.0-477.el8.x86_64\nlinux /vmlinuz-4.18.0-477.el8.x86_64\n");
        boot.addFile(QStringLiteral("/grub2/grub.cfg"), "menuentry 'CentOS Linux (x) 7' {\n}\n");
        GuestFacts facts;
        QVERIFY(distroFromBootLoader(boot, &facts));
        QCOMPARE(facts.distro, QStringLiteral("rhel"));
        QCOMPARE(facts.evidence.value(QStringLiteral("distro")).path,
                 QStringLiteral("/boot/loader/entries/abc-4.18.0-477.el8.x86_64.conf"));
    }

    void grubMenuEntry()
    {
        MemoryGuestFs boot;
        boot.addFile(
            QStringLiteral("/grub2/grub.cfg"),
            "set default=0\n### BEGIN /etc/grub.d/10_linux ###\n"
            "menuentry 'CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)' --class centos "
            "{\n\tlinux16 /vmlinuz-3.10.0-1160.el7.x86_64 root=/dev/mapper/centos-root\n}\n");
        GuestFacts facts;
        QVERIFY(distroFromBootLoader(boot, &facts));
        QCOMPARE(facts.distro, QStringLiteral("centos"));
        QCOMPARE(facts.version, QStringLiteral("7"));
        QCOMPARE(facts.evidence.value(QStringLiteral("distro")).path,
                 QStringLiteral("/boot/grub2/grub.cfg"));
    }

    void nothingToName()
    {
        MemoryGuestFs boot;
        boot.addFile(QStringLiteral("/vmlinuz-6.1.0"), "kernel");
        boot.addFile(QStringLiteral("/grub/grub.cfg"), "menuentry \"Something else\" {\n}\n");
        GuestFacts facts;
        QVERIFY(!distroFromBootLoader(boot, &facts));
        QVERIFY(facts.distro.isEmpty());
        QVERIFY(facts.evidence.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBootLoaderTitle)
#include "tst_bootloadertitle.moc"

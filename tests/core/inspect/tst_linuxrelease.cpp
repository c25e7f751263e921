// LinuxRelease: os-release's quoting, and the older release files read through a guest file
// system held in memory.
#include "inspect/LinuxRelease.h"
#include "inspect/MemoryGuestFs.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

class TestLinuxRelease : public QObject {
    Q_OBJECT

private slots:
    void osReleaseQuoting()
    {
        const auto v = parseOsRelease("# comment\nNAME=\"Foo \\\"Linux\\\"\"\nID=foo\n"
                                      "VERSION_ID='1.2'\nBROKEN\n=x\nEMPTY=\n");
        QCOMPARE(v.value(QStringLiteral("NAME")), QStringLiteral("Foo \"Linux\""));
        QCOMPARE(v.value(QStringLiteral("ID")), QStringLiteral("foo"));
        QCOMPARE(v.value(QStringLiteral("VERSION_ID")), QStringLiteral("1.2"));
        QCOMPARE(v.value(QStringLiteral("EMPTY")), QString());
        QVERIFY(!v.contains(QStringLiteral("BROKEN")));
    }
    void legacyReleasesThroughMemoryFs()
    {
        MemoryGuestFs fs;
        fs.addFile(QStringLiteral("/etc/redhat-release"),
                   "Red Hat Enterprise Linux Server release 6.10 (Santiago)\n");
        GuestFacts g;
        QVERIFY(detectLinuxRelease(fs, &g));
        QCOMPARE(g.distro, QStringLiteral("rhel"));
        QCOMPARE(g.version, QStringLiteral("6.10"));

        MemoryGuestFs empty;
        GuestFacts none;
        QVERIFY(!detectLinuxRelease(empty, &none));

        MemoryGuestFs fcos;
        fcos.addFile(QStringLiteral("/usr/lib/os-release"),
                     "ID=fedora\nVARIANT_ID=coreos\nVERSION_ID=39\n");
        GuestFacts f;
        QVERIFY(detectLinuxRelease(fcos, &f));
        QCOMPARE(f.distro, QStringLiteral("fedora-coreos"));

        MemoryGuestFs blank;
        blank.addFile(QStringLiteral("/etc/debian_version"), "\n");
        GuestFacts b;
        QVERIFY(detectLinuxRelease(blank, &b));
        QCOMPARE(b.distro, QStringLiteral("debian"));
    }
};

QTEST_GUILESS_MAIN(TestLinuxRelease)
#include "tst_linuxrelease.moc"

// The boot rules (boot.root_argument, boot.fstab_identifiers, boot.fstab_nofail) of the default
// rule file on the disks of tests/fixtures/make-boot-disks.sh, through inspectImage() and
// Policy::builtin().evaluate(): a passing and a failing disk for each, and the evidence that
// names the file, line and entry.
#include "TestSupport.h"
#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "policy/ReportJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;
using namespace cvmi::policy;

namespace {

struct Judged {
    ImageFacts facts;
    Report report;
};

Judged judge(const QString& name)
{
    Judged j;
    j.facts = inspectImage(test::fixtureDir() + QStringLiteral("/boot/") + name);
    j.report = Policy::builtin().evaluate(j.facts);
    return j;
}

const RuleResult* ruleOf(const Report& report, const QString& id)
{
    for (const RuleResult& r : report.rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace

class TestBootPolicy : public QObject {
    Q_OBJECT

private slots:
    void verdicts_data()
    {
        QTest::addColumn<QString>("disk");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("evidence"); // a part of the evidence
        const QString root = QStringLiteral("boot.root_argument");
        const QString ids = QStringLiteral("boot.fstab_identifiers");
        const QString nofail = QStringLiteral("boot.fstab_nofail");
        const QString pass = QStringLiteral("pass"), fail = QStringLiteral("fail");
        QTest::newRow("el7 grub.cfg by UUID")
            << "el7-uuid.raw" << root << pass
            << "/boot/grub2/grub.cfg:70 (default entry \"CentOS Linux (3.10.0-1160.el7.x86_64) "
               "7 (Core)\"): root=UUID=b0070000-0000-4000-8000-000000000001 (partition 1 (ext4))";
        QTest::newRow("el7 grub.cfg root=/dev/sda1")
            << "el7-sda.raw" << root << fail
            << "/boot/grub2/grub.cfg:70 (default entry \"CentOS Linux (3.10.0-1160.el7.x86_64) "
               "7 (Core)\"): root=/dev/sda1 (the disk is /dev/vda under virtio)";
        QTest::newRow("el7 grub.cfg UUID on no disk")
            << "el7-gone.raw" << root << fail
            << "root=UUID=b0070000-dead-4000-8000-00000000dead (no file system on this disk has "
               "this UUID)";
        QTest::newRow("el7 grub.cfg by PARTUUID")
            << "el7-partuuid.raw" << root << pass
            << "root=PARTUUID=b0070001-01 (partition 1 (ext4))";
        QTest::newRow("el7 grub.cfg PARTUUID of another disk")
            << "el7-partuuid-gone.raw" << root << fail
            << "root=PARTUUID=0dead001-01 (no partition of this disk has this PARTUUID)";
        QTest::newRow("el8 BLS $kernelopts by UUID")
            << "el8-bls.raw" << root << pass
            << "/boot/loader/entries/5d2c8a0e1f8a4c6b9d1e2f3a4b5c6d7e-4.18.0-513.5.1.el8_9.x86_64"
               ".conf:5 (default entry";
        QTest::newRow("el8 grubenv root=/dev/sda1")
            << "el8-sda.raw" << root << fail
            << "/boot/grub2/grubenv:3 (entry \"kernelopts\"): "
               "root=/dev/sda1";
        QTest::newRow("el6 grub.conf by UUID")
            << "el6-uuid.raw" << root << pass << "/boot/grub/grub.conf:16 (default entry";
        QTest::newRow("el6 grub.conf root=/dev/hda1")
            << "el6-hda.raw" << root << fail
            << "/boot/grub/grub.conf:16 (default entry \"CentOS "
               "6 (2.6.32-754.35.1.el6.x86_64)\"): root=/dev/hda1";
        QTest::newRow("debian grub.cfg by UUID")
            << "deb-nofail.raw" << root << pass << "/boot/grub/grub.cfg:50 (default entry";
        QTest::newRow("fstab all on this disk, absent ones nofail")
            << "deb-nofail.raw" << ids << pass
            << "swap or marked nofail or noauto (the boot goes on without them): /etc/fstab:5: "
               "UUID=b0070000-dead-4000-8000-00000000dead /srv/data defaults,nofail";
        QTest::newRow("fstab swap of a missing disk")
            << "deb-nofail.raw" << ids << pass
            << "/etc/fstab:10: UUID=b0070000-dead-4000-8000-00000000dead none sw";
        QTest::newRow("fstab UUID of a missing disk")
            << "deb-gone.raw" << ids << fail
            << "/etc/fstab:2: UUID=b0070000-dead-4000-8000-00000000dead /srv/data defaults (no "
               "file system on this disk has this UUID)";
        QTest::newRow("fstab network and other disk with nofail")
            << "deb-nofail.raw" << nofail << pass << "without nofail";
        QTest::newRow("fstab nfs without nofail")
            << "el7-nfs.raw" << nofail << fail
            << "/etc/fstab:10: nas.example.com:/export/home /home/shared defaults (a network file "
               "system)";
        QTest::newRow("fstab /dev/vdb1 without nofail")
            << "el7-vdb.raw" << nofail << fail
            << "/etc/fstab:10: /dev/vdb1 /data defaults "
               "(another disk)";
        QTest::newRow("fstab root by device is the system disk")
            << "el7-sda.raw" << nofail << pass << "without nofail";
    }
    void verdicts()
    {
        QFETCH(QString, disk);
        QFETCH(QString, rule);
        QFETCH(QString, verdict);
        QFETCH(QString, evidence);
        const Judged j = judge(disk);
        QCOMPARE(j.facts.guest.family, QStringLiteral("linux"));
        const RuleResult* r = ruleOf(j.report, rule);
        QVERIFY(r);
        QCOMPARE(r->group, QStringLiteral("boot"));
        QVERIFY2(r->evidence.contains(evidence), qPrintable(r->evidence));
        QCOMPARE(verdictName(r->verdict), verdict);
        if (r->verdict == Verdict::Fail)
            QVERIFY(!r->fix.isEmpty());
    }

    // The passing disks fail nothing at all: the boot rules are judged alone.
    void passingDisksFailNothing_data()
    {
        QTest::addColumn<QString>("disk");
        for (const char* d :
             {"el7-uuid.raw", "el8-bls.raw", "el6-uuid.raw", "deb-nofail.raw", "el7-partuuid.raw"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }
    void passingDisksFailNothing()
    {
        QFETCH(QString, disk);
        const Judged j = judge(disk);
        for (const RuleResult& r : j.report.rules)
            QVERIFY2(r.verdict != Verdict::Fail, qPrintable(r.id + u' ' + r.evidence));
    }

    // check --json shows what the rules judged: the command lines and the fstab options.
    void jsonCarriesTheBootFacts()
    {
        const Judged j = judge(QStringLiteral("el6-hda.raw"));
        const QJsonObject os = checkResultToJson(j.facts, j.report).value(u"os").toObject();
        const QJsonObject boot = os.value(u"boot_loader").toObject();
        QCOMPARE(boot.value(u"files").toArray().first().toString(),
                 QStringLiteral("/boot/grub/grub.conf"));
        const QJsonObject first = boot.value(u"command_lines").toArray().first().toObject();
        QCOMPARE(first.value(u"root").toString(), QStringLiteral("/dev/hda1"));
        QCOMPARE(first.value(u"line").toInt(), 16);
        QVERIFY(first.value(u"default").toBool());
        QCOMPARE(os.value(u"fstab").toArray().first().toObject().value(u"options").toString(),
                 QStringLiteral("defaults"));
    }

    // The rules stand after os.architecture in the default rule file, in this order.
    void rulesInTheDefaultFile()
    {
        const Judged j = judge(QStringLiteral("el7-uuid.raw"));
        QStringList ids;
        for (const RuleResult& r : j.report.rules)
            ids << r.id;
        qsizetype at = ids.indexOf(QStringLiteral("os.architecture"));
        QVERIFY(at >= 0);
        for (const char* id :
             {"boot.root_argument", "boot.fstab_identifiers", "boot.fstab_nofail"}) {
            const qsizetype next = ids.indexOf(QLatin1String(id));
            QVERIFY2(next > at, id);
            at = next;
        }
    }
};

QTEST_GUILESS_MAIN(TestBootPolicy)
#include "tst_bootpolicy.moc"

// policy::reportToHtml, ruleGroups and ruleGroupTitle on hand-made facts and reports: every text
// from the image or the rules is escaped (markup, &, quotes, an attribute break-out), quoted
// commands become <code>; each rule appears under its group, in the rules' order, with its
// verdict's class, symbol and word, and a fix only when it did not pass; the summary says ready,
// importable with warnings or not importable with the count; an image that cannot be inspected
// gets the error box and no proposed values; the page is self-contained (no script, no external
// resource). The report holds no credentials, so there is no secret to leak here.
#include "policy/ReportHtml.h"

#include <QTest>

using namespace cvmi;
using policy::Report;
using policy::RuleResult;
using policy::Verdict;

namespace {

const QString kScript = QStringLiteral("<script>alert(1)</script>");

inspect::ImageFacts rawFacts(const QString& path = QStringLiteral("/images/disk.raw"))
{
    inspect::ImageFacts facts;
    facts.path = path;
    facts.fileSize = 1 << 20;
    facts.format = QStringLiteral("raw");
    facts.virtualSize = 1 << 20;
    facts.layoutKnown = true;
    facts.layout.partitionTable = QStringLiteral("mbr");
    return facts;
}

RuleResult rule(const QString& id, const QString& group, Verdict verdict,
                const QString& evidence = {}, const QString& fix = {})
{
    return RuleResult{id, group, QStringLiteral("Title of ") + id, verdict, evidence, fix, {}};
}

Report reportOf(const QList<RuleResult>& rules)
{
    Report report;
    report.policyId = QStringLiteral("test-rules");
    report.policyVersion = QStringLiteral("7");
    report.rules = rules;
    return report;
}

// The <li> of the rule `id`, from its start to its end.
QString ruleItem(const QString& html, const QString& id)
{
    const qsizetype at = html.indexOf(QStringLiteral("id=\"rule-") + id + u'"');
    if (at < 0)
        return {};
    const qsizetype start = html.lastIndexOf(QStringLiteral("<li"), at);
    const qsizetype end = html.indexOf(QStringLiteral("</li>"), at);
    return start < 0 || end < 0 ? QString() : html.mid(start, end + 5 - start);
}

} // namespace

class TestReportHtml : public QObject {
    Q_OBJECT

private slots:
    void imageTextIsEscaped()
    {
        inspect::ImageFacts facts =
            rawFacts(QStringLiteral("/tmp/disk") + kScript + QStringLiteral(".raw"));
        inspect::PartitionInfo partition;
        partition.index = 1;
        partition.size = 1 << 19;
        partition.filesystem = QStringLiteral("ext4");
        partition.label = kScript;
        partition.typeName = QStringLiteral("Linux");
        facts.layout.partitions << partition;
        facts.guest.searched = true;
        facts.guest.family = QStringLiteral("linux");
        facts.guest.prettyName = QStringLiteral("Evil <b>Linux</b> & co");
        facts.guest.architecture = QStringLiteral("x86_64");
        facts.guest.rootFilesystem = QStringLiteral("ext4");
        facts.guest.rootPartition = 1;
        inspect::KernelFacts kernel;
        kernel.version = QStringLiteral("5.0<img src=x>");
        facts.guest.kernels << kernel;
        facts.containerFindings << disk::Finding{disk::Finding::Severity::Warning,
                                                 QStringLiteral("odd"),
                                                 QStringLiteral("Backing file <iframe>")};

        Report report =
            reportOf({rule(QStringLiteral("disk.label"), QStringLiteral("layout"), Verdict::Fail,
                           QStringLiteral("Label `") + kScript + QStringLiteral("`."),
                           QStringLiteral("Rename it: `e2label /dev/sda1 root`."))});
        report.rules.first().title = QStringLiteral("Licence <i>type</i>");
        report.form.osType = QStringLiteral("CentOS");
        report.form.imageName = QStringLiteral("name") + kScript;
        report.form.notes << QStringLiteral("Note <u>underlined</u>");

        const QString html = policy::reportToHtml(facts, report);
        for (const char* markup : {"<script", "<img", "<b>Linux", "<i>type", "<iframe", "<u>"})
            QVERIFY2(!html.contains(QLatin1String(markup), Qt::CaseInsensitive), markup);
        QVERIFY(html.contains(kScript.toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("Evil &lt;b&gt;Linux&lt;/b&gt; &amp; co")));
        QVERIFY(html.contains(QStringLiteral("5.0&lt;img src=x&gt;")));
        // Quoted commands are set as code, still escaped.
        QVERIFY(html.contains(QStringLiteral("<code>") + kScript.toHtmlEscaped() +
                              QStringLiteral("</code>")));
        QVERIFY(html.contains(QStringLiteral("<code>e2label /dev/sda1 root</code>")));
    }

    void ruleTextWithAmpersandsAndQuotesIsEscaped()
    {
        // An id that would close the id="..." attribute, evidence and fix with every special
        // character, a line break, and an unclosed backtick.
        const QString id = QStringLiteral("x\"><script>");
        const Report report =
            reportOf({rule(id, QStringLiteral("os"), Verdict::Warn,
                           QStringLiteral("a < b && c > d, \"quoted\"\nsecond line"),
                           QStringLiteral("Run `grep \"x\" a&b` then `unclosed <tag>"))});
        const QString html = policy::reportToHtml(rawFacts(), report);
        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<tag>")));
        QVERIFY(html.contains(QStringLiteral("id=\"rule-x&quot;&gt;&lt;script&gt;\"")));
        QVERIFY(html.contains(
            QStringLiteral("a &lt; b &amp;&amp; c &gt; d, &quot;quoted&quot;<br>second line")));
        QVERIFY(html.contains(QStringLiteral("<code>grep &quot;x&quot; a&amp;b</code>")));
        QVERIFY(html.contains(QStringLiteral("<code>unclosed &lt;tag&gt;</code>")));
    }

    void eachRuleAppearsWithItsVerdict_data()
    {
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("cssClass");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("showsFix");
        QTest::newRow("pass") << int(Verdict::Pass) << QStringLiteral("pass") << QStringLiteral("✓")
                              << QStringLiteral("Passed") << false;
        QTest::newRow("warn") << int(Verdict::Warn) << QStringLiteral("warn") << QStringLiteral("⚠")
                              << QStringLiteral("Warning") << true;
        QTest::newRow("fail") << int(Verdict::Fail) << QStringLiteral("fail") << QStringLiteral("✗")
                              << QStringLiteral("Failed") << true;
        QTest::newRow("unknown") << int(Verdict::Unknown) << QStringLiteral("unknown")
                                 << QStringLiteral("?") << QStringLiteral("Not determined") << true;
    }

    void eachRuleAppearsWithItsVerdict()
    {
        QFETCH(int, verdict);
        QFETCH(QString, cssClass);
        QFETCH(QString, symbol);
        QFETCH(QString, word);
        QFETCH(bool, showsFix);
        // The rule under test between two others, so that its item is told apart from theirs.
        const Report report =
            reportOf({rule(QStringLiteral("a.before"), QStringLiteral("image"), Verdict::Pass),
                      rule(QStringLiteral("b.tested"), QStringLiteral("image"), Verdict(verdict),
                           QStringLiteral("Found this."), QStringLiteral("Do that.")),
                      rule(QStringLiteral("c.after"), QStringLiteral("image"), Verdict::Fail)});
        const QString item =
            ruleItem(policy::reportToHtml(rawFacts(), report), QStringLiteral("b.tested"));
        QVERIFY(!item.isEmpty());
        QVERIFY2(item.startsWith(QStringLiteral("<li class=\"") + cssClass + u'"'),
                 qPrintable(item));
        QVERIFY(item.contains(QStringLiteral("<span class=\"title\">Title of b.tested</span>")));
        QVERIFY(item.contains(u'>' + symbol + QStringLiteral("</span>")));
        QVERIFY(item.contains(QStringLiteral("— ") + word));
        QVERIFY(item.contains(QStringLiteral("<div class=\"evidence\">Found this.</div>")));
        QCOMPARE(item.contains(QStringLiteral("How to fix:")), showsFix);
        QCOMPARE(item.contains(QStringLiteral("Do that.")), showsFix);
    }

    void summarySaysWhetherImportable_data()
    {
        QTest::addColumn<QList<int>>("verdicts");
        QTest::addColumn<QString>("summaryClass");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("counts");
        const int pass = int(Verdict::Pass), warn = int(Verdict::Warn), fail = int(Verdict::Fail),
                  unknown = int(Verdict::Unknown);
        QTest::newRow("all passed")
            << QList<int>{pass, pass} << QStringLiteral("pass") << QStringLiteral("Ready to import")
            << QStringLiteral("passed: 2 of 2.");
        // Not determined does not stop an import.
        QTest::newRow("not determined") << QList<int>{pass, unknown} << QStringLiteral("pass")
                                        << QStringLiteral("Ready to import")
                                        << QStringLiteral("passed: 1 of 2, not determined: 1.");
        QTest::newRow("warning") << QList<int>{pass, warn} << QStringLiteral("warn")
                                 << QStringLiteral("Importable: read the warnings")
                                 << QStringLiteral("passed: 1 of 2, warnings: 1.");
        QTest::newRow("one failure") << QList<int>{fail, warn, pass} << QStringLiteral("fail")
                                     << QStringLiteral("Not importable: 1 problem")
                                     << QStringLiteral("passed: 1 of 3, failed: 1, warnings: 1.");
        QTest::newRow("two failures")
            << QList<int>{fail, fail, unknown} << QStringLiteral("fail")
            << QStringLiteral("Not importable: 2 problems")
            << QStringLiteral("passed: 0 of 3, failed: 2, not determined: 1.");
    }

    void summarySaysWhetherImportable()
    {
        QFETCH(QList<int>, verdicts);
        QFETCH(QString, summaryClass);
        QFETCH(QString, headline);
        QFETCH(QString, counts);
        QList<RuleResult> rules;
        for (int i = 0; i < verdicts.size(); ++i)
            rules << rule(QStringLiteral("r%1").arg(i), QStringLiteral("image"),
                          Verdict(verdicts.at(i)));
        const QString html = policy::reportToHtml(rawFacts(), reportOf(rules));
        const qsizetype summary = html.indexOf(QStringLiteral("<p class=\"summary "));
        QVERIFY(summary > 0);
        const QString line = html.mid(summary, html.indexOf(u'\n', summary) - summary);
        QVERIFY2(line.startsWith(QStringLiteral("<p class=\"summary ") + summaryClass + u'"'),
                 qPrintable(line));
        QVERIFY2(line.endsWith(u' ' + headline + QStringLiteral("</p>")), qPrintable(line));
        QVERIFY(html.contains(QStringLiteral("<p class=\"meta\">Rules test-rules 7 — ") + counts +
                              QStringLiteral("</p>")));
    }

    void uninspectableImageGetsTheErrorBox()
    {
        inspect::ImageFacts facts;
        facts.path = QStringLiteral("/images/notes.txt");
        facts.fileSize = 12;
        facts.error = Error::make(QStringLiteral("not_a_disk_image"),
                                  QStringLiteral("Not a disk image: `file` says <text>."));
        Report report = reportOf(
            {rule(QStringLiteral("image.readable"), QStringLiteral("image"), Verdict::Fail)});
        report.form.osType = QStringLiteral("CentOS");
        const QString html = policy::reportToHtml(facts, report);
        QVERIFY(html.contains(QStringLiteral("<div class=\"error\"><b>This file cannot be "
                                             "inspected</b><br>Not a disk image: <code>file</code> "
                                             "says &lt;text&gt;.<br>")));
        QVERIFY(html.contains(QStringLiteral("Error code: not_a_disk_image")));
        QVERIFY(html.contains(QStringLiteral("Not importable: 1 problem")));
        // Nothing below the error is meaningful: no format, no proposed values.
        QVERIFY(!html.contains(QStringLiteral("<th>Format</th>")));
        QVERIFY(!html.contains(QStringLiteral("Proposed import values")));
        QVERIFY(!html.contains(QStringLiteral("CentOS")));
        QVERIFY(html.contains(QStringLiteral("<th>File</th><td>/images/notes.txt</td>")));
    }

    void proposedValuesAndNotes()
    {
        Report report = reportOf(
            {rule(QStringLiteral("image.format"), QStringLiteral("image"), Verdict::Pass)});
        report.form.osType = QStringLiteral("Ubuntu");
        report.form.osVersion = QStringLiteral("22.04");
        report.form.notes << QStringLiteral("Chosen from `/etc/os-release`.");
        const QString html = policy::reportToHtml(rawFacts(), report);
        QVERIFY(html.contains(QStringLiteral("<h2>Proposed import values</h2>")));
        QVERIFY(html.contains(QStringLiteral("<th>OsType</th><td>Ubuntu</td>")));
        QVERIFY(html.contains(QStringLiteral("<th>OsVersion</th><td>22.04</td>")));
        QVERIFY(html.contains(QStringLiteral("<th>Architecture</th><td>(not proposed)</td>")));
        QVERIFY(
            html.contains(QStringLiteral("<li>Chosen from <code>/etc/os-release</code>.</li>")));
    }

    void groupsFollowTheRulesOrder()
    {
        const Report report =
            reportOf({rule(QStringLiteral("l1"), QStringLiteral("layout"), Verdict::Pass),
                      rule(QStringLiteral("i1"), QStringLiteral("image"), Verdict::Pass),
                      rule(QStringLiteral("l2"), QStringLiteral("layout"), Verdict::Fail),
                      rule(QStringLiteral("n1"), QStringLiteral("<new>"), Verdict::Warn)});
        QCOMPARE(policy::ruleGroups(report),
                 QStringList(
                     {QStringLiteral("layout"), QStringLiteral("image"), QStringLiteral("<new>")}));
        QCOMPARE(policy::ruleGroupTitle(QStringLiteral("licence")), QStringLiteral("Licensing"));
        // A group this program does not know yet is shown by its name (escaped in the page).
        QCOMPARE(policy::ruleGroupTitle(QStringLiteral("<new>")), QStringLiteral("<new>"));

        const QString html = policy::reportToHtml(rawFacts(), report);
        const qsizetype layout = html.indexOf(QStringLiteral("<h3>Disk layout</h3>"));
        const qsizetype image = html.indexOf(QStringLiteral("<h3>Image file</h3>"));
        const qsizetype added = html.indexOf(QStringLiteral("<h3>&lt;new&gt;</h3>"));
        QVERIFY(layout > 0 && image > layout && added > image);
        // Both layout rules under the layout heading, before the image group's.
        const qsizetype l2 = html.indexOf(QStringLiteral("id=\"rule-l2\""));
        QVERIFY(l2 > layout && l2 < image);
        QCOMPARE(html.count(QStringLiteral("<h3>")), 3);
    }

    void pageIsSelfContained()
    {
        const Report report = reportOf(
            {rule(QStringLiteral("image.format"), QStringLiteral("image"), Verdict::Warn,
                  QStringLiteral("qcow2 v2"), QStringLiteral("Convert it with `qemu-img`."))});
        const QString html = policy::reportToHtml(rawFacts(QStringLiteral("/x/a&b.raw")), report);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>\n")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QStringLiteral("<title>Import check: a&amp;b.raw</title>")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
        QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
        for (const char* outside :
             {"<script", "<link", " src=", " href=", "url(", "@import", "http://", "https://"})
            QVERIFY2(!html.contains(QLatin1String(outside), Qt::CaseInsensitive), outside);
    }
};

QTEST_GUILESS_MAIN(TestReportHtml)
#include "tst_reporthtml.moc"

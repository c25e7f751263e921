// policy::Report: the verdict names, compliance (no rule failed, and at least one rule), and
// the report in one word (the worst verdict; Unknown below Warn, never above Fail).
#include "policy/Report.h"

#include <QTest>

using namespace cvmi::policy;

namespace {

Report reportOf(const QList<Verdict>& verdicts)
{
    Report r;
    int i = 0;
    for (Verdict v : verdicts)
        r.rules.append({QStringLiteral("rule.%1").arg(i++),
                        QStringLiteral("image"),
                        QStringLiteral("A rule"),
                        v,
                        {},
                        {},
                        {}});
    return r;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void names()
    {
        QCOMPARE(verdictName(Verdict::Pass), QStringLiteral("pass"));
        QCOMPARE(verdictName(Verdict::Warn), QStringLiteral("warn"));
        QCOMPARE(verdictName(Verdict::Fail), QStringLiteral("fail"));
        QCOMPARE(verdictName(Verdict::Unknown), QStringLiteral("unknown"));
    }

    void overallAndCompliant_data()
    {
        QTest::addColumn<QList<Verdict>>("verdicts");
        QTest::addColumn<Verdict>("overall");
        QTest::addColumn<bool>("compliant");
        using V = Verdict;
        QTest::newRow("no rules") << QList<V>{} << V::Pass << false;
        QTest::newRow("all pass") << QList<V>{V::Pass, V::Pass} << V::Pass << true;
        QTest::newRow("unknown") << QList<V>{V::Pass, V::Unknown} << V::Unknown << true;
        QTest::newRow("warn over unknown")
            << QList<V>{V::Unknown, V::Warn, V::Pass} << V::Warn << true;
        QTest::newRow("fail over all")
            << QList<V>{V::Warn, V::Fail, V::Unknown, V::Pass} << V::Fail << false;
        QTest::newRow("fail last") << QList<V>{V::Pass, V::Fail} << V::Fail << false;
    }

    void overallAndCompliant()
    {
        QFETCH(QList<Verdict>, verdicts);
        QFETCH(Verdict, overall);
        QFETCH(bool, compliant);
        const Report r = reportOf(verdicts);
        QCOMPARE(r.overall(), overall);
        QCOMPARE(r.compliant(), compliant);
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"

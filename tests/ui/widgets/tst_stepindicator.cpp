// The step indicator on its own (issue 13, finding 4): "Step 2 of 5", the current step bold, the
// ones done ticked, a skipped one marked, no Tab stop, and descriptions a screen reader can read
// the states from; in Simplified Chinese too.
#include "../AccessibilityAudit.h"
#include "TestSupport.h"

#include "widgets/StepIndicator.h"

#include "util/Translations.h"

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QTranslator>

using namespace cvmi;
using State = ui::StepIndicator::State;
using Step = ui::StepIndicator::Step;

namespace {

QList<Step> journey(State image, State account, State upload, State form, State import)
{
    return {{QStringLiteral("Image"), image},
            {QStringLiteral("Account"), account},
            {QStringLiteral("Upload"), upload},
            {QStringLiteral("Form"), form},
            {QStringLiteral("Import"), import}};
}

} // namespace

class TestStepIndicator : public QObject {
    Q_OBJECT

private slots:
    void showsWhereTheUserIs();
    void marksSkippedStep();
    void readableWithoutSight();
    void notATabStop();
    void withoutCurrentStep();
    void laidOutAtOnce();
    void translated();
};

void TestStepIndicator::showsWhereTheUserIs()
{
    ui::StepIndicator indicator;
    indicator.setSteps(
        journey(State::Done, State::Current, State::Ahead, State::Ahead, State::Ahead));
    QCOMPARE(indicator.countText(), QStringLiteral("Step 2 of 5"));
    auto* names = indicator.findChild<QLabel*>(QStringLiteral("stepNames"));
    QVERIFY(names);
    QVERIFY2(names->text().contains(QStringLiteral("<b>Account</b>")), qPrintable(names->text()));
    QVERIFY(!names->text().contains(QStringLiteral("<b>Image</b>")));
    QCOMPARE(indicator.text(), QStringLiteral("Step 2 of 5 \u2713 Image \u203a Account \u203a "
                                              "Upload \u203a Form \u203a Import"));
}

void TestStepIndicator::marksSkippedStep()
{
    ui::StepIndicator indicator;
    indicator.setSteps(
        journey(State::Done, State::Done, State::Skipped, State::Current, State::Ahead));
    QCOMPARE(indicator.countText(), QStringLiteral("Step 4 of 5"));
    QVERIFY2(indicator.text().contains(QStringLiteral("Upload (skipped) \u203a Form")),
             qPrintable(indicator.text()));
    QVERIFY(!indicator.text().contains(QStringLiteral("\u2713 Upload")));
}

void TestStepIndicator::readableWithoutSight()
{
    ui::StepIndicator indicator;
    indicator.setSteps(
        journey(State::Done, State::Done, State::Skipped, State::Current, State::Ahead));
    indicator.show();
    QVERIFY(QTest::qWaitForWindowExposed(&indicator));
    const QStringList problems =
        test::accessibilityProblems(&indicator, QStringLiteral("indicator"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    auto* names = indicator.findChild<QLabel*>(QStringLiteral("stepNames"));
    // Bold type tells nothing to a screen reader: the description says which step is current.
    const QString description = names->accessibleDescription();
    QVERIFY2(description.contains(QStringLiteral("Form, current step")), qPrintable(description));
    QVERIFY(description.contains(QStringLiteral("Image, done")));
    QVERIFY(description.contains(QStringLiteral("Upload (skipped)")));
    // The names are what is shown, never a replacement for it.
    QVERIFY(names->accessibleName().isEmpty());
    auto* count = indicator.findChild<QLabel*>(QStringLiteral("stepCount"));
    QVERIFY(count->accessibleName().isEmpty());
    QVERIFY(!count->accessibleDescription().isEmpty());
}

void TestStepIndicator::notATabStop()
{
    ui::StepIndicator indicator;
    indicator.setSteps(
        journey(State::Current, State::Ahead, State::Ahead, State::Ahead, State::Ahead));
    QCOMPARE(indicator.focusPolicy(), Qt::NoFocus);
    for (const QWidget* child : indicator.findChildren<QWidget*>())
        QVERIFY2(!(child->focusPolicy() & Qt::TabFocus), qPrintable(child->objectName()));
}

void TestStepIndicator::withoutCurrentStep()
{
    ui::StepIndicator indicator;
    // The journey over (the image NORMAL): no step number, but the end said.
    indicator.setSteps(journey(State::Done, State::Done, State::Skipped, State::Done, State::Done));
    QCOMPARE(indicator.countText(), QStringLiteral("All steps done"));
    QVERIFY(!indicator.text().startsWith(QStringLiteral("Step")));
    // Nothing current but steps ahead (no page shown yet): no count at all.
    indicator.setSteps(
        journey(State::Done, State::Ahead, State::Ahead, State::Ahead, State::Ahead));
    QVERIFY(indicator.countText().isEmpty());
}

void TestStepIndicator::laidOutAtOnce()
{
    // The wizard paints the page right after a change; the longer text must not be cut.
    ui::StepIndicator indicator;
    indicator.setSteps(
        journey(State::Current, State::Ahead, State::Ahead, State::Ahead, State::Ahead));
    indicator.resize(800, indicator.sizeHint().height());
    indicator.show();
    QVERIFY(QTest::qWaitForWindowExposed(&indicator));
    indicator.setSteps(
        journey(State::Done, State::Done, State::Skipped, State::Current, State::Ahead));
    auto* names = indicator.findChild<QLabel*>(QStringLiteral("stepNames"));
    QVERIFY2(
        names->width() >= names->sizeHint().width(),
        qPrintable(QStringLiteral("%1 < %2").arg(names->width()).arg(names->sizeHint().width())));
}

void TestStepIndicator::translated()
{
    QCOMPARE(util::installTranslations(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    ui::StepIndicator indicator;
    indicator.setSteps(
        journey(State::Done, State::Done, State::Skipped, State::Current, State::Ahead));
    const QString text = indicator.text();
    cvmi::test::removeTranslations();
    QVERIFY2(!text.contains(QStringLiteral("Step")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("skipped")), qPrintable(text));
}

QTEST_MAIN(TestStepIndicator)
#include "tst_stepindicator.moc"

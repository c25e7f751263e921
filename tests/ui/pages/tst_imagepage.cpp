// The Image page end to end: files dropped on the drop zone are inspected on a worker, the report
// appears with the right verdicts, and Next follows compliance. Stale results never show.
#include "../DragDrop.h"
#include "TestSupport.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "WizardSession.h"
#include "pages/ImagePage.h"
#include "widgets/DropZone.h"
#include "widgets/ReportView.h"

#include "policy/Policy.h"
#include "policy/ReportHtml.h"
#include "policy/ReportJson.h"
#include "repair/FixScript.h"
#include "util/Units.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>

#include <memory>
#include <optional>

using namespace cvmi;
using ui::ImportWizard;

namespace {

constexpr int kInspectionTimeoutMs = 30000;

// The built-in rules reduced to what the base fixtures can satisfy (the file and its disk
// layout): their tiny guest is no supported distribution, so under the full rules nothing is
// compliant. The checks themselves are the real ones, read from the shipped rule file.
std::optional<policy::Policy> imageAndLayoutRules()
{
    QFile file(QStringLiteral(":/policy/tencent-cvm-default.json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray kept;
    for (const auto& rule : document.value(QStringLiteral("rules")).toArray()) {
        const QString group = rule.toObject().value(QStringLiteral("group")).toString();
        if (group == QLatin1String("image") || group == QLatin1String("layout"))
            kept.append(rule);
    }
    document.insert(QStringLiteral("rules"), kept);
    Error error;
    auto rules = policy::Policy::fromJson(QJsonDocument(document).toJson(),
                                          QStringLiteral("image-and-layout"), &error);
    if (!rules)
        qWarning("%s", qPrintable(error.message));
    return rules;
}

// A size as the estimate's line writes it: one unit with its number, never broken apart.
QString nbsp(QString size)
{
    return size.replace(u' ', QChar::Nbsp);
}

QMimeData* urlMime(const QUrl& url)
{
    auto* mime = new QMimeData;
    mime->setUrls({url});
    return mime;
}

} // namespace

class TestImagePage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void dragHighlightsOnlyForLocalFiles();
    void compliantImageEnablesNext();
    void gptImageFailsWithFix();
    void lvmRootShowsItsVolumes();
    void nonImageShowsError();
    void dropOnTheEmptyArea();
    void forgottenImageLeavesNothing();
    void cancelWhileRunningDropsStaleResult();
    void quickSecondDropWins();
    void passedRuleDetailsFold();
    void everyRuleGroupHasAHeading();
    void saveReportWritesJsonAndHtml();
    void saveReportErrorSaysWhy();
    void saveFixScriptWritesTheReportsScript();
    void sendEstimateLineForSparseRaw();
    void sendEstimateHiddenWhenItFails();

private:
    ui::ImagePage* page() const { return m_wizard->imagePage(); }
    ui::ReportView* report() const
    {
        return page()->findChild<ui::ReportView*>(QStringLiteral("reportView"));
    }
    bool drop(const QString& path);
    QAbstractButton* advanceButton() const;
    QWidget* row(const QString& ruleId) const;
    QString verdictOf(const QString& ruleId) const;
    bool iconMatchesVerdict(const QString& ruleId) const;
    // Drops `file` (a base disk) and waits for its report.
    bool showReport(const QString& file);
    // Waits until no worker is left, then lets its queued continuation run: after this, any
    // result that was going to arrive has arrived.
    static void drainWorkers();

    std::unique_ptr<ImportWizard> m_wizard;
};

void TestImagePage::initTestCase()
{
    for (const char* name : {"mbr-ext4.raw", "gpt-ext4.raw"})
        QVERIFY2(QFile::exists(test::baseDisk(QLatin1String(name))), name);
    // The icons live in cvmi_ui's resources; without them every icon would be blank and the icon
    // comparisons below would compare nothing.
    for (const auto verdict : {policy::Verdict::Pass, policy::Verdict::Warn, policy::Verdict::Fail,
                               policy::Verdict::Unknown}) {
        const QImage icon = ui::verdictPixmap(verdict, 20, 1.0).toImage();
        QVERIFY(QFile::exists(ui::verdictIconResource(verdict)));
        QVERIFY(icon.pixelColor(10, 10).alpha() > 0);
    }
}

void TestImagePage::init()
{
    m_wizard = std::make_unique<ImportWizard>();
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestImagePage::cleanup()
{
    m_wizard.reset();
    drainWorkers();
}

// Sends the events a real drag produces (enter, then drop) to the drop zone, so that the zone's
// own dragEnterEvent/dropEvent decide; true when both were accepted.
bool TestImagePage::drop(const QString& path)
{
    ui::DropZone* zone = page()->findChild<ui::DropZone*>(QStringLiteral("dropZone"));
    const std::unique_ptr<QMimeData> mime(urlMime(QUrl::fromLocalFile(path)));
    const QPoint pos = zone->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(zone, &enter);
    if (!enter.isAccepted() || !zone->isHighlighted())
        return false;
    QSignalSpy chosen(zone, &ui::DropZone::fileChosen);
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(zone, &dropEvent);
    return dropEvent.isAccepted() && dropEvent.dropAction() == Qt::CopyAction &&
           !zone->isHighlighted() && chosen.count() == 1 && chosen.at(0).at(0).toString() == path;
}

QAbstractButton* TestImagePage::advanceButton() const
{
    // Next while later pages exist, Finish while the Image page is the last one.
    QAbstractButton* next = m_wizard->button(QWizard::NextButton);
    return next->isVisible() ? next : m_wizard->button(QWizard::FinishButton);
}

QWidget* TestImagePage::row(const QString& ruleId) const
{
    return report()->findChild<QWidget*>(QStringLiteral("rule:") + ruleId);
}

QString TestImagePage::verdictOf(const QString& ruleId) const
{
    QWidget* w = row(ruleId);
    return w ? w->property("verdict").toString() : QString();
}

bool TestImagePage::iconMatchesVerdict(const QString& ruleId) const
{
    QWidget* w = row(ruleId);
    auto* icon = w ? w->findChild<QLabel*>(QStringLiteral("verdictIcon")) : nullptr;
    if (!icon || icon->pixmap().isNull())
        return false;
    const auto& rules = m_wizard->session()->inspection().report.rules;
    for (const auto& rule : rules) {
        if (rule.id != ruleId)
            continue;
        const QPixmap expected =
            ui::verdictPixmap(rule.verdict, icon->width(), icon->pixmap().devicePixelRatio());
        return icon->property("verdict").toString() == policy::verdictName(rule.verdict) &&
               icon->pixmap().toImage() == expected.toImage();
    }
    return false;
}

bool TestImagePage::showReport(const QString& file)
{
    if (!drop(test::baseDisk(file)))
        return false;
    return QTest::qWaitFor([this] { return report()->hasReport(); }, kInspectionTimeoutMs) &&
           m_wizard->session()->hasInspection();
}

void TestImagePage::drainWorkers()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kInspectionTimeoutMs));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void TestImagePage::dragHighlightsOnlyForLocalFiles()
{
    ui::DropZone* zone = page()->findChild<ui::DropZone*>(QStringLiteral("dropZone"));
    const std::unique_ptr<QMimeData> remote(
        urlMime(QUrl(QStringLiteral("https://example.com/disk.qcow2"))));
    QDragEnterEvent remoteEnter(zone->rect().center(), Qt::CopyAction, remote.get(), Qt::LeftButton,
                                Qt::NoModifier);
    QApplication::sendEvent(zone, &remoteEnter);
    QVERIFY(!remoteEnter.isAccepted());
    QVERIFY(!zone->isHighlighted());

    const std::unique_ptr<QMimeData> local(
        urlMime(QUrl::fromLocalFile(test::baseDisk(QStringLiteral("mbr-ext4.raw")))));
    QDragEnterEvent enter(zone->rect().center(), Qt::CopyAction, local.get(), Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(zone, &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(zone->isHighlighted());
    QDragLeaveEvent leave;
    QApplication::sendEvent(zone, &leave);
    QVERIFY(!zone->isHighlighted());
    QVERIFY(!page()->isInspecting());
}

void TestImagePage::compliantImageEnablesNext()
{
    const auto rules = imageAndLayoutRules();
    QVERIFY(rules);
    m_wizard->setPolicy(*rules);
    const QString path = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QVERIFY(!advanceButton()->isEnabled());
    QVERIFY(drop(path));

    // The worker has the file; the page shows progress and cannot advance yet.
    QVERIFY(page()->isInspecting());
    auto* cancel = page()->findChild<QPushButton*>(QStringLiteral("cancelInspection"));
    QVERIFY(cancel && cancel->isVisible());
    QVERIFY(!advanceButton()->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);
    QVERIFY(!cancel->isVisible());
    QVERIFY(report()->isVisible());

    const auto& result = m_wizard->session()->inspection();
    QCOMPARE(result.facts.path, path);
    QVERIFY(!result.report.rules.isEmpty());
    QCOMPARE(report()->ruleCount(), result.report.rules.size());
    for (const auto& rule : result.report.rules) {
        QVERIFY2(row(rule.id), qPrintable(rule.id));
        QCOMPARE(verdictOf(rule.id), policy::verdictName(rule.verdict));
        QVERIFY2(iconMatchesVerdict(rule.id), qPrintable(rule.id));
        QVERIFY2(rule.verdict != policy::Verdict::Fail, qPrintable(rule.id));
    }
    for (const char* id :
         {"image.readable", "image.format", "disk.partition_table", "disk.filesystem"})
        QCOMPARE(verdictOf(QLatin1String(id)), QStringLiteral("pass"));
    // A passing rule shows its evidence but no fix.
    QVERIFY(row(QStringLiteral("disk.partition_table"))
                ->findChild<QLabel*>(QStringLiteral("ruleEvidence")));
    QVERIFY(!row(QStringLiteral("disk.partition_table"))
                 ->findChild<QLabel*>(QStringLiteral("ruleFix")));

    auto* headline = report()->findChild<QLabel*>(QStringLiteral("summaryHeadline"));
    QVERIFY(headline);
    QVERIFY2(headline->text() == QStringLiteral("Ready to import") ||
                 headline->text() == QStringLiteral("Importable: read the warnings"),
             qPrintable(headline->text()));
    QVERIFY(!report()->findChild<QWidget*>(QStringLiteral("errorBox")));
    QVERIFY(page()->isComplete());
    QVERIFY(advanceButton()->isEnabled());
    QCOMPARE(m_wizard->field(QStringLiteral("image.path")).toString(), path);
}

void TestImagePage::gptImageFailsWithFix()
{
    // The full built-in rules: whatever else they find, the GPT table alone blocks the import.
    QVERIFY(drop(test::baseDisk(QStringLiteral("gpt-ext4.raw"))));
    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);

    QCOMPARE(verdictOf(QStringLiteral("disk.partition_table")), QStringLiteral("fail"));
    QVERIFY(iconMatchesVerdict(QStringLiteral("disk.partition_table")));
    QCOMPARE(verdictOf(QStringLiteral("image.format")), QStringLiteral("pass"));
    auto* fix =
        row(QStringLiteral("disk.partition_table"))->findChild<QLabel*>(QStringLiteral("ruleFix"));
    QVERIFY(fix);
    QVERIFY(fix->isVisible());
    QVERIFY(fix->text().contains(QStringLiteral("sgdisk")));

    auto* headline = report()->findChild<QLabel*>(QStringLiteral("summaryHeadline"));
    QVERIFY(headline && headline->text().startsWith(QStringLiteral("Not importable")));
    QVERIFY(!page()->isComplete());
    QVERIFY(!advanceButton()->isEnabled());
}

// CentOS 7's default layout: the root is found inside LVM, on XFS; the report lists the logical
// volumes and the file-system rule names the root and the partition to convert.
void TestImagePage::lvmRootShowsItsVolumes()
{
    QVERIFY(drop(test::fixtureDir() + QStringLiteral("/el/centos7-lvm.raw")));
    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);
    auto* volumes = report()->findChild<QWidget*>(QStringLiteral("logicalVolumes"));
    QVERIFY(volumes);
    QStringList texts;
    for (const QLabel* label : volumes->findChildren<QLabel*>())
        texts << label->text();
    QVERIFY2(texts.contains(QStringLiteral("centos/root")), qPrintable(texts.join(u'|')));
    QVERIFY2(texts.contains(QStringLiteral("centos/swap")), qPrintable(texts.join(u'|')));
    QVERIFY2(texts.filter(QStringLiteral("xfs · 64.0 MiB")).size() == 1,
             qPrintable(texts.join(u'|')));
    QCOMPARE(verdictOf(QStringLiteral("os.detected")), QStringLiteral("pass"));
    QCOMPARE(verdictOf(QStringLiteral("disk.filesystem")), QStringLiteral("fail"));
    auto* evidence =
        row(QStringLiteral("disk.filesystem"))->findChild<QLabel*>(QStringLiteral("ruleEvidence"));
    QVERIFY(evidence && evidence->text().contains(QStringLiteral("centos/root")));
    auto* fix =
        row(QStringLiteral("disk.filesystem"))->findChild<QLabel*>(QStringLiteral("ruleFix"));
    QVERIFY(fix && fix->text().contains(QStringLiteral("partition 2")));
    // The form is prefilled from the system inside LVM.
    QCOMPARE(m_wizard->session()->inspection().report.form.osType, QStringLiteral("CentOS"));
}

void TestImagePage::nonImageShowsError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("These are notes, not a disk image.\n");
    file.close();

    QVERIFY(drop(path));
    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);

    const auto& facts = m_wizard->session()->inspection().facts;
    QVERIFY(facts.error.isSet());
    auto* box = report()->findChild<QWidget*>(QStringLiteral("errorBox"));
    QVERIFY(box && box->isVisible());
    auto* code = box->findChild<QLabel*>(QStringLiteral("errorCode"));
    auto* message = box->findChild<QLabel*>(QStringLiteral("errorMessage"));
    QVERIFY(code && code->text().contains(facts.error.code));
    QVERIFY(message);
    QCOMPARE(QTextDocumentFragment::fromHtml(message->text()).toPlainText(),
             QString(facts.error.message).remove(u'`'));
    QCOMPARE(verdictOf(QStringLiteral("image.readable")), QStringLiteral("fail"));
    QVERIFY(!advanceButton()->isEnabled());

    // The reason once (in the box, not again as the rule's evidence), and the rules that need a
    // readable disk in one line instead of a grey row each.
    int shown = 0;
    for (const QLabel* label : report()->findChildren<QLabel*>()) {
        const QString plain = QTextDocumentFragment::fromHtml(label->text()).toPlainText();
        shown += plain.contains(QString(facts.error.message).remove(u'`')) ? 1 : 0;
    }
    QCOMPARE(shown, 1);
    int undetermined = 0;
    for (const auto& rule : m_wizard->session()->inspection().report.rules) {
        if (rule.verdict == policy::Verdict::Unknown) {
            ++undetermined;
            QVERIFY2(!row(rule.id), qPrintable(rule.id));
        }
    }
    QVERIFY(undetermined > 10);
    auto* more = report()->findChild<QLabel*>(QStringLiteral("skippedRules"));
    QVERIFY(more && more->isVisible());
    QCOMPARE(more->text(),
             QStringLiteral("Checks that need a readable disk image: %1 more.").arg(undetermined));
}

// The large empty report area below the drop zone takes a drop as the zone does, lit up while
// the drag hovers.
void TestImagePage::dropOnTheEmptyArea()
{
    ui::DropZone* zone = page()->findChild<ui::DropZone*>(QStringLiteral("dropZone"));
    QVERIFY(!report()->hasReport());
    const QPoint pos = report()->mapTo(m_wizard.get(), report()->rect().center());
    const QString path = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QVERIFY(test::dragEnterAt(m_wizard.get(), pos, path));
    QVERIFY(zone->isHighlighted());
    QVERIFY(test::dropAt(m_wizard.get(), pos, path));
    QVERIFY(!zone->isHighlighted());
    QVERIFY(page()->isInspecting());
    QCOMPARE(m_wizard->session()->imagePath(), path);
    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);
}

// "Import Another Image" forgets the image: the page shows neither its name nor its report.
void TestImagePage::forgottenImageLeavesNothing()
{
    QVERIFY(showReport(QStringLiteral("mbr-ext4.raw")));
    m_wizard->session()->setImagePath({});
    QVERIFY(!report()->hasReport());
    QVERIFY(report()->findChild<QLabel*>(QStringLiteral("reportMessage")));
    auto* headline = page()
                         ->findChild<ui::DropZone*>(QStringLiteral("dropZone"))
                         ->findChild<QLabel*>(QStringLiteral("dropHeadline"));
    QVERIFY(headline && headline->text().startsWith(QStringLiteral("Drop a disk image")));
    QVERIFY(!page()->findChild<QPushButton*>(QStringLiteral("saveReport"))->isEnabled());
}

void TestImagePage::cancelWhileRunningDropsStaleResult()
{
    QSignalSpy shown(page(), &ui::ImagePage::inspectionShown);
    QVERIFY(drop(test::baseDisk(QStringLiteral("mbr-ext4.raw"))));
    QVERIFY(page()->isInspecting());
    auto* cancel = page()->findChild<QPushButton*>(QStringLiteral("cancelInspection"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QVERIFY(!page()->isInspecting());
    QVERIFY(!cancel->isVisible());
    QVERIFY(report()->findChild<QLabel*>(QStringLiteral("reportMessage")));
    drainWorkers(); // the cancelled worker's result, if any, has now been delivered and dropped
    QCOMPARE(shown.count(), 0);
    QVERIFY(!report()->hasReport());
    QVERIFY(!m_wizard->session()->hasInspection());
    QVERIFY(!advanceButton()->isEnabled());

    const QString gpt = test::baseDisk(QStringLiteral("gpt-ext4.raw"));
    QVERIFY(drop(gpt));
    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);
    drainWorkers();
    QCOMPARE(shown.count(), 1);
    QCOMPARE(m_wizard->session()->inspection().facts.path, gpt);
    QCOMPARE(verdictOf(QStringLiteral("disk.partition_table")), QStringLiteral("fail"));
}

void TestImagePage::quickSecondDropWins()
{
    QSignalSpy shown(page(), &ui::ImagePage::inspectionShown);
    const QString gpt = test::baseDisk(QStringLiteral("gpt-ext4.raw"));
    QVERIFY(drop(test::baseDisk(QStringLiteral("mbr-ext4.raw"))));
    QVERIFY(drop(gpt));

    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);
    drainWorkers(); // both workers are done: the first one's result had its chance to show
    QCOMPARE(shown.count(), 1);
    QCOMPARE(m_wizard->session()->imagePath(), gpt);
    QCOMPARE(m_wizard->session()->inspection().facts.path, gpt);
    QCOMPARE(verdictOf(QStringLiteral("disk.partition_table")), QStringLiteral("fail"));
    auto* headline = page()
                         ->findChild<ui::DropZone*>(QStringLiteral("dropZone"))
                         ->findChild<QLabel*>(QStringLiteral("dropHeadline"));
    QVERIFY(headline && headline->text().startsWith(QStringLiteral("gpt-ext4.raw")));
    QVERIFY(!advanceButton()->isEnabled());
}

void TestImagePage::passedRuleDetailsFold()
{
    const auto rules = imageAndLayoutRules();
    QVERIFY(rules);
    m_wizard->setPolicy(*rules);
    QVERIFY(showReport(QStringLiteral("mbr-ext4.raw")));

    // The rules are grouped under their headings.
    QStringList headings;
    for (const auto* label : report()->findChildren<QLabel*>())
        headings << label->text();
    QVERIFY(headings.contains(QStringLiteral("Image file")));
    QVERIFY(headings.contains(QStringLiteral("Disk layout")));

    QWidget* passed = row(QStringLiteral("disk.partition_table"));
    QVERIFY(passed);
    QCOMPARE(passed->property("verdict").toString(), QStringLiteral("pass"));
    QVERIFY(!passed->accessibleName().isEmpty());
    auto* evidence = passed->findChild<QLabel*>(QStringLiteral("ruleEvidence"));
    auto* toggle = passed->findChild<QToolButton*>(QStringLiteral("ruleDisclosure"));
    auto* title = passed->findChild<QLabel*>(QStringLiteral("ruleTitle"));
    QVERIFY(evidence && toggle && title);
    QVERIFY(toggle->isVisible());
    QVERIFY(toggle->accessibleName().contains(title->text()));
    QVERIFY(toggle->focusPolicy() & Qt::TabFocus);
    // Folded at first: the title shows, the evidence does not.
    QVERIFY(title->isVisible());
    QVERIFY(!evidence->isVisible());
    QVERIFY(!toggle->property("expanded").toBool());

    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(evidence->isVisible());
    QVERIFY(toggle->property("expanded").toBool());
    toggle->setFocus(Qt::TabFocusReason);
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(!evidence->isVisible());
    QTest::keyClick(toggle, Qt::Key_Return);
    QVERIFY(evidence->isVisible());
    QTest::keyClick(toggle, Qt::Key_Enter);
    QVERIFY(!evidence->isVisible());
    // The title is a larger target for the same switch.
    QTest::mouseClick(title, Qt::LeftButton);
    QVERIFY(evidence->isVisible());
    QVERIFY(toggle->property("expanded").toBool());
}

void TestImagePage::everyRuleGroupHasAHeading()
{
    QFile file(QStringLiteral(":/policy/tencent-cvm-default.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QSet<QString> groups;
    for (const auto& rule : document.value(QStringLiteral("rules")).toArray())
        groups.insert(rule.toObject().value(QStringLiteral("group")).toString());
    QVERIFY(groups.size() >= 5);
    for (const QString& group : groups)
        QVERIFY2(policy::ruleGroupTitle(group) != group, qPrintable(group));
    QCOMPARE(policy::ruleGroupTitle(QStringLiteral("licence")), QStringLiteral("Licensing"));
    QCOMPARE(policy::ruleGroupTitle(QStringLiteral("practice")), QStringLiteral("Good practice"));
}

void TestImagePage::saveReportWritesJsonAndHtml()
{
    auto* save = page()->findChild<QPushButton*>(QStringLiteral("saveReport"));
    QVERIFY(save);
    QVERIFY(!save->isEnabled());
    QVERIFY(showReport(QStringLiteral("gpt-ext4.raw")));
    QVERIFY(save->isEnabled());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::optional<ui::ReportTarget> answer;
    QStringList suggestions;
    page()->setSavePathChooser([&](const QString& suggested) {
        suggestions << suggested;
        return answer;
    });

    // Cancelled: nothing is written.
    QVERIFY(!page()->saveReport());
    QCOMPARE(suggestions.size(), 1);
    QVERIFY(suggestions.first().endsWith(QStringLiteral("gpt-ext4-check.json")));
    QVERIFY(QDir(dir.path()).isEmpty());

    const auto& result = m_wizard->session()->inspection();
    const QString jsonPath = dir.filePath(QStringLiteral("report.json"));
    answer = ui::ReportTarget{jsonPath, ui::ReportTarget::Format::Json};
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(suggestions.size(), 2);
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray jsonBytes = json.readAll();
    const QJsonObject expected = policy::checkResultToJson(result.facts, result.report);
    QCOMPARE(jsonBytes, QJsonDocument(expected).toJson(QJsonDocument::Indented));
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(jsonBytes, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object(), expected);

    const QString htmlPath = dir.filePath(QStringLiteral("report.html"));
    answer = ui::ReportTarget{htmlPath, ui::ReportTarget::Format::Html};
    QVERIFY(page()->saveReport());
    QFile htmlFile(htmlPath);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(htmlFile.readAll());
    QCOMPARE(html, policy::reportToHtml(result.facts, result.report));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("</html>")));
    QVERIFY(!result.report.rules.isEmpty());
    for (const auto& rule : result.report.rules)
        QVERIFY2(html.contains(rule.title.toHtmlEscaped()), qPrintable(rule.id));
    QVERIFY(html.contains(QStringLiteral("gpt-ext4.raw")));
    QVERIFY(html.contains(QStringLiteral("sgdisk"))); // the partition table's fix
    // Self-contained: no scripts, no links to anything outside.
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("src="), Qt::CaseInsensitive));
}

void TestImagePage::saveReportErrorSaysWhy()
{
    QVERIFY(showReport(QStringLiteral("mbr-ext4.raw")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing/folder/report.json"));
    page()->setSavePathChooser([&](const QString&) {
        return std::optional<ui::ReportTarget>(
            ui::ReportTarget{path, ui::ReportTarget::Format::Json});
    });
    QString shownText, shownReason;
    QTimer::singleShot(0, page(), [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        shownText = box->text();
        shownReason = box->informativeText();
        box->accept();
    });
    QVERIFY(!page()->saveReport());
    QVERIFY2(shownText.contains(path), qPrintable(shownText));
    QVERIFY(!shownReason.isEmpty());
    QVERIFY(!QFile::exists(path));
}

// Issue 17: "Save Fix Script…" is offered only when the report has a rule the script can fix,
// names those rules, and writes the script the check's own facts make (executable).
void TestImagePage::saveFixScriptWritesTheReportsScript()
{
    auto* button = page()->findChild<QPushButton*>(QStringLiteral("saveFixScript"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled()); // no report yet

    // Ubuntu configured for ens3 with IPv6: renaming and IPv6 off are steps of the script.
    const QString ubuntu = test::fixtureDir() + QStringLiteral("/linux/ubuntu2204.raw");
    QVERIFY(drop(ubuntu));
    QVERIFY(QTest::qWaitFor(
        [this, &ubuntu] {
            return report()->hasReport() && m_wizard->session()->hasInspection() &&
                   m_wizard->session()->inspection().facts.path == ubuntu;
        },
        kInspectionTimeoutMs));
    QTRY_VERIFY(button->isEnabled());
    QVERIFY2(button->toolTip().contains(QStringLiteral("network.eth0_only")),
             qPrintable(button->toolTip()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList suggestions;
    QString answer;
    page()->setFixScriptPathChooser([&](const QString& suggested) {
        suggestions << suggested;
        return answer;
    });
    QVERIFY(!page()->saveFixScript()); // cancelled: nothing written
    QCOMPARE(suggestions.size(), 1);
    QVERIFY(suggestions.first().endsWith(QStringLiteral("ubuntu2204-fix.sh")));
    QVERIFY(QDir(dir.path()).isEmpty());

    answer = dir.filePath(QStringLiteral("fix.sh"));
    QTest::mouseClick(button, Qt::LeftButton);
    QFile file(answer);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto& result = m_wizard->session()->inspection();
    const repair::FixScript expected =
        repair::buildFixScript(result.facts, result.report, QCoreApplication::applicationVersion());
    QCOMPARE(QString::fromUtf8(file.readAll()), expected.text);
    QVERIFY(expected.text.contains(QStringLiteral("step 'network.eth0_only'")));
    QVERIFY(QFileInfo(answer).isExecutable());
}

// Issue 16: beside the check, a worker estimates what a converted upload would send; the line
// under the report says it with the project's units and that it is an estimate.
void TestImagePage::sendEstimateLineForSparseRaw()
{
    auto* line = page()->findChild<QLabel*>(QStringLiteral("sendEstimate"));
    QVERIFY(line);
    QVERIFY(!line->isVisible()); // nothing chosen yet
    const QString path = test::baseDisk(QStringLiteral("mbr-ext4.raw"));
    QVERIFY(showReport(QStringLiteral("mbr-ext4.raw")));
    QTRY_VERIFY_WITH_TIMEOUT(line->isVisible(), kInspectionTimeoutMs);
    const ui::SendEstimate& s = m_wizard->session()->sendEstimate();
    QVERIFY(s.isValid());
    QCOMPARE(s.path, path);
    const qint64 fileSize = QFileInfo(path).size();
    QCOMPARE(s.estimate->fileSize, uint64_t(fileSize));
    // A small ext4 in a mostly empty disk: far less than the file, hence worth converting.
    QVERIFY2(s.estimate->estimatedBytes * 2 < s.estimate->fileSize,
             qPrintable(QString::number(s.estimate->estimatedBytes)));
    QVERIFY(s.estimate->worthConverting());
    QCOMPARE(line->text(),
             QStringLiteral("Sent as a compressed qcow2: about %1 instead of %2 (an estimate from "
                            "the disk's map and a sample).")
                 .arg(nbsp(formatBytes(s.estimate->estimatedBytes)),
                      nbsp(formatBytes(uint64_t(fileSize)))));
    QVERIFY(line->toolTip().contains(nbsp(formatBytes(s.estimate->mappedBytes))));

    // Forgotten with the image.
    m_wizard->session()->setImagePath({});
    QVERIFY(!line->isVisible());
    QVERIFY(!m_wizard->session()->sendEstimate().isValid());
}

// An image the estimate cannot read shows no line; the previous image's line does not stay.
void TestImagePage::sendEstimateHiddenWhenItFails()
{
    auto* line = page()->findChild<QLabel*>(QStringLiteral("sendEstimate"));
    QVERIFY(showReport(QStringLiteral("mbr-ext4.raw")));
    QTRY_VERIFY_WITH_TIMEOUT(line->isVisible(), kInspectionTimeoutMs);

    // A qcow2 header cut short: the magic and a version no reader knows.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.qcow2"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("QFI\xfb\x00\x00\x00\x63", 8) + QByteArray(504, '\x01'));
    file.close();
    QVERIFY(drop(path));
    QVERIFY(!line->isVisible()); // the previous image's estimate went with it
    QTRY_VERIFY_WITH_TIMEOUT(report()->hasReport(), kInspectionTimeoutMs);
    drainWorkers();
    const ui::SendEstimate& s = m_wizard->session()->sendEstimate();
    QCOMPARE(s.path, path);
    QVERIFY(!s.isValid());
    QVERIFY(!s.error.isEmpty());
    QVERIFY(!line->isVisible());
}

QTEST_MAIN(TestImagePage)
#include "tst_imagepage.moc"

// The Image page end to end: files dropped on the drop zone are inspected on a worker, the report
// appears with the right verdicts, and Next follows compliance. Stale results never show.
#include "TestSupport.h"

#include "DropZone.h"
#include "Icons.h"
#include "ImagePage.h"
#include "ImportWizard.h"
#include "ReportView.h"
#include "WizardSession.h"

#include "policy/Policy.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QThreadPool>

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
    void nonImageShowsError();
    void cancelWhileRunningDropsStaleResult();
    void quickSecondDropWins();

private:
    ui::ImagePage* page() const { return m_wizard->imagePage(); }
    ui::ReportView* report() const { return page()->reportView(); }
    bool drop(const QString& path);
    QAbstractButton* advanceButton() const;
    QWidget* row(const QString& ruleId) const;
    QString verdictOf(const QString& ruleId) const;
    bool iconMatchesVerdict(const QString& ruleId) const;
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
    ui::DropZone* zone = page()->dropZone();
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

void TestImagePage::drainWorkers()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kInspectionTimeoutMs));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void TestImagePage::dragHighlightsOnlyForLocalFiles()
{
    ui::DropZone* zone = page()->dropZone();
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
    auto* headline = page()->dropZone()->findChild<QLabel*>(QStringLiteral("dropHeadline"));
    QVERIFY(headline && headline->text().startsWith(QStringLiteral("gpt-ext4.raw")));
    QVERIFY(!advanceButton()->isEnabled());
}

QTEST_MAIN(TestImagePage)
#include "tst_imagepage.moc"

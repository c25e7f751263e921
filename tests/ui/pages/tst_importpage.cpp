// The Import page against the in-process emulator, driven as a user would (clicking Import, Dry
// run only, Follow): an uploaded disk becomes NORMAL with its ImageId on screen, a notification
// and a history entry; a missing object ends IMPORTFAILED with the reason and what to try; an
// account without cvm:ImportImage is refused at the permission step with the remedy; an invalid
// form sends nothing; the wizard can be closed while following and the import followed again from
// the history list; the page reached without a form says what is missing; and no secret (nor a
// pre-signed URL's signature) reaches a log line, the screen or the history file. At NORMAL the
// page is done: a second Import leaves that view alone, Copy Summary copies the ImageId and the
// CRC-64, Open in Console opens the region's image list, Import Another Image starts the wizard
// again on the Image page with nothing of the last image; while followed, the time so far and
// the countdown to the next check move every second.
#include "CloudTestSupport.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ImportNotifier.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "widgets/ImportHistoryList.h"
#include "widgets/ImportStageList.h"
#include "widgets/SummaryTable.h"

#include "cloud/ConsoleLinks.h"
#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>
#include <QUrlQuery>
#include <QtEndian>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using Outcome = importrun::ImportRunner::Outcome;
using State = ui::ImportStageList::State;
using Step = ui::ImportStageList::Step;
using ui::ImportPage;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kGoodKey = QStringLiteral("disks/good.qcow2");

// A page on its own with a session holding an account and (unless told otherwise) a form.
struct Harness {
    ui::WizardSession session;
    std::unique_ptr<ImportPage> page;
    std::unique_ptr<QSignalSpy> notified;

    Harness(const emu::CloudEmulator& emulator, const QString& historyDir, const QString& id = kId,
            const QString& key = kKey)
    {
        session.setAccount(credentials(id, key), kRegion, endpointsFor(emulator));
        page = std::make_unique<ImportPage>(&session);
        page->setHistoryDir(historyDir);
        importrun::ImportRunner::Backoff fast;
        fast.initialMs = 50;
        fast.maxMs = 200;
        fast.maxTransientRetries = 3;
        page->setBackoff(fast);
        notified = std::make_unique<QSignalSpy>(page->findChild<ui::ImportNotifier*>(),
                                                &ui::ImportNotifier::notified);
        page->show();
    }

    // Clicks `button` and waits for the end; returns importFinished's outcome.
    std::optional<Outcome> run(QPushButton* button)
    {
        QSignalSpy finished(page.get(), &ImportPage::importFinished);
        if (!button->isEnabled() || !button->isVisible())
            return std::nullopt;
        QTest::mouseClick(button, Qt::LeftButton);
        // An invalid form ends inside the click, before any wait.
        if (finished.isEmpty() && !finished.wait(kTimeoutMs))
            return std::nullopt;
        return finished.first().first().value<Outcome>();
    }

    State state(Step step) const
    {
        return page->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
            ->line(step)
            .state;
    }
    QString text(Step step) const
    {
        return page->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
            ->lineText(step);
    }
};

std::optional<importrun::ImportRecord> stored(const QString& dir, const QString& imageId)
{
    Error error;
    return importrun::ImportHistory(dir).find(imageId, &error);
}

QStringList visibleTexts(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts.append(label->text() + label->toolTip() + label->accessibleDescription());
    for (const QLineEdit* edit : root->findChildren<QLineEdit*>())
        texts.append(edit->text());
    for (const QTreeWidget* tree : root->findChildren<QTreeWidget*>()) {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            for (int c = 0; c < tree->columnCount(); ++c)
                texts.append(tree->topLevelItem(i)->text(c) + tree->topLevelItem(i)->toolTip(c));
        }
    }
    return texts;
}

} // namespace

// Stands in for the web browser: the URLs QDesktopServices was asked to open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl& url) { urls.append(url); }
};

class TestImportPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    QTemporaryDir m_history;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        captureLogs();
        QLoggingCategory::setFilterRules(QStringLiteral("cvmi.*.debug=true"));
        QVERIFY(m_history.isValid());
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        m_emulator->setImportDelayMs(300);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(kBucket, kRegion, false, &error), qPrintable(error));
        cloud::HttpClient http;
        cloud::CosClient cos(&http, endpointsFor(*m_emulator), credentials(kId, kKey));
        cloud::CosClient::Call put;
        put.method = "PUT";
        put.host = cloud::CosClient::bucketHost(kBucket, kRegion);
        put.key = kGoodKey;
        put.body = qcow2Header(quint64(10) << 30);
        const auto result = cloud::waitFor(cos.send(put));
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    }

    void wizardEndsHere()
    {
        ui::ImportWizard wizard;
        QCOMPARE(wizard.page(ui::ImportWizard::PageImport), wizard.importPage());
        QCOMPARE(wizard.pageIds().constLast(), int(ui::ImportWizard::PageImport));
        QVERIFY(wizard.importPage()->isFinalPage());
    }

    void reachedWithoutForm()
    {
        ui::WizardSession session;
        ImportPage page(&session);
        page.setHistoryDir(m_history.path());
        page.show();
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("missingLabel"))
                    ->text()
                    .contains(QLatin1String("import form")));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("missingLabel"))
                    ->text()
                    .contains(QLatin1String("account")));
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
        QVERIFY(!page.isComplete());

        // The form arrives (the Form page stores it): only the account is missing then.
        session.setImportForm(importFormFor(kGoodKey, QStringLiteral("later")));
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("missingLabel"))
                     ->text()
                     .contains(QLatin1String("import form")));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("missingLabel"))
                    ->text()
                    .contains(QLatin1String("account")));
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
        session.setAccount(credentials(kId, kKey), kRegion, endpointsFor(*m_emulator));
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
    }

    void summaryWithoutSignature()
    {
        Harness h(*m_emulator, m_history.path());
        importform::ImportForm f = importFormFor(kGoodKey, QStringLiteral("summary-name"));
        f.imageUrl += QStringLiteral("?q-sign-algorithm=sha1&q-ak=AKIDX&q-signature=deadbeef01");
        h.session.setImportForm(f);
        // What the label shows, and its tool tip: the whole rows when the page is too narrow
        // for a name or the URL, which are then elided.
        const auto* label = h.page->findChild<QLabel*>(QStringLiteral("summaryLabel"));
        const QString summary = label->text() + label->toolTip();
        for (const QString& part : {QStringLiteral("summary-name"), QStringLiteral("CentOS"),
                                    QStringLiteral("7"), QStringLiteral("x86_64"), kRegion,
                                    cloud::CosClient::objectUrl(kBucket, kRegion, kGoodKey)})
            QVERIFY2(summary.contains(part), qPrintable(part));
        QVERIFY(!summary.contains(QLatin1String("q-signature")));
        QVERIFY(!summary.contains(QLatin1String("deadbeef01")));
        QVERIFY(!h.page->findChild<QPushButton*>(QStringLiteral("dryRunButton"))
                     ->isVisible()); // the form asked for no dry run
    }

    void importReachesNormal()
    {
        Harness h(*m_emulator, m_history.path());
        h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-normal")));
        QVERIFY(!h.page->isComplete()); // nothing imported yet
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::Normal);

        for (Step step : {Step::Validate, Step::Permission, Step::Import, Step::Follow})
            QVERIFY2(h.state(step) == State::Ok, qPrintable(h.text(step)));
        QVERIFY(!h.text(Step::Permission).contains(QLatin1String("RequestId")));
        QVERIFY(h.text(Step::Follow).contains(QLatin1String("NORMAL")));
        const QString id = h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->text();
        QVERIFY2(id.startsWith(QLatin1String("img-")), qPrintable(id));
        QVERIFY(h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->isVisible());
        QVERIFY(h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))
                    ->isReadOnly()); // selectable and copyable, not editable
        QVERIFY(h.text(Step::Import).contains(id));
        const QString result = h.page->findChild<QLabel*>(QStringLiteral("resultLabel"))->text();
        QVERIFY2(result.contains(id) && result.contains(QLatin1String("is ready")),
                 qPrintable(result));
        QVERIFY(result.contains(QLatin1String("Create instance")));
        QVERIFY(h.page->isComplete());
        QVERIFY(!h.page->findChild<QLabel*>(QStringLiteral("finishNote"))->isVisible());

        QCOMPARE(h.notified->size(), 1);
        QVERIFY(h.notified->first().at(0).toString().contains(id));
        QVERIFY(h.notified->first().at(1).toString().contains(QLatin1String("is ready")));
        // Offscreen has no system tray: the task bar entry asks for attention instead.
        QCOMPARE(h.notified->first().at(2).value<ui::ImportNotifier::Channel>(),
                 QSystemTrayIcon::isSystemTrayAvailable() ? ui::ImportNotifier::Channel::Tray
                                                          : ui::ImportNotifier::Channel::Alert);

        const auto record = stored(m_history.path(), id);
        QVERIFY(record);
        QCOMPARE(record->state, QStringLiteral("NORMAL"));
        QCOMPARE(record->imageName, QStringLiteral("gui-normal"));
        QCOMPARE(record->region, kRegion);
        QVERIFY(record->finished.isValid());
        // The list shows it at once, with its last state.
        QTreeWidget* tree =
            h.page->findChild<ui::ImportHistoryList*>(QStringLiteral("importHistoryList"))->tree();
        QVERIFY(tree->topLevelItemCount() >= 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), id);
        QCOMPARE(tree->topLevelItem(0)->text(3), QStringLiteral("NORMAL"));
        QVERIFY(h.page->findChild<ui::ImportHistoryList*>(QStringLiteral("importHistoryList"))
                    ->select(id));
        QVERIFY(!h.page->findChild<ui::ImportHistoryList*>(QStringLiteral("importHistoryList"))
                     ->followButton()
                     ->isEnabled()); // nothing left to follow
    }

    void missingObjectFails()
    {
        Harness h(*m_emulator, m_history.path());
        h.session.setImportForm(
            importFormFor(QStringLiteral("disks/absent.qcow2"), QStringLiteral("gui-missing")));
        h.page->showMinimized(); // the user went elsewhere: the end is announced all the same
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::ImportFailed);
        QCOMPARE(h.state(Step::Import), State::Ok);
        QCOMPARE(h.state(Step::Follow), State::Failed);
        QVERIFY(h.text(Step::Follow).contains(QLatin1String("IMPORTFAILED")));
        const QString result = h.page->findChild<QLabel*>(QStringLiteral("resultLabel"))->text();
        QVERIFY2(result.contains(QLatin1String("IMPORTFAILED")), qPrintable(result));
        // What to try: the runner's causes, the readable object and `cvm-import check` first.
        QVERIFY(result.contains(QLatin1String("What to try")));
        QVERIFY(result.contains(QLatin1String("pre-signed")));
        QVERIFY(result.contains(QLatin1String("cvm-import check")));
        QCOMPARE(h.notified->size(), 1);
        QVERIFY(h.notified->first().at(0).toString().contains(QLatin1String("did not finish")));
        const auto record = stored(
            m_history.path(), h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->text());
        QVERIFY(record);
        QCOMPARE(record->state, QStringLiteral("IMPORTFAILED"));
        QVERIFY(!record->message.isEmpty());
    }

    void noImportPermissionRefused()
    {
        Harness h(*m_emulator, m_history.path(), kNoImportId, kNoImportKey);
        h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-refused")));
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::Refused);
        QCOMPARE(h.state(Step::Validate), State::Ok);
        QVERIFY2(h.text(Step::Validate).contains(QLatin1String("list Tencent Cloud sent")),
                 qPrintable(h.text(Step::Validate)));
        QCOMPARE(h.state(Step::Permission), State::Failed);
        QCOMPARE(h.state(Step::Import), State::Pending);
        const QString line = h.text(Step::Permission);
        QVERIFY2(line.contains(QLatin1String("dry run was refused")), qPrintable(line));
        QVERIFY(!h.page->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
                     ->line(Step::Permission)
                     .remedy.isEmpty());
        QVERIFY2(line.contains(QLatin1String("cvm:ImportImage")), qPrintable(line)); // the remedy
        // Said once: the result points at the failed step instead of repeating it.
        const QString result = h.page->findChild<QLabel*>(QStringLiteral("resultLabel"))->text();
        QVERIFY2(result.contains(QLatin1String("marked as failed")), qPrintable(result));
        QVERIFY2(!result.contains(QLatin1String("dry run was refused")), qPrintable(result));
        QVERIFY(!result.contains(QLatin1String("cvm:ImportImage")));
        QVERIFY(!h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->isVisible());
        QVERIFY(!h.page->findChild<QGroupBox*>(QStringLiteral("doneBox"))->isVisible());
        QCOMPARE(h.notified->size(), 0); // over in a second, while the user watches
    }

    void versionTheLiveListLacksSendsNothing()
    {
        // The Import page asks DescribeImportImageOs itself: 7.9 is not in the live list.
        Harness h(*m_emulator, m_history.path());
        importform::ImportForm f = importFormFor(kGoodKey, QStringLiteral("gui-minor"));
        f.osVersion = QStringLiteral("7.9");
        h.session.setImportForm(f);
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::Invalid);
        QCOMPARE(h.state(Step::Validate), State::Failed);
        const QString line = h.text(Step::Validate);
        QVERIFY2(line.contains(QLatin1String("OsVersion")) &&
                     line.contains(QLatin1String("\"5\", \"6\", \"7\"")),
                 qPrintable(line));
        QCOMPARE(h.state(Step::Permission), State::Pending);
    }

    void invalidFormSendsNothing()
    {
        Harness h(*m_emulator, m_history.path());
        h.session.setImportForm(importFormFor(kGoodKey, QString(61, u'n'))); // ImageName ≤ 60
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::Invalid);
        QCOMPARE(h.state(Step::Validate), State::Failed);
        QVERIFY(h.text(Step::Validate).contains(QLatin1String("ImageName")));
        QCOMPARE(h.state(Step::Permission), State::Pending);
        QVERIFY(h.page->findChild<QLabel*>(QStringLiteral("resultLabel"))
                    ->text()
                    .contains(QLatin1String("nothing was sent")));
    }

    void dryRunOnly()
    {
        Harness h(*m_emulator, m_history.path());
        importform::ImportForm f = importFormFor(kGoodKey, QStringLiteral("gui-dry"));
        f.dryRun = true;
        h.session.setImportForm(f);
        QVERIFY(h.page->findChild<QPushButton*>(QStringLiteral("dryRunButton"))->isVisible());
        Error error;
        const qsizetype before = importrun::ImportHistory(m_history.path()).load(&error)->size();
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("dryRunButton"))),
                 Outcome::DryRunAllowed);
        QCOMPARE(h.state(Step::Permission), State::Ok);
        QCOMPARE(h.state(Step::Import), State::Skipped);
        QVERIFY(!h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->isVisible());
        QVERIFY(h.page->findChild<QLabel*>(QStringLiteral("resultLabel"))
                    ->text()
                    .contains(QLatin1String("Nothing was created")));
        QCOMPARE(importrun::ImportHistory(m_history.path()).load(&error)->size(), before);
    }

    // Following shows the state and the time, every second; the page may then be closed (nothing
    // asked) and a later one follows the same import from its history list to NORMAL.
    void closeWhileFollowingThenFollowAgain()
    {
        QTemporaryDir history;
        QVERIFY(history.isValid());
        m_emulator->setImportDelayMs(3500);
        QString id;
        {
            Harness h(*m_emulator, history.path());
            importrun::ImportRunner::Backoff slow; // one poll at the start, the next after 5 s
            slow.initialMs = 5000;
            h.page->setBackoff(slow);
            h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-later")));
            QTest::mouseClick(h.page->findChild<QPushButton*>(QStringLiteral("importButton")),
                              Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(h.state(Step::Follow), State::Running, kTimeoutMs);
            id = h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->text();
            QVERIFY(id.startsWith(QLatin1String("img-")));
            QVERIFY(h.text(Step::Follow).contains(QLatin1String("IMPORTING")));
            // The time so far and the countdown move between polls, with a busy bar.
            QVERIFY(h.page->findChild<QProgressBar*>(QStringLiteral("followBar"))->isVisible());
            QTRY_VERIFY_WITH_TIMEOUT(
                h.text(Step::Follow)
                    .contains(QLatin1String("Waiting for Tencent Cloud: 2 s so far")),
                kTimeoutMs);
            QVERIFY2(h.text(Step::Follow).contains(QLatin1String("next check in")),
                     qPrintable(h.text(Step::Follow)));
            QVERIFY(h.page->isComplete()); // Finish allowed, with the sentence
            QVERIFY(h.page->findChild<QLabel*>(QStringLiteral("finishNote"))->isVisible());
            QVERIFY(h.page->findChild<QLabel*>(QStringLiteral("finishNote"))
                        ->text()
                        .contains(QStringLiteral("cvm-import imports --follow ") + id));
            QVERIFY(!h.page->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
            QCOMPARE(h.notified->size(), 0);
        } // the window closes while following
        m_emulator->setImportDelayMs(300);
        auto record = stored(history.path(), id);
        QVERIFY(record);
        QCOMPARE(record->state, QStringLiteral("IMPORTING"));

        Harness later(*m_emulator, history.path());
        later.page->initializePage();
        ui::ImportHistoryList* list =
            later.page->findChild<ui::ImportHistoryList*>(QStringLiteral("importHistoryList"));
        QCOMPARE(list->tree()->topLevelItemCount(), 1);
        QCOMPARE(list->tree()->topLevelItem(0)->text(0), id);
        QCOMPARE(list->tree()->topLevelItem(0)->text(3), QStringLiteral("IMPORTING"));
        QVERIFY(list->select(id));
        QVERIFY(list->followButton()->isEnabled());
        const auto outcome = later.run(list->followButton());
        QCOMPARE(outcome, Outcome::Normal);
        QCOMPARE(later.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->text(), id);
        QCOMPARE(later.state(Step::Follow), State::Ok);
        QVERIFY(later.page->findChild<QLabel*>(QStringLiteral("resultLabel"))
                    ->text()
                    .contains(QLatin1String("is ready")));
        QCOMPARE(later.notified->size(), 1);
        QCOMPARE(list->tree()->topLevelItem(0)->text(3), QStringLiteral("NORMAL"));
        record = stored(history.path(), id);
        QVERIFY(record);
        QCOMPARE(record->state, QStringLiteral("NORMAL"));
    }

    // A busy service while following: the line says so and the import is followed on to NORMAL.
    void transientErrorsRetried()
    {
        QString error;
        QVERIFY2(m_emulator->setFaults(
                     QJsonObject::fromVariantMap(
                         {{QStringLiteral("rules"),
                           QVariantList{QVariantMap{
                               {QStringLiteral("operation"), QStringLiteral("DescribeImages")},
                               {QStringLiteral("fault"), QStringLiteral("internal-error")},
                               {QStringLiteral("times"), 2}}}}}),
                     &error),
                 qPrintable(error));
        Harness h(*m_emulator, m_history.path());
        h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-busy")));
        QSignalSpy retried(h.page.get(), &ImportPage::importFinished);
        QTest::mouseClick(h.page->findChild<QPushButton*>(QStringLiteral("importButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(h.text(Step::Follow).contains(QLatin1String("Trying again")),
                                 kTimeoutMs);
        QVERIFY(retried.wait(kTimeoutMs));
        m_emulator->clearFaults();
        QCOMPARE(retried.first().first().value<Outcome>(), Outcome::Normal);
        QCOMPARE(h.state(Step::Follow), State::Ok);
    }

    // The window closed while a DescribeImages answer is on its way: the answer lands on nothing.
    void closedDuringRequest()
    {
        QString error;
        QVERIFY2(m_emulator->setFaults(
                     QJsonObject::fromVariantMap(
                         {{QStringLiteral("rules"),
                           QVariantList{QVariantMap{
                               {QStringLiteral("operation"), QStringLiteral("DescribeImages")},
                               {QStringLiteral("fault"), QStringLiteral("stall")},
                               {QStringLiteral("ms"), 1500}}}}}),
                     &error),
                 qPrintable(error));
        {
            Harness h(*m_emulator, m_history.path());
            h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-closed")));
            QTest::mouseClick(h.page->findChild<QPushButton*>(QStringLiteral("importButton")),
                              Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(h.state(Step::Follow), State::Running, kTimeoutMs);
            QTest::qWait(300); // the first poll (after 50 ms) is now stalled in the emulator
        }
        QTest::qWait(2500); // its answer arrives after the page is gone
        m_emulator->clearFaults();
    }

    // Finding 3: after NORMAL a second Import (the button, or the action behind it) changes
    // nothing: the done view, its ImageId and the result stay, no error appears, nothing is sent.
    void doneSurvivesImportAgain()
    {
        Harness h(*m_emulator, m_history.path());
        h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-done")));
        auto* import = h.page->findChild<QPushButton*>(QStringLiteral("importButton"));
        QCOMPARE(h.run(import), Outcome::Normal);
        auto* done = h.page->findChild<QGroupBox*>(QStringLiteral("doneBox"));
        auto* summary = h.page->findChild<ui::SummaryTable*>(QStringLiteral("doneSummary"));
        auto* imageId = h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"));
        auto* result = h.page->findChild<QLabel*>(QStringLiteral("resultLabel"));
        const QString id = imageId->text();
        QVERIFY(done->isVisible());
        QCOMPARE(summary->value(QStringLiteral("Image ID")), id);
        QVERIFY(h.page->isDone());
        QVERIFY(!import->isEnabled());
        QVERIFY2(import->toolTip().contains(QLatin1String("Import Another Image")),
                 qPrintable(import->toolTip()));
        const QString resultBefore = result->text();
        QStringList linesBefore;
        for (Step step : {Step::Validate, Step::Permission, Step::Import, Step::Follow})
            linesBefore << h.text(step);
        Error error;
        const qsizetype recordsBefore =
            importrun::ImportHistory(m_history.path()).load(&error)->size();

        QSignalSpy finished(h.page.get(), &ImportPage::importFinished);
        QTest::mouseClick(import, Qt::LeftButton);
        h.page->startImport(); // what a shortcut or a script would do
        h.page->startImport(true);
        QTest::qWait(400);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!h.page->isRunning());
        QVERIFY(done->isVisible());
        QVERIFY(imageId->isVisible());
        QCOMPARE(imageId->text(), id);
        QCOMPARE(summary->value(QStringLiteral("Image ID")), id);
        QCOMPARE(result->text(), resultBefore);
        QStringList linesAfter;
        for (Step step : {Step::Validate, Step::Permission, Step::Import, Step::Follow}) {
            linesAfter << h.text(step);
            QVERIFY(h.state(step) != State::Failed);
        }
        QCOMPARE(linesAfter, linesBefore);
        QCOMPARE(importrun::ImportHistory(m_history.path()).load(&error)->size(), recordsBefore);
        QVERIFY(h.page->isComplete()); // Finish

        // Another form (Back, a change, Next): Import opens again, the done view goes.
        h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-done-2")));
        QVERIFY(!h.page->isDone());
        QVERIFY(import->isEnabled());
        QVERIFY(!done->isVisible());
        QVERIFY(!imageId->isVisible());
    }

    // The done view's rows, Copy Summary (the ImageId, the CRC-64 and the RequestId, which the
    // screen does not show) and Open in Console (the region's custom images).
    void copySummaryAndOpenConsole()
    {
        Harness h(*m_emulator, m_history.path());
        ui::UploadedObject upload;
        upload.objectUrl = cloud::CosClient::objectUrl(kBucket, kRegion, kGoodKey);
        upload.bucket = kBucket;
        upload.key = kGoodKey;
        upload.region = kRegion;
        upload.size = 1 << 20;
        upload.crc64 = 1234567890123456789ULL;
        h.session.setImagePath(QStringLiteral("/images/centos7-golden.qcow2"));
        h.session.setUpload(upload);
        h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-summary")));
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::Normal);
        const QString id = h.page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->text();
        auto* summary = h.page->findChild<ui::SummaryTable*>(QStringLiteral("doneSummary"));
        QCOMPARE(summary->value(QStringLiteral("File")), QStringLiteral("centos7-golden.qcow2"));
        QCOMPARE(summary->value(QStringLiteral("CRC-64")), QStringLiteral("1234567890123456789"));
        QCOMPARE(summary->value(QStringLiteral("Bucket/key")), kBucket + u'/' + kGoodKey);
        QCOMPARE(summary->value(QStringLiteral("Image ID")), id);
        QVERIFY(summary->value(QStringLiteral("Region")).contains(kRegion));
        QVERIFY(summary->value(QStringLiteral("Time taken")).endsWith(QLatin1String(" s")));
        const auto record = stored(m_history.path(), id);
        QVERIFY(record && !record->requestId.isEmpty());
        for (const QString& text : visibleTexts(h.page.get()))
            QVERIFY2(!text.contains(record->requestId), qPrintable(text));

        QApplication::clipboard()->clear();
        QTest::mouseClick(h.page->findChild<QPushButton*>(QStringLiteral("copySummaryButton")),
                          Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("Image ID: ") + id), qPrintable(copied));
        QVERIFY(copied.contains(QLatin1String("CRC-64: 1234567890123456789")));
        QVERIFY(copied.contains(QStringLiteral("RequestId: ") + record->requestId));
        QVERIFY(copied.contains(QLatin1String("gui-summary")));

        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        QTest::mouseClick(h.page->findChild<QPushButton*>(QStringLiteral("openConsoleButton")),
                          Qt::LeftButton);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(catcher.urls, QList<QUrl>{cloud::ConsoleLinks::imageList(kRegion)});
    }

    // Import Another Image: the wizard again on the Image page, nothing of the last image kept
    // (file, check, upload, form), the account kept; the Import page empty for the next one.
    void importAnotherStartsOver()
    {
        ui::ImportWizard wizard;
        ui::WizardSession* session = wizard.session();
        session->setAccount(credentials(kId, kKey), kRegion, endpointsFor(*m_emulator));
        ui::UploadedObject upload;
        upload.objectUrl = cloud::CosClient::objectUrl(kBucket, kRegion, kGoodKey);
        upload.bucket = kBucket;
        upload.key = kGoodKey;
        upload.region = kRegion;
        session->setUpload(upload);
        session->setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-another")));
        ImportPage* page = wizard.importPage();
        page->setHistoryDir(m_history.path());
        importrun::ImportRunner::Backoff fast;
        fast.initialMs = 50;
        fast.maxMs = 200;
        page->setBackoff(fast);
        wizard.setStartId(ui::ImportWizard::PageImport);
        wizard.show();
        QCOMPARE(wizard.currentId(), int(ui::ImportWizard::PageImport));
        QSignalSpy finished(page, &ImportPage::importFinished);
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("importButton")),
                          Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().first().value<Outcome>(), Outcome::Normal);
        auto* another = page->findChild<QPushButton*>(QStringLiteral("importAnotherButton"));
        QVERIFY(another->isVisible());

        QTest::mouseClick(another, Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(ui::ImportWizard::PageImage));
        QVERIFY(session->imagePath().isEmpty());
        QVERIFY(!session->hasInspection());
        QVERIFY(!session->hasUpload());
        QVERIFY(!session->hasImportForm());
        QVERIFY(!session->uploadSkipped());
        QVERIFY(session->hasAccount()); // the account stays
        QCOMPARE(session->region(), kRegion);
        QVERIFY(!wizard.imagePage()->isComplete()); // Next waits for the next image
        QVERIFY(!page->isDone());
        QVERIFY(!page->runner());
        QVERIFY(!page->findChild<QGroupBox*>(QStringLiteral("doneBox"))->isVisibleTo(page));
        QVERIFY(!page->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->isVisibleTo(page));
    }

    // Finding 10: the follow step moves while nothing is answered: the time so far grows and the
    // countdown to the next check shrinks, every second, beside a busy bar.
    void followLineTicks()
    {
        m_emulator->setImportDelayMs(60000);
        const auto restore = qScopeGuard([this] { m_emulator->setImportDelayMs(300); });
        {
            Harness h(*m_emulator, m_history.path());
            importrun::ImportRunner::Backoff slow;
            slow.initialMs = 9000;
            slow.maxMs = 9000;
            h.page->setBackoff(slow);
            h.session.setImportForm(importFormFor(kGoodKey, QStringLiteral("gui-tick")));
            QTest::mouseClick(h.page->findChild<QPushButton*>(QStringLiteral("importButton")),
                              Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(h.state(Step::Follow), State::Running, kTimeoutMs);
            QVERIFY(h.page->findChild<QProgressBar*>(QStringLiteral("followBar"))->isVisible());
            static const QRegularExpression figures(
                QStringLiteral("(\\d+) s so far · next check in (\\d+) s"));
            const auto first = figures.match(h.text(Step::Follow));
            QVERIFY2(first.hasMatch(), qPrintable(h.text(Step::Follow)));
            QVERIFY(first.captured(2).toInt() <= 9);
            const auto figure = [&](int which) {
                const auto match = figures.match(h.text(Step::Follow));
                return match.hasMatch() ? match.captured(which).toInt() : -1;
            };
            // Within two ticks (the two figures count from different moments): both moved.
            QTRY_VERIFY_WITH_TIMEOUT(figure(1) > first.captured(1).toInt() && figure(2) >= 0 &&
                                         figure(2) < first.captured(2).toInt(),
                                     3000);
            QVERIFY(h.text(Step::Follow).contains(QLatin1String("The image is IMPORTING.")));
        } // closed while following; the import goes on in the emulator
    }

    void noSecretAnywhere()
    {
        Harness h(*m_emulator, m_history.path());
        // A pre-signed URL, as the Upload page hands over for a private bucket: its signature
        // reads the object for anyone holding it, so it is a secret too.
        Error error;
        const auto signedUrl =
            h.session.cos()->presignedGetUrl(kBucket, kRegion, kGoodKey, 3600, &error);
        QVERIFY2(signedUrl, qPrintable(error.message));
        const QString signature =
            QUrlQuery(QUrl(*signedUrl)).queryItemValue(QStringLiteral("q-signature"));
        QVERIFY(signature.size() >= 20);
        importform::ImportForm f = importFormFor(kGoodKey, QStringLiteral("gui-signed"));
        f.imageUrl = *signedUrl;
        h.session.setImportForm(f);
        QCOMPARE(h.run(h.page->findChild<QPushButton*>(QStringLiteral("importButton"))),
                 Outcome::Normal);
        QStringList secrets = allSecrets();
        secrets << signature;
        QVERIFY2(leakedLines(secrets).isEmpty(), qPrintable(leakedLines(secrets).join(u'\n')));
        for (const QString& text : visibleTexts(h.page.get())) {
            for (const QString& secret : std::as_const(secrets))
                QVERIFY2(!text.contains(secret), qPrintable(text));
        }
        QFile file(h.page->historyFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        for (const QString& secret : std::as_const(secrets))
            QVERIFY(!stored.contains(secret.toUtf8()));
    }
};

QTEST_MAIN(TestImportPage)
#include "tst_importpage.moc"

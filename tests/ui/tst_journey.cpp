// The whole wizard, page after page through its own Next button, against the in-process emulator
// (issue 6's proof). A compliant Linux disk (the CentOS 7 fixture) is dropped and checked, the
// account passes every permission line, the disk is uploaded (COS's CRC-64 equals the file's), the
// form is prefilled from the check and the upload, saved as a draft without any secret, changed,
// restored from the draft, and imported until NORMAL, with the ImageId shown and the history
// written. A non-compliant disk (Ubuntu 22.04 named ens3 with DHCPv6) stops on the first page with
// the failing rules and their reasons; reached through the account page (as `--page account IMAGE`
// does), its upload asks first and, declined, sends nothing. No secret reaches a log line.
#include "CloudTestSupport.h"
#include "FileCrc.h"
#include "TestSupport.h"
#include "WidgetLookup.h"
#include "WizardDriving.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/OsCatalogueController.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"
#include "widgets/DraftBar.h"
#include "widgets/DropZone.h"
#include "widgets/ImportStageList.h"
#include "widgets/InterruptedUploadNotice.h"
#include "widgets/PermissionList.h"
#include "widgets/ReportView.h"
#include "widgets/StepIndicator.h"
#include "widgets/UploadDestination.h"

#include "cloud/CosClient.h"
#include "cloud/CredentialStore.h"
#include "cloud/HttpClient.h"
#include "importform/OsCatalogue.h"
#include "importrun/ImportHistory.h"
#include "settings/AppSettings.h"
#include "util/Crc64.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtEndian>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using Outcome = importrun::ImportRunner::Outcome;
using Question = ui::UploadPage::Question;
using test::child;
using ui::ImportWizard;

namespace {

// Generous: the CI runs other builds on the same two cores.
constexpr int kTimeoutMs = 30000;
constexpr qint64 MiB = 1024 * 1024;

const QString kCompliant = QStringLiteral("linux/centos7.raw");
const QString kNonCompliant = QStringLiteral("linux/ubuntu2204.raw");

QString fixture(const QString& name)
{
    return QDir(test::fixtureDir()).filePath(name);
}

// Every text the window shows, to prove no secret is on screen.
QStringList visibleTexts(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts.append(label->text() + label->toolTip() + label->accessibleDescription());
    for (const QLineEdit* edit : root->findChildren<QLineEdit*>())
        texts.append(edit->displayText());
    for (const QComboBox* box : root->findChildren<QComboBox*>()) {
        for (int i = 0; i < box->count(); ++i)
            texts.append(box->itemText(i));
    }
    return texts;
}

} // namespace

class TestJourney : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void compliantJourney();
    void nonCompliantStopsOnTheImagePage();
    void nonCompliantUploadAsksFirst();
    void alreadyInCosSkipsToTheForm();
    void alreadyUploadedSkipsTheUpload();
    void interruptedUploadIsOfferedAtStart();
    void noSecretInTheLogs();

private:
    // A wizard as main.cpp builds it, aimed at the emulator and at this test's folders: no real
    // keyring, home, cache or history is touched, and no dialog opens.
    std::unique_ptr<ImportWizard> makeWizard();
    // Sends the events a real drag and drop produce to the Image page's drop zone.
    bool drop(ImportWizard& wizard, const QString& path);
    // Clicks the wizard's Next button once it is enabled; true when it led to `expected`.
    bool next(ImportWizard& wizard, ImportWizard::PageId expected);
    // Types the test account's credentials, waits for the page's own check, expects every line
    // to pass and the only bucket chosen. Discovery must have been shown already.
    void passAccount(ImportWizard& wizard);
    // From a checked (or being checked) image on the Image page, through Next, the account
    // (passAccount) and Next again, to the Upload page.
    void advanceToUpload(ImportWizard& wizard);
    // On the Upload page: the estimate proposes "Send as compressed qcow2" for the sparse disk
    // (key centos7.qcow2); the user turns it off, and the file goes up as it is (centos7.raw).
    // These journeys prove the plain upload; the converted one is the engine's round trip.
    void sendAsItIs(ImportWizard& wizard);
    QWidget* ruleRow(ImportWizard& wizard, const QString& ruleId) const;
    QString verdictOf(ImportWizard& wizard, const QString& ruleId) const;
    static void drainWorkers();
    // A small object put into the test bucket with the test account.
    void putObject(const QString& key, const QByteArray& body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    std::unique_ptr<settings::AppSettings> m_settings;
    cloud::MemoryCredentialStore m_store;
    QList<Question> m_asked;
    bool m_answer = false;
};

void TestJourney::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    captureLogs();
    // Every category's debug lines, so that a leak anywhere would be caught.
    QLoggingCategory::setFilterRules(QStringLiteral("cvmi.*.debug=true"));
    for (const QString& name : {kCompliant, kNonCompliant})
        QVERIFY2(QFileInfo(fixture(name)).isFile(), qPrintable(fixture(name)));
}

void TestJourney::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_emulator = std::make_unique<emu::CloudEmulator>();
    addAccounts(*m_emulator);
    m_emulator->setImportDelayMs(300);
    QString error;
    QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
    QVERIFY2(m_emulator->createBucket(kBucket, kRegion, false, &error), qPrintable(error));
    m_settings =
        std::make_unique<settings::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    Error settingsError;
    QVERIFY(m_settings->setPartSize(8 * MiB, &settingsError));
    QVERIFY(m_settings->setConcurrency(2, &settingsError));
    m_asked.clear();
    m_answer = false;
}

void TestJourney::cleanup()
{
    drainWorkers();
    m_settings.reset();
    m_emulator.reset();
    m_dir.reset();
}

void TestJourney::drainWorkers()
{
    // Inspections, discovery and the OS list run on the global pool; their continuations must
    // find their pages alive.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeoutMs));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

std::unique_ptr<ImportWizard> TestJourney::makeWizard()
{
    auto wizard = test::wizardOnEmulator(*m_emulator, &m_store, m_settings.get(),
                                         QDir(m_dir->path()), kTimeoutMs);
    wizard->uploadPage()->setAsker([this](Question question, const QString&, const QString&) {
        m_asked.append(question);
        return m_answer;
    });
    importrun::ImportRunner::Backoff fast;
    fast.initialMs = 50;
    fast.maxMs = 200;
    fast.maxTransientRetries = 3;
    wizard->importPage()->setBackoff(fast);
    return wizard;
}

bool TestJourney::drop(ImportWizard& wizard, const QString& path)
{
    return test::dropOnImagePage(wizard, path);
}

bool TestJourney::next(ImportWizard& wizard, ImportWizard::PageId expected)
{
    return test::clickNext(wizard, expected, kTimeoutMs);
}

void TestJourney::passAccount(ImportWizard& wizard)
{
    ui::AccountPage* page = wizard.accountPage();
    QVERIFY(!page->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    child<QRadioButton>(page, "useTypedCredentials")->setChecked(true);
    for (QLineEdit* edit : {child<QLineEdit>(page, "secretId"), child<QLineEdit>(page, "secretKey"),
                            child<QLineEdit>(page, "sessionToken")})
        edit->clear();
    QTest::keyClicks(child<QLineEdit>(page, "secretId"), kId);
    QTest::keyClicks(child<QLineEdit>(page, "secretKey"), kKey);
    QCOMPARE(page->region(), kRegion);

    // No Check pressed: the page checks by itself once the typing settled.
    QSignalSpy finished(page, &ui::AccountPage::checkFinished);
    QVERIFY(child<QPushButton>(page, "checkAccount")->isEnabled());
    QVERIFY(page->autoCheckPending());
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(finished.first().first().toBool());
    const QList<cloud::PermissionLine> lines =
        child<ui::PermissionList>(page, "permissionList")->lines();
    QCOMPARE(lines.size(), 4);
    for (int i = 0; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).state == cloud::PermissionLine::State::Ok,
                 qPrintable(child<ui::PermissionList>(page, "permissionList")->rowText(i)));

    // The region's only bucket is chosen for the user: Next is ready.
    QCOMPARE(child<QComboBox>(page, "bucket")->currentText(), kBucket);
    QVERIFY(page->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.session()->bucket(), kBucket);
    QCOMPARE(wizard.session()->region(), kRegion);
}

QWidget* TestJourney::ruleRow(ImportWizard& wizard, const QString& ruleId) const
{
    return wizard.imagePage()
        ->findChild<ui::ReportView*>(QStringLiteral("reportView"))
        ->findChild<QWidget*>(QStringLiteral("rule:") + ruleId);
}

QString TestJourney::verdictOf(ImportWizard& wizard, const QString& ruleId) const
{
    QWidget* row = ruleRow(wizard, ruleId);
    return row ? row->property("verdict").toString() : QStringLiteral("(no row)");
}

void TestJourney::advanceToUpload(ImportWizard& wizard)
{
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard.session()->hasInspection() && !wizard.imagePage()->isInspecting(), kTimeoutMs);
    QSignalSpy discovered(wizard.accountPage(), &ui::AccountPage::discoveryShown);
    QVERIFY(next(wizard, ImportWizard::PageAccount));
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    passAccount(wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(wizard, ImportWizard::PageUpload));
}

void TestJourney::compliantJourney()
{
    const QString image = QFileInfo(fixture(kCompliant)).absoluteFilePath();
    const auto wizard = makeWizard();
    ui::WizardSession* session = wizard->session();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageImage));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    // 1. The image: dropped, checked, the report on screen.
    QVERIFY(drop(*wizard, image));
    ui::ReportView* report =
        wizard->imagePage()->findChild<ui::ReportView*>(QStringLiteral("reportView"));
    QTRY_VERIFY_WITH_TIMEOUT(report->hasReport() && !wizard->imagePage()->isInspecting(),
                             kTimeoutMs);
    QVERIFY(session->hasInspection());
    QVERIFY(session->imageImportable());
    QCOMPARE(report->ruleCount(), int(session->inspection().report.rules.size()));
    for (const char* id : {"image.format", "disk.size", "disk.partition_table", "disk.filesystem",
                           "os.supported", "os.architecture", "drivers.virtio", "network.eth0_only",
                           "network.no_ipv6", "kernel.native"})
        QCOMPARE(verdictOf(*wizard, QLatin1String(id)), QStringLiteral("pass"));
    QCOMPARE(verdictOf(*wizard, QStringLiteral("practice.cloud_init")), QStringLiteral("warn"));
    auto* headline = report->findChild<QLabel*>(QStringLiteral("summaryHeadline"));
    QVERIFY(headline);
    QVERIFY2(headline->text().startsWith(QLatin1String("Importable")),
             qPrintable(headline->text()));

    // 2. The account: Next (enabled by the check) leads here; discovery runs as the page opens.
    QSignalSpy discovered(wizard->accountPage(), &ui::AccountPage::discoveryShown);
    QVERIFY(next(*wizard, ImportWizard::PageAccount));
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    passAccount(*wizard);
    if (QTest::currentTestFailed())
        return;

    // 3. The upload: the checked image to the chosen bucket; Next only once COS confirmed it.
    QVERIFY(next(*wizard, ImportWizard::PageUpload));
    ui::UploadPage* upload = wizard->uploadPage();
    QCOMPARE(upload->filePath(), image);
    QCOMPARE(upload->findChild<ui::UploadDestination*>()->bucket(), kBucket);
    sendAsItIs(*wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!child<QLabel>(upload, "notImportableWarning")->isVisible());
    QVERIFY(!upload->isComplete());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QSignalSpy uploaded(upload, &ui::UploadPage::uploadFinished);
    QTest::mouseClick(child<QPushButton>(upload, "startUpload"), Qt::LeftButton);
    QVERIFY(uploaded.count() > 0 || uploaded.wait(kTimeoutMs));
    const auto result = qvariant_cast<transfer::UploadResult>(uploaded.first().first());
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QVERIFY(m_asked.isEmpty()); // an importable image needs no confirmation
    QCOMPARE(upload->phase(), ui::UploadPage::Phase::Done);
    const auto object = m_emulator->objectInfo(kBucket, QStringLiteral("centos7.raw"));
    QVERIFY(object);
    QCOMPARE(object->size, QFileInfo(image).size());
    QCOMPARE(object->crc64, test::fileCrc(image));
    QVERIFY(session->hasUpload());
    QCOMPARE(session->upload().crc64, object->crc64);
    QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
    // The bucket is private: the import is handed a signed link, whose query is not on screen.
    QVERIFY(session->upload().importUrlSigned);
    QVERIFY(session->upload().importUrl.contains(QLatin1String("q-signature")));
    QVERIFY(session->upload().importUrlExpires > QDateTime::currentDateTimeUtc().addSecs(3600));
    QVERIFY2(child<QLabel>(upload, "uploadResult")->text().contains(QLatin1String("private")),
             qPrintable(child<QLabel>(upload, "uploadResult")->text()));
    QVERIFY(!child<QLabel>(upload, "uploadResult")->text().contains(QLatin1String("q-signature")));

    // 4. The form: prefilled from the check and the upload.
    QVERIFY(next(*wizard, ImportWizard::PageForm));
    ui::FormPage* form = wizard->formPage();
    const importform::ImportForm prefilled = form->form();
    const policy::FormSuggestion& proposal = session->inspection().report.form;
    QCOMPARE(prefilled.osType, QStringLiteral("CentOS"));
    QCOMPARE(prefilled.osVersion, QStringLiteral("7")); // 7.9.2009 onto the list's major
    QCOMPARE(prefilled.architecture, QStringLiteral("x86_64"));
    QCOMPARE(prefilled.bootMode, proposal.bootMode);
    QCOMPARE(prefilled.licenseType, proposal.licenseType);
    QCOMPARE(prefilled.imageName, QStringLiteral("centos-7.9-x86_64"));
    // The object's URL; for a private bucket (this one) pre-signed, so that CVM can read it.
    QVERIFY2(prefilled.imageUrl.startsWith(session->upload().objectUrl),
             qPrintable(prefilled.imageUrl));
    QVERIFY2(prefilled.imageUrl.contains(QLatin1String("centos7.raw")),
             qPrintable(prefilled.imageUrl));
    QVERIFY2(form->isComplete(),
             qPrintable(form->problems().isEmpty() ? QString() : form->problems().first().message));

    // A draft: written without any secret or signature...
    const QString draft = m_dir->filePath(QStringLiteral("journey-draft.json"));
    form->findChild<ui::DraftBar*>()->setPathChooser(
        [draft](bool, const QString&) { return draft; });
    QSignalSpy saved(form, &ui::FormPage::draftSaved);
    QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("saveDraft")), Qt::LeftButton);
    QVERIFY(saved.count() > 0 || saved.wait(kTimeoutMs));
    QVERIFY2(saved.first().at(1).toString().isEmpty(), qPrintable(saved.first().at(1).toString()));
    QFile file(draft);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    file.close();
    QVERIFY(written.contains(prefilled.imageName.toUtf8()));
    QVERIFY(written.contains(QByteArrayLiteral("centos7.raw")));
    // The SecretId is no secret, but a draft is not about the account: none of it belongs there.
    const QStringList accountParts = allSecrets() << kId;
    for (const QString& secret : accountParts)
        QVERIFY2(!written.contains(secret.toUtf8()), qPrintable(secret));
    for (const char* signature : {"q-signature", "q-sign-algorithm", "Signature="})
        QVERIFY2(!written.contains(signature), signature);

    // ...a field changed, then the draft opened again: the saved value is back.
    auto* name = form->findChild<QLineEdit*>(QStringLiteral("imageName"));
    QVERIFY(name);
    name->setFocus();
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QTest::keyClicks(name, QStringLiteral("changed-after-saving"));
    QCOMPARE(form->form().imageName, QStringLiteral("changed-after-saving"));
    QSignalSpy opened(form, &ui::FormPage::draftOpened);
    QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("openDraft")), Qt::LeftButton);
    QVERIFY(opened.count() > 0 || opened.wait(kTimeoutMs));
    QVERIFY2(opened.first().at(1).toString().isEmpty(),
             qPrintable(opened.first().at(1).toString()));
    QCOMPARE(name->text(), prefilled.imageName);
    // The draft kept the object's URL without its signature; the import signs it again.
    QCOMPARE(form->form().imageUrl, session->upload().objectUrl);
    QVERIFY(form->isComplete());
    importform::ImportForm reopened = prefilled;
    reopened.imageUrl = session->upload().objectUrl;

    // 5. The import: Next stores the form; Import runs to NORMAL.
    QVERIFY(next(*wizard, ImportWizard::PageImport));
    QVERIFY(session->hasImportForm());
    QCOMPARE(session->importForm(), reopened);
    ui::ImportPage* import = wizard->importPage();
    QVERIFY(!import->findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());
    QVERIFY(!import->isComplete());
    QSignalSpy imported(import, &ui::ImportPage::importFinished);
    QVERIFY(import->findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
    QTest::mouseClick(import->findChild<QPushButton*>(QStringLiteral("importButton")),
                      Qt::LeftButton);
    QVERIFY(imported.count() > 0 || imported.wait(kTimeoutMs));
    QCOMPARE(imported.first().first().value<Outcome>(), Outcome::Normal);
    using Step = ui::ImportStageList::Step;
    for (Step step : {Step::Validate, Step::Permission, Step::Import, Step::Follow})
        QVERIFY2(
            import->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
                    ->line(step)
                    .state == ui::ImportStageList::State::Ok,
            qPrintable(import->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
                           ->lineText(step)));
    // The draft's plain URL of the private object was signed again for the import.
    QVERIFY2(import->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
                 ->lineText(Step::Validate)
                 .contains(QLatin1String("private")),
             qPrintable(import->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
                            ->lineText(Step::Validate)));
    QVERIFY(import->findChild<ui::ImportStageList*>(QStringLiteral("importStageList"))
                ->lineText(Step::Follow)
                .contains(QLatin1String("NORMAL")));
    const QString imageId = import->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->text();
    QVERIFY2(imageId.startsWith(QLatin1String("img-")), qPrintable(imageId));
    QVERIFY(import->findChild<QLineEdit*>(QStringLiteral("imageIdEdit"))->isVisible());
    QVERIFY(import->findChild<QLabel*>(QStringLiteral("resultLabel"))->text().contains(imageId));
    QVERIFY(import->isComplete());
    QVERIFY(wizard->button(QWizard::FinishButton)->isVisible());
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    // The map across the top says the journey is over: all five steps ticked (✓), none current.
    const QString steps = child<ui::StepIndicator>(wizard.get(), "stepIndicator")->text();
    QVERIFY2(steps.startsWith(QLatin1String("All steps done")) && steps.count(QChar(0x2713)) == 5,
             qPrintable(steps));

    Error error;
    const auto record =
        importrun::ImportHistory(m_dir->filePath(QStringLiteral("history"))).find(imageId, &error);
    QVERIFY2(record, qPrintable(error.message));
    QCOMPARE(record->state, QStringLiteral("NORMAL"));
    QCOMPARE(record->imageName, prefilled.imageName);
    QCOMPARE(record->region, kRegion);

    for (const QString& text : visibleTexts(wizard.get())) {
        for (const QString& secret : allSecrets())
            QVERIFY2(!text.contains(secret), qPrintable(text));
    }
}

void TestJourney::nonCompliantStopsOnTheImagePage()
{
    const QString image = QFileInfo(fixture(kNonCompliant)).absoluteFilePath();
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QVERIFY(drop(*wizard, image));
    ui::ReportView* report =
        wizard->imagePage()->findChild<ui::ReportView*>(QStringLiteral("reportView"));
    QTRY_VERIFY_WITH_TIMEOUT(report->hasReport() && !wizard->imagePage()->isInspecting(),
                             kTimeoutMs);
    QVERIFY(wizard->session()->hasInspection());
    QVERIFY(!wizard->session()->imageImportable());

    auto* headline = report->findChild<QLabel*>(QStringLiteral("summaryHeadline"));
    QVERIFY(headline);
    // Issue 17 added the third: its /data mount of another disk has no nofail.
    QCOMPARE(headline->text(), QStringLiteral("Not importable: 3 problems"));

    // Each failing rule: its title, the evidence found in the guest and how to fix it.
    struct Expected {
        const char* id;
        const char* title;
        const char* evidence;
        const char* file; // where the evidence was found
    };
    for (const Expected& e :
         {Expected{"network.eth0_only", "Only eth0", "ens3", "/etc/netplan/50-cloud-init.yaml"},
          Expected{"network.no_ipv6", "No IPv6", "dhcp6", "/etc/netplan/50-cloud-init.yaml"},
          Expected{"boot.fstab_nofail", "Network and other disks' mounts have nofail", "/dev/sdb1",
                   "/etc/fstab:2"}}) {
        const QString id = QLatin1String(e.id);
        QCOMPARE(verdictOf(*wizard, id), QStringLiteral("fail"));
        QWidget* row = ruleRow(*wizard, id);
        auto* title = row->findChild<QLabel*>(QStringLiteral("ruleTitle"));
        auto* evidence = row->findChild<QLabel*>(QStringLiteral("ruleEvidence"));
        auto* fix = row->findChild<QLabel*>(QStringLiteral("ruleFix"));
        QVERIFY(title && evidence && fix);
        QCOMPARE(title->text(), QLatin1String(e.title));
        QVERIFY2(evidence->isVisible() && evidence->text().contains(QLatin1String(e.evidence)),
                 qPrintable(evidence->text()));
        QVERIFY2(evidence->text().contains(QLatin1String(e.file)), qPrintable(evidence->text()));
        QVERIFY(fix->isVisible() && !fix->text().isEmpty());
    }
    // Only those three fail: the rest of the disk is fine.
    int failures = 0;
    for (const auto& rule : wizard->session()->inspection().report.rules)
        failures += rule.verdict == policy::Verdict::Fail ? 1 : 0;
    QCOMPARE(failures, 3);
    QCOMPARE(verdictOf(*wizard, QStringLiteral("os.supported")), QStringLiteral("pass"));

    // The journey stops here: Next is disabled and a click on it goes nowhere.
    QVERIFY(!wizard->imagePage()->isComplete());
    QAbstractButton* nextButton = wizard->button(QWizard::NextButton);
    QVERIFY(!nextButton->isEnabled());
    QTest::mouseClick(nextButton, Qt::LeftButton);
    QTest::keyClick(wizard.get(), Qt::Key_N, Qt::AltModifier);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageImage));
    QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("ubuntu2204.raw")));
    QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
}

void TestJourney::nonCompliantUploadAsksFirst()
{
    // `cvm-import-wizard --page account IMAGE`: the wizard starts on the account page with the
    // image being checked, so the Image page's gate is not on the way. The Upload page is.
    const QString image = QFileInfo(fixture(kNonCompliant)).absoluteFilePath();
    const auto wizard = makeWizard();
    wizard->setStartId(ImportWizard::PageAccount);
    QSignalSpy discovered(wizard->accountPage(), &ui::AccountPage::discoveryShown);
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    wizard->openImage(image);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageAccount));
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(
        wizard->session()->hasInspection() && !wizard->imagePage()->isInspecting(), kTimeoutMs);
    QVERIFY(!wizard->session()->imageImportable());
    passAccount(*wizard);
    if (QTest::currentTestFailed())
        return;

    QVERIFY(next(*wizard, ImportWizard::PageUpload));
    ui::UploadPage* upload = wizard->uploadPage();
    QCOMPARE(upload->filePath(), image);
    QVERIFY(child<QLabel>(upload, "notImportableWarning")->isVisible());
    QVERIFY(child<QLabel>(upload, "notImportableWarning")
                ->text()
                .contains(QLatin1String("will refuse to import this file")));
    QVERIFY(child<QLabel>(upload, "checkVerdict")->text().startsWith(u"Not importable"));

    // Start asks first; declined, nothing is sent and nothing is left to resume.
    m_answer = false;
    QTest::mouseClick(child<QPushButton>(upload, "startUpload"), Qt::LeftButton);
    QCOMPARE(m_asked, QList<Question>{Question::UploadNotImportable});
    QVERIFY(!upload->isBusy());
    QCOMPARE(upload->phase(), ui::UploadPage::Phase::Ready);
    QVERIFY(!upload->isComplete());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!wizard->session()->hasUpload());
    QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("ubuntu2204.raw")));
    QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
    const QDir checkpoints(m_dir->filePath(QStringLiteral("checkpoints")));
    QVERIFY(!checkpoints.exists() ||
            checkpoints.entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
}

void TestJourney::putObject(const QString& key, const QByteArray& body)
{
    const QString error = cloudtest::putObject(*m_emulator, key, body);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestJourney::alreadyInCosSkipsToTheForm()
{
    // An image uploaded earlier, from elsewhere: no file to check, the account, then the form.
    putObject(QStringLiteral("earlier/centos7.qcow2"), qcow2Header(quint64(20) << 30));
    const auto wizard = makeWizard();
    ui::WizardSession* session = wizard->session();
    QSignalSpy discovered(wizard->accountPage(), &ui::AccountPage::discoveryShown);
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QPushButton* skip = wizard->imagePage()->findChild<QPushButton*>(QStringLiteral("skipToForm"));
    QVERIFY(skip->isVisible() && skip->isEnabled());
    QTest::mouseClick(skip, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageAccount));
    QVERIFY(session->uploadSkipped());
    QVERIFY(discovered.count() > 0 || discovered.wait(kTimeoutMs));
    passAccount(*wizard);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*wizard, ImportWizard::PageForm));

    // Nothing to prefill the URL from: typed, then checked with a HEAD.
    ui::FormPage* form = wizard->formPage();
    QVERIFY(form->form().imageUrl.isEmpty());
    QVERIFY(!form->isComplete());
    importform::ImportForm typed;
    typed.osType = QStringLiteral("CentOS");
    typed.osVersion = QStringLiteral("7");
    typed.architecture = QStringLiteral("x86_64");
    typed.imageName = QStringLiteral("centos-from-cos");
    form->setForm(typed);
    auto* url = form->findChild<QLineEdit*>(QStringLiteral("imageUrl"));
    QVERIFY(url);
    url->setFocus();
    const QString objectUrl =
        cloud::CosClient::objectUrl(kBucket, kRegion, QStringLiteral("earlier/centos7.qcow2"));
    QTest::keyClicks(url, objectUrl);
    auto* check = form->findChild<QLabel*>(QStringLiteral("urlCheck"));
    QVERIFY(check);
    QTRY_VERIFY_WITH_TIMEOUT(check->text().startsWith(QLatin1String("Found")), kTimeoutMs);
    QVERIFY2(form->isComplete(),
             qPrintable(form->problems().isEmpty() ? QString() : form->problems().first().message));

    QVERIFY(next(*wizard, ImportWizard::PageImport));
    ui::ImportPage* import = wizard->importPage();
    QSignalSpy imported(import, &ui::ImportPage::importFinished);
    QTest::mouseClick(import->findChild<QPushButton*>(QStringLiteral("importButton")),
                      Qt::LeftButton);
    QVERIFY(imported.count() > 0 || imported.wait(kTimeoutMs));
    QCOMPARE(imported.first().first().value<Outcome>(), Outcome::Normal);
    QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("centos7.raw")));
}

void TestJourney::sendAsItIs(ImportWizard& wizard)
{
    ui::UploadPage* upload = wizard.uploadPage();
    auto* convert = child<QCheckBox>(upload, "convertCheck");
    auto* destination = upload->findChild<ui::UploadDestination*>();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->sendEstimate().isValid(), kTimeoutMs);
    QVERIFY(convert->isChecked());
    QCOMPARE(destination->key(), QStringLiteral("centos7.qcow2"));
    convert->setFocus();
    QTest::keyClick(convert, Qt::Key_Space);
    QVERIFY(!convert->isChecked());
    QCOMPARE(destination->key(), QStringLiteral("centos7.raw"));
}

void TestJourney::alreadyUploadedSkipsTheUpload()
{
    // The checked image is said to be at the Upload page's bucket and key already; what is
    // there is smaller than the file, which the form's check points out.
    const QString image = QFileInfo(fixture(kCompliant)).absoluteFilePath();
    putObject(QStringLiteral("centos7.raw"), qcow2Header(quint64(1) << 30));
    const auto wizard = makeWizard();
    ui::WizardSession* session = wizard->session();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    QVERIFY(drop(*wizard, image));
    advanceToUpload(*wizard);
    if (QTest::currentTestFailed())
        return;
    ui::UploadPage* upload = wizard->uploadPage();
    sendAsItIs(*wizard); // the object in COS went up as it is
    if (QTest::currentTestFailed())
        return;
    QVERIFY(child<QPushButton>(upload, "skipUpload")->isVisible() &&
            child<QPushButton>(upload, "skipUpload")->isEnabled());
    QTest::mouseClick(child<QPushButton>(upload, "skipUpload"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageForm));
    QVERIFY(!session->hasUpload());
    QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());

    ui::FormPage* form = wizard->formPage();
    const QString objectUrl =
        cloud::CosClient::objectUrl(kBucket, kRegion, QStringLiteral("centos7.raw"));
    QCOMPARE(form->form().imageUrl, objectUrl);
    QCOMPARE(form->form().osType, QStringLiteral("CentOS")); // still from the check
    auto* check = form->findChild<QLabel*>(QStringLiteral("urlCheck"));
    QVERIFY(check);
    QTRY_VERIFY_WITH_TIMEOUT(check->text().startsWith(QLatin1String("Found")), kTimeoutMs);
    QVERIFY2(check->text().contains(QLatin1String("another file, or an incomplete copy")),
             qPrintable(check->text()));

    // Back leads to the Upload page again, whose own upload is still there to choose.
    QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::PageUpload));
    QVERIFY(child<QPushButton>(upload, "startUpload")->isVisible() &&
            child<QPushButton>(upload, "startUpload")->isEnabled());
}

void TestJourney::interruptedUploadIsOfferedAtStart()
{
    const QString image = QFileInfo(fixture(kCompliant)).absoluteFilePath();
    Error error;
    QVERIFY(m_settings->setRateLimit(16 * MiB, &error));
    int partsBefore = 0;
    {
        // An upload closed half-way ("close and continue later").
        const auto wizard = makeWizard();
        wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
        QVERIFY(drop(*wizard, image));
        advanceToUpload(*wizard);
        if (QTest::currentTestFailed())
            return;
        ui::UploadPage* upload = wizard->uploadPage();
        sendAsItIs(*wizard);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy progress(upload, &ui::UploadPage::progressShown);
        QTest::mouseClick(child<QPushButton>(upload, "startUpload"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !progress.isEmpty() &&
                qvariant_cast<transfer::UploadProgress>(progress.last().at(0)).partsDone >= 2,
            kTimeoutMs);
        m_answer = true;
        wizard->reject();
        QCOMPARE(m_asked, QList<Question>{Question::CloseDuringUpload});
        QTRY_VERIFY_WITH_TIMEOUT(!upload->isBusy(), kTimeoutMs);
        QVERIFY(!wizard->isVisible());
        partsBefore = qvariant_cast<transfer::UploadProgress>(progress.last().at(0)).partsDone;
        drainWorkers();
    }
    QVERIFY(!m_emulator->objectInfo(kBucket, QStringLiteral("centos7.raw")));
    QCOMPARE(m_emulator->pendingUploads(kBucket).size(), 1);
    QVERIFY(m_settings->setRateLimit(0, &error));

    // The program starts again: the Image page offers to continue.
    const auto wizard = makeWizard();
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    ui::InterruptedUploadNotice* notice = wizard->imagePage()->interruptedUploadNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), kTimeoutMs);
    const QString text = child<QLabel>(notice, "interruptedUploadText")->text();
    QVERIFY2(text.contains(QLatin1String("centos7.raw")) &&
                 text.contains(kBucket + QLatin1String("/centos7.raw")) &&
                 text.contains(QLatin1String("of 8 parts sent")),
             qPrintable(text));
    QTest::mouseClick(child<QPushButton>(notice, "continueInterruptedUpload"), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
    advanceToUpload(*wizard);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(wizard->session()->imagePath(), image);
    ui::UploadPage* upload = wizard->uploadPage();
    QTRY_VERIFY_WITH_TIMEOUT(upload->hasResumeOffer(), kTimeoutMs);
    QCOMPARE(upload->findChild<ui::UploadDestination*>()->bucket(), kBucket);
    QCOMPARE(upload->findChild<ui::UploadDestination*>()->key(), QStringLiteral("centos7.raw"));
    // Resumed as it was made, although the estimate proposes converting this disk.
    QTRY_VERIFY_WITH_TIMEOUT(wizard->session()->sendEstimate().isValid(), kTimeoutMs);
    QVERIFY(wizard->session()->sendEstimate().estimate->worthConverting());
    QVERIFY(!child<QCheckBox>(upload, "convertCheck")->isChecked());
    QCOMPARE(upload->currentJob().conversion, transfer::Conversion::None);
    QSignalSpy finished(upload, &ui::UploadPage::uploadFinished);
    QTest::mouseClick(child<QPushButton>(upload, "startUpload"), Qt::LeftButton);
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    const auto result = qvariant_cast<transfer::UploadResult>(finished.first().first());
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QVERIFY2(result.partsReused >= partsBefore, qPrintable(QString::number(result.partsReused)));
    QCOMPARE(result.partsReused + result.partsUploaded, 8);
    QCOMPARE(m_emulator->objectInfo(kBucket, QStringLiteral("centos7.raw"))->crc64,
             test::fileCrc(image));
    QVERIFY(m_emulator->pendingUploads(kBucket).isEmpty());
}

void TestJourney::noSecretInTheLogs()
{
    // The journeys above logged their cloud calls (debug included): the log was captured and
    // holds no secret.
    {
        QMutexLocker lock(&capturedLogMutex());
        QVERIFY(capturedLog().size() > 0);
    }
    QVERIFY2(leakedLines(allSecrets()).isEmpty(),
             qPrintable(leakedLines(allSecrets()).join(u'\n')));
}

QTEST_MAIN(TestJourney)
#include "tst_journey.moc"

// The import-form page, driven as a user would (typing, choosing, clicking) and against the
// in-process emulator: prefill from the inspection's proposal and the upload's URL, user edits
// that survive a later prefill, every problem shown under its field and blocking Next, drafts
// saved and opened through the page (a newer draft refused, a signature left out and said so),
// the OS list refreshed from DescribeImportImageOs and cached, the HEAD check of a typed URL,
// "Choose object…" listing a bucket (prefix filter, More, disk images, errors) into ImageUrl,
// and no secret in a draft or a log line.
#include "../AccessibilityAudit.h"
#include "CloudTestSupport.h"
#include "TestSupport.h"

#include "ImportWizard.h"
#include "TextTints.h"
#include "WizardSession.h"
#include "controllers/ObjectUrlChecker.h"
#include "controllers/OsCatalogueController.h"
#include "pages/FormPage.h"
#include "widgets/DraftBar.h"
#include "widgets/FieldNote.h"
#include "widgets/TagTable.h"

#include "CosStore.h"
#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"
#include "importform/FormLimits.h"
#include "util/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace cvmi;
using namespace cvmi::cloudtest;
using importform::ImportForm;
using ui::FormPage;
using State = ui::ObjectUrlChecker::State;
namespace field = importform::field;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kObjectKey = QStringLiteral("uploads/centos7.qcow2");

QString objectUrl(const QString& key)
{
    return cloud::CosClient::objectUrl(kBucket, kRegion, key);
}

policy::FormSuggestion centosSuggestion()
{
    policy::FormSuggestion s;
    s.osType = QStringLiteral("CentOS");
    s.osVersion = QStringLiteral("7.9");
    s.detectedVersion = QStringLiteral("7.9.2009");
    s.architecture = QStringLiteral("x86_64");
    s.bootMode = QStringLiteral("Legacy BIOS");
    s.licenseType = QStringLiteral("TencentCloud");
    s.imageName = QStringLiteral("centos-7.9-x86_64");
    return s;
}

ui::InspectionResult inspection(const policy::FormSuggestion& suggestion)
{
    ui::InspectionResult r;
    r.facts.path = QStringLiteral("/images/centos7.qcow2");
    r.report.policyId = QStringLiteral("tencent-cvm-import");
    r.report.rules.append({QStringLiteral("image.format"),
                           QStringLiteral("image"),
                           QStringLiteral("Image format"),
                           policy::Verdict::Pass,
                           {},
                           {},
                           {}});
    r.report.form = suggestion;
    return r;
}

// A complete, valid form; each test spoils one part of it.
ImportForm validForm()
{
    ImportForm f;
    f.osType = QStringLiteral("Ubuntu");
    f.osVersion = QStringLiteral("16"); // the vendor's lists name majors
    f.architecture = QStringLiteral("x86_64");
    f.imageUrl = objectUrl(QStringLiteral("ubuntu.qcow2"));
    f.imageName = QStringLiteral("ubuntu-16");
    f.imageDescription = QStringLiteral("Web front end, built 2026-11-25");
    f.imageFamily = QStringLiteral("web-front");
    f.tags = {{QStringLiteral("env"), QStringLiteral("prod")},
              {QStringLiteral("team"), QStringLiteral("web")}};
    f.dataDiskUrls = {objectUrl(QStringLiteral("data1.qcow2"))};
    f.force = true;
    f.dryRun = true;
    return f;
}

// A page on its own with its own cache folder and session.
struct Harness {
    QTemporaryDir cache;
    ui::WizardSession session;
    std::unique_ptr<FormPage> page;

    Harness() : page(std::make_unique<FormPage>(&session))
    {
        QSignalSpy loaded(os(), &ui::OsCatalogueController::changed);
        os()->setStore(importform::OsCatalogueStore(cache.path()));
        if (!loaded.wait(kTimeoutMs))
            qWarning("the OS list did not load");
        page->show();
    }

    ui::OsCatalogueController* os() const { return page->findChild<ui::OsCatalogueController*>(); }
    ui::DraftBar* drafts() const { return page->findChild<ui::DraftBar*>(); }
    // What a label of the page says now (shown or not).
    QString text(const char* label) const { return child<QLabel>(label)->text(); }

    template <typename T> T* child(const char* name) const
    {
        return page->findChild<T*>(QLatin1String(name));
    }
    QLineEdit* edit(const char* name) const { return child<QLineEdit>(name); }
    ui::FieldNote* note(const QString& fieldId) const
    {
        return page->findChild<ui::FieldNote*>(fieldId + QStringLiteral("Note"));
    }
    // The notes that show something (a problem or a counter past its limit), as "id: text".
    QStringList shownProblems() const
    {
        QStringList shown;
        for (const ui::FieldNote* n : page->findChildren<ui::FieldNote*>()) {
            if (!n->text().isEmpty() || n->showsError())
                shown.append(n->objectName() + u": " + n->text());
        }
        return shown;
    }
    QComboBox* combo(const char* name) const { return child<QComboBox>(name); }

    void retype(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    // Chooses `value` as a user would: the item is activated from the keyboard.
    bool choose(QComboBox* box, const QString& value)
    {
        const int index = box->findData(value);
        if (index < 0)
            return false;
        box->setFocus();
        box->setCurrentIndex(index);
        return true;
    }

    bool saveDraft(const QString& path, QString* error = nullptr)
    {
        QSignalSpy saved(page.get(), &FormPage::draftSaved);
        drafts()->setPathChooser(
            [path](bool save, const QString&) { return save ? path : QString(); });
        QTest::mouseClick(child<QPushButton>("saveDraft"), Qt::LeftButton);
        if (!saved.wait(kTimeoutMs))
            return false;
        if (error)
            *error = saved.first().at(1).toString();
        return saved.first().at(1).toString().isEmpty();
    }

    bool openDraft(const QString& path, QString* error = nullptr)
    {
        QSignalSpy opened(page.get(), &FormPage::draftOpened);
        drafts()->setPathChooser(
            [path](bool save, const QString&) { return save ? QString() : path; });
        QTest::mouseClick(child<QPushButton>("openDraft"), Qt::LeftButton);
        if (!opened.wait(kTimeoutMs))
            return false;
        if (error)
            *error = opened.first().at(1).toString();
        return opened.first().at(1).toString().isEmpty();
    }

    void connect(const emu::CloudEmulator& emulator)
    {
        session.setAccount(credentials(kId, kKey), kRegion, endpointsFor(emulator));
    }

    // Clicks "Choose Object…" and returns the dialog it opens.
    QDialog* openChooser()
    {
        QTest::mouseClick(child<QPushButton>("chooseObject"), Qt::LeftButton);
        QDialog* dialog = nullptr;
        for (int i = 0; i < 100 && !dialog; ++i) {
            dialog = page->findChild<QDialog*>(QStringLiteral("chooseObjectDialog"));
            if (!dialog)
                QTest::qWait(10);
        }
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    std::optional<State> waitForCheck()
    {
        QSignalSpy finished(page->findChild<ui::ObjectUrlChecker*>(),
                            &ui::ObjectUrlChecker::finished);
        if (!finished.wait(kTimeoutMs))
            return std::nullopt;
        return page->findChild<ui::ObjectUrlChecker*>()->state();
    }
};

bool problemWithCode(const QList<importform::FieldProblem>& problems, const QString& fieldId,
                     const QString& code)
{
    for (const auto& p : problems) {
        if (p.field == fieldId && p.code == code)
            return true;
    }
    return false;
}

} // namespace

class TestFormPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    QTemporaryDir m_dir;
    qint64 m_objectSize = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        captureLogs();
        QVERIFY(m_dir.isValid());
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion, false, &error));
        // An image uploaded earlier, for the HEAD check of a typed URL.
        cloud::HttpClient http;
        cloud::CosClient cos(&http, endpointsFor(*m_emulator), credentials(kId, kKey));
        const QByteArray data(5000, 'q');
        m_objectSize = data.size();
        cloud::CosClient::Call put;
        put.method = "PUT";
        put.host = cloud::CosClient::bucketHost(kBucket, kRegion);
        put.key = kObjectKey;
        put.body = data;
        auto future = cos.send(put);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kTimeoutMs);
        QVERIFY2(future.result().ok(), qPrintable(future.result().error.toString()));
    }

    void wizardLeadsToTheForm()
    {
        ui::ImportWizard wizard;
        QCOMPARE(wizard.page(ui::ImportWizard::PageForm), wizard.formPage());
        QVERIFY(wizard.pageIds().indexOf(ui::ImportWizard::PageForm) >
                wizard.pageIds().indexOf(ui::ImportWizard::PageUpload));
    }

    void prefillFromInspectionAndUpload()
    {
        Harness h;
        QVERIFY(!h.page->isComplete()); // nothing known yet: OsType, URL and name are missing
        h.session.setImagePath(QStringLiteral("/images/centos7.qcow2"));
        h.session.setInspection(inspection(centosSuggestion()));
        ui::UploadedObject upload;
        upload.objectUrl = objectUrl(kObjectKey);
        upload.bucket = kBucket;
        upload.key = kObjectKey;
        upload.region = kRegion;
        upload.size = m_objectSize;
        h.session.setUpload(upload);
        h.page->initializePage();

        const ImportForm f = h.page->form();
        QCOMPARE(f.osType, QStringLiteral("CentOS"));
        // 7.9.2009 detected, mapped onto the list's "7", and said so under the field.
        QCOMPARE(f.osVersion, QStringLiteral("7"));
        QCOMPARE(h.text("osChoice"),
                 QStringLiteral("CentOS 7.9.2009 detected; the built-in OS list offers 7."));
        QVERIFY(h.child<QLabel>("osChoice")->isVisible());
        QCOMPARE(f.architecture, QStringLiteral("x86_64"));
        QCOMPARE(f.bootMode, QStringLiteral("Legacy BIOS"));
        QCOMPARE(f.licenseType, QStringLiteral("TencentCloud"));
        QCOMPARE(f.imageName, QStringLiteral("centos-7.9-x86_64"));
        QCOMPARE(f.imageUrl, objectUrl(kObjectKey));
        QVERIFY(h.text("urlCheck").contains(QLatin1String("Uploaded by this wizard")));
        QVERIFY2(
            h.page->isComplete(),
            qPrintable(
                h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))->text()));
        QVERIFY(!h.page->isUserEdited(field::osType));
        QCOMPARE(h.page->findChild<ui::FieldNote*>(field::imageName + QStringLiteral("Note"))
                     ->counterText(),
                 QStringLiteral("17/60"));

        // Without a suggested name, the image file's name.
        Harness named;
        policy::FormSuggestion noName = centosSuggestion();
        noName.imageName.clear();
        named.session.setImagePath(QStringLiteral("/images/My Server (old).qcow2"));
        named.session.setInspection(inspection(noName));
        QCOMPARE(named.page->form().imageName, QStringLiteral("My-Server-old"));

        // Next stores the completed form for the Import page.
        QVERIFY(h.page->validatePage());
        QVERIFY(h.session.hasImportForm());
        QCOMPARE(h.session.importForm(), h.page->form());
    }

    void userEditsSurviveAPrefill()
    {
        Harness h;
        h.session.setImagePath(QStringLiteral("/images/centos7.qcow2"));
        h.session.setInspection(inspection(centosSuggestion()));
        h.retype(h.edit("imageName"), QStringLiteral("my-own-name"));
        QVERIFY(h.choose(h.combo("osVersion"), QStringLiteral("6")));
        QVERIFY(h.page->isUserEdited(field::imageName));
        QVERIFY(h.page->isUserEdited(field::osVersion));
        QVERIFY(h.text("osChoice").isEmpty()); // the user's choice needs no explanation

        // A second inspection (another check of the image) proposes other values.
        policy::FormSuggestion other = centosSuggestion();
        other.osVersion = QStringLiteral("7.7");
        other.detectedVersion = QStringLiteral("7.7.1908");
        other.bootMode = QStringLiteral("UEFI");
        other.imageName = QStringLiteral("centos-7.7");
        h.session.setInspection(inspection(other));
        h.page->initializePage();
        const ImportForm f = h.page->form();
        QCOMPARE(f.imageName, QStringLiteral("my-own-name"));
        QCOMPARE(f.osVersion, QStringLiteral("6"));
        QCOMPARE(f.bootMode, QStringLiteral("UEFI")); // not edited: follows the proposal

        // Choosing another OS offers its versions and forgets the one of the previous OS.
        QVERIFY(h.choose(h.combo("osType"), QStringLiteral("Ubuntu")));
        QVERIFY(h.combo("osVersion")->findData(QStringLiteral("16")) >= 0);
        QVERIFY(h.page->form().osVersion.isEmpty());
        QVERIFY(problemWithCode(h.page->problems(), field::osVersion,
                                QStringLiteral("os_version.required")));
    }

    void prefillMapsOntoTheOfferedList()
    {
        Harness h;
        policy::FormSuggestion rhel = centosSuggestion();
        rhel.osType = QStringLiteral("RedHat");
        rhel.detectedVersion = QStringLiteral("7.9");
        rhel.licenseType = QStringLiteral("BYOL");
        h.session.setInspection(inspection(rhel));
        h.page->initializePage();
        QCOMPARE(h.page->form().osType, QStringLiteral("Redhat")); // the list's spelling
        QCOMPARE(h.page->form().osVersion, QStringLiteral("7"));
        const QLabel* label = h.child<QLabel>("osChoice");
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(),
                 QStringLiteral("RedHat 7.9 detected; the built-in OS list offers Redhat 7."));

        // The live list replaces the built-in one: mapped again, and said so.
        h.connect(*m_emulator);
        QSignalSpy refreshed(h.os(), &ui::OsCatalogueController::refreshed);
        QTest::mouseClick(h.child<QPushButton>("refreshOsList"), Qt::LeftButton);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(h.os()->catalogue().origin(), importform::OsCatalogue::Origin::Live);
        QCOMPARE(label->text(),
                 QStringLiteral("RedHat 7.9 detected; the service offers Redhat 7."));
        QVERIFY2(
            h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))
                ->text()
                .isEmpty(),
            qPrintable(
                h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))->text()));
        QVERIFY2(
            h.page->findChild<ui::FieldNote*>(field::osVersion + QStringLiteral("Note"))
                ->text()
                .isEmpty(),
            qPrintable(h.page->findChild<ui::FieldNote*>(field::osVersion + QStringLiteral("Note"))
                           ->text()));

        // The user's own choice needs no explanation, and a later list leaves it alone.
        QVERIFY(h.choose(h.combo("osVersion"), QStringLiteral("6")));
        QVERIFY(!label->isVisible());
        refreshed.clear();
        QTest::mouseClick(h.child<QPushButton>("refreshOsList"), Qt::LeftButton);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(h.page->form().osVersion, QStringLiteral("6"));
        QVERIFY(!label->isVisible());
    }

    // "Skip to the Form" (no image, no upload): nothing is wrong yet, so nothing is red; the
    // line under the form names what is still to fill in (issue 13, finding 9).
    void freshFormScoldsNot()
    {
        Harness h;
        h.session.setUploadSkipped(true);
        h.page->initializePage();
        QVERIFY2(h.shownProblems().isEmpty(), qPrintable(h.shownProblems().join(u'\n')));
        QCOMPARE(h.text("formSummary"),
                 QStringLiteral("To continue, fill in: OS type, OS version, Architecture, Image "
                                "URL, Image name."));
        QCOMPARE(h.child<QLabel>("formSummary")->palette().color(QPalette::WindowText),
                 ui::textTintColor(h.page->palette(), ui::TextTint::Secondary));
        QVERIFY(!h.page->isComplete()); // Next waits, and the line says for what

        // The check of an image proposes an architecture: no longer missing.
        h.session.setInspection(inspection(centosSuggestion()));
        h.page->initializePage();
        QVERIFY2(h.shownProblems().isEmpty(), qPrintable(h.shownProblems().join(u'\n')));
        QCOMPARE(h.page->form().architecture, QStringLiteral("x86_64"));
        QCOMPARE(h.text("formSummary"), QStringLiteral("To continue, fill in: Image URL."));
    }

    // A field shows its own problem once edited, after its label as shown on screen.
    void editedFieldShowsItsErrorByLabel()
    {
        Harness h;
        h.session.setUploadSkipped(true);
        h.page->initializePage();
        h.retype(h.edit("imageName"), QStringLiteral("x"));
        QVERIFY(h.shownProblems().isEmpty());
        h.retype(h.edit("imageName"), QString());
        const ui::FieldNote* nameNote = h.note(field::imageName);
        QVERIFY(nameNote->isVisible() && nameNote->showsError());
        QCOMPARE(nameNote->text(), QStringLiteral("Image name: required; give the new custom "
                                                  "image a name of at most 60 characters."));
        QCOMPARE(h.shownProblems().size(), 1); // the others wait
        QCOMPARE(h.text("formSummary"),
                 QStringLiteral("Errors to correct before going on: 1, marked under their "
                                "fields. To continue, fill in: OS type, OS version, "
                                "Architecture, Image URL."));

        h.retype(h.edit("imageName"), QString(70, u'n'));
        QCOMPARE(nameNote->text(),
                 QStringLiteral("Image name: 70 characters, at most 60; shorten it by 10."));
        // Choosing an OS type: its version is next, still only named below the form.
        QVERIFY(h.choose(h.combo("osType"), QStringLiteral("CentOS")));
        QVERIFY(h.note(field::osVersion)->text().isEmpty());
        QVERIFY(h.text("formSummary")
                    .endsWith(QLatin1String("fill in: OS version, "
                                            "Architecture, Image URL.")));
        // A row of a table is named with its number.
        QTest::mouseClick(h.child<QPushButton>("addTag"), Qt::LeftButton);
        QTableWidget* table = h.page->findChild<ui::TagTable*>()->table();
        table->item(0, 0)->setText(QStringLiteral("qcloud-owner"));
        QVERIFY2(h.note(field::tags)->text().startsWith(QLatin1String("Tags, row 1: the key")),
                 qPrintable(h.note(field::tags)->text()));
    }

    // Trying to go on (Enter, as Next waits; or Next itself) shows every problem.
    void nextAttemptRevealsAll()
    {
        Harness h;
        h.session.setUploadSkipped(true);
        h.page->initializePage();
        h.edit("imageFamily")->setFocus();
        QTest::keyClick(h.edit("imageFamily"), Qt::Key_Return);
        QCOMPARE(h.shownProblems().size(), 5);
        for (const QString id : {field::osType, field::osVersion, field::architecture,
                                 field::imageUrl, field::imageName})
            QVERIFY2(h.note(id)->isVisible() && h.note(id)->showsError(), qPrintable(id));
        QVERIFY(h.note(field::imageUrl)->text().startsWith(QLatin1String("Image URL: empty;")));
        QCOMPARE(h.text("formSummary"),
                 QStringLiteral("Errors to correct before going on: 5, marked under their "
                                "fields."));
        QCOMPARE(h.page->focusWidget(), h.combo("osType")); // the first to correct

        Harness next;
        next.session.setUploadSkipped(true);
        next.page->initializePage();
        QVERIFY(!next.page->validatePage());
        QCOMPARE(next.shownProblems().size(), 5);
    }

    // Force and DryRun wait under "Advanced", closed by default; a draft that turns one on
    // opens it.
    void advancedHoldsForceAndDryRun()
    {
        Harness h;
        auto* toggle = h.child<QToolButton>("advancedToggle");
        auto* force = h.child<QCheckBox>("force");
        auto* dryRun = h.child<QCheckBox>("dryRun");
        QVERIFY(toggle->isVisible() && !toggle->isChecked());
        QVERIFY(!force->isVisible() && !dryRun->isVisible());
        QCOMPARE(toggle->shortcut(), QKeySequence(QStringLiteral("Alt+D")));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(force->isVisible() && dryRun->isVisible());
        QTest::mouseClick(dryRun, Qt::LeftButton);
        QVERIFY(h.page->form().dryRun && !h.page->form().force);
        QVERIFY(h.page->isUserEdited(QStringLiteral("DryRun")));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!dryRun->isVisible());
        QVERIFY(h.page->form().dryRun); // closing hides; it changes nothing
        // Every Alt key of the page, Advanced open, is its own.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QMap<QKeySequence, QString> keys;
        for (const QAbstractButton* b : h.page->findChildren<QAbstractButton*>()) {
            if (!b->isVisible() || b->shortcut().isEmpty())
                continue;
            QVERIFY2(!keys.contains(b->shortcut()),
                     qPrintable(b->text() + u" and " + keys.value(b->shortcut())));
            keys.insert(b->shortcut(), b->text());
        }
        QVERIFY(keys.contains(QKeySequence(QStringLiteral("Alt+Q")))); // Dry run only

        Harness opened;
        opened.page->setForm(validForm()); // Force and DryRun on
        QVERIFY(opened.child<QToolButton>("advancedToggle")->isChecked());
        QVERIFY(opened.child<QCheckBox>("force")->isVisible());
    }

    // In Chinese, a problem follows the Chinese label, and the summary names the fields so.
    void chineseMessageUsesTheChineseLabel()
    {
        // English again afterwards, also when a check below fails.
        const auto english = qScopeGuard([] { cvmi::test::removeTranslations(); });
        QCOMPARE(util::installTranslations(*qApp, QStringLiteral("zh_CN")),
                 QStringLiteral("zh_CN"));
        {
            Harness h;
            h.session.setUploadSkipped(true);
            h.page->initializePage();
            QVERIFY2(h.text("formSummary").contains(QStringLiteral("操作系统类型")),
                     qPrintable(h.text("formSummary")));
            h.retype(h.edit("imageName"), QString(61, u'n'));
            const QString text = h.note(field::imageName)->text();
            QVERIFY2(text.startsWith(QStringLiteral("镜像名称：")), qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("61")) && !text.contains(QLatin1String("Image")),
                     qPrintable(text));
        }
    }

    void problemsNextToTheirFieldsBlockNext()
    {
        Harness h;
        h.page->setForm(validForm());
        QVERIFY2(
            h.page->isComplete(),
            qPrintable(h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                           ->text()));
        QSignalSpy completeChanged(h.page.get(), &QWizardPage::completeChanged);

        // A 61-character name: the error under the name, with the limit, and the counter.
        h.retype(h.edit("imageName"), QString(61, u'n'));
        const ui::FieldNote* nameNote =
            h.page->findChild<ui::FieldNote*>(field::imageName + QStringLiteral("Note"));
        QVERIFY(nameNote->isVisible());
        QVERIFY(nameNote->showsError());
        QVERIFY2(nameNote->text().contains(QLatin1String("61")) &&
                     nameNote->text().contains(QLatin1String("60")),
                 qPrintable(nameNote->text()));
        QCOMPARE(nameNote->counterText(), QStringLiteral("61/60"));
        QVERIFY(!h.page->isComplete());
        QVERIFY(!completeChanged.isEmpty());
        QVERIFY(h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                    ->text()
                    .isEmpty()); // only where it belongs
        h.retype(h.edit("imageName"), QString(60, u'n'));
        QVERIFY(h.page->isComplete());
        QVERIFY(!nameNote->showsError());

        // A URL that is not a COS object URL.
        h.retype(h.edit("imageUrl"), QStringLiteral("ftp://example.com/disk.qcow2"));
        QVERIFY(h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                    ->showsError());
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                     ->text()
                     .isEmpty());
        QVERIFY(!h.page->isComplete());
        h.retype(h.edit("imageUrl"), objectUrl(QStringLiteral("ubuntu.qcow2")));
        QVERIFY(h.page->isComplete());

        // An OS the built-in list does not name (from a draft): shown and explained, but only
        // a warning, since that list may be out of date and the service decides.
        ImportForm unknownOs = validForm();
        unknownOs.osType = QStringLiteral("Plan 9");
        h.page->setForm(unknownOs);
        QCOMPARE(h.page->form().osType, QStringLiteral("Plan 9"));
        QVERIFY(h.combo("osType")->currentText().contains(QLatin1String("not in the list")));
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))
                     ->showsError());
        QVERIFY(h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))
                    ->text()
                    .contains(QLatin1String("Plan 9")));
        QVERIFY(h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))
                    ->text()
                    .contains(QLatin1String("service decides")));
        QVERIFY(h.page->isComplete());
        QVERIFY(h.choose(h.combo("osType"), QStringLiteral("Ubuntu")));
        QVERIFY(h.choose(h.combo("osVersion"), QStringLiteral("16")));
        QVERIFY(h.page->isComplete());
        QCOMPARE(h.combo("osType")->findText(QStringLiteral("Plan 9 (not in the list)")), -1);

        // A reserved tag key, typed into the table.
        QTest::mouseClick(h.child<QPushButton>("addTag"), Qt::LeftButton);
        QTableWidget* table = h.page->findChild<ui::TagTable*>()->table();
        table->item(table->rowCount() - 1, 0)->setText(QStringLiteral("qcloud-owner"));
        QVERIFY(
            h.page->findChild<ui::FieldNote*>(field::tags + QStringLiteral("Note"))->showsError());
        QVERIFY(!h.page->isComplete());
        QTest::mouseClick(h.child<QPushButton>("removeTag"), Qt::LeftButton);
        QVERIFY(h.page->isComplete());

        // A warning informs and does not block: BYOL for Ubuntu.
        QVERIFY(h.choose(h.combo("licenseType"), QStringLiteral("BYOL")));
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::licenseType + QStringLiteral("Note"))
                     ->text()
                     .isEmpty());
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::licenseType + QStringLiteral("Note"))
                     ->showsError());
        QVERIFY(h.page->isComplete());

        // The description's counter.
        QTest::keyClicks(h.child<QWidget>("imageDescription"), QStringLiteral("!"));
        QCOMPARE(h.page->findChild<ui::FieldNote*>(field::imageDescription + QStringLiteral("Note"))
                     ->counterText(),
                 QStringLiteral("%1/%2")
                     .arg(validForm().imageDescription.size() + 1)
                     .arg(importform::limits::imageDescriptionMax));
    }

    void draftRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.json"));
        Harness h;
        h.page->setForm(validForm());
        h.retype(h.edit("imageFamily"), QStringLiteral("web-front-2"));
        const ImportForm saved = h.page->form();
        QVERIFY(h.saveDraft(path));
        QVERIFY(h.text("draftStatus").contains(QLatin1String("roundtrip.json")));
        QVERIFY(!h.text("draftStatus").contains(QLatin1String("signature")));

        Harness reopened;
        reopened.session.setImagePath(QStringLiteral("/images/centos7.qcow2"));
        reopened.session.setInspection(inspection(centosSuggestion()));
        QVERIFY(reopened.openDraft(path));
        QCOMPARE(reopened.page->form(), saved);
        for (const QString& id :
             {QString(field::osType), QString(field::imageName), QString(field::imageUrl),
              QString(field::tags), QStringLiteral("Force"), QStringLiteral("DryRun")})
            QVERIFY2(reopened.page->isUserEdited(id), qPrintable(id));
        // The draft's values are the user's: a later prefill leaves them.
        reopened.page->initializePage();
        QCOMPARE(reopened.page->form(), saved);
        QVERIFY(reopened.page->isComplete());
        QVERIFY(reopened.text("draftStatus").contains(QLatin1String("Opened")));
        // The status is read as shown ("Opened the draft …"), not replaced by what it is.
        const QStringList unreadable = test::accessibilityProblems(
            reopened.page.get(), QStringLiteral("Form page, a draft opened"));
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(u'\n')));

        // Cancelling the dialog does nothing.
        QSignalSpy opened(reopened.page.get(), &FormPage::draftOpened);
        reopened.drafts()->setPathChooser([](bool, const QString&) { return QString(); });
        reopened.drafts()->open();
        QVERIFY(!opened.wait(200));
    }

    void newerDraftRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "cvm-import-draft", "version": 2, "app_version": "9.0.0",
                      "created": "2030-01-01T00:00:00Z", "form": {"ImageName": "from-the-future"}})");
        file.close();
        Harness h;
        h.page->setForm(validForm());
        QString error;
        QVERIFY(!h.openDraft(path, &error));
        QVERIFY2(error.contains(QLatin1String("format version 2")) &&
                     error.contains(QLatin1String("9.0.0")),
                 qPrintable(error));
        QCOMPARE(h.text("draftStatus"), error);
        QCOMPARE(h.page->form(), validForm()); // the form is left as it was

        QString notDraft;
        QVERIFY(!h.openDraft(m_dir.filePath(QStringLiteral("missing.json")), &notDraft));
        QVERIFY(!notDraft.isEmpty());
    }

    void signatureLeftOutAndSaid()
    {
        const QString path = m_dir.filePath(QStringLiteral("signed.json"));
        Harness h;
        ImportForm f = validForm();
        f.imageUrl = objectUrl(QStringLiteral("ubuntu.qcow2")) +
                     QStringLiteral("?q-sign-algorithm=sha1&q-ak=%1&q-sign-time=1;2&q-key-time="
                                    "1;2&q-header-list=&q-url-param-list=&q-signature=abcdef0123"
                                    "&x-cos-security-token=%2")
                         .arg(kTokenId, kToken);
        h.page->setForm(f);
        // A pre-signed URL warns (it may expire) but does not block.
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                     ->text()
                     .isEmpty());
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                     ->showsError());
        QVERIFY(h.saveDraft(path));
        QVERIFY2(h.text("draftStatus").contains(QLatin1String("signature")),
                 qPrintable(h.text("draftStatus")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString& secret :
             allSecrets() + QStringList{kTokenId, QStringLiteral("abcdef0123")})
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY(bytes.contains(objectUrl(QStringLiteral("ubuntu.qcow2")).toUtf8()));
    }

    void refreshListFromTheService()
    {
        Harness h;
        QCOMPARE(h.os()->catalogue().origin(), importform::OsCatalogue::Origin::BuiltIn);
        QVERIFY(h.text("catalogueStatus").contains(QLatin1String("built into")));
        auto* refresh = h.child<QPushButton>("refreshOsList");

        // Offline (no account): says so and keeps the built-in list.
        QSignalSpy refreshed(h.os(), &ui::OsCatalogueController::refreshed);
        QTest::mouseClick(refresh, Qt::LeftButton);
        QCOMPARE(refreshed.size(), 1);
        QVERIFY(!refreshed.first().first().toString().isEmpty());
        QCOMPARE(h.os()->catalogue().origin(), importform::OsCatalogue::Origin::BuiltIn);
        QVERIFY(h.combo("osType")->count() > 0);

        h.connect(*m_emulator);
        refreshed.clear();
        QTest::mouseClick(refresh, Qt::LeftButton);
        QVERIFY(refreshed.wait(kTimeoutMs));
        QCOMPARE(refreshed.first().first().toString(), QString());
        QCOMPARE(h.os()->catalogue().origin(), importform::OsCatalogue::Origin::Live);
        QVERIFY(h.os()->catalogue().hasOsType(QStringLiteral("CentOS")));
        QVERIFY(h.text("catalogueStatus").contains(QLatin1String("from Tencent Cloud")));
        QCOMPARE(h.combo("osType")->count(), h.os()->catalogue().osTypes().size());

        // The live list is the service's word: an OS it does not name blocks Next.
        ImportForm unknownOs = validForm();
        unknownOs.osType = QStringLiteral("Plan 9");
        h.page->setForm(unknownOs);
        QVERIFY(h.page->findChild<ui::FieldNote*>(field::osType + QStringLiteral("Note"))
                    ->showsError());
        QVERIFY(!h.page->isComplete());
        QVERIFY(!h.page->validatePage());

        // The cache was written: the next page starts with it, dated.
        const importform::OsCatalogueStore store(h.cache.path());
        QVERIFY(QFile::exists(store.cacheFile()));
        QCOMPARE(store.load().origin(), importform::OsCatalogue::Origin::Cache);
        FormPage next(&h.session);
        auto* nextList = next.findChild<ui::OsCatalogueController*>();
        QSignalSpy loaded(nextList, &ui::OsCatalogueController::changed);
        nextList->setStore(store);
        QVERIFY(loaded.wait(kTimeoutMs));
        QCOMPARE(nextList->catalogue().origin(), importform::OsCatalogue::Origin::Cache);
        QVERIFY(next.findChild<QLabel*>(QStringLiteral("catalogueStatus"))
                    ->text()
                    .contains(QLatin1String("saved from Tencent Cloud")));
    }

    // Issue 16: an upload converted on the way fills ImageUrl with its .qcow2 object (not the
    // file's name), the OS values with the inspection's, and the URL line says what it is.
    void convertedUploadFillsTheForm()
    {
        Harness h;
        h.session.setImagePath(QStringLiteral("/images/centos7.raw"));
        h.session.setInspection(inspection(centosSuggestion()));
        ui::UploadedObject upload;
        upload.objectUrl = objectUrl(kObjectKey);
        upload.bucket = kBucket;
        upload.key = kObjectKey;
        upload.region = kRegion;
        upload.size = m_objectSize;
        upload.format = QStringLiteral("qcow2");
        upload.converted = true;
        upload.sourceBytes = 50 * 1024 * 1024;
        upload.filePath = QStringLiteral("/images/centos7.raw");
        h.session.setUpload(upload);
        h.page->initializePage();
        const ImportForm f = h.page->form();
        QCOMPARE(f.imageUrl, objectUrl(kObjectKey));
        QVERIFY(f.imageUrl.endsWith(QLatin1String(".qcow2")));
        QCOMPARE(f.osType, QStringLiteral("CentOS"));
        QCOMPARE(f.osVersion, QStringLiteral("7"));
        QCOMPARE(f.imageName, QStringLiteral("centos-7.9-x86_64"));
        QVERIFY2(h.text("urlCheck")
                     .contains(QStringLiteral("a compressed qcow2 of centos7.raw (%1)")
                                   .arg(QLocale().formattedDataSize(upload.sourceBytes))),
                 qPrintable(h.text("urlCheck")));
    }

    // An object in .qcow2 for a raw image (uploaded converted earlier, then skipped) is smaller
    // by design: its size is not held against it. A qcow2 image whose object differs still is.
    void convertedObjectSizeIsNotCompared()
    {
        Harness h;
        h.connect(*m_emulator);
        const QString raw = m_dir.filePath(QStringLiteral("centos7.raw"));
        const QString qcow2 = m_dir.filePath(QStringLiteral("centos7.qcow2"));
        for (const QString& path : {raw, qcow2}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(m_objectSize + 3000, 'r'));
        }
        h.session.setImagePath(raw);
        h.retype(h.edit("imageUrl"), objectUrl(kObjectKey));
        auto state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::Found);
        auto* checker = h.page->findChild<ui::ObjectUrlChecker*>();
        QVERIFY(!checker->sizeDiffers());
        QVERIFY2(h.text("urlCheck").contains(QLatin1String("not compared")),
                 qPrintable(h.text("urlCheck")));

        h.session.setImagePath(qcow2);
        h.retype(h.edit("imageUrl"), objectUrl(kObjectKey));
        state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::Found);
        QVERIFY(checker->sizeDiffers());
    }

    void headCheckOfATypedUrl()
    {
        Harness h;
        // No account: it says that it could not check.
        h.retype(h.edit("imageUrl"), objectUrl(kObjectKey));
        auto state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::NoAccount);
        QVERIFY(h.text("urlCheck").contains(QLatin1String("Not checked")));

        h.connect(*m_emulator);
        h.retype(h.edit("imageUrl"), objectUrl(kObjectKey));
        state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::Found);
        QCOMPARE(h.page->findChild<ui::ObjectUrlChecker*>()->size(), m_objectSize);
        QVERIFY2(h.text("urlCheck").startsWith(QLatin1String("Found")),
                 qPrintable(h.text("urlCheck")));

        h.retype(h.edit("imageUrl"), objectUrl(QStringLiteral("uploads/never.qcow2")));
        state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::NotFound);
        QVERIFY(h.text("urlCheck").startsWith(QLatin1String("Not found")));

        // No network (nothing listens there): it says that it could not check.
        cloud::CloudEndpoints nowhere;
        Error error;
        QVERIFY(nowhere.setCvmEndpoint(QStringLiteral("http://127.0.0.1:1"), &error));
        QVERIFY(nowhere.setCosEndpoint(QStringLiteral("http://127.0.0.1:1"), &error));
        h.session.setAccount(credentials(kId, kKey), kRegion, nowhere);
        h.retype(h.edit("imageUrl"), objectUrl(kObjectKey));
        state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::CouldNotCheck);
        QVERIFY2(h.text("urlCheck").startsWith(QLatin1String("Could not check")),
                 qPrintable(h.text("urlCheck")));
        // The check informs; the URL itself is valid.
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                     ->showsError());
    }

    // "Choose Object…": a bucket's objects listed a page at a time, disk images offered and the
    // rest hidden (or dimmed), a prefix filter, and the chosen object's plain URL in ImageUrl,
    // checked by HEAD like a typed one.
    void chooseObjectFromTheBucket()
    {
        const QString bucket = QStringLiteral("chosen-1250000000");
        QString error;
        QVERIFY(m_emulator->createBucket(bucket, kRegion, false, &error));
        // A full first page (COS's 1000) of other objects before the images: "More" is needed.
        emu::CosStore store(m_emulator->stateDir() + QStringLiteral("/cos"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(store.putObject(bucket, QStringLiteral("archive/old.vmdk"), "v", {}, now, &error));
        for (int i = 0; i < 999; ++i)
            QVERIFY(store.putObject(bucket,
                                    QStringLiteral("bulk/%1.log").arg(i, 4, 10, QLatin1Char('0')),
                                    "l", {}, now, &error));
        const QString image = QStringLiteral("images/centos 7+1.qcow2");
        QVERIFY(store.putObject(bucket, image, QByteArray(4096, 'c'), {}, now, &error));
        QVERIFY(
            store.putObject(bucket, QStringLiteral("images/中文 100%.vhd"), "z", {}, now, &error));
        QVERIFY(store.putObject(bucket, QStringLiteral("images/readme.txt"), "r", {}, now, &error));

        Harness h;
        // No account: the dialog says so and lists nothing.
        QDialog* dialog = h.openChooser();
        QVERIFY(dialog);
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("chooseObjectStatus"));
        QVERIFY(status->text().contains(QLatin1String("No account")));
        QVERIFY(!dialog->findChild<QComboBox*>(QStringLiteral("chooseObjectBucket"))->isEnabled());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("chooseObjectCancel")),
                          Qt::LeftButton);
        QTRY_VERIFY(!h.page->findChild<QDialog*>(QStringLiteral("chooseObjectDialog")));
        QVERIFY(h.edit("imageUrl")->text().isEmpty());

        // The bucket chosen on the Account page opens first.
        h.connect(*m_emulator);
        h.session.setBucket(bucket);
        dialog = h.openChooser();
        QVERIFY(dialog);
        auto* buckets = dialog->findChild<QComboBox*>(QStringLiteral("chooseObjectBucket"));
        auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("chooseObjectList"));
        auto* more = dialog->findChild<QPushButton*>(QStringLiteral("chooseObjectMore"));
        auto* prefix = dialog->findChild<QLineEdit*>(QStringLiteral("chooseObjectPrefix"));
        auto* imagesOnly = dialog->findChild<QCheckBox*>(QStringLiteral("chooseObjectImagesOnly"));
        auto* choose = dialog->findChild<QPushButton*>(QStringLiteral("chooseObjectChoose"));
        status = dialog->findChild<QLabel*>(QStringLiteral("chooseObjectStatus"));
        QVERIFY(buckets && list && more && prefix && imagesOnly && choose && status);
        QCOMPARE(buckets->currentData().toString(), bucket);
        QTRY_VERIFY(buckets->findData(kBucket) >= 0); // the region's other bucket, GET Service
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1000, kTimeoutMs);
        QTRY_VERIFY(status->text().contains(QLatin1String("More objects follow")));
        const auto visible = [list] {
            QStringList keys;
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                if (!list->topLevelItem(i)->isHidden())
                    keys.append(list->topLevelItem(i)->text(0));
            }
            return keys;
        };
        QCOMPARE(visible(), QStringList{QStringLiteral("archive/old.vmdk")}); // the .log are not
        QVERIFY(!choose->isEnabled());
        QVERIFY(more->isVisible() && more->isEnabled());
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1003, kTimeoutMs);
        QTRY_VERIFY(!more->isVisible());
        QCOMPARE(visible(), (QStringList{QStringLiteral("archive/old.vmdk"), image,
                                         QStringLiteral("images/中文 100%.vhd")}));
        QCOMPARE(list->topLevelItem(1000)->text(1), QLocale().formattedDataSize(4096));
        QVERIFY(!list->topLevelItem(1000)->text(2).isEmpty());
        QVERIFY(list->topLevelItem(1000)->font(0).bold()); // a disk image stands out
        // Everything, the other objects dimmed.
        QTest::mouseClick(imagesOnly, Qt::LeftButton);
        QCOMPARE(visible().size(), 1003);
        QVERIFY(!list->topLevelItem(1001)->font(0).bold()); // images/readme.txt
        QTest::mouseClick(imagesOnly, Qt::LeftButton);

        // The prefix filter asks COS again, with the prefix (a space, '+', Chinese, '%').
        prefix->setFocus();
        QTest::keyClicks(prefix, QStringLiteral("images/"));
        QInputMethodEvent typed; // Chinese comes through an input method
        typed.setCommitString(QStringLiteral("中"));
        QCoreApplication::sendEvent(prefix, &typed);
        QTRY_COMPARE_WITH_TIMEOUT(visible(), QStringList{QStringLiteral("images/中文 100%.vhd")},
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, kTimeoutMs);
        prefix->selectAll();
        QTest::keyClicks(prefix, QStringLiteral("images/c"));
        QTest::keyClick(prefix, Qt::Key_Return); // filters at once, chooses nothing
        QTRY_COMPARE_WITH_TIMEOUT(visible(), QStringList{image}, kTimeoutMs);
        QVERIFY(dialog->isVisible());
        QTest::keyClicks(prefix, QStringLiteral("x"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("No object in")),
                                 kTimeoutMs);
        QTest::keyClick(prefix, Qt::Key_Backspace);
        QTRY_COMPARE_WITH_TIMEOUT(visible(), QStringList{image}, kTimeoutMs);

        // Choosing: a click on the row, then "Choose".
        const QRect row = list->visualItemRect(list->topLevelItem(0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
        QVERIFY(choose->isEnabled());
        QTest::mouseClick(choose, Qt::LeftButton);
        QTRY_VERIFY(!h.page->findChild<QDialog*>(QStringLiteral("chooseObjectDialog")));
        // Exactly the URL the "already in COS" path gives: the plain object URL, which the import
        // signs when the bucket is private; then the HEAD check confirms it.
        QCOMPARE(h.edit("imageUrl")->text(), cloud::CosClient::objectUrl(bucket, kRegion, image));
        QVERIFY(h.edit("imageUrl")->text().contains(QLatin1String("centos%207%2B1.qcow2")));
        QVERIFY(h.page->isUserEdited(field::imageUrl));
        QVERIFY(!h.page->findChild<ui::FieldNote*>(field::imageUrl + QStringLiteral("Note"))
                     ->showsError());
        const auto state = h.waitForCheck();
        QCOMPARE(state.value_or(State::Idle), State::Found);
        QCOMPARE(h.page->findChild<ui::ObjectUrlChecker*>()->size(), 4096);

        // The next time, the bucket of that choice opens first, even with another on the
        // Account page.
        h.session.setBucket(kBucket);
        dialog = h.openChooser();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("chooseObjectBucket"))
                     ->currentData()
                     .toString(),
                 bucket);
        dialog->reject();
        QTRY_VERIFY(!h.page->findChild<QDialog*>(QStringLiteral("chooseObjectDialog")));
    }

    // What the dialog says when listing fails: no permission, no such bucket, offline.
    void chooseObjectErrors_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<QString>("said");
        QTest::newRow("no permission") << kOtherId << kBucket << false << "COS denied access.";
        QTest::newRow("no bucket")
            << kId << QStringLiteral("gone-1250000000") << false << "The bucket does not exist.";
        QTest::newRow("offline") << kId << kBucket << true << "could not be reached";
    }

    void chooseObjectErrors()
    {
        QFETCH(QString, account);
        QFETCH(QString, bucket);
        QFETCH(bool, offline);
        QFETCH(QString, said);
        Harness h;
        cloud::CloudEndpoints endpoints = endpointsFor(*m_emulator);
        Error error;
        if (offline) { // nothing listens there
            QVERIFY(endpoints.setCvmEndpoint(QStringLiteral("http://127.0.0.1:1"), &error));
            QVERIFY(endpoints.setCosEndpoint(QStringLiteral("http://127.0.0.1:1"), &error));
        }
        h.session.setAccount(credentials(account, account == kId ? kKey : kOtherKey), kRegion,
                             endpoints);
        h.session.setBucket(bucket);
        QDialog* dialog = h.openChooser();
        QVERIFY(dialog);
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("chooseObjectStatus"));
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Could not list")),
                                  qPrintable(status->text()), kTimeoutMs);
        QVERIFY2(status->text().contains(bucket), qPrintable(status->text()));
        QVERIFY2(status->text().contains(said), qPrintable(status->text()));
        auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("chooseObjectList"));
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(
            !dialog->findChild<QPushButton*>(QStringLiteral("chooseObjectChoose"))->isEnabled());
        dialog->reject();
    }

    void accessibleAndKeyboard()
    {
        Harness h;
        for (const char* name : {"osType", "osVersion", "architecture", "bootMode", "licenseType",
                                 "imageUrl", "chooseObject", "imageName", "imageDescription",
                                 "imageFamily", "tagTable", "dataDiskList", "force", "dryRun"}) {
            auto* w = h.child<QWidget>(name);
            QVERIFY2(w, name);
            QVERIFY2(!w->accessibleName().isEmpty() || !w->property("text").toString().isEmpty(),
                     name);
        }
        // Tab goes down the form in reading order.
        QWidget* w = h.combo("osType");
        QStringList order;
        for (int i = 0; i < 10; ++i) {
            order.append(w->objectName());
            w = w->nextInFocusChain();
            while (w && w->focusPolicy() == Qt::NoFocus)
                w = w->nextInFocusChain();
        }
        QCOMPARE(order.mid(0, 8).join(u' '),
                 QStringLiteral("osType osVersion architecture bootMode licenseType "
                                "refreshOsList imageUrl chooseObject"));
        // No mnemonic of the page takes Alt+B, Alt+N or Alt+F (Back, Next, Finish).
        for (const QAbstractButton* b : h.page->findChildren<QAbstractButton*>()) {
            const QKeySequence mnemonic = QKeySequence::mnemonic(b->text());
            for (const char* taken : {"Alt+B", "Alt+N", "Alt+F", "Alt+C"})
                QVERIFY2(mnemonic != QKeySequence(QLatin1String(taken)), qPrintable(b->text()));
        }
        for (const QLabel* l : h.page->findChildren<QLabel*>()) {
            const QKeySequence mnemonic = QKeySequence::mnemonic(l->text());
            for (const char* taken : {"Alt+B", "Alt+N", "Alt+F", "Alt+C"})
                QVERIFY2(mnemonic != QKeySequence(QLatin1String(taken)), qPrintable(l->text()));
        }
    }

    void noSecretInTheLog()
    {
        QVERIFY2(leakedLines(allSecrets()).isEmpty(),
                 qPrintable(leakedLines(allSecrets()).join(u'\n')));
    }
};

QTEST_MAIN(TestFormPage)
#include "tst_formpage.moc"

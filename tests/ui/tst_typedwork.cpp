// Typed work survives (issue 13, finding 6): with something typed into the import form, Esc or
// closing the window asks "Save Draft…" / "Discard" / "Keep Editing" instead of quitting; Keep
// Editing keeps the window and the text, Discard closes, Save Draft… writes the draft file and
// closes. Without typed work the window closes at once. Meanwhile the form is autosaved 1.5 s
// after the last change into the recovery folder (never a URL's signature), and the next start
// offers it back ("Restore the form you were filling in at 14:32?").
#include "ShotSaving.h"
#include "WidgetLookup.h"

#include "ImportWizard.h"
#include "controllers/DraftRecovery.h"
#include "controllers/OsCatalogueController.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "widgets/DraftBar.h"

#include "cloud/CredentialStore.h"
#include "importform/Draft.h"
#include "importform/OsCatalogue.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace cvmi;
using test::child;
using ui::ImportWizard;

namespace {

constexpr int kTimeoutMs = 10000;

} // namespace

class TestTypedWork : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void closesAtOnceWithoutTypedWork();
    void escAsksAndKeepEditingKeeps();
    void closingTheWindowAsksAndDiscardCloses();
    void saveDraftWritesTheFileAndCloses();
    void saveDraftCancelledKeepsTheWindow();
    void autosavedAndOfferedAtNextStart();
    void autosaveHoldsNoSignature();
    void recoveryOffWithoutFolder();
    void openedDraftIsNoTypedWork();

private:
    // A wizard on the import form (as --draft starts it), its autosave in this test's folder.
    std::unique_ptr<ImportWizard> makeWizard(ImportWizard::PageId start = ImportWizard::PageForm);
    void show(ImportWizard& wizard);
    static void type(ImportWizard& wizard, const char* field, const QString& text);
    static QMessageBox* question(ImportWizard& wizard, const char* name);
    QString recoveryFile() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    cloud::MemoryCredentialStore m_store;
};

void TestTypedWork::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTypedWork::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTypedWork::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeoutMs));
    QCoreApplication::processEvents();
    m_dir.reset();
}

QString TestTypedWork::recoveryFile() const
{
    return QDir(m_dir->filePath(QStringLiteral("recovery")))
        .filePath(QStringLiteral("import-form.json"));
}

std::unique_ptr<ImportWizard> TestTypedWork::makeWizard(ImportWizard::PageId start)
{
    auto wizard = std::make_unique<ImportWizard>();
    wizard->accountPage()->setCredentialStore(&m_store);
    wizard->accountPage()->setDiscoverer([] { return cloud::CredentialDiscovery{}; });
    auto* osList = wizard->formPage()->findChild<ui::OsCatalogueController*>();
    QSignalSpy loaded(osList, &ui::OsCatalogueController::changed);
    osList->setStore(importform::OsCatalogueStore(m_dir->filePath(QStringLiteral("cache"))));
    loaded.wait(kTimeoutMs);
    wizard->setRecoveryFolder(m_dir->filePath(QStringLiteral("recovery")));
    wizard->setStartId(start);
    return wizard;
}

void TestTypedWork::show(ImportWizard& wizard)
{
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QApplication::setActiveWindow(&wizard);
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
}

void TestTypedWork::type(ImportWizard& wizard, const char* field, const QString& text)
{
    auto* edit = child<QLineEdit>(wizard.formPage(), field);
    edit->setFocus();
    QTest::keyClicks(edit, text);
}

QMessageBox* TestTypedWork::question(ImportWizard& wizard, const char* name)
{
    QMessageBox* box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            box = wizard.findChild<QMessageBox*>(QLatin1String(name));
            return box && box->isVisible();
        },
        kTimeoutMs);
    return shown ? box : nullptr;
}

void TestTypedWork::closesAtOnceWithoutTypedWork()
{
    const auto wizard = makeWizard();
    show(*wizard);
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QVERIFY(!wizard->isVisible());
    QVERIFY(!wizard->findChild<QMessageBox*>(QStringLiteral("typedWorkQuestion")));
    QVERIFY(!QFile::exists(recoveryFile()));
}

void TestTypedWork::escAsksAndKeepEditingKeeps()
{
    const auto wizard = makeWizard();
    show(*wizard);
    type(*wizard, "imageName", QStringLiteral("web-frontend"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QMessageBox* box = question(*wizard, "typedWorkQuestion");
    QVERIFY(box);
    QVERIFY(wizard->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("not saved")));
    // Every answer has its Alt key; Esc on the question keeps editing.
    for (const char* name : {"saveDraftAndClose", "discardAndClose", "keepEditing"})
        QVERIFY2(!child<QPushButton>(box, name)->shortcut().isEmpty(), name);
    test::saveShot(wizard.get(), QStringLiteral("steps-close-question"), box);
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!wizard->findChild<QMessageBox*>(QStringLiteral("typedWorkQuestion")));
    QVERIFY(wizard->isVisible());
    QCOMPARE(child<QLineEdit>(wizard->formPage(), "imageName")->text(),
             QStringLiteral("web-frontend"));

    // And again with the button, by mouse.
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    box = question(*wizard, "typedWorkQuestion");
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "keepEditing"), Qt::LeftButton);
    QTRY_VERIFY(!wizard->findChild<QMessageBox*>(QStringLiteral("typedWorkQuestion")));
    QVERIFY(wizard->isVisible());
}

void TestTypedWork::closingTheWindowAsksAndDiscardCloses()
{
    const auto wizard = makeWizard();
    show(*wizard);
    type(*wizard, "imageName", QStringLiteral("web-frontend"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(recoveryFile()), kTimeoutMs);
    QVERIFY(!wizard->close()); // the window manager's close button
    QMessageBox* box = question(*wizard, "typedWorkQuestion");
    QVERIFY(box);
    QVERIFY(wizard->isVisible());
    QTest::mouseClick(child<QPushButton>(box, "discardAndClose"), Qt::LeftButton);
    QTRY_VERIFY(!wizard->isVisible());
    QCOMPARE(wizard->result(), int(QDialog::Rejected));
    // Discarded: nothing is offered at the next start.
    QVERIFY(!QFile::exists(recoveryFile()));
}

void TestTypedWork::saveDraftWritesTheFileAndCloses()
{
    const auto wizard = makeWizard();
    show(*wizard);
    const QString path = m_dir->filePath(QStringLiteral("kept-draft.json"));
    child<ui::DraftBar>(wizard->formPage(), "draftBar")
        ->setPathChooser([path](bool save, const QString&) { return save ? path : QString(); });
    type(*wizard, "imageName", QStringLiteral("web-frontend"));
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QMessageBox* box = question(*wizard, "typedWorkQuestion");
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "saveDraftAndClose"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isVisible(), kTimeoutMs);
    Error error;
    const auto draft = importform::readDraft(path, &error);
    QVERIFY2(draft, qPrintable(error.message));
    QCOMPARE(draft->form.imageName, QStringLiteral("web-frontend"));
    QVERIFY(!QFile::exists(recoveryFile())); // kept in the draft now
}

void TestTypedWork::saveDraftCancelledKeepsTheWindow()
{
    const auto wizard = makeWizard();
    show(*wizard);
    QString path; // the file dialog cancelled
    auto* bar = child<ui::DraftBar>(wizard->formPage(), "draftBar");
    bar->setPathChooser([&path](bool, const QString&) { return path; });
    type(*wizard, "imageName", QStringLiteral("web-frontend"));
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QMessageBox* box = question(*wizard, "typedWorkQuestion");
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "saveDraftAndClose"), Qt::LeftButton);
    QTRY_VERIFY(!wizard->findChild<QMessageBox*>(QStringLiteral("typedWorkQuestion")));
    QVERIFY(wizard->isVisible());
    // A draft saved later, with Ctrl+S, does not close the window behind the user's back.
    path = m_dir->filePath(QStringLiteral("later.json"));
    QSignalSpy saved(wizard->formPage(), &ui::FormPage::draftSaved);
    bar->save();
    QVERIFY(saved.count() > 0 || saved.wait(kTimeoutMs));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QTest::qWait(50);
    QVERIFY(wizard->isVisible());
    // Saved: nothing typed since, so Esc closes without a question.
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QVERIFY(!wizard->isVisible());
}

void TestTypedWork::autosavedAndOfferedAtNextStart()
{
    QString when;
    {
        const auto wizard = makeWizard();
        show(*wizard);
        QElapsedTimer typing;
        typing.start();
        type(*wizard, "imageName", QStringLiteral("web-frontend"));
        auto* recovery = wizard->draftRecovery();
        QSignalSpy saved(recovery, &ui::DraftRecovery::saved);
        QVERIFY(saved.wait(kTimeoutMs));
        // After the pause, not at each key (a coarse timer may fire 5 % early).
        QVERIFY(typing.elapsed() >= ui::DraftRecovery::delayMs * 95 / 100);
        QCOMPARE(saved.first().first().toString(), recoveryFile());
        QCOMPARE(saved.first().at(1).toString(), QString());
        Error error;
        const auto draft = importform::readDraft(recoveryFile(), &error);
        QVERIFY2(draft, qPrintable(error.message));
        QCOMPARE(draft->form.imageName, QStringLiteral("web-frontend"));
        when = QLocale().toString(draft->created.toLocalTime().time(), QLocale::ShortFormat);
        // The program ends without closing the window (killed, the session ended).
    }
    QVERIFY(QFile::exists(recoveryFile()));

    const auto wizard = makeWizard(ImportWizard::PageImage);
    show(*wizard);
    QMessageBox* box = question(*wizard, "recoveredDraftOffer");
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Restore the form you were filling in at %1?").arg(when));
    QVERIFY(box->informativeText().contains(QStringLiteral("web-frontend")));
    test::saveShot(wizard.get(), QStringLiteral("steps-restore-offer"), box);
    QTest::mouseClick(child<QPushButton>(box, "restoreDraft"), Qt::LeftButton);
    QTRY_COMPARE(wizard->currentId(), int(ImportWizard::PageForm));
    QCOMPARE(child<QLineEdit>(wizard->formPage(), "imageName")->text(),
             QStringLiteral("web-frontend"));
    // Restored work is still kept nowhere else: closing asks again.
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QVERIFY(question(*wizard, "typedWorkQuestion"));
}

void TestTypedWork::autosaveHoldsNoSignature()
{
    const auto wizard = makeWizard();
    show(*wizard);
    const QString signature = QStringLiteral("q-signature=0123456789abcdef0123456789abcdef");
    type(*wizard, "imageUrl",
         QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/centos7.qcow2?"
                        "q-sign-algorithm=sha1&") +
             signature);
    QSignalSpy saved(wizard->draftRecovery(), &ui::DraftRecovery::saved);
    QVERIFY(saved.wait(kTimeoutMs));
    QFile file(recoveryFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("centos7.qcow2"));
    QVERIFY(!bytes.contains("q-signature"));
}

void TestTypedWork::recoveryOffWithoutFolder()
{
    auto wizard = std::make_unique<ImportWizard>();
    wizard->setStartId(ImportWizard::PageForm);
    show(*wizard);
    QVERIFY(wizard->draftRecovery()->filePath().isEmpty());
    type(*wizard, "imageName", QStringLiteral("web-frontend"));
    // Nothing written, but the question still guards the typed work.
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QMessageBox* box = question(*wizard, "typedWorkQuestion");
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "discardAndClose"), Qt::LeftButton);
    QTRY_VERIFY(!wizard->isVisible());
}

void TestTypedWork::openedDraftIsNoTypedWork()
{
    // An earlier run's typed work, and a draft file the program is started on (--draft).
    importform::Draft earlier;
    earlier.created = QDateTime::currentDateTimeUtc();
    earlier.form.imageName = QStringLiteral("earlier-work");
    Error error;
    QVERIFY(QDir().mkpath(QFileInfo(recoveryFile()).path()));
    QVERIFY2(importform::writeDraft(recoveryFile(), earlier, &error), qPrintable(error.message));
    importform::Draft kept = earlier;
    kept.form.imageName = QStringLiteral("kept-in-a-file");
    const QString path = m_dir->filePath(QStringLiteral("kept.json"));
    QVERIFY2(importform::writeDraft(path, kept, &error), qPrintable(error.message));

    const auto wizard = makeWizard(ImportWizard::PageImage);
    QSignalSpy opened(wizard->formPage(), &ui::FormPage::draftOpened);
    wizard->openDraft(path);
    show(*wizard);
    QVERIFY(opened.count() > 0 || opened.wait(kTimeoutMs));
    QCOMPARE(child<QLineEdit>(wizard->formPage(), "imageName")->text(),
             QStringLiteral("kept-in-a-file"));
    QTest::qWait(50);
    QVERIFY(!wizard->findChild<QMessageBox*>(QStringLiteral("recoveredDraftOffer")));
    // The form is what the file holds: nothing to ask. The earlier work is still there to offer.
    QTest::keyClick(wizard.get(), Qt::Key_Escape);
    QVERIFY(!wizard->isVisible());
    QVERIFY(QFile::exists(recoveryFile()));
}

QTEST_MAIN(TestTypedWork)
#include "tst_typedwork.moc"

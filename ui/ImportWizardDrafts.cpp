// ImportWizard's typed work (issue 13, finding 6): the import form autosaved while it is edited,
// a question before closing loses what was typed, and the offer of what an earlier run left.
#include "ImportWizard.h"

#include "controllers/DraftRecovery.h"
#include "pages/FormPage.h"
#include "pages/ImportPage.h"

#include <QDate>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace cvmi::ui {

namespace {

using Outcome = importrun::ImportRunner::Outcome;

QPushButton* addButton(QMessageBox* box, const QString& text, QMessageBox::ButtonRole role,
                       const char* name)
{
    QPushButton* button = box->addButton(text, role);
    button->setObjectName(QLatin1String(name));
    return button;
}

// Both questions here: Enter takes `preferred`, Escape `safe`; over the wizard only, without
// blocking the event loop (open(), not exec()), gone once answered.
void prepareQuestion(QMessageBox* box, QPushButton* preferred, QPushButton* safe)
{
    box->setDefaultButton(preferred);
    box->setEscapeButton(safe);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
}

} // namespace

void ImportWizard::setUpRecovery()
{
    m_recovery = new DraftRecovery(this);
    m_recovery->setSource([this] { return m_formPage->draft(); });
    connect(m_formPage, &FormPage::userEdited, m_recovery, &DraftRecovery::edited);
    // Kept elsewhere now: in a draft file (a draft opened replaces the form, but what was typed
    // before stays in the recovery file), or in the image it made.
    connect(m_formPage, &FormPage::draftSaved, this,
            [this](const QString&, const QString& error) { draftSaved(error); });
    connect(m_formPage, &FormPage::draftOpened, this, [this](const QString&, const QString& error) {
        if (error.isEmpty())
            m_recovery->markOpened();
    });
    connect(m_importPage, &ImportPage::importFinished, this, [this](Outcome outcome) {
        if (outcome == Outcome::Normal || outcome == Outcome::Started)
            m_recovery->forget();
    });
}

void ImportWizard::setRecoveryFolder(const QString& folder)
{
    m_recovery->setFolder(folder);
}

void ImportWizard::draftSaved(const QString& error)
{
    const bool close = std::exchange(m_closeAfterSave, false);
    if (!error.isEmpty())
        return; // the draft bar says why; the window stays open with the work in it
    m_recovery->forget();
    if (close)
        closeNow();
}

void ImportWizard::askAboutTypedWork()
{
    if (findChild<QMessageBox*>(QStringLiteral("typedWorkQuestion")))
        return;
    m_recovery->flush(); // whatever the answer, a crash now must not lose it
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Unsaved Import Form"),
                                tr("The import form has changes that are not saved in a draft."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("typedWorkQuestion"));
    box->setInformativeText(tr("Save them as a draft to go on later (Open Draft… on the form, or "
                               "cvm-import import --draft), or discard them."));
    QPushButton* save =
        addButton(box, tr("&Save Draft…"), QMessageBox::AcceptRole, "saveDraftAndClose");
    QPushButton* discard =
        addButton(box, tr("&Discard"), QMessageBox::DestructiveRole, "discardAndClose");
    QPushButton* keep = addButton(box, tr("&Keep Editing"), QMessageBox::RejectRole, "keepEditing");
    prepareQuestion(box, save, keep);
    // Acted on once the box is gone, so that the file dialog of Save Draft… does not open over it.
    connect(box, &QDialog::finished, this, [this, box, save, discard] {
        if (box->clickedButton() == save && m_formPage->saveDraft()) {
            m_closeAfterSave = true;
        } else if (box->clickedButton() == discard) {
            m_recovery->forget();
            closeNow();
        }
    });
    box->open();
}

void ImportWizard::offerRecoveredDraft()
{
    // As for interrupted uploads: a start on an image, a draft or another page has its purpose.
    if (m_startedOnFile || currentId() != PageImage)
        return;
    const std::optional<importform::Draft> draft = m_recovery->recovered();
    if (!draft)
        return;
    const QDateTime saved = draft->created.toLocalTime();
    const QString question = saved.date() == QDate::currentDate()
                                 ? tr("Restore the form you were filling in at %1?")
                                       .arg(QLocale().toString(saved.time(), QLocale::ShortFormat))
                                 : tr("Restore the form you were filling in on %1?")
                                       .arg(QLocale().toString(saved, QLocale::ShortFormat));
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Restore the Import Form"), question,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("recoveredDraftOffer"));
    const QString name = draft->form.imageName.trimmed();
    box->setInformativeText(
        name.isEmpty()
            ? tr("The wizard was closed before the form was saved or used.")
            : tr("The wizard was closed before the form for \"%1\" was saved or used.").arg(name));
    QPushButton* restore =
        addButton(box, tr("&Restore Form"), QMessageBox::AcceptRole, "restoreDraft");
    QPushButton* discard =
        addButton(box, tr("&Discard"), QMessageBox::DestructiveRole, "discardRecovered");
    QPushButton* later = addButton(box, tr("&Not Now"), QMessageBox::RejectRole, "notNow");
    prepareQuestion(box, restore, later);
    connect(box, &QDialog::finished, this, [this, box, restore, discard, form = *draft] {
        if (box->clickedButton() == restore) {
            // As a start with --draft: on the form, the earlier pages to be walked back to.
            setStartId(PageForm);
            restart();
            m_formPage->restoreDraft(form);
            m_recovery->markRestored();
        } else if (box->clickedButton() == discard) {
            m_recovery->forget();
        }
    });
    box->open();
}

} // namespace cvmi::ui

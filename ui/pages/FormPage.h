#pragma once

#include "importform/FormPrefill.h"
#include "importform/ImportForm.h"

#include <QSet>
#include <QWizardPage>

#include <memory>

namespace cvmi::importform {
struct Draft;
}

namespace cvmi::ui {
namespace Ui {
class FormPage;
}

class FormPageChecks;
class ObjectUrlChecker;
class OsCatalogueController;
class WizardSession;

// Step 4: the ImportImage parameters, one field each, working offline. Values come from the
// inspection's proposal and the upload (never over what the user typed), from a draft, or from
// the user; every change is validated at once (ImportForm::validate), and FormPageChecks shows
// each problem under its field once the field was edited or holds a value, or the user tried to
// go on (an untouched empty field is only named in the line under the form). Force and DryRun
// wait under "Advanced", closed unless one is on. The OS choices come from the OS catalogue
// (OsCatalogueController: cache or built-in list, renewed by "Refresh List"). A URL typed by hand
// is checked with a HEAD request (ObjectUrlChecker), as is one chosen from a bucket's list ("Choose
// object…"). The page is complete when the form has no error; the form then goes into the session.
class FormPage : public QWizardPage {
    Q_OBJECT
public:
    explicit FormPage(WizardSession* session, QWidget* parent = nullptr);
    ~FormPage() override;

    // The form as the fields hold it now, and its problems (region: the session's, else the
    // opened draft's).
    importform::ImportForm form() const;
    QList<importform::FieldProblem> problems() const { return m_problems; }
    // Puts `form` into every field and counts each as the user's own (a draft, a script).
    void setForm(const importform::ImportForm& form);
    // The proposal of the inspection and the upload's URL, into the fields the user has not
    // edited. Called when the page opens and when the session learns something new.
    void prefill();
    // Another file became the image (chosen on the Image or the Upload page): the OS values
    // proposed for the previous one that the user did not choose are cleared, so that nothing
    // of that image stays; the new check's proposal follows through prefill().
    void forgetImageProposal();
    // `fieldId`: an importform::field id, or "Force" / "DryRun".
    bool isUserEdited(const QString& fieldId) const { return m_edited.contains(fieldId); }

    // Fills the form from a draft file (the wizard's --draft); draftOpened() follows.
    void openDraftFrom(const QString& path);

    void initializePage() override;
    bool isComplete() const override;
    // Shows every problem, also of fields not reached yet, before refusing.
    bool validatePage() override;

signals:
    // Empty `error` on success.
    void draftSaved(const QString& path, const QString& error);
    void draftOpened(const QString& path, const QString& error);

protected:
    // Enter while Next waits for the form shows why (validatePage), as pressing Next would.
    void keyPressEvent(QKeyEvent* event) override;

private:
    void setUpWidgets();
    void setUpChecks();
    void showAdvanced(bool shown);
    void connectEdits();
    void markEdited(const QString& fieldId);
    void catalogueChanged();
    // The inspection's OS mapped onto the current catalogue, into OsType/OsVersion unless the
    // user chose them (importform::chooseOs), with its note.
    void prefillOs();
    bool osChoiceApplies() const; // neither OsType nor OsVersion is the user's own
    // What the inspection and (withUrl) the upload propose for the whole form.
    importform::Proposal proposal(bool withUrl) const;
    void fillFields(const importform::ImportForm& form, const QSet<QString>& fields);
    void revalidate();
    void checkUrlSoon();
    void showUrlCheck();
    // "Choose object…": a dialog lists a bucket's objects; the chosen one's URL fills ImageUrl.
    void chooseObject();
    void draftOpenedFrom(const QString& path, const importform::Draft& draft, const QString& error);
    QString region() const;

    std::unique_ptr<Ui::FormPage> m_ui;
    WizardSession* m_session;
    OsCatalogueController* m_catalogue;
    ObjectUrlChecker* m_urlChecker;
    std::unique_ptr<FormPageChecks> m_checks;
    QSet<QString> m_edited;
    bool m_revealAll = false; // the user tried to go on: every problem is shown
    int m_filling = 0;        // > 0 while the program, not the user, changes fields
    QString m_draftRegion;
    QString m_chosenBucket; // the bucket of the last object chosen, opened first next time
    QList<importform::FieldProblem> m_problems;

    // Typed work (issue 13, finding 6): the wizard's autosave (DraftRecovery) and its question
    // on closing with work that is kept nowhere else.
public:
    // The form as a draft: the fields, the region and the image it was filled for.
    importform::Draft draft() const;
    // Puts a recovered draft into the form as opening it would (its values count as the user's).
    void restoreDraft(const importform::Draft& draft);
    // "Save Draft…" as its button does it (asks for the file); false when none was chosen, so
    // that no draftSaved() follows.
    bool saveDraft();

signals:
    // The user changed a field (typing, a choice, a box ticked); never the program's filling.
    void userEdited();
};

} // namespace cvmi::ui

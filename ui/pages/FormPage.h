#pragma once

#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"

#include <QSet>
#include <QWizardPage>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cvmi::ui {

class FieldNote;
class ObjectUrlChecker;
class TagTable;
class UrlListEdit;
class WizardSession;

// Step 4: the ImportImage parameters, one field each, working offline. Values come from the
// inspection's proposal and the upload (never over what the user typed), from a draft, or from
// the user; every change is validated at once (ImportForm::validate) and the problem is shown
// under its field. The OS choices come from the OS catalogue (cache or built-in list), which
// "Refresh List" renews from DescribeImportImageOs. A URL typed by hand is checked with a HEAD
// request, as is one chosen from a bucket's list ("Choose object…"). The page is complete when the
// form has no error; the form then goes into the session.
class FormPage : public QWizardPage {
    Q_OBJECT
public:
    explicit FormPage(WizardSession* session, QWidget* parent = nullptr);
    ~FormPage() override;

    // Where the OS list is cached (default: the user's cache folder). Loads it in the background;
    // catalogueChanged() follows.
    void setCatalogueStore(const importform::OsCatalogueStore& store);
    const importform::OsCatalogue& catalogue() const { return m_catalogue; }
    QString catalogueStatus() const;
    // DescribeImportImageOs with the session's account; on success the list is shown and cached.
    // Without a usable account it says so in the status and changes nothing.
    void refreshCatalogue();

    // The form as the fields hold it now, and its problems (region: the session's, else the
    // opened draft's).
    importform::ImportForm form() const;
    QList<importform::FieldProblem> problems() const;
    // Puts `form` into every field and counts each as the user's own (a draft, a script).
    void setForm(const importform::ImportForm& form);
    // The proposal of the inspection and the upload's URL, into the fields the user has not
    // edited. Called when the page opens and when the session learns something new.
    void prefill();
    // What the OS prefill chose and from what ("CentOS 7.9.2009 detected; the service offers
    // 7."), shown under OS version; empty when there is nothing to say.
    QString osChoiceText() const;
    // `fieldId`: an importform::field id, or "Force" / "DryRun".
    bool isUserEdited(const QString& fieldId) const { return m_edited.contains(fieldId); }

    // Draft files. The path comes from a file dialog unless a chooser is set (tests): it gets
    // whether the path is for saving and a suggested path, and returns the path or empty.
    using DraftPathChooser = std::function<QString(bool save, const QString& suggested)>;
    void setDraftPathChooser(DraftPathChooser chooser);
    void saveDraft();
    void openDraft();
    // The same without asking; the outcome follows as draftSaved() / draftOpened().
    void saveDraftTo(const QString& path);
    void openDraftFrom(const QString& path);
    QString draftStatus() const; // what the last save or open said

    QString urlCheckText() const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

signals:
    void catalogueChanged();
    // After refreshCatalogue(): empty on success, else what went wrong.
    void catalogueRefreshed(const QString& error);
    // Empty `error` on success.
    void draftSaved(const QString& path, const QString& error);
    void draftOpened(const QString& path, const QString& error);

private:
    void buildLayout();
    void connectEdits();
    void markEdited(const QString& fieldId);
    void setCatalogue(const importform::OsCatalogue& catalogue, const QStringList& warnings = {});
    void fillOsTypes();
    // The inspection's OS mapped onto the current catalogue, into OsType/OsVersion unless the
    // user chose them (importform::chooseOs), with its note.
    void prefillOs();
    void showOsChoice(const QString& note);
    bool osChoiceApplies() const; // neither OsType nor OsVersion is the user's own
    // keepForeign: keep a version the OS does not offer (from a draft or the inspection).
    void fillOsVersions(bool keepForeign);
    void fillFields(const importform::ImportForm& form, const QSet<QString>& fields);
    void revalidate();
    void checkUrlSoon();
    // "Choose object…": a dialog lists a bucket's objects; the chosen one's URL fills ImageUrl.
    void chooseObject();
    void setDraftStatus(const QString& text, bool error);
    QString askDraftPath(bool save, const QString& suggested);
    QString region() const;
    QString suggestedDraftPath() const;

    WizardSession* m_session;
    importform::OsCatalogueStore m_store;
    importform::OsCatalogue m_catalogue;
    QStringList m_catalogueWarnings;
    quint64 m_catalogueGeneration = 0;

    QComboBox* m_osType;
    QComboBox* m_osVersion;
    QComboBox* m_architecture;
    QComboBox* m_bootMode;
    QComboBox* m_licenseType;
    QLabel* m_catalogueLabel;
    QLabel* m_osChoiceLabel = nullptr;
    QPushButton* m_refreshButton;
    QLineEdit* m_imageUrl;
    QPushButton* m_chooseObjectButton;
    QLabel* m_urlCheckLabel;
    QLineEdit* m_imageName;
    QPlainTextEdit* m_description;
    QLineEdit* m_imageFamily;
    TagTable* m_tags;
    UrlListEdit* m_dataDisks;
    QCheckBox* m_force;
    QCheckBox* m_dryRun;
    QPushButton* m_saveButton;
    QPushButton* m_openButton;
    QLabel* m_draftLabel;
    QLabel* m_summary;
    QHash<QString, FieldNote*> m_notes;

    ObjectUrlChecker* m_urlChecker;
    DraftPathChooser m_chooseDraftPath;
    QSet<QString> m_edited;
    int m_filling = 0; // > 0 while the program, not the user, changes fields
    QString m_draftRegion;
    QString m_chosenBucket; // the bucket of the last object chosen, opened first next time
    QList<importform::FieldProblem> m_problems;
};

} // namespace cvmi::ui

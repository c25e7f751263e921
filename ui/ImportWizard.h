#pragma once

#include <QWizard>

namespace cvmi::policy {
class Policy;
}
namespace cvmi::settings {
class AppSettings;
}

namespace cvmi::ui {

class AccountPage;
class DraftRecovery;
class FormPage;
class ImagePage;
class ImportPage;
class ImportWizardSteps;
class UploadPage;
class WizardSession;

// The whole import as a sequence of pages sharing one WizardSession:
// Image (check) → Account (credentials, permissions) → Upload (to COS) → Form (ImportImage
// parameters) → Import (call, poll, notify). Page ids are fixed so pages can branch with nextId().
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { PageImage, PageAccount, PageUpload, PageForm, PageImport };
    Q_ENUM(PageId)

    explicit ImportWizard(QWidget* parent = nullptr);

    WizardSession* session() const { return m_session; }
    ImagePage* imagePage() const { return m_imagePage; }
    AccountPage* accountPage() const { return m_accountPage; }
    UploadPage* uploadPage() const { return m_uploadPage; }
    FormPage* formPage() const { return m_formPage; }
    ImportPage* importPage() const { return m_importPage; }
    // The step indicator at the top and the skip's undo (ImportWizardSteps).
    ImportWizardSteps* steps() const { return m_steps; }

    // The import form's autosave: off until a folder is set (the program sets
    // DraftRecovery::defaultFolder(), --demo a temporary one). The draft found there is offered
    // when the wizard is first shown, unless it was started on an image or a draft.
    void setRecoveryFolder(const QString& folder);
    DraftRecovery* draftRecovery() const { return m_recovery; }

    // Starts on `path` as if it had been dropped (the command line's IMAGE argument).
    void openImage(const QString& path);
    // Starts on the import form filled from the draft `path` (the command line's --draft).
    void openDraft(const QString& path);
    // Judges images by `policy` instead of the built-in rules (the command line's --policy).
    void setPolicy(const policy::Policy& policy);
    // Shows "Settings…" (Ctrl+,) on every page, editing `settings` (not owned) in a
    // SettingsDialog; its OK applies the proxy, and the region and endpoints to the Account page.
    void setSettings(settings::AppSettings* settings);
    void openSettings();
    // The Form page's "Switch to Upload" in the button row, beside Back (ImportWizardSteps).
    void showUploadInstead(bool shown);

    // 900x680, or less on a screen whose `available` size (QScreen::availableSize) is smaller.
    static QSize defaultSize(const QSize& available);
    // The wizard shows page titles as rich text so that they can be set larger than the body
    // text (QWizard offers no font setting for them); pages pass their translated title here.
    static QString pageTitle(const QString& text);

public slots:
    // Cancel, Escape and closing the window (QDialog::closeEvent calls this) ask first when the
    // import form holds typed work kept nowhere else ("Save Draft…", "Discard", "Keep Editing"),
    // and while an upload runs; closing then keeps its checkpoint so that it resumes later.
    void reject() override;

    // The Upload page is left out when the image is in COS already (WizardSession::uploadSkipped).
    int nextId() const override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    // On the first show: the newest interrupted upload (of the Upload page's checkpoint folder)
    // is offered on the Image page, unless the wizard was started on an image, a draft, another
    // page, or the demo's account.
    void offerInterruptedUploads();
    // On the first show: the window fitted into, and moved onto, its screen's available area.
    void keepOnScreen();
    // Typed work (ImportWizardDrafts.cpp): the autosave wired to the form, the question on
    // closing, and the offer of what an earlier run left.
    void setUpRecovery();
    void askAboutTypedWork();
    void offerRecoveredDraft();
    void draftSaved(const QString& error);
    void closeNow(); // after the upload's own question
    void updateButtonLayout();

    WizardSession* m_session;
    ImagePage* m_imagePage;
    AccountPage* m_accountPage;
    UploadPage* m_uploadPage;
    FormPage* m_formPage;
    ImportPage* m_importPage = nullptr;
    settings::AppSettings* m_settings = nullptr;
    ImportWizardSteps* m_steps = nullptr;
    DraftRecovery* m_recovery = nullptr;
    bool m_uploadInsteadShown = false;
    bool m_closeAfterSave = false; // "Save Draft…" chosen in the question: close once saved
    bool m_shown = false;
    bool m_startedOnFile = false; // openImage() or openDraft() was called
};

} // namespace cvmi::ui

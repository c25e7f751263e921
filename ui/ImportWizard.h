#pragma once

#include <QWizard>

namespace cvmi::policy {
class Policy;
}

namespace cvmi::ui {

class AccountPage;
class ImagePage;
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

    // Starts on `path` as if it had been dropped (the command line's IMAGE argument).
    void openImage(const QString& path);
    // Judges images by `policy` instead of the built-in rules (the command line's --policy).
    void setPolicy(const policy::Policy& policy);

    static QSize defaultSize() { return {900, 680}; }
    // The wizard shows page titles as rich text so that they can be set larger than the body
    // text (QWizard offers no font setting for them); pages pass their translated title here.
    static QString pageTitle(const QString& text);

private:
    WizardSession* m_session;
    ImagePage* m_imagePage;
    AccountPage* m_accountPage;
};

} // namespace cvmi::ui

// The Form page's drafts: opened from a file (the draft bar, --draft), and the typed work the
// wizard keeps (its autosave and the question before closing, ImportWizardDrafts.cpp).
#include "pages/FormPage.h"

#include "WizardSession.h"
#include "controllers/DraftFiles.h"
#include "widgets/DraftBar.h"

#include "ui_FormPage.h"

#include "importform/Draft.h"

#include <QCoreApplication>
#include <QDateTime>

namespace cvmi::ui {

// --- drafts ---------------------------------------------------------------------------------

void FormPage::openDraftFrom(const QString& path)
{
    m_ui->draftBar->openFrom(path);
}

void FormPage::draftOpenedFrom(const QString& path, const importform::Draft& draft,
                               const QString& error)
{
    if (error.isEmpty()) {
        m_draftRegion = draft.region;
        setForm(draft.form);
    }
    emit draftOpened(path, error);
}

// --- typed work -----------------------------------------------------------------------------

importform::Draft FormPage::draft() const
{
    importform::Draft d;
    d.created = QDateTime::currentDateTimeUtc();
    d.appVersion = QCoreApplication::applicationVersion();
    d.region = region();
    d.form = form();
    d.source.imagePath = m_session->imagePath();
    return d;
}

void FormPage::restoreDraft(const importform::Draft& draft)
{
    m_draftRegion = draft.region;
    setForm(draft.form);
}

bool FormPage::saveDraft()
{
    // DraftFiles says "Saving…" at once when a file was chosen; the file dialog is modal.
    bool started = false;
    auto* files = m_ui->draftBar->findChild<DraftFiles*>();
    const QMetaObject::Connection c =
        connect(files, &DraftFiles::status, this, [&started] { started = true; });
    m_ui->draftBar->save();
    disconnect(c);
    return started;
}

} // namespace cvmi::ui

#pragma once

#include "importform/Draft.h"

#include <QObject>

namespace cvmi::ui {

class WizardSession;

// Saves and opens the import form's drafts (docs/draft-format.md) in the background, so that a
// slow or network folder does not freeze the window. A saved draft also records the image the
// form was filled for and the check's verdict, from the session. Each outcome comes as one line
// for the user (status()), then as saved() / opened().
class DraftFiles : public QObject {
    Q_OBJECT
public:
    explicit DraftFiles(WizardSession* session, QObject* parent = nullptr);

    // Writes `form`, made for `region` (may be empty), to `path`.
    void save(const QString& path, const importform::ImportForm& form, const QString& region);
    void open(const QString& path);

signals:
    // What to tell the user now ("Saving…", "Saved the draft to …", the reason of a failure).
    void status(const QString& text, bool error);
    void saved(const QString& path, const QString& error); // empty `error` on success
    // `draft` is read when `error` is empty.
    void opened(const QString& path, const importform::Draft& draft, const QString& error);

private:
    QString openedText(const QString& path, const importform::Draft& draft) const;

    WizardSession* m_session;
};

} // namespace cvmi::ui

#pragma once

#include "importform/Draft.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace cvmi::ui {

// The import form's autosave (issue 13, finding 6). Typed work is written as a draft
// (docs/draft-format.md: no secret, a pre-signed URL loses its signature) into a recovery folder
// 1.5 s after the last change, so that a crash, a killed process or a closed session loses at most
// that much; the next start offers it back. The file goes when the work is kept elsewhere (a
// draft saved, the image imported) or given up (Discard). Writing runs in the background.
class DraftRecovery : public QObject {
    Q_OBJECT
public:
    static constexpr int delayMs = 1500;
    // QStandardPaths::AppDataLocation/recovery.
    static QString defaultFolder();

    explicit DraftRecovery(QObject* parent = nullptr);

    // Nothing is written or offered until a folder is set (tests and embedders choose theirs;
    // the program sets defaultFolder(), --demo a temporary one).
    void setFolder(const QString& folder);
    QString folder() const { return m_folder; }
    QString filePath() const; // empty while off

    // What to write: the form as a draft, read when the delay has passed.
    using Source = std::function<importform::Draft()>;
    void setSource(Source source) { m_source = std::move(source); }

    // The user changed the form.
    void edited();
    // Typed (or restored) work that is kept nowhere else.
    bool hasUnsavedWork() const { return m_unsaved; }
    // The work is kept elsewhere or given up: the file goes, the pending write with it.
    void forget();
    // A recovered draft was put back into the form: it is unsaved work again, and its file stays.
    void markRestored() { m_unsaved = true; }
    // The form now holds what a draft file holds (one was opened): nothing to ask about. What
    // was typed before stays in the recovery file, since it is kept nowhere else.
    void markOpened();
    // Writes now what is pending (a question about closing is being asked).
    void flush();

    // The draft an earlier run left; nothing when there is none or it cannot be read (then it
    // is removed, since it can never be offered).
    std::optional<importform::Draft> recovered() const;

signals:
    // After each write; empty `error` on success.
    void saved(const QString& path, const QString& error);

private:
    void write();

    QString m_folder;
    Source m_source;
    QTimer m_timer;
    bool m_unsaved = false;
    bool m_writing = false;
    bool m_writeAgain = false;
    int m_generation = 0; // forget() counts up: a write that finishes after it is undone
};

} // namespace cvmi::ui

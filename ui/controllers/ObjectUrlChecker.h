#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace cvmi::ui {

class WizardSession;

// Checks that a COS object URL typed by hand (an image uploaded earlier) names an object the
// account can read: a HEAD request through the session's CosClient, debounced so that typing
// does not send a request per key. Without an account, or without network, it says that it
// could not check; the import itself checks again. The URL of this session's own upload is not
// asked about: COS confirmed it when the upload completed.
class ObjectUrlChecker : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle,          // nothing to check (empty URL)
        Invalid,       // not a COS object URL: the field's own error says why
        NoAccount,     // no usable credentials in the session
        Pending,       // waiting for the user to stop typing, or for the answer
        Uploaded,      // this session's upload put it there; size() is its size
        Found,         // the object exists; size() is its size, see sizeDiffers()
        NotFound,      // NoSuchKey / NoSuchBucket
        NoAccess,      // the account may not read it (403)
        CouldNotCheck, // network or service failure
    };
    Q_ENUM(State)

    static constexpr int debounceMs = 600;

    explicit ObjectUrlChecker(WizardSession* session, QObject* parent = nullptr);

    // Checks `url` after debounceMs without a newer call; an empty or non-COS URL is judged at
    // once. A check in flight for an older URL is forgotten.
    void schedule(const QString& url);
    // The same without waiting.
    void checkNow(const QString& url);
    void clear();

    State state() const { return m_state; }
    QString url() const { return m_url; }
    qint64 size() const { return m_size; }  // bytes, -1 unknown
    QString text() const { return m_text; } // one line for the user
    // Found, but not as large as the session's checked image: an object said to be that image
    // (a skipped upload, a typed URL) is then another file or a copy cut short. text() says so.
    bool sizeDiffers() const { return m_sizeDiffers; }

signals:
    // A check ended (or was judged without a request): state(), size() and text() are set.
    void finished(cvmi::ui::ObjectUrlChecker::State state);

private:
    void start();
    void setResult(State state, const QString& text, qint64 size = -1, bool sizeDiffers = false);
    void setFound(qint64 size);

    WizardSession* m_session;
    QTimer* m_timer;
    QString m_url;
    State m_state = State::Idle;
    qint64 m_size = -1;
    QString m_text;
    bool m_sizeDiffers = false;
    quint64 m_generation = 0;
};

} // namespace cvmi::ui

#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace cvmi::ui {

// When the Account page checks by itself, so that a user with known credentials (always in the
// demo) need not press Check: as soon as the page is shown, and kSettleMs after the last change
// of the credentials, the region or the endpoints, so that typing a key does not send a request
// per letter. `ready` decides at the moment of starting (the page visible, the fields complete, no
// check running or passed); `start` runs the check. The Check button stays for checking again.
class AccountAutoCheck : public QObject {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 600;

    AccountAutoCheck(std::function<bool()> ready, std::function<void()> start,
                     QObject* parent = nullptr);

    // The page was shown: check once the event loop runs again (the page is visible then).
    void soon();
    // Something the check depends on changed: check when nothing changed for kSettleMs.
    void afterChange();
    // A check started by hand, or the page left: nothing pending.
    void cancel();
    bool isPending() const { return m_timer.isActive(); }

private:
    void fire();

    QTimer m_timer;
    std::function<bool()> m_ready;
    std::function<void()> m_start;
};

} // namespace cvmi::ui

#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace cvmi::ui {

// Puts how a long task goes in front of the window's title, "42% · Uploading centos7.qcow2 —
// CVM Import Wizard": the title is what the task bar, the window switcher and a minimised window
// show, so the user sees the progress without returning to the wizard. The window's own title
// stays its owner's: a title set while a status is shown (the demo's) becomes the new base, and
// an empty status gives it back unchanged.
class WindowProgress : public QObject {
    Q_OBJECT
public:
    // Follows `window`'s title; a child of `window`.
    explicit WindowProgress(QWidget* window);

    // "" = the plain title.
    void setStatus(const QString& status);
    QString status() const { return m_status; }
    // The window's own title, without the status.
    QString baseTitle() const { return m_base; }

    // "<status> — <base>", or `base` for an empty status.
    static QString compose(const QString& status, const QString& base);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();

    QPointer<QWidget> m_window;
    QString m_base;
    QString m_status;
    QString m_shown; // the title this object set last
};

} // namespace cvmi::ui

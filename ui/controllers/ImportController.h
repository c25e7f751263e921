#pragma once

#include "controllers/ImportSteps.h"

#include "importrun/ImportHistory.h"
#include "importrun/ImportRunner.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace cvmi::ui {

class WizardSession;

// The Import page's logic without widgets: it starts the import of the session's form (or
// follows one started earlier) with an ImportRunner of its own, turns the runner's stages into
// what each step of the checklist says (importstep::Line), ticks the elapsed time while the image
// is followed, records the imports in the history, and at the end says what happened (the result)
// and what to announce on the desktop. The page shows all this; tests drive it without a window.
class ImportController : public QObject {
    Q_OBJECT
public:
    using Outcome = importrun::ImportRunner::Outcome;
    using Step = importstep::Step;

    explicit ImportController(WizardSession* session, QObject* parent = nullptr);
    ~ImportController() override;

    // The history folder (default: the one shared with the CLI); the tests' and --demo's own.
    void setHistoryDir(const QString& dir);
    const importrun::ImportHistory& history() const { return m_history; }
    // The runner's polling intervals (tests shorten them).
    void setBackoff(const importrun::ImportRunner::Backoff& backoff) { m_backoff = backoff; }

    // Starts the import of `form` in the session's region (dryRunOnly: nothing is created).
    void start(const importform::ImportForm& form, bool dryRunOnly);
    // Follows an import started earlier; its first three steps are shown as done earlier.
    void follow(const importrun::ImportRecord& record);
    // Stops following (the import goes on in the cloud) and drops the runner, e.g. because the
    // account changed and the runner's client belongs to the old one.
    void drop();

    // Whether an import is being checked, started or followed.
    bool isRunning() const { return m_runner && m_runner->isRunning(); }
    // The runner of the last start() or follow(), null before and after drop().
    const importrun::ImportRunner* runner() const { return m_runner; }
    // Started or finished: the ImageId is known (or nothing more comes).
    bool isFollowingOrFinished() const;
    const importstep::Line& line(Step step) const { return m_lines.at(step); }
    // What the follow step says while waiting: the time so far, the countdown to the next check
    // (ImportRunner::msToNextCheck) and the image's last state. Shown again every second.
    static QString followingText(const importrun::ImportRunner& runner);

signals:
    // Every step back to "not started" (a new start() or follow()).
    void linesReset();
    void lineChanged(cvmi::ui::importstep::Step step);
    // The runner's stage changed (or the runner went): what may be pressed changes.
    void stateChanged();
    // The ImageId of the import started or followed.
    void imageIdKnown(const QString& imageId);
    // The history file changed (or could not be written: `error`).
    void historyChanged();
    void historyFailed(const QString& error);
    // The end, as rich text (the message, what to do next or to try); `good`: it succeeded.
    void result(const QString& html, bool good);
    // An end worth telling a user who may have walked away (NORMAL, failed, given up).
    void announce(const QString& title, const QString& message, bool good);
    void finished(cvmi::importrun::ImportRunner::Outcome outcome);

private:
    importrun::ImportRunner* newRunner();
    void connectNotes(importrun::ImportRunner* runner);
    void resetLines();
    void setLine(Step step, importstep::State state, const QString& message,
                 const QString& remedy = {});
    void appendNote(Step step, const QString& note);
    void onStage(importrun::ImportRunner::Stage stage);
    void onValidated(const QList<importform::FieldProblem>& problems);
    void onImageCreated(const QString& imageId);
    void onRetrying(const cloud::CloudError& error, int attempt, int delayMs);
    void showFollowing();
    void onFinished(Outcome outcome);
    // Sets the steps and the result for `outcome`; true when the end is to be announced.
    bool showOutcome(Outcome outcome);

    WizardSession* m_session;
    importrun::ImportHistory m_history;
    importrun::ImportRunner::Backoff m_backoff;
    importrun::ImportRunner* m_runner = nullptr;
    QList<importstep::Line> m_lines;
    // The line a failure belongs to: the step the runner was in when it stopped.
    Step m_step = importstep::Validate;
    QTimer m_tick;           // the elapsed time while following
    QString m_catalogueNote; // which OS list checked the form, for the Validate line
};

} // namespace cvmi::ui

#pragma once

#include "controllers/ImportSteps.h"

#include "importrun/ImportHistory.h"
#include "importrun/ImportRunner.h"

#include <QWizardPage>

#include <memory>
#include <optional>

namespace cvmi::ui {

namespace Ui {
class ImportPage;
}
class ImportController;
class ImportNotifier;
class WizardSession;

// Step 5, the last: the form of the Form page sent to Tencent Cloud. A summary of what will be
// imported, then Import (and "Dry run only" when the form asked for a dry run): ImportRunner
// checks the form, tries ImportImage as a DryRun (the account's permission), starts the import
// and follows the image until it is NORMAL or IMPORTFAILED, each step shown as it happens; while
// followed, a busy bar and the time so far with a countdown to the next check, every second. The
// end is announced on the desktop. At NORMAL the page is done: what was made (file, CRC-64,
// object, ImageId, region, time taken) with Copy Summary, Open in Console and Import Another
// Image (the wizard again from its first page, the account kept); the same form cannot be
// imported twice, so a second Import never replaces that view. The imports started earlier
// (here or with `cvm-import import`) are listed, and one still IMPORTING can be followed again.
// Closing the wizard while following asks nothing: the import goes on in the cloud. The layout is
// ImportPage.ui; ImportController runs and follows the import and says what each step did, and
// this class shows it (the done view in ImportPageDone.cpp).
class ImportPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportPage(WizardSession* session, QWidget* parent = nullptr);
    ~ImportPage() override;

    // The history folder (default: the one shared with the CLI); the tests' and --demo's own.
    void setHistoryDir(const QString& dir);
    QString historyFile() const;
    // The runner's polling intervals (tests shorten them).
    void setBackoff(const importrun::ImportRunner::Backoff& backoff);

    // The buttons' actions: the session's form as it is (dryRunOnly: nothing is created).
    void startImport(bool dryRunOnly = false);
    // Follows an import started earlier (the history list's Follow).
    void follow(const importrun::ImportRecord& record);

    // Whether an import is being checked, started or followed.
    bool isRunning() const;
    // Whether the import started here from the session's form as it is now reached NORMAL: Import
    // is refused for it (the done view stays).
    bool isDone() const;
    // The runner of the last start() or follow(), null before.
    const importrun::ImportRunner* runner() const;

    void initializePage() override;
    bool isComplete() const override;

signals:
    // After the end of an import (or of a dry run) is on screen.
    void importFinished(cvmi::importrun::ImportRunner::Outcome outcome);

private:
    void buildLayout();
    void connectController();
    void showSession();
    void showSummary();
    void updateState();
    void reloadHistory();
    void showLine(importstep::Step step);
    void showImageId(const QString& imageId);
    void setResult(const QString& html, bool good);
    void onFinished(importrun::ImportRunner::Outcome outcome);
    // What the last import showed (steps, ImageId, result, done view), gone.
    void clearOutcome();

    // The done view (ImportPageDone.cpp).
    void showDone();
    void copySummary();
    void openConsole();
    void importAnother();

    std::unique_ptr<Ui::ImportPage> m_ui;
    WizardSession* m_session;
    ImportController* m_controller;
    ImportNotifier* m_notifier;
    // The session's form when Import was pressed, and the one that reached NORMAL.
    std::optional<importform::ImportForm> m_startedForm;
    std::optional<importform::ImportForm> m_doneForm;
    // What the done view shows (the runner goes when the account changes).
    std::optional<importrun::ImportRecord> m_doneRecord;
};

} // namespace cvmi::ui

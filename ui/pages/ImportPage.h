#pragma once

#include "controllers/ImportSteps.h"

#include "importrun/ImportHistory.h"
#include "importrun/ImportRunner.h"

#include <QWizardPage>

#include <memory>

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
// and follows the image until it is NORMAL or IMPORTFAILED, each step shown as it happens, the
// elapsed time every second. The end is announced on the desktop. The imports started earlier
// (here or with `cvm-import import`) are listed, and one still IMPORTING can be followed again.
// Closing the wizard while following asks nothing: the import goes on in the cloud. The layout is
// ImportPage.ui; ImportController runs and follows the import and says what each step did, and
// this class shows it.
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
    // The runner of the last start() or follow(), null before.
    const importrun::ImportRunner* runner() const;

    void initializePage() override;
    bool isComplete() const override;

signals:
    // After the end of an import (or of a dry run) is on screen.
    void importFinished(cvmi::importrun::ImportRunner::Outcome outcome);

protected:
    // The summary's names and URLs are elided to the width the summary gets, again on a resize.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildLayout();
    void connectController();
    void showSession();
    void showSummary();
    // What will be imported, as a table (rich text), a long name or URL elided in the middle;
    // `whole` receives the rows with their whole values when one was elided (the tool tip).
    QString summary(QString* whole) const;
    void updateState();
    void reloadHistory();
    void showLine(importstep::Step step);
    void showImageId(const QString& imageId);
    void setResult(const QString& html, bool good);

    std::unique_ptr<Ui::ImportPage> m_ui;
    WizardSession* m_session;
    ImportController* m_controller;
    ImportNotifier* m_notifier;
};

} // namespace cvmi::ui

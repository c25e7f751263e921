#include "pages/ImportPage.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ImportController.h"
#include "controllers/ImportNotifier.h"
#include "widgets/ImportHistoryList.h"
#include "widgets/ImportStageList.h"
#include "widgets/SummaryTable.h"

#include "ui_ImportPage.h"

#include "cloud/Regions.h"
#include "importform/CosObjectUrl.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace cvmi::ui {

namespace {

constexpr int kResultIconSize = 24; // the size of resultIcon in ImportPage.ui

} // namespace

ImportPage::ImportPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::ImportPage>()), m_session(session),
      m_controller(new ImportController(session, this)), m_notifier(new ImportNotifier(this, this))
{
    m_ui->setupUi(this);
    setTitle(ImportWizard::pageTitle(tr("Import")));
    setSubTitle(tr("Tencent Cloud imports the uploaded disk as a custom image. This takes from a "
                   "few minutes to an hour; you may close the wizard meanwhile."));
    setFinalPage(true);
    buildLayout();
    connectController();

    connect(m_ui->importButton, &QPushButton::clicked, this, [this] { startImport(false); });
    connect(m_ui->dryRunButton, &QPushButton::clicked, this, [this] { startImport(true); });
    connect(m_ui->importHistoryList, &ImportHistoryList::followRequested, this,
            &ImportPage::follow);
    connect(m_session, &WizardSession::importFormChanged, this, &ImportPage::showSession);
    connect(m_session, &WizardSession::accountChanged, this, [this] {
        // The runner talks through a client made from the previous account; that account's
        // imports go on in the cloud and stay in the history.
        m_controller->drop();
        // Done stays done in its region; in another one the same form may be imported again.
        if (m_doneRecord && m_doneRecord->region != m_session->region()) {
            m_doneForm.reset();
            clearOutcome();
        }
        showSession();
    });
    reloadHistory();
    showSession();
}

ImportPage::~ImportPage() = default;

void ImportPage::buildLayout()
{
    // Room for an ImageId ("img-" and 8 characters) with a margin, not the page's width.
    m_ui->imageIdEdit->setMinimumWidth(m_ui->imageIdEdit->fontMetrics().horizontalAdvance(u'M') *
                                       14);
    connect(m_ui->copyImageIdButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_ui->imageIdEdit->text()); });
    m_ui->imageIdRow->hide();
    m_ui->resultRow->hide();
    m_ui->finishNote->hide();
    m_ui->followBar->hide();
    m_ui->doneBox->hide();
    connect(m_ui->copySummaryButton, &QPushButton::clicked, this, &ImportPage::copySummary);
    connect(m_ui->openConsoleButton, &QPushButton::clicked, this, &ImportPage::openConsole);
    connect(m_ui->importAnotherButton, &QPushButton::clicked, this, &ImportPage::importAnother);
    // A few rows are enough to find an import; the steps above matter more.
    m_ui->importHistoryList->tree()->setMinimumHeight(70);
    m_ui->importHistoryList->tree()->setMaximumHeight(110);

    setTabOrder(m_ui->importButton, m_ui->dryRunButton);
    setTabOrder(m_ui->dryRunButton, m_ui->imageIdEdit);
    setTabOrder(m_ui->imageIdEdit, m_ui->copyImageIdButton);
    setTabOrder(m_ui->copyImageIdButton, m_ui->copySummaryButton);
    setTabOrder(m_ui->copySummaryButton, m_ui->openConsoleButton);
    setTabOrder(m_ui->openConsoleButton, m_ui->importAnotherButton);
    setTabOrder(m_ui->importAnotherButton, m_ui->importHistoryList->tree());
    setTabOrder(m_ui->importHistoryList->tree(), m_ui->importHistoryList->followButton());
}

// What the controller says is shown here: the steps, the ImageId, the history, the result.
void ImportPage::connectController()
{
    connect(m_controller, &ImportController::linesReset, m_ui->importStageList,
            &ImportStageList::reset);
    connect(m_controller, &ImportController::lineChanged, this, &ImportPage::showLine);
    connect(m_controller, &ImportController::stateChanged, this, &ImportPage::updateState);
    connect(m_controller, &ImportController::imageIdKnown, this, &ImportPage::showImageId);
    connect(m_controller, &ImportController::historyChanged, this, &ImportPage::reloadHistory);
    connect(m_controller, &ImportController::historyFailed, m_ui->importHistoryList->messageLabel(),
            &QLabel::setText);
    connect(m_controller, &ImportController::result, this, &ImportPage::setResult);
    connect(m_controller, &ImportController::announce, m_notifier, &ImportNotifier::notify);
    connect(m_controller, &ImportController::finished, this, &ImportPage::onFinished);
}

void ImportPage::setHistoryDir(const QString& dir)
{
    m_controller->setHistoryDir(dir);
}

QString ImportPage::historyFile() const
{
    return m_controller->history().filePath();
}

void ImportPage::setBackoff(const importrun::ImportRunner::Backoff& backoff)
{
    m_controller->setBackoff(backoff);
}

bool ImportPage::isRunning() const
{
    return m_controller->isRunning();
}

const importrun::ImportRunner* ImportPage::runner() const
{
    return m_controller->runner();
}

void ImportPage::initializePage()
{
    showSession();
    reloadHistory();
}

void ImportPage::reloadHistory()
{
    m_ui->importHistoryList->reload(m_controller->history());
}

void ImportPage::showSession()
{
    // Another form (Back, a change, Next): what the last one made no longer describes this page.
    if (m_doneForm && !isDone() && !isRunning()) {
        m_doneForm.reset();
        clearOutcome();
    }
    QStringList missing;
    if (!m_session->hasImportForm())
        missing << tr("the import form is not filled in yet (go back to the Form page, or open a "
                      "draft there)");
    if (!m_session->hasAccount())
        missing << tr("no account is checked yet (the Account page: credentials and region)");
    m_ui->missingLabel->setText(
        missing.isEmpty()
            ? QString()
            : tr("Nothing can be imported yet: %1.").arg(missing.join(QStringLiteral("; "))));
    m_ui->missingLabel->setVisible(!missing.isEmpty());
    showSummary();
    updateState();
}

void ImportPage::showSummary()
{
    if (!m_session->hasImportForm()) {
        m_ui->summaryLabel->setMessage(tr("No import form yet."));
        return;
    }
    const importform::ImportForm& form = m_session->importForm();
    QList<SummaryTable::Row> rows{
        {tr("Name"), form.imageName, true},
        {tr("Operating system"), form.osType},
        {tr("Version"), form.osVersion},
        {tr("Architecture"), form.architecture},
        // The signature of a pre-signed URL is a credential for the object: never on screen.
        {tr("Image URL"), importform::stripSignature(form.imageUrl), true},
        {tr("Region"),
         m_session->hasAccount() ? cloud::Regions::label(m_session->region()) : tr("(none)")},
    };
    if (!form.dataDiskUrls.isEmpty())
        rows.append({tr("Data disks"), QString::number(form.dataDiskUrls.size())});
    if (form.dryRun)
        rows.append({tr("Dry run"), tr("asked for in the form: \"Dry run only\" checks without "
                                       "importing; Import imports for real")});
    m_ui->summaryLabel->setRows(rows);
}

bool ImportPage::isDone() const
{
    return m_doneForm && m_session->hasImportForm() && *m_doneForm == m_session->importForm();
}

bool ImportPage::isComplete() const
{
    // Finish once the import has ended, or while it is followed (it goes on in the cloud, as the
    // note under the steps says); not in the seconds before the ImageId is known, so that an
    // import is never started without the user seeing its ImageId.
    return m_controller->isFollowingOrFinished();
}

void ImportPage::updateState()
{
    const bool ready = m_session->hasImportForm() && m_session->hasAccount() && !isDone();
    const bool running = isRunning();
    m_ui->importButton->setEnabled(ready && !running);
    m_ui->summaryBox->setTitle(isDone() ? tr("What was imported") : tr("What will be imported"));
    m_ui->importButton->setToolTip(
        isDone() ? tr("This form is imported already (%1). To import again, change the form, or "
                      "press Import Another Image.")
                       .arg(m_doneForm->imageName)
                 : tr("Check the permission with a dry run, then import and follow the image."));
    m_ui->dryRunButton->setVisible(m_session->hasImportForm() && m_session->importForm().dryRun);
    m_ui->dryRunButton->setEnabled(ready && !running);
    m_ui->importHistoryList->setFollowEnabled(m_session->hasAccount() && !running);
    const importrun::ImportRunner* runner = m_controller->runner();
    const bool following =
        runner != nullptr && runner->stage() == importrun::ImportRunner::Stage::Following;
    m_ui->finishNote->setVisible(following);
    m_ui->followBar->setVisible(following);
    if (following)
        m_ui->finishNote->setText(
            tr("You may finish or close the wizard now: the import goes on in Tencent Cloud. "
               "Follow it later from \"Earlier imports\" below, or with `cvm-import imports "
               "--follow %1`.")
                .arg(runner->imageId()));
    emit completeChanged();
}

void ImportPage::startImport(bool dryRunOnly)
{
    // Refused once this form reached NORMAL: a second ImportImage of the same name would only be
    // refused as a duplicate, and its error would replace what the first one made.
    if (!m_session->hasImportForm() || !m_session->hasAccount() || isRunning() || isDone())
        return;
    importform::ImportForm form = m_session->importForm();
    // A dry run makes nothing: Import stays open for the form.
    m_startedForm.reset();
    if (!dryRunOnly)
        m_startedForm = form;
    m_doneForm.reset();
    // The buttons decide: Import imports even when the form asked for a dry run, which the
    // "Dry run only" button beside it offers.
    form.dryRun = dryRunOnly;
    clearOutcome();
    m_controller->start(form, dryRunOnly);
}

void ImportPage::follow(const importrun::ImportRecord& record)
{
    if (!m_session->hasAccount() || isRunning())
        return;
    m_startedForm.reset(); // not the session's form: Import stays open for it
    clearOutcome();
    m_ui->importHistoryList->select(record.imageId);
    m_controller->follow(record);
}

void ImportPage::clearOutcome()
{
    m_doneRecord.reset();
    m_ui->imageIdRow->hide();
    m_ui->imageIdEdit->clear();
    m_ui->resultRow->hide();
    m_ui->doneBox->hide();
    m_ui->importStageList->reset();
}

void ImportPage::onFinished(importrun::ImportRunner::Outcome outcome)
{
    if (outcome == importrun::ImportRunner::Outcome::Normal) {
        m_doneForm = m_startedForm;
        showDone();
    }
    m_startedForm.reset();
    updateState();
    emit importFinished(outcome);
}

void ImportPage::showLine(importstep::Step step)
{
    const importstep::Line& line = m_controller->line(step);
    m_ui->importStageList->setLine(step, line.state, line.message, line.remedy);
}

void ImportPage::showImageId(const QString& imageId)
{
    m_ui->imageIdEdit->setText(imageId);
    m_ui->imageIdRow->show();
}

void ImportPage::setResult(const QString& html, bool good)
{
    m_ui->resultIcon->setPixmap(verdictPixmap(good ? policy::Verdict::Pass : policy::Verdict::Fail,
                                              kResultIconSize, devicePixelRatioF()));
    m_ui->resultIcon->setAccessibleName(good ? tr("succeeded") : tr("failed"));
    m_ui->resultLabel->setText(html);
    m_ui->resultRow->show();
}

} // namespace cvmi::ui

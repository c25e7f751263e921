#include "pages/ImportPage.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ImportController.h"
#include "controllers/ImportNotifier.h"
#include "widgets/ImportHistoryList.h"
#include "widgets/ImportStageList.h"

#include "ui_ImportPage.h"

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

QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td style=\"padding-right: 12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

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
    // A few rows are enough to find an import; the steps above matter more.
    m_ui->importHistoryList->tree()->setMinimumHeight(70);
    m_ui->importHistoryList->tree()->setMaximumHeight(110);

    setTabOrder(m_ui->importButton, m_ui->dryRunButton);
    setTabOrder(m_ui->dryRunButton, m_ui->imageIdEdit);
    setTabOrder(m_ui->imageIdEdit, m_ui->copyImageIdButton);
    setTabOrder(m_ui->copyImageIdButton, m_ui->importHistoryList->tree());
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
    connect(m_controller, &ImportController::finished, this, &ImportPage::importFinished);
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
    m_ui->summaryLabel->setText(summary());
    updateState();
}

// What will be imported, as a table (rich text).
QString ImportPage::summary() const
{
    if (!m_session->hasImportForm())
        return tr("No import form yet.");
    const importform::ImportForm& form = m_session->importForm();
    QString html = QStringLiteral("<table>");
    html += row(tr("Name"), form.imageName);
    html += row(tr("Operating system"), form.osType);
    html += row(tr("Version"), form.osVersion);
    html += row(tr("Architecture"), form.architecture);
    // The signature of a pre-signed URL is a credential for the object: never on screen.
    html += row(tr("Image URL"), importform::stripSignature(form.imageUrl));
    html += row(tr("Region"), m_session->hasAccount() ? m_session->region() : tr("(none)"));
    if (!form.dataDiskUrls.isEmpty())
        html += row(tr("Data disks"), QString::number(form.dataDiskUrls.size()));
    if (form.dryRun)
        html += row(tr("Dry run"), tr("asked for in the form: \"Dry run only\" checks without "
                                      "importing; Import imports for real"));
    return html + QStringLiteral("</table>");
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
    const bool ready = m_session->hasImportForm() && m_session->hasAccount();
    const bool running = isRunning();
    m_ui->importButton->setEnabled(ready && !running);
    m_ui->dryRunButton->setVisible(m_session->hasImportForm() && m_session->importForm().dryRun);
    m_ui->dryRunButton->setEnabled(ready && !running);
    m_ui->importHistoryList->setFollowEnabled(m_session->hasAccount() && !running);
    const importrun::ImportRunner* runner = m_controller->runner();
    const bool following =
        runner != nullptr && runner->stage() == importrun::ImportRunner::Stage::Following;
    m_ui->finishNote->setVisible(following);
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
    if (!m_session->hasImportForm() || !m_session->hasAccount() || isRunning())
        return;
    importform::ImportForm form = m_session->importForm();
    // The buttons decide: Import imports even when the form asked for a dry run, which the
    // "Dry run only" button beside it offers.
    form.dryRun = dryRunOnly;
    m_ui->imageIdRow->hide();
    m_ui->imageIdEdit->clear();
    m_ui->resultRow->hide();
    m_controller->start(form, dryRunOnly);
}

void ImportPage::follow(const importrun::ImportRecord& record)
{
    if (!m_session->hasAccount() || isRunning())
        return;
    m_ui->resultRow->hide();
    m_ui->importHistoryList->select(record.imageId);
    m_controller->follow(record);
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

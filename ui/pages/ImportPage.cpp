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
#include <QResizeEvent>
#include <QTreeWidget>

namespace cvmi::ui {

namespace {

constexpr int kResultIconSize = 24; // the size of resultIcon in ImportPage.ui
// The narrowest the summary may become, in average characters; a name or a URL in it is elided
// to the width it has, since it cannot wrap and would otherwise widen the window.
constexpr int kSummaryMinimumChars = 30;
// The summary table's padding after the names (12 px in SummaryTable::html) and around its cells.
constexpr int kSummaryPadding = 12 + 8;

// The rows of the summary, shown as a rich-text table whose names and URLs (`identifier`) are
// elided to the room left beside the names: they have nowhere to break. `whole()` gives the rows
// as plain text, for the tool tip, once a value was elided.
class SummaryTable {
public:
    void add(const QString& name, const QString& value, bool identifier = false)
    {
        m_rows.append({name, value, identifier});
    }

    QString html(const QLabel* label)
    {
        QFont bold = label->font();
        bold.setBold(true);
        int nameWidth = 0;
        for (const Row& row : std::as_const(m_rows))
            nameWidth = qMax(nameWidth, QFontMetrics(bold).horizontalAdvance(row.name));
        const int valueWidth = label->contentsRect().width() - nameWidth - kSummaryPadding;
        QString html = QStringLiteral("<table>");
        m_elided = false;
        for (const Row& row : std::as_const(m_rows)) {
            const QString shown =
                row.identifier
                    ? label->fontMetrics().elidedText(row.value, Qt::ElideMiddle, valueWidth)
                    : row.value;
            m_elided = m_elided || shown != row.value;
            html += QStringLiteral(
                        "<tr><td style=\"padding-right: 12px\"><b>%1</b></td><td>%2</td></tr>")
                        .arg(row.name.toHtmlEscaped(), shown.toHtmlEscaped());
        }
        return html + QStringLiteral("</table>");
    }

    QString whole() const
    {
        if (!m_elided)
            return {};
        QStringList lines;
        for (const Row& row : m_rows)
            lines << QStringLiteral("%1: %2").arg(row.name, row.value);
        return lines.join(u'\n');
    }

private:
    struct Row {
        QString name;
        QString value;
        bool identifier;
    };
    QList<Row> m_rows;
    bool m_elided = false;
};

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
    m_ui->summaryLabel->setMinimumWidth(m_ui->summaryLabel->fontMetrics().averageCharWidth() *
                                        kSummaryMinimumChars);
    m_ui->summaryLabel->installEventFilter(this);
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
    showSummary();
    updateState();
}

void ImportPage::showSummary()
{
    QString whole;
    m_ui->summaryLabel->setText(summary(&whole));
    m_ui->summaryLabel->setToolTip(whole);
}

bool ImportPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->summaryLabel && event->type() == QEvent::Resize &&
        static_cast<QResizeEvent*>(event)->oldSize().width() != m_ui->summaryLabel->width())
        showSummary();
    return QWizardPage::eventFilter(watched, event);
}

QString ImportPage::summary(QString* whole) const
{
    if (!m_session->hasImportForm())
        return tr("No import form yet.");
    const importform::ImportForm& form = m_session->importForm();
    SummaryTable table;
    table.add(tr("Name"), form.imageName, true);
    table.add(tr("Operating system"), form.osType);
    table.add(tr("Version"), form.osVersion);
    table.add(tr("Architecture"), form.architecture);
    // The signature of a pre-signed URL is a credential for the object: never on screen.
    table.add(tr("Image URL"), importform::stripSignature(form.imageUrl), true);
    table.add(tr("Region"), m_session->hasAccount() ? m_session->region() : tr("(none)"));
    if (!form.dataDiskUrls.isEmpty())
        table.add(tr("Data disks"), QString::number(form.dataDiskUrls.size()));
    if (form.dryRun)
        table.add(tr("Dry run"), tr("asked for in the form: \"Dry run only\" checks without "
                                    "importing; Import imports for real"));
    const QString html = table.html(m_ui->summaryLabel);
    *whole = table.whole();
    return html;
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

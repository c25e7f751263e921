#include "pages/ImportPage.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ImportNotifier.h"
#include "widgets/ImportHistoryList.h"

#include "ui_ImportPage.h"

#include "importform/CosObjectUrl.h"
#include "importform/OsCatalogue.h"
#include "util/Units.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace cvmi::ui {

namespace {

using Outcome = importrun::ImportRunner::Outcome;
using Stage = importrun::ImportRunner::Stage;
using State = ImportStageList::State;

constexpr int kResultIconSize = 24; // the size of resultIcon in ImportPage.ui

QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td style=\"padding-right: 12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

ImportPage::ImportPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::ImportPage>()), m_session(session),
      m_notifier(new ImportNotifier(this, this))
{
    m_ui->setupUi(this);
    setTitle(ImportWizard::pageTitle(tr("Import")));
    setSubTitle(tr("Tencent Cloud imports the uploaded disk as a custom image. This takes from a "
                   "few minutes to an hour; you may close the wizard meanwhile."));
    setFinalPage(true);
    buildLayout();

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ImportPage::showFollowing);
    connect(m_ui->importButton, &QPushButton::clicked, this, [this] { startImport(false); });
    connect(m_ui->dryRunButton, &QPushButton::clicked, this, [this] { startImport(true); });
    connect(m_ui->importHistoryList, &ImportHistoryList::followRequested, this,
            &ImportPage::follow);
    connect(m_session, &WizardSession::importFormChanged, this, &ImportPage::showSession);
    connect(m_session, &WizardSession::accountChanged, this, [this] {
        // The runner talks through a client made from the previous account; that account's
        // imports go on in the cloud and stay in the history.
        dropRunner();
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

void ImportPage::setHistoryDir(const QString& dir)
{
    m_history = importrun::ImportHistory(dir);
    reloadHistory();
}

void ImportPage::initializePage()
{
    showSession();
    reloadHistory();
}

void ImportPage::reloadHistory()
{
    m_ui->importHistoryList->reload(m_history);
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

    if (m_session->hasImportForm()) {
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
        html += QStringLiteral("</table>");
        m_ui->summaryLabel->setText(html);
    } else {
        m_ui->summaryLabel->setText(tr("No import form yet."));
    }
    updateState();
}

bool ImportPage::isComplete() const
{
    // Finish once the import has ended, or while it is followed (it goes on in the cloud, as the
    // note under the steps says); not in the seconds before the ImageId is known, so that an
    // import is never started without the user seeing its ImageId.
    if (!m_runner)
        return false;
    return m_runner->stage() == Stage::Finished || m_runner->stage() == Stage::Following;
}

void ImportPage::updateState()
{
    const bool ready = m_session->hasImportForm() && m_session->hasAccount();
    const bool running = isRunning();
    m_ui->importButton->setEnabled(ready && !running);
    m_ui->dryRunButton->setVisible(m_session->hasImportForm() && m_session->importForm().dryRun);
    m_ui->dryRunButton->setEnabled(ready && !running);
    m_ui->importHistoryList->setFollowEnabled(m_session->hasAccount() && !running);
    const bool following = m_runner && m_runner->stage() == Stage::Following;
    m_ui->finishNote->setVisible(following);
    if (following)
        m_ui->finishNote->setText(
            tr("You may finish or close the wizard now: the import goes on in Tencent Cloud. "
               "Follow it later from \"Earlier imports\" below, or with `cvm-import imports "
               "--follow %1`.")
                .arg(m_runner->imageId()));
    emit completeChanged();
}

importrun::ImportRunner* ImportPage::newRunner()
{
    dropRunner();
    // A client of our own from the session's account, so that following an import of another
    // region never changes the region the other pages talk to.
    auto* cvm = new cloud::CvmClient(m_session->http(), m_session->endpoints(),
                                     m_session->credentials(), this);
    m_runner = new importrun::ImportRunner(cvm, this);
    cvm->setParent(m_runner);
    QStringList warnings; // an unreadable cache falls back to the built-in list, logged there
    const importform::OsCatalogueStore store;
    m_runner->setCatalogue(store.load(&warnings));
    // The live list is asked first (and kept): a value it lacks stops the import before
    // anything is sent; offline, the stored list only warns.
    m_runner->setCatalogueStore(store);
    m_runner->setHistory(&m_history);
    m_runner->setBackoff(m_backoff);
    m_runner->setSourceImagePath(m_session->imagePath());
    // A plain URL of a private object (a draft keeps no signature) is signed again here.
    m_runner->setCos(m_session->cos());
    connect(m_runner, &importrun::ImportRunner::stageChanged, this, &ImportPage::onStage);
    connect(m_runner, &importrun::ImportRunner::importUrlChosen, this,
            [this](bool, const QString& note) {
                const ImportStageList::Line validated =
                    m_ui->importStageList->line(ImportStageList::Validate);
                m_ui->importStageList->setLine(ImportStageList::Validate, validated.state,
                                               validated.message + u' ' + note, validated.remedy);
            });
    m_catalogueNote.clear();
    connect(m_runner, &importrun::ImportRunner::catalogueUsed, this,
            [this](const importform::OsCatalogue&, const cloud::CloudError& error) {
                m_catalogueNote =
                    error.isSet()
                        ? tr("The OS list could not be asked (%1): the form was checked against "
                             "the saved or built-in list, where a missing value is only a "
                             "warning and the service decides.")
                              .arg(error.userMessage.isEmpty() ? error.code : error.userMessage)
                        : tr("OS values checked against the list Tencent Cloud sent just now.");
            });
    connect(m_runner, &importrun::ImportRunner::validated, this, &ImportPage::onValidated);
    connect(m_runner, &importrun::ImportRunner::dryRunAllowed, this,
            [this](const QString& requestId) {
                m_ui->importStageList->setLine(
                    ImportStageList::Permission, State::Ok,
                    tr("Allowed: the account may import this image with these "
                       "values (RequestId %1).")
                        .arg(requestId));
            });
    connect(m_runner, &importrun::ImportRunner::imageCreated, this, &ImportPage::onImageCreated);
    connect(m_runner, &importrun::ImportRunner::imageFoundByName, this,
            [this](const QString&, const QString& note) {
                const ImportStageList::Line line =
                    m_ui->importStageList->line(ImportStageList::Import);
                m_ui->importStageList->setLine(ImportStageList::Import, line.state,
                                               line.message + u' ' + note, line.remedy);
            });
    connect(m_runner, &importrun::ImportRunner::polled, this, &ImportPage::showFollowing);
    connect(m_runner, &importrun::ImportRunner::stateChanged, this, &ImportPage::reloadHistory);
    connect(m_runner, &importrun::ImportRunner::retrying, this, &ImportPage::onRetrying);
    connect(m_runner, &importrun::ImportRunner::historyFailed, this, [this](const Error& error) {
        m_ui->importHistoryList->messageLabel()->setText(error.message);
    });
    connect(m_runner, &importrun::ImportRunner::finished, this, &ImportPage::onFinished);
    return m_runner;
}

void ImportPage::dropRunner()
{
    m_tick.stop();
    if (!m_runner)
        return;
    // Stopping first writes nothing and cancels the timer; answers in flight are ignored by the
    // runner's generation check, and the runner goes later so that they land on a live object.
    m_runner->disconnect(this);
    m_runner->stop();
    m_runner->deleteLater();
    m_runner = nullptr;
    updateState();
}

void ImportPage::startImport(bool dryRunOnly)
{
    if (!m_session->hasImportForm() || !m_session->hasAccount() || isRunning())
        return;
    importform::ImportForm form = m_session->importForm();
    // The buttons decide: Import imports even when the form asked for a dry run, which the
    // "Dry run only" button beside it offers.
    form.dryRun = dryRunOnly;
    m_ui->importStageList->reset();
    m_ui->imageIdRow->hide();
    m_ui->imageIdEdit->clear();
    m_ui->resultRow->hide();
    importrun::ImportRunner* runner = newRunner();
    runner->setDryRunOnly(dryRunOnly);
    runner->start(form, m_session->region());
}

void ImportPage::follow(const importrun::ImportRecord& record)
{
    if (!m_session->hasAccount() || isRunning())
        return;
    m_ui->importStageList->reset();
    m_ui->resultRow->hide();
    const QString earlier = tr("Done earlier (%1).").arg(record.started.toLocalTime().toString());
    m_ui->importStageList->setLine(ImportStageList::Validate, State::Ok, earlier);
    m_ui->importStageList->setLine(ImportStageList::Permission, State::Ok, earlier);
    m_ui->importStageList->setLine(ImportStageList::Import, State::Ok,
                                   tr("Started earlier in %1 as %2 (%3).")
                                       .arg(record.region, record.imageId, record.imageName));
    showImageId(record.imageId);
    m_ui->importHistoryList->select(record.imageId);
    newRunner()->follow(record);
}

void ImportPage::onStage(importrun::ImportRunner::Stage stage)
{
    switch (stage) {
    case Stage::Validating:
        m_step = ImportStageList::Validate;
        m_ui->importStageList->setLine(m_step, State::Running, {});
        break;
    case Stage::DryRun:
        m_step = ImportStageList::Permission;
        m_ui->importStageList->setLine(m_step, State::Running, {});
        break;
    case Stage::Importing:
        m_step = ImportStageList::Import;
        m_ui->importStageList->setLine(m_step, State::Running, {});
        break;
    case Stage::Following:
        m_step = ImportStageList::Follow;
        showFollowing();
        m_tick.start();
        break;
    case Stage::Idle:
    case Stage::Finished:
        m_tick.stop();
        break;
    }
    updateState();
}

void ImportPage::onValidated(const QList<importform::FieldProblem>& problems)
{
    QStringList errors;
    int warnings = 0;
    for (const importform::FieldProblem& p : problems) {
        if (p.isError())
            errors << QStringLiteral("%1: %2").arg(p.field, p.message);
        else
            ++warnings;
    }
    const QString listNote = m_catalogueNote.isEmpty() ? QString() : u'\n' + m_catalogueNote;
    if (!errors.isEmpty()) {
        m_ui->importStageList->setLine(
            ImportStageList::Validate, State::Failed, errors.join(QLatin1Char('\n')) + listNote,
            tr("Go back to the Form page and correct the fields named here."));
        return;
    }
    m_ui->importStageList->setLine(
        ImportStageList::Validate, State::Ok,
        (warnings == 0
             ? tr("Every field is valid.")
             : tr("Valid, with %n warning(s) shown on the Form page.", nullptr, warnings)) +
            listNote);
}

void ImportPage::onImageCreated(const QString& imageId)
{
    m_ui->importStageList->setLine(
        ImportStageList::Import, State::Ok,
        tr("Tencent Cloud accepted the import: image %1 in %2.").arg(imageId, m_runner->region()));
    showImageId(imageId);
    reloadHistory();
}

void ImportPage::showImageId(const QString& imageId)
{
    m_ui->imageIdEdit->setText(imageId);
    m_ui->imageIdRow->show();
}

void ImportPage::showFollowing()
{
    if (!m_runner || m_runner->stage() != Stage::Following)
        return;
    const QString state =
        m_runner->state().isEmpty() ? tr("waiting for the first answer") : m_runner->state();
    m_ui->importStageList->setLine(ImportStageList::Follow, State::Running,
                                   tr("%1, %2 elapsed. Checked at growing intervals.")
                                       .arg(state, formatClock(m_runner->elapsedMs() / 1000)));
}

void ImportPage::onRetrying(const cloud::CloudError& error, int attempt, int delayMs)
{
    m_ui->importStageList->setLine(m_step, State::Running,
                                   tr("%1 Trying again in %2 s (attempt %3).")
                                       .arg(error.userMessage)
                                       .arg((delayMs + 999) / 1000)
                                       .arg(attempt),
                                   error.remedy);
}

void ImportPage::setResult(const QString& html, bool good)
{
    m_ui->resultIcon->setPixmap(verdictPixmap(good ? policy::Verdict::Pass : policy::Verdict::Fail,
                                              kResultIconSize, devicePixelRatioF()));
    m_ui->resultIcon->setAccessibleName(good ? tr("succeeded") : tr("failed"));
    m_ui->resultLabel->setText(html);
    m_ui->resultRow->show();
}

void ImportPage::onFinished(importrun::ImportRunner::Outcome outcome)
{
    m_tick.stop();
    const QString message = m_runner->message();
    const QString remedy = m_runner->remedy();
    const QString id = m_runner->imageId();
    const auto html = [](const QString& text) {
        return text.toHtmlEscaped();
    };
    const QString whatToDo =
        remedy.isEmpty()
            ? QString()
            : QStringLiteral("<br><i>%1</i>").arg(html(tr("What to try: %1").arg(remedy)));
    bool notify = false;
    bool good = false;
    switch (outcome) {
    case Outcome::Normal:
        m_ui->importStageList->setLine(
            ImportStageList::Follow, State::Ok,
            tr("NORMAL after %1.").arg(formatClock(m_runner->elapsedMs() / 1000)));
        setResult(QStringLiteral("<b>%1</b><br>%2")
                      .arg(html(message),
                           html(tr("Next: create an instance from it in the CVM console → "
                                   "Images → Custom images → %1 → Create instance (or use the "
                                   "image ID with RunInstances).")
                                    .arg(id))),
                  true);
        notify = good = true;
        break;
    case Outcome::ImportFailed:
    case Outcome::CreateFailed:
        m_ui->importStageList->setLine(ImportStageList::Follow, State::Failed, m_runner->state());
        setResult(QStringLiteral("<b>%1</b>%2").arg(html(message), whatToDo), false);
        notify = true;
        break;
    case Outcome::DryRunAllowed:
        m_ui->importStageList->setLine(ImportStageList::Import, State::Skipped,
                                       tr("Not asked for."));
        m_ui->importStageList->setLine(ImportStageList::Follow, State::Skipped, {});
        setResult(QStringLiteral("<b>%1</b><br>%2")
                      .arg(html(message), html(tr("Press Import to import it for real."))),
                  true);
        good = true;
        break;
    case Outcome::Started:
        setResult(QStringLiteral("<b>%1</b>%2").arg(html(message), whatToDo), true);
        good = true;
        break;
    case Outcome::Invalid:
        // The fields and their problems are on the Validate line already.
        setResult(QStringLiteral("<b>%1</b>%2").arg(html(message), whatToDo), false);
        break;
    case Outcome::Refused:
    case Outcome::Error:
        m_ui->importStageList->setLine(m_step, State::Failed, message, remedy);
        setResult(QStringLiteral("<b>%1</b>%2").arg(html(message), whatToDo), false);
        // Following that gives up ends the wait the user may have walked away from.
        notify = !id.isEmpty();
        break;
    case Outcome::Stopped:
        m_ui->importStageList->setLine(m_step, State::Pending, message, remedy);
        break;
    case Outcome::None:
        break;
    }
    reloadHistory();
    updateState();
    if (notify) {
        const QString title =
            good ? tr("Image %1 is ready").arg(id) : tr("Import of %1 did not finish").arg(id);
        m_notifier->notify(title, message, good);
    }
    emit importFinished(outcome);
}

} // namespace cvmi::ui

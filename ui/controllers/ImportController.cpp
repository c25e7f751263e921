#include "controllers/ImportController.h"

#include "WizardSession.h"

#include "cloud/CvmClient.h"
#include "importform/OsCatalogue.h"
#include "util/Units.h"

namespace cvmi::ui {

namespace {

using Stage = importrun::ImportRunner::Stage;
using State = importstep::State;
using Outcome = ImportController::Outcome;

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

ImportController::ImportController(WizardSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_lines(importstep::StepCount)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ImportController::showFollowing);
}

ImportController::~ImportController() = default;

void ImportController::setHistoryDir(const QString& dir)
{
    m_history = importrun::ImportHistory(dir);
    emit historyChanged();
}

bool ImportController::isFollowingOrFinished() const
{
    return m_runner &&
           (m_runner->stage() == Stage::Finished || m_runner->stage() == Stage::Following);
}

void ImportController::start(const importform::ImportForm& form, bool dryRunOnly)
{
    resetLines();
    importrun::ImportRunner* runner = newRunner();
    runner->setDryRunOnly(dryRunOnly);
    runner->start(form, m_session->region());
}

void ImportController::follow(const importrun::ImportRecord& record)
{
    resetLines();
    const QString earlier = tr("Done earlier (%1).").arg(record.started.toLocalTime().toString());
    setLine(importstep::Validate, State::Ok, earlier);
    setLine(importstep::Permission, State::Ok, earlier);
    setLine(importstep::Import, State::Ok,
            tr("Started earlier in %1 as %2 (%3).")
                .arg(record.region, record.imageId, record.imageName));
    emit imageIdKnown(record.imageId);
    newRunner()->follow(record);
}

void ImportController::drop()
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
    emit stateChanged();
}

importrun::ImportRunner* ImportController::newRunner()
{
    drop();
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
    using Runner = importrun::ImportRunner;
    connect(m_runner, &Runner::stageChanged, this, &ImportController::onStage);
    connect(m_runner, &Runner::validated, this, &ImportController::onValidated);
    // The DryRun's RequestId stays off the screen: it helps nobody once the DryRun passed, and
    // Copy Summary hands on the import's own for support.
    connect(m_runner, &Runner::dryRunAllowed, this, [this] {
        setLine(importstep::Permission, State::Ok,
                tr("Allowed: the account may import this image with these values."));
    });
    connect(m_runner, &Runner::imageCreated, this, &ImportController::onImageCreated);
    connect(m_runner, &Runner::polled, this, &ImportController::showFollowing);
    connect(m_runner, &Runner::stateChanged, this, &ImportController::historyChanged);
    connect(m_runner, &Runner::retrying, this, &ImportController::onRetrying);
    connect(m_runner, &Runner::historyFailed, this,
            [this](const Error& error) { emit historyFailed(error.message); });
    connect(m_runner, &Runner::finished, this, &ImportController::onFinished);
    connectNotes(m_runner);
    return m_runner;
}

// The runner's side notes, added to the line they explain: which URL the import gets, which OS
// list checked the form, an image found by its name after a lost answer.
void ImportController::connectNotes(importrun::ImportRunner* runner)
{
    using Runner = importrun::ImportRunner;
    connect(runner, &Runner::importUrlChosen, this,
            [this](bool, const QString& note) { appendNote(importstep::Validate, note); });
    m_catalogueNote.clear();
    connect(runner, &Runner::catalogueUsed, this,
            [this](const importform::OsCatalogue&, const cloud::CloudError& error) {
                m_catalogueNote =
                    error.isSet()
                        ? tr("The OS list could not be asked (%1): the form was checked against "
                             "the saved or built-in list, where a missing value is only a "
                             "warning and the service decides.")
                              .arg(error.userMessage.isEmpty() ? error.code : error.userMessage)
                        : tr("OS values checked against the list Tencent Cloud sent just now.");
            });
    connect(runner, &Runner::imageFoundByName, this,
            [this](const QString&, const QString& note) { appendNote(importstep::Import, note); });
}

void ImportController::resetLines()
{
    m_lines = QList<importstep::Line>(importstep::StepCount);
    emit linesReset();
}

void ImportController::setLine(Step step, State state, const QString& message,
                               const QString& remedy)
{
    m_lines[step] = importstep::Line{state, message, remedy};
    emit lineChanged(step);
}

void ImportController::appendNote(Step step, const QString& note)
{
    const importstep::Line line = m_lines.at(step);
    setLine(step, line.state, line.message + u' ' + note, line.remedy);
}

void ImportController::onStage(importrun::ImportRunner::Stage stage)
{
    switch (stage) {
    case Stage::Validating:
        m_step = importstep::Validate;
        setLine(m_step, State::Running, {});
        break;
    case Stage::DryRun:
        m_step = importstep::Permission;
        setLine(m_step, State::Running, {});
        break;
    case Stage::Importing:
        m_step = importstep::Import;
        setLine(m_step, State::Running, {});
        break;
    case Stage::Following:
        m_step = importstep::Follow;
        showFollowing();
        m_tick.start();
        break;
    case Stage::Idle:
    case Stage::Finished:
        m_tick.stop();
        break;
    }
    emit stateChanged();
}

void ImportController::onValidated(const QList<importform::FieldProblem>& problems)
{
    QStringList errors;
    int warnings = 0;
    for (const importform::FieldProblem& p : problems) {
        if (p.isError())
            errors << QStringLiteral("%1: %2").arg(m_session->fieldName(p.field), p.message);
        else
            ++warnings;
    }
    const QString listNote = m_catalogueNote.isEmpty() ? QString() : u'\n' + m_catalogueNote;
    if (!errors.isEmpty()) {
        setLine(importstep::Validate, State::Failed, errors.join(QLatin1Char('\n')) + listNote,
                tr("Go back to the Form page and correct the fields named here."));
        return;
    }
    setLine(importstep::Validate, State::Ok,
            (warnings == 0
                 ? tr("Every field is valid.")
                 : tr("Valid, with %n warning(s) shown on the Form page.", nullptr, warnings)) +
                listNote);
}

void ImportController::onImageCreated(const QString& imageId)
{
    setLine(
        importstep::Import, State::Ok,
        tr("Tencent Cloud accepted the import: image %1 in %2.").arg(imageId, m_runner->region()));
    emit imageIdKnown(imageId);
    emit historyChanged();
}

void ImportController::showFollowing()
{
    if (!m_runner || m_runner->stage() != Stage::Following)
        return;
    setLine(importstep::Follow, State::Running, followingText(*m_runner));
}

QString ImportController::followingText(const importrun::ImportRunner& runner)
{
    const QString soFar = formatDuration(runner.elapsedMs() / 1000);
    const int toNext = runner.msToNextCheck();
    // Rounded up, so that "in 0 s" is never shown while the wait goes on.
    const QString waiting =
        toNext > 0 ? tr("Waiting for Tencent Cloud: %1 so far · next check in %2")
                         .arg(soFar, formatDuration((toNext + 999) / 1000))
                   : tr("Waiting for Tencent Cloud: %1 so far · checking now").arg(soFar);
    const QString state = runner.state().isEmpty() ? tr("No answer yet.")
                                                   : tr("The image is %1.").arg(runner.state());
    return waiting + QStringLiteral("\n") + state;
}

void ImportController::onRetrying(const cloud::CloudError& error, int attempt, int delayMs)
{
    setLine(m_step, State::Running,
            tr("%1 Trying again in %2 s (attempt %3).")
                .arg(error.userMessage)
                .arg((delayMs + 999) / 1000)
                .arg(attempt),
            error.remedy);
}

void ImportController::onFinished(Outcome outcome)
{
    m_tick.stop();
    const bool announceIt = showOutcome(outcome);
    emit historyChanged();
    emit stateChanged();
    if (announceIt) {
        const QString id = m_runner->imageId();
        const bool good = outcome == Outcome::Normal;
        const QString title =
            good ? tr("Image %1 is ready").arg(id) : tr("Import of %1 did not finish").arg(id);
        emit announce(title, m_runner->message(), good);
    }
    emit finished(outcome);
}

bool ImportController::showOutcome(Outcome outcome)
{
    const QString message = m_runner->message();
    const QString remedy = m_runner->remedy();
    const QString id = m_runner->imageId();
    const QString whatToDo =
        remedy.isEmpty()
            ? QString()
            : QStringLiteral("<br><i>%1</i>").arg(html(tr("What to try: %1").arg(remedy)));
    const QString plain = QStringLiteral("<b>%1</b>%2").arg(html(message), whatToDo);
    switch (outcome) {
    case Outcome::Normal:
        setLine(importstep::Follow, State::Ok,
                tr("NORMAL after %1.").arg(formatDuration(m_runner->elapsedMs() / 1000)));
        emit result(QStringLiteral("<b>%1</b><br>%2")
                        .arg(html(message),
                             html(tr("Next: create an instance from it in the CVM console → "
                                     "Images → Custom images → %1 → Create instance (or use the "
                                     "image ID with RunInstances).")
                                      .arg(id))),
                    true);
        return true;
    case Outcome::ImportFailed:
    case Outcome::CreateFailed:
        setLine(importstep::Follow, State::Failed, m_runner->state());
        emit result(plain, false);
        return true;
    case Outcome::DryRunAllowed:
        setLine(importstep::Import, State::Skipped, tr("Not asked for."));
        setLine(importstep::Follow, State::Skipped, {});
        emit result(QStringLiteral("<b>%1</b><br>%2")
                        .arg(html(message), html(tr("Press Import to import it for real."))),
                    true);
        return false;
    case Outcome::Started:
        emit result(plain, true);
        return false;
    case Outcome::Invalid:
        // The fields and their problems are on the Validate line already.
        emit result(plain, false);
        return false;
    case Outcome::Refused:
    case Outcome::Error:
        // The failed step holds the message and what to do; said once, not again below it.
        setLine(m_step, State::Failed, message, remedy);
        emit result(html(id.isEmpty() ? tr("Nothing was imported: the step marked as failed "
                                           "above says why and what to do.")
                                      : tr("Following %1 stopped: the step marked as failed "
                                           "above says why and what to do.")
                                            .arg(id)),
                    false);
        // Following that gives up ends the wait the user may have walked away from.
        return !id.isEmpty();
    case Outcome::Stopped:
        setLine(m_step, State::Pending, message, remedy);
        return false;
    case Outcome::None:
        return false;
    }
    return false;
}

} // namespace cvmi::ui

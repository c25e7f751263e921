#include "ImportView.h"

#include "CliContext.h"

#include "util/Units.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <unistd.h>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::ImportCommand)
};

using importrun::ImportRunner;

QString fieldName(const importform::FieldProblem& p)
{
    return p.index >= 0 ? QStringLiteral("%1[%2]").arg(p.field).arg(p.index + 1) : p.field;
}

QJsonObject errorJson(const cloud::CloudError& e, const SecretScrubber& scrub)
{
    return {{QStringLiteral("code"), scrub(e.code)},
            {QStringLiteral("message"), scrub(e.message)},
            {QStringLiteral("user_message"), scrub(e.userMessage)},
            {QStringLiteral("remedy"), scrub(e.remedy)},
            {QStringLiteral("request_id"), scrub(e.requestId)},
            {QStringLiteral("http_status"), e.httpStatus}};
}

} // namespace

ImportView::ImportView(QTextStream& out, bool json, const SecretScrubber& scrub)
    : m_out(out), m_json(json), m_scrub(scrub), m_tty(::isatty(STDOUT_FILENO) != 0)
{
}

int ImportView::exitCode(ImportRunner::Outcome outcome)
{
    switch (outcome) {
    case ImportRunner::Outcome::Normal:
    case ImportRunner::Outcome::DryRunAllowed:
    case ImportRunner::Outcome::Started:
        return ExitOk;
    case ImportRunner::Outcome::ImportFailed:
    case ImportRunner::Outcome::CreateFailed:
    case ImportRunner::Outcome::Invalid:
        return ExitNotCompliant;
    case ImportRunner::Outcome::None:
    case ImportRunner::Outcome::Refused:
    case ImportRunner::Outcome::Error:
    case ImportRunner::Outcome::Stopped:
        break;
    }
    return ExitError;
}

void ImportView::event(const QString& name, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), name);
    m_out << QJsonDocument(fields).toJson(QJsonDocument::Compact) << '\n';
    m_out.flush();
}

void ImportView::endStatusLine()
{
    if (m_statusOpen)
        m_out << '\n';
    m_statusOpen = false;
}

void ImportView::status(const QString& state, qint64 elapsedMs, bool changed)
{
    const QString line =
        Text::tr("Status:     %1, %2 elapsed").arg(state, formatClock(elapsedMs / 1000));
    if (m_tty) {
        // Rewritten in place: one line that ticks, not a screenful.
        m_out << '\r' << line << QStringLiteral("\x1b[K");
        m_statusOpen = true;
    } else if (changed) {
        m_out << line << '\n';
    }
    m_out.flush();
}

void ImportView::catalogueUsed(const importform::OsCatalogue& catalogue,
                               const cloud::CloudError& error)
{
    using Origin = importform::OsCatalogue::Origin;
    const QString source = catalogue.origin() == Origin::Live    ? QStringLiteral("live")
                           : catalogue.origin() == Origin::Cache ? QStringLiteral("cache")
                                                                 : QStringLiteral("built_in");
    if (m_json) {
        QJsonObject o{{QStringLiteral("source"), source},
                      {QStringLiteral("os_types"), catalogue.osTypes().size()}};
        if (catalogue.fetched().isValid())
            o.insert(QStringLiteral("fetched"), catalogue.fetched().toString(Qt::ISODate));
        if (error.isSet())
            o.insert(QStringLiteral("error"), errorJson(error, m_scrub));
        return event(QStringLiteral("os_list"), o);
    }
    if (!error.isSet()) {
        m_out << Text::tr("OS list:    from Tencent Cloud (%1 systems), kept for offline "
                          "use")
                     .arg(catalogue.osTypes().size())
              << '\n';
    } else {
        const QString used =
            catalogue.origin() == Origin::Cache
                ? Text::tr("the list saved on %1").arg(catalogue.fetched().toString(Qt::ISODate))
                : Text::tr("the built-in list");
        m_out << Text::tr("OS list:    not available (%1); the form is checked against "
                          "%2, which may be out of date: a value missing from it is a "
                          "warning, and the service decides")
                     .arg(m_scrub(error.userMessage.isEmpty() ? error.code : error.userMessage),
                          used)
              << '\n';
    }
    m_out.flush();
}

void ImportView::validated(const QList<importform::FieldProblem>& problems)
{
    if (m_json) {
        QJsonArray list;
        for (const importform::FieldProblem& p : problems)
            list.append(
                QJsonObject{{QStringLiteral("field"), p.field},
                            {QStringLiteral("index"), p.index},
                            {QStringLiteral("code"), p.code},
                            {QStringLiteral("message"), m_scrub(p.message)},
                            {QStringLiteral("severity"),
                             p.isError() ? QStringLiteral("error") : QStringLiteral("warning")}});
        event(QStringLiteral("validated"),
              {{QStringLiteral("ok"), !importform::hasErrors(problems)},
               {QStringLiteral("problems"), list}});
        return;
    }
    if (!importform::hasErrors(problems))
        m_out << Text::tr("Form:       valid") << '\n';
    else
        m_out << Text::tr("Form:       has errors") << '\n';
    for (const importform::FieldProblem& p : problems)
        m_out << "  " << (p.isError() ? Text::tr("error  ") : Text::tr("warning")) << ' '
              << fieldName(p) << ": " << m_scrub(p.message) << '\n';
    m_out.flush();
}

void ImportView::retrying(const cloud::CloudError& error, int attempt, int delayMs)
{
    if (m_json)
        return event(QStringLiteral("retry"), {{QStringLiteral("error"), errorJson(error, m_scrub)},
                                               {QStringLiteral("attempt"), attempt},
                                               {QStringLiteral("delay_ms"), delayMs}});
    endStatusLine();
    m_out << Text::tr("  (%1 — trying again in %2 s, attempt %3)")
                 .arg(m_scrub(error.userMessage.isEmpty() ? error.code : error.userMessage))
                 .arg((delayMs + 999) / 1000)
                 .arg(attempt)
          << '\n';
    m_out.flush();
}

void ImportView::attach(ImportRunner& runner)
{
    QObject::connect(&runner, &ImportRunner::catalogueUsed, &runner,
                     [this](const importform::OsCatalogue& catalogue,
                            const cloud::CloudError& error) { catalogueUsed(catalogue, error); });
    QObject::connect(
        &runner, &ImportRunner::validated, &runner,
        [this](const QList<importform::FieldProblem>& problems) { validated(problems); });
    QObject::connect(
        &runner, &ImportRunner::importUrlChosen, &runner,
        [this](bool signedUrl, const QString& note) { importUrlChosen(signedUrl, note); });
    QObject::connect(&runner, &ImportRunner::dryRunAllowed, &runner,
                     [this](const QString& requestId) { dryRunAllowed(requestId); });
    QObject::connect(
        &runner, &ImportRunner::imageCreated, &runner,
        [this, &runner](const QString& imageId) { imageCreated(imageId, runner.region()); });
    QObject::connect(
        &runner, &ImportRunner::imageFoundByName, &runner,
        [this](const QString& imageId, const QString& note) { imageFoundByName(imageId, note); });
    QObject::connect(&runner, &ImportRunner::stateChanged, &runner,
                     [this](const QString& state, qint64 elapsedMs) {
                         if (!m_json)
                             status(state, elapsedMs, true);
                     });
    QObject::connect(&runner, &ImportRunner::polled, &runner,
                     [this, &runner](const QString& state, qint64 elapsedMs) {
                         polled(runner.imageId(), state, elapsedMs);
                     });
    QObject::connect(&runner, &ImportRunner::retrying, &runner,
                     [this](const cloud::CloudError& error, int attempt, int delayMs) {
                         retrying(error, attempt, delayMs);
                     });
    QObject::connect(&runner, &ImportRunner::historyFailed, &runner,
                     [this](const Error& error) { historyFailed(error); });
}

void ImportView::importUrlChosen(bool signedUrl, const QString& note)
{
    if (m_json)
        return event(QStringLiteral("image_url"), {{QStringLiteral("signed"), signedUrl},
                                                   {QStringLiteral("message"), m_scrub(note)}});
    m_out << Text::tr("Image URL:  %1").arg(m_scrub(note)) << '\n';
    m_out.flush();
}

void ImportView::dryRunAllowed(const QString& requestId)
{
    if (m_json)
        return event(QStringLiteral("dry_run"), {{QStringLiteral("allowed"), true},
                                                 {QStringLiteral("request_id"), requestId}});
    m_out << Text::tr("Dry run:    allowed (RequestId %1)").arg(requestId) << '\n';
    m_out.flush();
}

void ImportView::imageCreated(const QString& imageId, const QString& region)
{
    m_imageId = imageId;
    if (m_json)
        return event(QStringLiteral("image_created"),
                     {{QStringLiteral("image_id"), imageId}, {QStringLiteral("region"), region}});
    m_out << Text::tr("Image ID:   %1").arg(imageId) << '\n';
    m_out.flush();
}

void ImportView::imageFoundByName(const QString& imageId, const QString& note)
{
    if (m_json)
        return event(
            QStringLiteral("image_found_by_name"),
            {{QStringLiteral("image_id"), imageId}, {QStringLiteral("message"), m_scrub(note)}});
    m_out << Text::tr("Note:       %1").arg(m_scrub(note)) << '\n';
    m_out.flush();
}

void ImportView::polled(const QString& imageId, const QString& state, qint64 elapsedMs)
{
    if (m_json)
        return event(QStringLiteral("state"), {{QStringLiteral("image_id"), imageId},
                                               {QStringLiteral("state"), state},
                                               {QStringLiteral("elapsed_ms"), double(elapsedMs)}});
    if (m_tty)
        status(state, elapsedMs, false);
}

void ImportView::historyFailed(const Error& error)
{
    if (m_json)
        return event(QStringLiteral("history_error"),
                     {{QStringLiteral("code"), error.code},
                      {QStringLiteral("message"), m_scrub(error.message)}});
    endStatusLine();
    m_out << Text::tr("Warning: %1").arg(m_scrub(error.message)) << '\n';
    m_out.flush();
}

void ImportView::finished(const ImportRunner& runner)
{
    if (m_json) {
        QJsonObject o{{QStringLiteral("outcome"), ImportRunner::outcomeName(runner.outcome())},
                      {QStringLiteral("exit_code"), exitCode(runner.outcome())},
                      {QStringLiteral("image_id"), runner.imageId()},
                      {QStringLiteral("region"), runner.region()},
                      {QStringLiteral("state"), runner.state()},
                      {QStringLiteral("elapsed_ms"), double(runner.elapsedMs())},
                      {QStringLiteral("message"), m_scrub(runner.message())},
                      {QStringLiteral("remedy"), m_scrub(runner.remedy())}};
        if (runner.error().isSet())
            o.insert(QStringLiteral("error"), errorJson(runner.error(), m_scrub));
        event(QStringLiteral("finished"), o);
        return;
    }
    endStatusLine();
    m_out << Text::tr("Result:     %1").arg(m_scrub(runner.message())) << '\n';
    if (!runner.remedy().isEmpty())
        m_out << Text::tr("What to do: %1").arg(m_scrub(runner.remedy())) << '\n';
    m_out.flush();
}

} // namespace cvmi::cli

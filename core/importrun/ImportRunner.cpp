#include "importrun/ImportRunner.h"

#include "importform/CosObjectUrl.h"
#include "importrun/ImportUrlResolver.h"
#include "importrun/ImportedImageSearch.h"
#include "util/FutureReply.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace cvmi::importrun {

Q_LOGGING_CATEGORY(lcImport, "cvmi.importrun")

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importrun::ImportRunner)
};

// A pre-signed ImageUrl with less time left than this is signed again before the import.
constexpr qint64 kMinSignatureLeftSeconds = 3600;

} // namespace

ImportRunner::ImportRunner(cloud::CvmClient* cvm, QObject* parent)
    : QObject(parent), m_cvm(cvm), m_catalogue(importform::OsCatalogueStore::builtIn())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_stage == Stage::DryRun)
            sendDryRun();
        else if (m_stage == Stage::Importing && m_searching)
            searchByName();
        else if (m_stage == Stage::Importing)
            sendImport();
        else if (m_stage == Stage::Following)
            poll();
    });
}

ImportRunner::~ImportRunner() = default;

QString ImportRunner::stageName(Stage stage)
{
    switch (stage) {
    case Stage::Idle:
        return QStringLiteral("idle");
    case Stage::Validating:
        return QStringLiteral("validating");
    case Stage::DryRun:
        return QStringLiteral("dry_run");
    case Stage::Importing:
        return QStringLiteral("importing");
    case Stage::Following:
        return QStringLiteral("following");
    case Stage::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

QString ImportRunner::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::None:
        return QStringLiteral("none");
    case Outcome::Normal:
        return QStringLiteral("normal");
    case Outcome::ImportFailed:
        return QStringLiteral("import_failed");
    case Outcome::CreateFailed:
        return QStringLiteral("create_failed");
    case Outcome::DryRunAllowed:
        return QStringLiteral("dry_run_allowed");
    case Outcome::Started:
        return QStringLiteral("started");
    case Outcome::Invalid:
        return QStringLiteral("invalid");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Error:
        return QStringLiteral("error");
    case Outcome::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

bool ImportRunner::isTransient(const cloud::CloudError& error)
{
    const QString& code = error.code;
    if (code == QLatin1String("Network.Timeout") || code == QLatin1String("Network.Failure"))
        return true;
    // A gateway's or an overloaded server's page instead of an API answer.
    if (code == QLatin1String("Network.BadResponse"))
        return error.httpStatus == 0 || error.httpStatus >= 500 || error.httpStatus == 429;
    return code.startsWith(QLatin1String("RequestLimitExceeded")) ||
           code.startsWith(QLatin1String("InternalError")) ||
           code == QLatin1String("ResourceUnavailable") || error.httpStatus >= 500;
}

qint64 ImportRunner::elapsedMs() const
{
    if (!m_record.started.isValid())
        return 0;
    const QDateTime end =
        m_record.finished.isValid() ? m_record.finished : QDateTime::currentDateTimeUtc();
    return qMax<qint64>(0, m_record.started.msecsTo(end));
}

void ImportRunner::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void ImportRunner::start(const importform::ImportForm& form, const QString& region)
{
    ++m_generation;
    m_timer.stop();
    m_form = form;
    m_record = ImportRecord{};
    m_record.region = region;
    m_record.imageName = form.imageName;
    m_record.imageUrl = importform::stripSignature(form.imageUrl);
    m_record.sourceImagePath = m_sourcePath;
    m_outcome = Outcome::None;
    m_error = {};
    m_message.clear();
    m_remedy.clear();
    m_transientInARow = 0;
    m_notFoundInARow = 0;
    m_searching = false;
    m_delayMs = m_backoff.initialMs;

    setStage(Stage::Validating);
    m_cvm->setRegion(region); // DescribeImportImageOs included
    if (m_store)
        fetchCatalogue();
    else
        validate();
}

void ImportRunner::fetchCatalogue()
{
    const quint64 generation = m_generation;
    util::onResult(
        m_cvm->describeImportImageOs(), this,
        [this, generation](const cloud::CloudResult<cloud::ImportImageOsList>& result) {
            if (generation != m_generation)
                return; // stopped, or started again
            cloud::CloudError error = result.error;
            if (result.ok() && result.value.linuxOs.isEmpty() && result.value.windowsOs.isEmpty() &&
                result.value.versions.isEmpty()) {
                error.code = QStringLiteral("Catalogue.Empty");
                error.userMessage = Text::tr("DescribeImportImageOs answered an empty list.");
            } else if (result.ok()) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                m_catalogue = importform::OsCatalogue(result.value,
                                                      importform::OsCatalogue::Origin::Live, now);
                Error saveError;
                if (!m_store->save(result.value, now, &saveError))
                    qCWarning(lcImport).noquote() << saveError.message; // the import goes on
            }
            if (!error.code.isEmpty())
                qCInfo(lcImport).noquote()
                    << "DescribeImportImageOs failed (" << error.code
                    << "); the form is checked against the cached or built-in OS list";
            emit catalogueUsed(m_catalogue, error);
            validate();
        });
}

void ImportRunner::validate()
{
    const QString region = m_record.region;
    const importform::ImportForm& form = m_form;
    m_problems = form.validate(m_catalogue, region);
    emit validated(m_problems);
    if (importform::hasErrors(m_problems)) {
        int errors = 0;
        for (const importform::FieldProblem& p : m_problems)
            errors += p.isError() ? 1 : 0;
        finish(Outcome::Invalid,
               Text::tr("The form has %n error(s); nothing was sent.", nullptr, errors),
               Text::tr("Correct the fields named above and start the import again."));
        return;
    }
    prepareUrl();
}

void ImportRunner::prepareUrl()
{
    Error parseError;
    const std::optional<importform::CosObjectUrl> url =
        m_cos ? importform::parseCosObjectUrl(m_form.imageUrl, &parseError) : std::nullopt;
    // A signature that ends before the import can have read the object (it starts within
    // minutes, a large image takes longer) is made again, like a missing one.
    const bool expiring =
        url && url->presigned && url->signatureExpires.isValid() &&
        url->signatureExpires < QDateTime::currentDateTimeUtc().addSecs(kMinSignatureLeftSeconds);
    if (!url || (url->presigned && !expiring)) {
        setStage(Stage::DryRun);
        sendDryRun();
        return;
    }
    const quint64 generation = m_generation;
    ImportUrlResolver::resolve(m_cos, url->bucket, url->region, url->key, this,
                               [this, generation](const ImportUrlDecision& decision) {
                                   if (generation != m_generation)
                                       return;
                                   if (decision.signedUrl)
                                       m_form.imageUrl = decision.url;
                                   qCInfo(lcImport).noquote()
                                       << "ImageUrl" << (decision.signedUrl ? "signed" : "plain");
                                   emit importUrlChosen(decision.signedUrl, decision.note);
                                   setStage(Stage::DryRun);
                                   sendDryRun();
                               });
}

void ImportRunner::follow(const ImportRecord& record)
{
    ++m_generation;
    m_timer.stop();
    m_record = record;
    m_record.finished = {}; // set again when a final state is seen now
    if (!m_record.started.isValid())
        m_record.started = QDateTime::currentDateTimeUtc();
    m_outcome = Outcome::None;
    m_problems.clear();
    m_error = {};
    m_message.clear();
    m_remedy.clear();
    m_transientInARow = 0;
    m_notFoundInARow = 0;
    m_searching = false;
    m_delayMs = m_backoff.initialMs;
    m_cvm->setRegion(record.region);
    setStage(Stage::Following);
    poll();
}

void ImportRunner::stop()
{
    if (!isRunning())
        return;
    ++m_generation;
    m_timer.stop();
    if (m_searching) {
        // ImportImage was accepted: the import is on record by its name and RequestId.
        m_searching = false;
        m_record.message =
            Text::tr("Stopped looking for the image named \"%1\" (ImportImage RequestId %2); "
                     "the import goes on in Tencent Cloud.")
                .arg(m_record.imageName, m_record.requestId);
        record(QString());
        finish(Outcome::Stopped, m_record.message,
               Text::tr("Look for the image named \"%1\" in the CVM console → Images (region "
                        "%2); follow it with `cvm-import imports --follow IMAGE_ID --region %2`.")
                   .arg(m_record.imageName, m_record.region));
        return;
    }
    if (m_record.imageId.isEmpty()) {
        finish(Outcome::Stopped, Text::tr("Stopped before the import was started."));
        return;
    }
    finish(Outcome::Stopped,
           Text::tr("Stopped following %1; the import goes on in Tencent Cloud.")
               .arg(m_record.imageId),
           Text::tr("Follow it again later from the import history (`cvm-import imports "
                    "--follow %1`).")
               .arg(m_record.imageId));
}

int ImportRunner::nextDelay()
{
    const int delay = m_delayMs;
    const double grown = double(m_delayMs) * qMax(1.0, m_backoff.factor);
    m_delayMs = int(qMin<double>(m_backoff.maxMs, qMax<double>(1, grown)));
    return delay;
}

// One more try after a growing delay while `retryable` answers come in a row (at most
// maxTransientRetries of them); false: the caller handles the error.
bool ImportRunner::retryLater(const cloud::CloudError& error, bool retryable)
{
    if (!retryable || ++m_transientInARow > m_backoff.maxTransientRetries)
        return false;
    const int delay = nextDelay();
    emit retrying(error, m_transientInARow, delay);
    scheduleNext(delay);
    return true;
}

void ImportRunner::scheduleNext(int delayMs)
{
    m_timer.start(delayMs);
}

void ImportRunner::sendDryRun()
{
    cloud::ImportImageRequest request = m_form.toRequest();
    request.dryRun = true;
    const quint64 generation = m_generation;
    util::onResult(
        m_cvm->importImage(request), this,
        [this, generation](const cloud::CloudResult<cloud::ImportImageResult>& result) {
            if (generation != m_generation)
                return;
            // A success envelope to a DryRun also means "allowed" (CvmClient reports both so),
            // but must not have created an image.
            if (result.ok() && result.value.dryRunAllowed) {
                m_transientInARow = 0;
                emit dryRunAllowed(result.requestId);
                if (m_dryRunOnly || m_form.dryRun) {
                    finish(Outcome::DryRunAllowed,
                           Text::tr("The dry run passed: the account may import this image "
                                    "with these values in %1. Nothing was created.")
                               .arg(m_record.region));
                    return;
                }
                m_delayMs = m_backoff.initialMs;
                setStage(Stage::Importing);
                sendImport();
                return;
            }
            if (!result.ok() && retryLater(result.error, isTransient(result.error)))
                return;
            if (result.ok()) {
                cloud::CloudError unexpected = cloud::CloudErrors::networkError(
                    QStringLiteral("Network.BadResponse"),
                    Text::tr("the DryRun was answered as neither allowed nor refused"));
                finishWithError(Outcome::Error, unexpected, Text::tr("The dry run failed."));
                return;
            }
            finishWithError(Outcome::Refused, result.error,
                            Text::tr("The dry run was refused, so nothing was imported."));
        });
}

void ImportRunner::sendImport()
{
    cloud::ImportImageRequest request = m_form.toRequest();
    request.dryRun = false;
    const quint64 generation = m_generation;
    m_importSentAt = QDateTime::currentSecsSinceEpoch();
    util::onResult(
        m_cvm->importImage(request), this,
        [this, generation](const cloud::CloudResult<cloud::ImportImageResult>& result) {
            if (generation != m_generation)
                return;
            // Only a refusal that certainly created nothing is repeated: a lost answer may
            // belong to an import that started, and a second one would fail as a duplicate name.
            const bool throttled =
                result.error.code.startsWith(QLatin1String("RequestLimitExceeded"));
            if (!result.ok() && retryLater(result.error, throttled))
                return;
            if (!result.ok()) {
                finishWithError(Outcome::Refused, result.error,
                                Text::tr("ImportImage was refused, so nothing was imported."));
                return;
            }
            m_transientInARow = 0;
            m_record.requestId = result.requestId;
            m_record.started = QDateTime::currentDateTimeUtc();
            if (result.value.imageId.isEmpty()) {
                // Older API descriptions list only RequestId in this answer: the image is found
                // by its name, among those created since the call by the service's clock
                // (ours corrected by what CVM taught the client, less a slack).
                qCInfo(lcImport).noquote()
                    << "ImportImage answered without an ImageId, RequestId" << result.requestId
                    << "- looking for the image by its name";
                m_searching = true;
                m_searchesLeft = ImportedImageSearch::attempts;
                m_searchNotBefore =
                    m_importSentAt + m_cvm->clockOffset() - ImportedImageSearch::clockSlackSeconds;
                m_delayMs = m_backoff.initialMs;
                searchByName();
                return;
            }
            m_record.imageId = result.value.imageId;
            qCInfo(lcImport).noquote() << "ImportImage" << m_record.imageId << "in"
                                       << m_record.region << "RequestId" << result.requestId;
            imageKnown(QStringLiteral("IMPORTING"));
        });
}

void ImportRunner::finishWithError(Outcome outcome, const cloud::CloudError& error, QString prefix)
{
    m_error = error;
    QString message = prefix + u' ' + error.userMessage;
    if (!error.message.isEmpty() && error.message != error.userMessage)
        message += Text::tr(" (Tencent Cloud: %1: %2)").arg(error.code, error.message);
    else
        message += Text::tr(" (%1)").arg(error.code);
    if (!error.requestId.isEmpty())
        message += Text::tr(" RequestId %1.").arg(error.requestId);
    finish(outcome, message, error.remedy);
}

void ImportRunner::finish(Outcome outcome, QString message, QString remedy)
{
    m_timer.stop();
    ++m_generation;
    m_outcome = outcome;
    m_message = std::move(message);
    m_remedy = std::move(remedy);
    setStage(Stage::Finished);
    emit finished(outcome);
}

} // namespace cvmi::importrun

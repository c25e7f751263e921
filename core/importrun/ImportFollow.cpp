#include "importrun/ImportRunner.h"

#include "importrun/ImportedImageSearch.h"
#include "util/FutureReply.h"
#include "util/Units.h"

#include <QCoreApplication>
#include <QLoggingCategory>

// The second half of ImportRunner: following an import once ImportImage answered — finding the
// new image (by ID, else by name), polling DescribeImages until a final state, and what the user
// is told then. The first half (ImportRunner.cpp) checks, prepares and sends the import.
namespace cvmi::importrun {

Q_DECLARE_LOGGING_CATEGORY(lcImport)

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importrun::ImportRunner)
};

// DescribeImages may not know an image for a moment after ImportImage answered; after this many
// answers in a row without it, the ImageId or the region is wrong.
constexpr int kNotFoundLimit = 3;

// Why an import fails, as far as anyone outside Tencent Cloud can tell (the API names no reason),
// each with the check of ours that finds it before the next attempt.
QString failureCauses(const QString& region)
{
    return Text::
        tr("The usual causes: (1) CVM could not read the object: a private bucket needs a "
           "pre-signed ImageUrl (the wizard and `cvm-import import` send one when the object is "
           "not public; it may have expired before the import read it), "
           "and the bucket must be in the import's region %1 (`cvm-import doctor --region "
           "%1` checks the account and the buckets); (2) the object is not a whole disk "
           "image (qcow2, VMDK, VHD or raw), or its upload was cut short; (3) the operating "
           "system or its file system is not supported (ext3/ext4/NTFS on an MBR disk, an "
           "OS version from the list). `cvm-import check FILE` reads the image as CVM will "
           "and names the rule that fails. Fix the cause and import again; the failed image "
           "can be deleted in the CVM console → Images.")
            .arg(region);
}

} // namespace

int ImportRunner::msToNextCheck() const
{
    if (m_stage != Stage::Following)
        return -1;
    // A coarse timer may report a little more than its interval: the countdown never shows it.
    return m_timer.isActive() ? qBound(0, m_timer.remainingTime(), m_timer.interval()) : 0;
}

void ImportRunner::imageKnown(const QString& state, const QString& foundNote)
{
    record(state);
    emit imageCreated(m_record.imageId);
    if (!foundNote.isEmpty())
        emit imageFoundByName(m_record.imageId, foundNote);
    emit stateChanged(m_record.state, elapsedMs());
    if (ImportHistory::isFinalState(state)) {
        finalState(state); // found by name only once it had finished
        return;
    }
    if (!m_wait) {
        finish(
            Outcome::Started,
            Text::tr("The import of %1 has started in %2.").arg(m_record.imageId, m_record.region),
            Text::tr("Follow it with `cvm-import imports --follow %1`.").arg(m_record.imageId));
        return;
    }
    m_delayMs = m_backoff.initialMs;
    // The first check is scheduled before the stage is announced, so that msToNextCheck() already
    // counts down for those who show the stage.
    scheduleNext(nextDelay());
    setStage(Stage::Following);
}

void ImportRunner::searchByName()
{
    const quint64 generation = m_generation;
    util::onResult(
        m_cvm->describeImages(ImportedImageSearch::filters(m_record.imageName),
                              ImportedImageSearch::pageSize),
        this, [this, generation](const cloud::CloudResult<QList<cloud::CvmImage>>& result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                if (retryLater(result.error, isTransient(result.error)))
                    return;
                notFoundByName(&result.error);
                return;
            }
            m_transientInARow = 0;
            const auto image =
                ImportedImageSearch::pick(result.value, m_record.imageName, m_searchNotBefore);
            if (!image) {
                // Not listed yet, perhaps: asked again a few times.
                if (--m_searchesLeft > 0) {
                    scheduleNext(nextDelay());
                    return;
                }
                notFoundByName(nullptr);
                return;
            }
            m_searching = false;
            m_record.imageId = image->imageId;
            qCInfo(lcImport).noquote()
                << "ImportImage" << m_record.imageId << "found by its name in" << m_record.region
                << "RequestId" << m_record.requestId;
            const QString state =
                image->imageState.isEmpty() ? QStringLiteral("IMPORTING") : image->imageState;
            imageKnown(state, Text::tr("The service did not return the new image's ID; found "
                                       "%1 by its name \"%2\".")
                                  .arg(m_record.imageId, m_record.imageName));
        });
}

void ImportRunner::notFoundByName(const cloud::CloudError* error)
{
    m_searching = false;
    QString message =
        Text::tr("ImportImage was accepted (RequestId %1) but the service did not return the new "
                 "image's ID, and no image named \"%2\" created since then is listed in %3.")
            .arg(m_record.requestId, m_record.imageName, m_record.region);
    if (error) {
        m_error = *error;
        message +=
            u' ' + Text::tr("Looking for it failed: %1 (%2).").arg(error->userMessage, error->code);
    }
    m_record.message = message;
    // Recorded by its name and RequestId, so that the import is not lost.
    record(QString());
    finish(Outcome::Error, message,
           Text::tr("The import has probably started: before importing again, look for the "
                    "image named \"%1\" in the CVM console → Images (region %2), or in "
                    "`cvm-import imports` later; once you know its ID, follow it with "
                    "`cvm-import imports --follow IMAGE_ID --region %2`.")
               .arg(m_record.imageName, m_record.region));
}

void ImportRunner::poll()
{
    const quint64 generation = m_generation;
    util::onResult(
        m_cvm->describeImages({m_record.imageId}), this,
        [this, generation](const cloud::CloudResult<QList<cloud::CvmImage>>& result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                if (retryLater(result.error, isTransient(result.error)))
                    return;
                finishWithError(
                    Outcome::Error, result.error,
                    Text::tr("Following %1 stopped; the import goes on in Tencent Cloud and can "
                             "be followed again with `cvm-import imports --follow %1`.")
                        .arg(m_record.imageId));
                return;
            }
            m_transientInARow = 0;
            const cloud::CvmImage* image = nullptr;
            for (const cloud::CvmImage& i : result.value) {
                if (i.imageId == m_record.imageId)
                    image = &i;
            }
            if (!image) {
                if (++m_notFoundInARow < kNotFoundLimit) {
                    scheduleNext(nextDelay());
                    return;
                }
                finish(Outcome::Error,
                       Text::tr("Tencent Cloud does not know the image %1 in %2.")
                           .arg(m_record.imageId, m_record.region),
                       Text::tr("It may have been deleted, or it belongs to another region or "
                                "account: check the region (--region) and the credentials."));
                return;
            }
            m_notFoundInARow = 0;
            const QString state = image->imageState;
            if (state != m_record.state) {
                record(state);
                emit stateChanged(state, elapsedMs());
            }
            emit polled(state, elapsedMs());
            if (ImportHistory::isFinalState(state)) {
                finalState(state);
                return;
            }
            scheduleNext(nextDelay());
        });
}

void ImportRunner::finalState(const QString& state)
{
    m_record.finished = QDateTime::currentDateTimeUtc();
    const QString took = formatDuration(elapsedMs() / 1000);
    if (state == QLatin1String("NORMAL")) {
        record(state);
        finish(Outcome::Normal,
               Text::tr("The image %1 (%2) is ready in %3 after %4.")
                   .arg(m_record.imageId, m_record.imageName, m_record.region, took));
        return;
    }
    const bool create = state == QLatin1String("CREATEFAILED");
    m_record.message =
        create ? Text::tr("Tencent Cloud could not create the image %1 from the imported disk "
                          "(CREATEFAILED) after %2.")
                     .arg(m_record.imageId, took)
               : Text::tr("The import of %1 failed (IMPORTFAILED) after %2; Tencent Cloud does "
                          "not say why.")
                     .arg(m_record.imageId, took);
    record(state);
    finish(create ? Outcome::CreateFailed : Outcome::ImportFailed, m_record.message,
           failureCauses(m_record.region));
}

void ImportRunner::record(const QString& state)
{
    m_record.state = state;
    m_record.updated = QDateTime::currentDateTimeUtc();
    if (!m_history || (m_record.imageId.isEmpty() && m_record.requestId.isEmpty()))
        return;
    Error error;
    if (!m_history->upsert(m_record, &error)) {
        qCWarning(lcImport).noquote() << error.message;
        emit historyFailed(error);
    }
}

} // namespace cvmi::importrun

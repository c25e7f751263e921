#include "controllers/UploadController.h"

#include "WizardSession.h"
#include "controllers/UploadedObject.h"

#include "cloud/CosClient.h"
#include "importrun/ImportUrlResolver.h"
#include "settings/AppSettings.h"
#include "transfer/UploadEngine.h"
#include "util/FutureReply.h"

#include <QFile>
#include <QFileInfo>

namespace cvmi::ui {

namespace {

// The wizard's paths come from QStrings (the file dialog, a drop), so decoding them is lossless.
QFileInfo fileOf(const transfer::UploadJob& job)
{
    return QFileInfo(QFile::decodeName(job.filePath.bytes()));
}

} // namespace

using transfer::UploadEngine;
using transfer::UploadJob;
using transfer::UploadProgress;
using transfer::UploadResult;

UploadController::UploadController(WizardSession* session, QObject* parent)
    : QObject(parent), m_session(session)
{
}

UploadController::~UploadController() = default;

UploadJob UploadController::jobFor(const QString& filePath, const QString& bucket,
                                   const QString& key) const
{
    UploadJob job;
    job.filePath = filePath;
    job.destination.dialect = transfer::Dialect::Cos;
    job.destination.bucket = bucket;
    job.destination.key = key;
    job.destination.region = m_session->region();
    job.destination.endpoints = m_session->endpoints();
    job.credentials = m_session->credentials();
    job.checkpointDir = m_checkpointDir;
    if (m_settings) {
        job.partSize = m_settings->partSize();
        job.concurrency = m_settings->concurrency();
        job.rateLimitBytesPerSecond = m_settings->rateLimit();
        job.proxy = m_settings->proxy();
    }
    return job;
}

void UploadController::listBuckets()
{
    cloud::CosClient* cos = m_session->cos();
    if (!cos)
        return;
    const QString region = m_session->region();
    util::onResult(cos->listBuckets(), this,
                   [this, cos, region](const cloud::CloudResult<QList<cloud::CosBucket>>& result) {
                       if (cos != m_session->cos() || !result.ok())
                           return;
                       QStringList names;
                       for (const cloud::CosBucket& b : result.value) {
                           if (b.location == region)
                               names.append(b.name);
                       }
                       emit bucketsListed(names);
                   });
}

void UploadController::setPhase(Phase phase)
{
    m_phase = phase;
    emit phaseChanged(phase);
}

void UploadController::refreshOffer(const UploadJob& job, QString* error)
{
    m_offer.reset();
    if (isBusy() || m_phase == Phase::Done || !UploadEngine::pending(job))
        return;
    Error readError;
    m_offer =
        transfer::Checkpoints(job.checkpointDir)
            .loadResumable(fileOf(job).absoluteFilePath(),
                           transfer::Checkpoints::destinationKey(job.destination), &readError);
    if (readError.isSet() && error)
        *error = readError.message;
}

void UploadController::start(const UploadJob& job, const QString& checkOverride)
{
    if (isBusy())
        return;
    m_job = job;
    m_checkOverride = checkOverride;
    m_session->clearUpload();
    m_offer.reset();
    m_lastProgress = UploadProgress{};
    // A converted upload's length is known when its stream ends; until then the source's
    // progress stands for it (UploadProgress::converting).
    const bool converting = job.conversion != transfer::Conversion::None;
    m_lastProgress.converting = converting;
    m_lastProgress.totalBytes = converting ? -1 : fileOf(job).size();
    m_engine = new UploadEngine(job, this);
    connect(m_engine, &UploadEngine::progressChanged, this, [this](const UploadProgress& p) {
        m_lastProgress = p;
        emit progressChanged(p);
    });
    connect(m_engine, &UploadEngine::finished, this, &UploadController::onFinished);
    setPhase(Phase::Uploading);
    m_engine->start();
}

void UploadController::pause()
{
    if (!m_engine || m_phase != Phase::Uploading)
        return;
    m_engine->pause();
    setPhase(Phase::Paused);
}

void UploadController::resume()
{
    if (!m_engine || m_phase != Phase::Paused)
        return;
    m_engine->resume();
    setPhase(Phase::Uploading);
}

void UploadController::cancel()
{
    if (!m_engine || m_phase == Phase::Cancelling)
        return;
    m_engine->cancel();
    setPhase(Phase::Cancelling);
}

void UploadController::stopForLater()
{
    if (!m_engine)
        return;
    // Stops the transfer thread now and keeps the checkpoint (see ~UploadEngine).
    delete m_engine;
    m_engine = nullptr;
    setPhase(Phase::Ready);
}

void UploadController::reset()
{
    if (isBusy())
        return;
    m_lastProgress = UploadProgress{};
    setPhase(Phase::Ready);
}

void UploadController::onFinished(const UploadResult& result)
{
    if (m_engine) {
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    // COS said the clock is off and the engine signed with the server's time: the signed link
    // for the import is made with that time too.
    if (result.clockSkewSeconds && m_session->cos())
        m_session->cos()->setClockOffset(*result.clockSkewSeconds);
    if (!result.ok) {
        if (result.cancelled)
            m_lastProgress = UploadProgress{};
        setPhase(result.cancelled ? Phase::Ready : Phase::Failed);
        emit stopped(result);
        return;
    }
    // COS has the whole object; before the form gets its URL, whether the import can read it
    // without our credentials decides which URL that is.
    m_resolving = true;
    emit phaseChanged(m_phase);
    importrun::ImportUrlResolver::resolve(
        m_session->cos(), m_job.destination.bucket, m_job.destination.region, m_job.destination.key,
        this, [this, result](const importrun::ImportUrlDecision& decision) {
            finish(result, decision.url, decision.signedUrl, decision.expires, decision.note);
        });
}

void UploadController::finish(const UploadResult& result, const QString& importUrl,
                              bool importUrlSigned, const QDateTime& expires, const QString& note)
{
    m_resolving = false;
    UploadedObject object;
    object.objectUrl = result.objectUrl;
    object.bucket = m_job.destination.bucket;
    object.key = m_job.destination.key;
    object.region = m_job.destination.region;
    object.size = result.size;
    object.crc64 = result.crc64;
    object.format = result.format;
    object.converted = m_job.conversion != transfer::Conversion::None;
    // The engine reports what it read; the file's size stands in where it did not say.
    object.sourceBytes = result.sourceBytes > 0 ? result.sourceBytes : fileOf(m_job).size();
    object.virtualSize = result.virtualSize;
    object.importUrl = importUrl;
    object.importUrlSigned = importUrlSigned;
    object.importUrlExpires = expires;
    object.filePath = fileOf(m_job).absoluteFilePath();
    object.checkOverride = m_checkOverride;
    m_session->setUpload(object);
    UploadProgress done = m_lastProgress;
    done.bytesSent = done.totalBytes = result.size;
    done.partsDone = done.partsTotal =
        qMax(done.partsTotal, result.partsUploaded + result.partsReused);
    done.state = transfer::UploadState::Finished;
    m_lastProgress = done;
    setPhase(Phase::Done);
    emit succeeded(result, note);
}

} // namespace cvmi::ui

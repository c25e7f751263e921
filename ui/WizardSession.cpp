#include "WizardSession.h"

#include "controllers/InspectionRunner.h"

#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"
#include "cloud/HttpClient.h"
#include "settings/AppSettings.h"

#include <QFileInfo>

namespace cvmi::ui {

WizardSession::WizardSession(QObject* parent)
    : QObject(parent), m_runner(new InspectionRunner(this)), m_estimator(new SendEstimator(this)),
      m_http(new cloud::HttpClient(this))
{
    connect(m_estimator, &SendEstimator::finished, this, [this](const SendEstimate& estimate) {
        if (estimate.path == m_imagePath)
            setSendEstimate(estimate);
    });
    // Connected before any page's connection: the pages find the result in the session.
    connect(m_runner, &InspectionRunner::finished, this, [this](const InspectionResult& result) {
        if (m_runner->currentPath() == m_imagePath)
            setInspection(result);
    });
}

void WizardSession::checkImage(const QString& path)
{
    if (path.isEmpty())
        return;
    setImagePath(path);
    inspect::InspectOptions options;
    options.timeLimit = std::chrono::seconds(settings::AppSettings().inspectTimeout());
    m_runner->setOptions(options);
    m_runner->start(path);
    // Beside the check, on its own worker: a few milliseconds for the map and the sample, and
    // never in the way of the verdict. A check of the same file again estimates it again (it may
    // have changed); the estimate on screen stays until the new one is in.
    m_estimator->start(path);
}

void WizardSession::setSendEstimate(const SendEstimate& estimate)
{
    m_sendEstimate = estimate;
    emit sendEstimateChanged();
}

bool WizardSession::isEstimating() const
{
    return m_estimator->isRunning();
}

bool WizardSession::isChecking() const
{
    return m_runner->isRunning();
}

void WizardSession::setImagePath(const QString& path)
{
    clearInspection();
    // A check of another file no longer concerns the image.
    if (m_runner->isRunning() && m_runner->currentPath() != path)
        m_runner->cancel();
    if (path == m_imagePath)
        return;
    if (m_resumeTarget.filePath != QFileInfo(path).absoluteFilePath())
        m_resumeTarget = {};
    m_imagePath = path;
    m_estimator->cancel();
    if (!m_sendEstimate.path.isEmpty())
        setSendEstimate({});
    setUploadSkipped(false);
    emit imagePathChanged(path);
}

void WizardSession::setInspection(const InspectionResult& result)
{
    m_inspection = result;
    emit inspectionChanged();
}

void WizardSession::clearInspection()
{
    if (!m_inspection)
        return;
    m_inspection.reset();
    emit inspectionChanged();
}

void WizardSession::dropClients()
{
    if (m_cvm)
        m_cvm->deleteLater();
    if (m_cos)
        m_cos->deleteLater();
    m_cvm = nullptr;
    m_cos = nullptr;
}

void WizardSession::setAccount(const cloud::Credentials& credentials, const QString& region,
                               const cloud::CloudEndpoints& endpoints)
{
    dropClients();
    m_credentials = credentials;
    m_region = region;
    m_endpoints = endpoints;
    m_cvm = new cloud::CvmClient(m_http, endpoints, credentials, this);
    m_cvm->setRegion(region);
    m_cos = new cloud::CosClient(m_http, endpoints, credentials, this);
    setBucket({});
    emit accountChanged();
}

void WizardSession::clearAccount()
{
    if (!hasAccount())
        return;
    dropClients();
    m_credentials = {};
    m_region.clear();
    m_endpoints = {};
    setBucket({});
    emit accountChanged();
}

void WizardSession::setBucket(const QString& bucket)
{
    if (bucket == m_bucket)
        return;
    m_bucket = bucket;
    emit bucketChanged(bucket);
}

void WizardSession::setUpload(const UploadedObject& upload)
{
    m_upload = upload;
    emit uploadChanged();
}

void WizardSession::setUploadSkipped(bool skipped, const QString& objectUrl)
{
    const QString url = skipped ? objectUrl : QString();
    if (skipped == m_uploadSkipped && url == m_skippedObjectUrl)
        return;
    m_uploadSkipped = skipped;
    m_skippedObjectUrl = url;
    emit uploadSkippedChanged(skipped);
}

void WizardSession::clearUpload()
{
    if (!hasUpload())
        return;
    m_upload = {};
    emit uploadChanged();
}

void WizardSession::setImportForm(const importform::ImportForm& form)
{
    if (m_importForm && *m_importForm == form)
        return;
    m_importForm = form;
    emit importFormChanged();
}

void WizardSession::clearImportForm()
{
    if (!m_importForm)
        return;
    m_importForm.reset();
    emit importFormChanged();
}

} // namespace cvmi::ui

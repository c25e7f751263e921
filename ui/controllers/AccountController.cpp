#include "controllers/AccountController.h"

#include "WizardSession.h"

#include "cloud/BucketName.h"
#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"
#include "cloud/KeychainCredentialStore.h"
#include "cloud/Regions.h"
#include "settings/AppSettings.h"
#include "util/FutureReply.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace cvmi::ui {

namespace {

using Item = cloud::PermissionLine::Item;
using State = cloud::PermissionLine::State;

} // namespace

AccountController::AccountController(WizardSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_store(new cloud::KeychainCredentialStore(this)),
      m_discoverer([] {
          return cloud::CredentialSources::discover(QDir::homePath(),
                                                    QProcessEnvironment::systemEnvironment());
      })
{
}

AccountController::~AccountController() = default;

AccountController::RegionList AccountController::shippedRegions()
{
    RegionList regions;
    for (const cloud::KnownRegion& region : cloud::Regions::importRegions())
        regions.append({region.id, region.name});
    return regions;
}

void AccountController::setSettings(settings::AppSettings* settings, Error* error)
{
    m_settings = settings;
    if (!settings)
        return;
    const cloud::CloudEndpoints endpoints = settings->endpoints(error);
    m_cvmOverride = endpoints.cvmEndpoint().host() == cloud::CloudEndpoints::defaultCvmHost()
                        ? QString()
                        : settings->cvmEndpoint();
    m_cosOverride = endpoints.cosEndpoint() ? settings->cosEndpoint() : QString();
    m_endpoints = endpoints;
}

QString AccountController::profile() const
{
    return m_settings ? m_settings->profile() : settings::AppSettings::defaultProfile();
}

bool AccountController::setEndpointOverrides(const QString& cvm, const QString& cos, Error* error)
{
    cloud::CloudEndpoints endpoints;
    if (!endpoints.setCvmEndpoint(cvm.trimmed(), error) ||
        !endpoints.setCosEndpoint(cos.trimmed(), error))
        return false;
    m_endpoints = endpoints;
    m_cvmOverride = cvm.trimmed();
    m_cosOverride = cos.trimmed();
    return true;
}

void AccountController::setFixedEndpoints(const cloud::CloudEndpoints& endpoints,
                                          const QString& cvmText, const QString& cosText)
{
    m_endpoints = endpoints;
    m_cvmOverride = cvmText;
    m_cosOverride = cosText;
}

QString AccountController::endpointsSummary() const
{
    if (m_cvmOverride.isEmpty() && m_cosOverride.isEmpty())
        return tr("Endpoints: Tencent Cloud");
    if (m_cvmOverride == m_cosOverride)
        return tr("Endpoints: %1 (CVM and COS)").arg(m_cvmOverride);
    QStringList parts;
    if (!m_cvmOverride.isEmpty())
        parts.append(tr("CVM %1").arg(m_cvmOverride));
    if (!m_cosOverride.isEmpty())
        parts.append(tr("COS %1").arg(m_cosOverride));
    return tr("Endpoints: %1").arg(parts.join(QStringLiteral(", ")));
}

void AccountController::discover(const QString& profile)
{
    // Two answers to wait for: the files and variables (read on a worker, some are decrypted),
    // and the keyring (which may ask the user to unlock it).
    auto pending = std::make_shared<int>(2);
    auto done = [this, pending] {
        if (--*pending == 0)
            emit discoveryDone();
    };
    util::onResult(QtConcurrent::run(m_discoverer), this,
                   [this, done](const cloud::CredentialDiscovery& discovery) {
                       emit discovered(discovery);
                       done();
                   });
    util::onResult(m_store->load(profile), this,
                   [this, done](const cloud::CredentialStoreResult& result) {
                       emit keyringRead(result);
                       done();
                   });
}

void AccountController::remember(const QString& profile, const cloud::Credentials& credentials,
                                 bool remember)
{
    auto answer = remember ? m_store->store(profile, credentials) : m_store->remove(profile);
    util::onResult(answer, this, [this, remember](const cloud::CredentialStoreResult& result) {
        emit keyringDone(remember, result.error.message);
    });
}

void AccountController::start(const cloud::Credentials& credentials, const QString& region)
{
    drop();
    if (m_settings) {
        Error ignored; // both were validated when set
        m_settings->setRegion(region, &ignored);
        m_settings->setCvmEndpoint(m_cvmOverride, &ignored);
        m_settings->setCosEndpoint(m_cosOverride, &ignored);
    }
    m_session->setAccount(credentials, region, m_endpoints);
    auto* check = new cloud::PermissionCheck(m_session->cvm(), m_session->cos(), region, this);
    m_check = check;
    connect(check, &cloud::PermissionCheck::lineChanged, this, &AccountController::onLineChanged);
    connect(check, &cloud::PermissionCheck::finished, this, [this](bool allOk) {
        m_passed = allOk;
        emit finished(allOk);
    });
    emit checkStarted(check->lines());
    check->start();
}

void AccountController::drop()
{
    m_passed = false;
    if (!m_check)
        return;
    m_check->disconnect(this);
    m_check->deleteLater();
    m_check = nullptr;
}

bool AccountController::isChecking() const
{
    // Through a plain pointer: GCC 12 at -O3 sees QPointer's two loads as a possible null.
    const cloud::PermissionCheck* check = m_check.data();
    return check != nullptr && check->isRunning();
}

void AccountController::onLineChanged(int index, const cloud::PermissionLine& line)
{
    emit lineChanged(index, line);
    if (line.item == Item::Credentials && line.state == State::Ok)
        loadRegions();
}

void AccountController::loadRegions()
{
    cloud::CvmClient* cvm = m_session->cvm();
    util::onResult(
        cvm->describeRegions(), this,
        [this, cvm](const cloud::CloudResult<QList<cloud::CvmRegion>>& result) {
            // A newer account may have replaced the client meanwhile; its own check asks
            // again.
            if (cvm != m_session->cvm() || !result.ok())
                return;
            RegionList regions;
            for (const cloud::CvmRegion& r : result.value) {
                if (r.state.isEmpty() || r.state == QLatin1String("AVAILABLE"))
                    regions.append({r.region, cloud::Regions::displayName(r.region, r.name)});
            }
            if (!regions.isEmpty())
                emit regionsLoaded(regions);
        });
}

bool AccountController::cosUsable() const
{
    const cloud::PermissionCheck* check = m_check.data();
    return check != nullptr && check->lines().at(static_cast<int>(Item::Cos)).state == State::Ok;
}

QStringList AccountController::bucketsInRegion() const
{
    QStringList names;
    if (const cloud::PermissionCheck* check = m_check.data()) {
        for (const cloud::CosBucket& bucket : check->bucketsInRegion())
            names.append(bucket.name);
    }
    return names;
}

QString AccountController::suggestedBucket() const
{
    const QStringList names = bucketsInRegion();
    const QString last = m_settings ? m_settings->lastBucket() : QString();
    if (!last.isEmpty() && names.contains(last))
        return last;
    return names.size() == 1 ? names.constFirst() : QString();
}

void AccountController::rememberBucket(const QString& bucket)
{
    if (!m_settings || bucket.isEmpty())
        return;
    Error ignored; // a name COS listed or created is a full bucket name
    m_settings->setLastBucket(bucket, &ignored);
}

QString AccountController::appId() const
{
    if (const cloud::PermissionCheck* check = m_check.data()) {
        const QList<cloud::CosBucket> buckets = check->buckets();
        for (const cloud::CosBucket& bucket : buckets) {
            const QString appId = cloud::BucketName::appIdOf(bucket.name);
            if (!appId.isEmpty())
                return appId;
        }
    }
    return {};
}

Error AccountController::checkBucketName(const QString& bucket)
{
    const qsizetype dash = bucket.lastIndexOf(u'-');
    Error error;
    if (dash <= 0)
        error = Error::make(QStringLiteral("bucket.name"),
                            tr("\"%1\" is not a full bucket name: write it as "
                               "<name>-<APPID>, e.g. cvm-images-1250000000.")
                                .arg(bucket));
    else
        cloud::BucketName::compose(bucket.left(dash), bucket.mid(dash + 1), &error);
    return error;
}

void AccountController::createBucket(const QString& bucket)
{
    cloud::CosClient* cos = m_session->cos();
    util::onResult(cos->putBucket(bucket, m_session->region()), this,
                   [this, bucket, cos](const cloud::CloudResult<bool>& result) {
                       // The account changed meanwhile: the answer belongs to the old one.
                       if (cos != m_session->cos())
                           return;
                       if (!result.ok()) {
                           QString message =
                               tr("Could not create %1: %2").arg(bucket, result.error.userMessage);
                           if (!result.error.remedy.isEmpty())
                               message += u' ' + result.error.remedy;
                           emit bucketCreated(bucket, message);
                           return;
                       }
                       emit bucketCreated(bucket, QString());
                   });
}

} // namespace cvmi::ui

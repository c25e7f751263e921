#include "CloudEmulator.h"

#include "CosService.h"
#include "CvmService.h"
#include "EmulatorServer.h"
#include "FaultInjector.h"
#include "SignatureVerifier.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>

namespace cvmi::emu {

struct CloudEmulator::Impl {
    explicit Impl(const QString& dir) : stateDir(dir), store(dir + QStringLiteral("/cos")) {}

    std::unique_ptr<QTemporaryDir> temporary;
    QString stateDir;
    QString defaultRegion = QStringLiteral("ap-guangzhou");
    int importDelayMs = 3000;
    qint64 clockOffsetSeconds = 0;
    bool omitImportImageId = false;
    int imageListingDelayMs = 0;
    AccountStore accounts;
    FaultInjector faults;
    CosStore store;
    std::unique_ptr<SignatureVerifier> verifier;
    std::unique_ptr<CosService> cos;
    std::unique_ptr<CvmService> cvm;
    EmulatorServer* server = nullptr;
    quint16 port = 0;
};

CloudEmulator::CloudEmulator(QObject* parent) : CloudEmulator(QString(), parent) {}

CloudEmulator::CloudEmulator(const QString& stateDir, QObject* parent) : QObject(parent)
{
    if (stateDir.isEmpty()) {
        auto temporary = std::make_unique<QTemporaryDir>();
        d = std::make_unique<Impl>(temporary->path());
        d->temporary = std::move(temporary);
    } else {
        d = std::make_unique<Impl>(QDir(stateDir).absolutePath());
    }
    QDir().mkpath(d->stateDir);
    d->store.load(nullptr);
}

CloudEmulator::~CloudEmulator() = default;

void CloudEmulator::setDefaultRegion(const QString& region)
{
    d->defaultRegion = region;
}

void CloudEmulator::setImportDelayMs(int ms)
{
    d->importDelayMs = ms;
    if (d->cvm)
        d->cvm->setImportDelayMs(ms);
}

void CloudEmulator::setClockOffsetSeconds(qint64 seconds)
{
    d->clockOffsetSeconds = seconds;
    if (d->server)
        d->server->setClockOffsetSeconds(seconds);
}

void CloudEmulator::setOmitImportImageId(bool omit)
{
    d->omitImportImageId = omit;
    if (d->cvm)
        d->cvm->setOmitImportImageId(omit);
}

void CloudEmulator::setImageListingDelayMs(int ms)
{
    d->imageListingDelayMs = ms;
    if (d->cvm)
        d->cvm->setImageListingDelayMs(ms);
}

void CloudEmulator::addAccount(const EmulatorAccount& account)
{
    d->accounts.add(account);
}

bool CloudEmulator::start(quint16 port, QString* error)
{
    if (!d->store.load(error))
        return false;
    d->verifier = std::make_unique<SignatureVerifier>(d->accounts);
    d->cos = std::make_unique<CosService>(d->store, *d->verifier, d->defaultRegion);
    d->cvm = std::make_unique<CvmService>(d->stateDir + QStringLiteral("/images.json"),
                                          *d->verifier, *d->cos, d->accounts);
    d->cvm->setImportDelayMs(d->importDelayMs);
    d->cvm->setOmitImportImageId(d->omitImportImageId);
    d->cvm->setImageListingDelayMs(d->imageListingDelayMs);
    if (!d->cvm->load(error))
        return false;
    d->server = new EmulatorServer(*d->cvm, *d->cos, d->faults, this);
    d->server->setClockOffsetSeconds(d->clockOffsetSeconds);
    d->port = d->server->listenLoopback(port, error);
    return d->port != 0;
}

quint16 CloudEmulator::port() const
{
    return d->port;
}

QString CloudEmulator::endpoint() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(d->port);
}

QString CloudEmulator::stateDir() const
{
    return d->stateDir;
}

bool CloudEmulator::setFaults(const QJsonObject& config, QString* error)
{
    return d->faults.configure(config, error);
}

bool CloudEmulator::loadFaults(const QString& path, QString* error)
{
    return d->faults.configureFromFile(path, error);
}

void CloudEmulator::clearFaults()
{
    d->faults.clear();
}

QJsonObject CloudEmulator::faultCounters() const
{
    return d->faults.counters();
}

bool CloudEmulator::createBucket(const QString& bucket, const QString& region, bool publicRead,
                                 QString* error)
{
    if (d->store.bucket(bucket))
        return true;
    const qsizetype dash = bucket.lastIndexOf(u'-');
    BucketInfo info;
    info.name = bucket;
    info.appId = dash < 0 ? QString() : bucket.mid(dash + 1);
    info.region = region;
    info.createdMs = QDateTime::currentMSecsSinceEpoch();
    info.publicRead = publicRead;
    return d->store.createBucket(info, error);
}

QString CloudEmulator::objectPath(const QString& bucket, const QString& key) const
{
    return d->store.objectPath(bucket, key);
}

std::optional<ObjectInfo> CloudEmulator::objectInfo(const QString& bucket, const QString& key) const
{
    return d->store.object(bucket, key);
}

QList<UploadInfo> CloudEmulator::pendingUploads(const QString& bucket) const
{
    return d->store.uploads(bucket);
}

} // namespace cvmi::emu

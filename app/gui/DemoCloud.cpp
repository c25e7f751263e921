#include "DemoCloud.h"

#include "CloudEmulator.h"

#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"

#include <QtEndian>

namespace cvmi::gui {

namespace {

std::unique_ptr<emu::CloudEmulator> newEmulator(const QString& stateDir)
{
    auto emulator = std::make_unique<emu::CloudEmulator>(stateDir);
    emu::EmulatorAccount account;
    account.secretId = DemoCloud::secretId();
    account.secretKey = DemoCloud::secretKey();
    account.appId = DemoCloud::appId();
    account.mayImport = true;
    account.regions = {DemoCloud::region(), QStringLiteral("ap-shanghai"),
                       QStringLiteral("ap-beijing"), QStringLiteral("ap-hongkong"),
                       QStringLiteral("ap-singapore")};
    emulator->addAccount(account);
    emulator->setDefaultRegion(DemoCloud::region());
    return emulator;
}

} // namespace

DemoCloud::DemoCloud() = default;

DemoCloud::~DemoCloud() = default;

bool DemoCloud::start(const QString& stateDir, quint16 port, QString* error)
{
    m_emulator = newEmulator(stateDir);
    if (port == 0 || !m_emulator->start(port, nullptr)) {
        // Taken by another program since: a new port, on which the records of uploads
        // interrupted on the old one are not offered again (their parts stay in the folder).
        if (port != 0)
            m_emulator = newEmulator(stateDir);
        if (!m_emulator->start(0, error))
            return false;
    }
    // Kept from an earlier demo, or created now.
    return m_emulator->createBucket(bucket(), region(), false, error);
}

quint16 DemoCloud::port() const
{
    return m_emulator ? m_emulator->port() : 0;
}

cloud::Credentials DemoCloud::credentials() const
{
    cloud::Credentials credentials;
    credentials.secretId = secretId();
    credentials.secretKey = secretKey();
    credentials.region = region();
    credentials.source = QStringLiteral("demo");
    return credentials;
}

QString DemoCloud::endpoint() const
{
    return m_emulator ? m_emulator->endpoint() : QString();
}

cloud::CloudEndpoints DemoCloud::endpoints() const
{
    cloud::CloudEndpoints endpoints;
    Error error; // a loopback http:// address is always accepted
    endpoints.setCvmEndpoint(endpoint(), &error);
    endpoints.setCosEndpoint(endpoint(), &error);
    return endpoints;
}

QString DemoCloud::putDemoDisk(QString* error)
{
    QByteArray disk(4096, '\0');
    disk.replace(0, 4, QByteArrayLiteral("QFI\xfb"));
    qToBigEndian<quint32>(3, disk.data() + 4);                  // version 3
    qToBigEndian<quint64>(quint64(10) << 30, disk.data() + 24); // virtual size
    if (!putObject(demoDiskKey(), disk, error))
        return {};
    return cloud::CosClient::objectUrl(bucket(), region(), demoDiskKey());
}

bool DemoCloud::putObject(const QString& key, const QByteArray& data, QString* error)
{
    // Through the emulator's own COS API, signed like any upload, so the demo object is stored
    // exactly as an uploaded one.
    cloud::HttpClient http;
    cloud::CosClient cos(&http, endpoints(), credentials());
    cloud::CosClient::Call put;
    put.method = "PUT";
    put.host = cloud::CosClient::bucketHost(bucket(), region());
    put.key = key;
    put.body = data;
    const auto stored = cloud::waitFor(cos.send(put));
    if (!stored.ok())
        *error = stored.error.toString();
    return stored.ok();
}

} // namespace cvmi::gui

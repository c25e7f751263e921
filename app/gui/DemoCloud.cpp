#include "DemoCloud.h"

#include "CloudEmulator.h"

#include "cloud/CosClient.h"
#include "cloud/HttpClient.h"

#include <QtEndian>

namespace cvmi::gui {

DemoCloud::DemoCloud() : m_emulator(std::make_unique<emu::CloudEmulator>()) {}

DemoCloud::~DemoCloud() = default;

bool DemoCloud::start(QString* error)
{
    emu::EmulatorAccount account;
    account.secretId = secretId();
    account.secretKey = secretKey();
    account.appId = appId();
    account.mayImport = true;
    account.regions = {region(), QStringLiteral("ap-shanghai"), QStringLiteral("ap-beijing"),
                       QStringLiteral("ap-hongkong"), QStringLiteral("ap-singapore")};
    m_emulator->addAccount(account);
    m_emulator->setDefaultRegion(region());
    if (!m_emulator->start(0, error))
        return false;
    return m_emulator->createBucket(bucket(), region(), false, error);
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
    return m_emulator->endpoint();
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

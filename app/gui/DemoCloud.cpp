#include "DemoCloud.h"

#include "CloudEmulator.h"

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

} // namespace cvmi::gui

#include "CloudOptions.h"

#include "cloud/Regions.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace cvmi::cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::CloudOptions)
};

using cloud::CredentialAttempt;

} // namespace

CloudOptions::CloudOptions()
    : m_profileOption(QStringLiteral("profile"),
                      Text::tr("Use the credentials and region of this tccli profile "
                               "(~/.tccli/NAME.credential and NAME.configure) instead of "
                               "looking in the usual places."),
                      QStringLiteral("NAME")),
      m_regionOption(QStringLiteral("region"),
                     Text::tr("The region to check and import in, e.g. ap-guangzhou (default: "
                              "the region stored with the credentials)."),
                     QStringLiteral("REGION")),
      m_cvmEndpointOption(QStringLiteral("cvm-endpoint"),
                          Text::tr("Send CVM API requests to this address instead of "
                                   "https://cvm.tencentcloudapi.com (https://, or http:// to "
                                   "this computer only)."),
                          QStringLiteral("URL")),
      m_cosEndpointOption(QStringLiteral("cos-endpoint"),
                          Text::tr("Send COS requests to this address instead of each bucket's "
                                   "own host (https://, or http:// to this computer only)."),
                          QStringLiteral("URL"))
{
}

void CloudOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_profileOption, m_regionOption, m_cvmEndpointOption, m_cosEndpointOption});
}

QString CloudOptions::outcomeName(CredentialAttempt::Outcome outcome)
{
    switch (outcome) {
    case CredentialAttempt::Outcome::NotPresent:
        return QStringLiteral("not-present");
    case CredentialAttempt::Outcome::Used:
        return QStringLiteral("used");
    case CredentialAttempt::Outcome::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

QString CloudOptions::describeAttempt(const CredentialAttempt& attempt)
{
    return Text::tr("%1 (%2): %3").arg(attempt.source, attempt.location, attempt.detail);
}

bool CloudOptions::resolveForCommand(const QCommandLineParser& parser, Quiet quiet, Error* error)
{
    QString rules = QStringLiteral("cvmi.cloud*.debug=false\ncvmi.cloud*.info=false");
    if (quiet == Quiet::CloudAndTransfer)
        rules += QStringLiteral("\ncvmi.transfer*.debug=false\ncvmi.transfer*.info=false");
    else if (quiet == Quiet::CloudAndImport)
        rules += QStringLiteral("\ncvmi.importrun.info=false");
    QLoggingCategory::setFilterRules(rules);
    return resolve(parser, QDir::homePath(), QProcessEnvironment::systemEnvironment(), error);
}

bool CloudOptions::resolve(const QCommandLineParser& parser, const QString& homeDir,
                           const QProcessEnvironment& env, Error* error)
{
    m_stage = Stage::Endpoints;
    m_discovery = {};
    m_region.clear();
    m_regionFromOption = false;
    // Endpoints first: a refused address is a usage error whatever the credentials are.
    if (!resolveEndpoints(parser, error))
        return false;
    m_stage = Stage::Credentials;
    const bool found = parser.isSet(m_profileOption)
                           ? resolveProfile(parser.value(m_profileOption).trimmed(), homeDir, error)
                           : resolveDiscovered(homeDir, env, error);
    if (!found)
        return false;
    m_stage = Stage::Region;
    if (!resolveRegion(parser, error))
        return false;
    m_stage = Stage::Done;
    return true;
}

bool CloudOptions::resolveEndpoints(const QCommandLineParser& parser, Error* error)
{
    const struct {
        const QCommandLineOption& option;
        bool (cloud::CloudEndpoints::*set)(const QString&, Error*);
    } endpointOptions[] = {{m_cvmEndpointOption, &cloud::CloudEndpoints::setCvmEndpoint},
                           {m_cosEndpointOption, &cloud::CloudEndpoints::setCosEndpoint}};
    for (const auto& [option, set] : endpointOptions) {
        if (!parser.isSet(option))
            continue;
        Error endpointError;
        if (!(m_endpoints.*set)(parser.value(option), &endpointError)) {
            return fail(
                error, endpointError.code,
                Text::tr("--%1: %2").arg(option.names().constFirst(), endpointError.message));
        }
    }
    return true;
}

bool CloudOptions::resolveProfile(const QString& profile, const QString& homeDir, Error* error)
{
    // An empty name would mean "the environment's profile" to fromTccli: not what was typed.
    if (profile.isEmpty()) {
        return fail(error, QStringLiteral("credentials.profile"),
                    Text::tr("--profile needs a profile name, e.g. --profile default."));
    }
    CredentialAttempt attempt;
    attempt.source = Text::tr("tccli profile %1").arg(profile);
    attempt.location = QDir::toNativeSeparators(homeDir + QStringLiteral("/.tccli/") + profile +
                                                QStringLiteral(".credential"));
    Error profileError;
    std::optional<cloud::Credentials> found =
        cloud::CredentialSources::fromTccli(profile, homeDir, &profileError);
    if (found) {
        attempt.outcome = CredentialAttempt::Outcome::Used;
        attempt.detail = Text::tr("Found %1.").arg(found->redacted());
        m_discovery.credentials = std::move(found);
    } else if (profileError.isSet()) {
        attempt.outcome = CredentialAttempt::Outcome::Invalid;
        attempt.detail = profileError.message;
    } else {
        attempt.detail = Text::tr("Nothing there.");
    }
    m_discovery.tried.append(attempt);
    if (m_discovery.credentials)
        return true;
    return fail(error, QStringLiteral("credentials.profile"),
                profileError.isSet()
                    ? Text::tr("The tccli profile \"%1\" cannot be used: %2")
                          .arg(profile, profileError.message)
                    : Text::tr("There is no tccli profile \"%1\" (%2 does not exist). "
                               "Create it with `tccli configure --profile %1`, or leave "
                               "out --profile to use the environment or the default "
                               "profile.")
                          .arg(profile, attempt.location));
}

bool CloudOptions::resolveDiscovered(const QString& homeDir, const QProcessEnvironment& env,
                                     Error* error)
{
    m_discovery = cloud::CredentialSources::discover(homeDir, env);
    if (m_discovery.credentials)
        return true;
    bool invalid = false;
    for (const CredentialAttempt& attempt : m_discovery.tried)
        invalid = invalid || attempt.outcome == CredentialAttempt::Outcome::Invalid;
    return fail(error, QStringLiteral("credentials.none"),
                invalid ? Text::tr("No usable Tencent Cloud credentials: a source above exists but "
                                   "cannot be used; fix the problem it names.")
                        : Text::tr("No Tencent Cloud credentials were found in the places above. "
                                   "Set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, run "
                                   "`tccli configure`, or pass --profile NAME."));
}

bool CloudOptions::resolveRegion(const QCommandLineParser& parser, Error* error)
{
    if (parser.isSet(m_regionOption)) {
        m_region = parser.value(m_regionOption).trimmed();
        m_regionFromOption = true;
    } else {
        m_region = m_discovery.credentials->region.trimmed();
    }
    if (m_region.isEmpty()) {
        return fail(error, QStringLiteral("region.missing"),
                    Text::tr("No region: the credentials (%1) do not name one. Pass --region, "
                             "e.g. --region ap-guangzhou.")
                        .arg(m_discovery.credentials->redacted()));
    }
    if (!cloud::Regions::isValidId(m_region)) {
        return fail(
            error, QStringLiteral("region.invalid"),
            Text::tr("\"%1\" is not a region name%2. Write it as Tencent Cloud does, "
                     "e.g. ap-guangzhou.")
                .arg(m_region,
                     m_regionFromOption
                         ? QString()
                         : Text::tr(" (it comes from %1)").arg(m_discovery.credentials->source)));
    }
    return true;
}

} // namespace cvmi::cli

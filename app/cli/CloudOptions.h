#pragma once

// The options every cloud command shares (doctor now; upload and import later): which
// credentials, which region, which endpoints. A command adds them to its parser, parses, then
// calls resolve(); everything the command needs to build its clients is then here. Credentials
// are only ever shown through Credentials::redacted() and the attempts' details (which
// CredentialSources writes with redacted() too).
#include "cloud/CloudEndpoints.h"
#include "cloud/Credentials.h"
#include "util/Error.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QString>

namespace cvmi::cli {

class CloudOptions {
public:
    CloudOptions();

    // --profile, --region, --cvm-endpoint, --cos-endpoint.
    void addTo(QCommandLineParser& parser) const;

    // How far resolve() got: the step that failed, or Done.
    enum class Stage { Endpoints, Credentials, Region, Done };

    // Validates the endpoints, finds the credentials (--profile: that tccli profile only, as the
    // user asked for it by name; else CredentialSources::discover over `homeDir` and `env`) and
    // picks the region (--region, else the credentials' own). On failure *error says what and
    // what to do, and stage() names the failed step; the attempts made stay in discovery().
    bool resolve(const QCommandLineParser& parser, const QString& homeDir,
                 const QProcessEnvironment& env, Error* error);

    // The log categories a command mutes: the cloud clients' always, and those of the core part
    // it drives.
    enum class Quiet { Cloud, CloudAndTransfer, CloudAndImport };

    // The preamble every cloud command shares: the core's own log lines muted (they repeat what
    // the command prints; QT_LOGGING_RULES is applied after these rules and so still wins), then
    // resolve() over this user's home folder and the process environment.
    bool resolveForCommand(const QCommandLineParser& parser, Quiet quiet, Error* error);

    Stage stage() const { return m_stage; }
    const cloud::CloudEndpoints& endpoints() const { return m_endpoints; }
    const cloud::CredentialDiscovery& discovery() const { return m_discovery; }
    // Only after a successful resolve().
    const cloud::Credentials& credentials() const { return *m_discovery.credentials; }
    QString region() const { return m_region; }
    bool regionFromOption() const { return m_regionFromOption; }

    // "environment (TENCENTCLOUD_SECRET_ID, ...): Found AKID… (environment)."
    static QString describeAttempt(const cloud::CredentialAttempt& attempt);
    // "not-present" | "used" | "invalid", for --json.
    static QString outcomeName(cloud::CredentialAttempt::Outcome outcome);

private:
    // The steps of resolve(), in its order; each fails with *error set.
    bool resolveEndpoints(const QCommandLineParser& parser, Error* error);
    // --profile NAME: that tccli profile only, as the user asked for it by name.
    bool resolveProfile(const QString& profile, const QString& homeDir, Error* error);
    bool resolveDiscovered(const QString& homeDir, const QProcessEnvironment& env, Error* error);
    bool resolveRegion(const QCommandLineParser& parser, Error* error);

    QCommandLineOption m_profileOption;
    QCommandLineOption m_regionOption;
    QCommandLineOption m_cvmEndpointOption;
    QCommandLineOption m_cosEndpointOption;

    Stage m_stage = Stage::Endpoints;
    cloud::CloudEndpoints m_endpoints;
    cloud::CredentialDiscovery m_discovery;
    QString m_region;
    bool m_regionFromOption = false;
};

} // namespace cvmi::cli

#pragma once

// The user's lasting choices, over QSettings (~/.config/CVM Import Wizard/CVM Import Wizard.conf
// on Linux): the account's profile, region and endpoint overrides, and the upload's part size,
// concurrency, rate limit and proxy, and the interface language. Setters validate and refuse bad
// values with an Error saying why; getters return the default for a missing or hand-edited bad
// value, so a broken file never stops the program. No secret is ever stored here (see
// CredentialStore).
#include "cloud/CloudEndpoints.h"
#include "transfer/UploadLimits.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

namespace cvmi::settings {

class AppSettings {
    Q_DECLARE_TR_FUNCTIONS(cvmi::settings::AppSettings)
public:
    // The upload's bounds live in transfer::UploadLimits; these names stay for the settings' users.
    static constexpr int defaultConcurrency = transfer::UploadLimits::defaultConcurrency;
    static constexpr int maxConcurrency = transfer::UploadLimits::maxConcurrency;
    static constexpr qint64 minPartSize = transfer::UploadLimits::minPartSize;
    static constexpr qint64 maxPartSize = transfer::UploadLimits::maxPartSize;
    static QString defaultProfile() { return QStringLiteral("default"); }

    // The application's settings (organisation and application name of QCoreApplication).
    AppSettings();
    // An INI file of its own, for the tests and for --settings style overrides.
    explicit AppSettings(const QString& iniFile);
    ~AppSettings();

    QString profile() const; // the keyring entry and tccli profile; "default"
    bool setProfile(const QString& profile, Error* error);

    QString region() const; // "" = the credentials' region, else ap-guangzhou
    bool setRegion(const QString& region, Error* error);
    // setRegion's check without storing anything ("" is valid), for forms checking as you type.
    static bool checkRegion(const QString& region, Error* error);

    // The bucket chosen last on the Account page ("" = none yet), chosen again when the checked
    // region holds it. A full bucket name, "<name>-<APPID>"; anything else is refused.
    QString lastBucket() const;
    bool setLastBucket(const QString& bucket, Error* error);

    // Endpoint overrides as typed ("" = the real service), validated with CloudEndpoints.
    QString cvmEndpoint() const;
    bool setCvmEndpoint(const QString& url, Error* error);
    QString cosEndpoint() const;
    bool setCosEndpoint(const QString& url, Error* error);
    // Both overrides applied; a stored value that no longer validates is skipped with *error set.
    cloud::CloudEndpoints endpoints(Error* error = nullptr) const;

    qint64 partSize() const; // bytes, 0 = chosen from the file size
    bool setPartSize(qint64 bytes, Error* error);
    int concurrency() const; // parallel part uploads, default 4
    bool setConcurrency(int parts, Error* error);
    // The inspection's deadline in seconds (inspect::InspectOptions), default 10, 1..3600.
    int inspectTimeout() const;
    bool setInspectTimeout(int seconds, Error* error);
    // Whether the Upload page proposes "Send as compressed qcow2" where the estimate says it saves
    // more than 10 % (default true): the user's last answer to that proposal, kept.
    bool proposeConversion() const;
    void setProposeConversion(bool propose);
    qint64 rateLimit() const; // bytes per second, 0 = none
    bool setRateLimit(qint64 bytesPerSecond, Error* error);
    // "" = the system's proxy (Qt's system configuration, libcurl's http_proxy variables), else
    // a manual HTTP proxy "http://host:port". No user name or password: this file is not a place
    // for secrets, and a proxy that needs them is set up in the system instead.
    QString proxy() const;
    bool setProxy(const QString& url, Error* error);
    // Parses a manual proxy as typed ("host:port" is read as http://host:port); nullopt with
    // *error saying what is wrong and the accepted form.
    static std::optional<QUrl> parseProxy(const QString& url, Error* error);
    QString language() const; // "" = the system's, else e.g. "en" or "zh_CN"
    bool setLanguage(const QString& language, Error* error);

    // Writes pending changes; false with *error when the file cannot be written.
    bool sync(Error* error = nullptr);
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace cvmi::settings

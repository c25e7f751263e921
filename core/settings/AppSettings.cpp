#include "settings/AppSettings.h"

#include "cloud/BucketName.h"
#include "cloud/Regions.h"

#include "inspect/InspectionBudget.h"

#include "cloud/CredentialStore.h"

#include <QDir>
#include <QRegularExpression>

namespace cvmi::settings {

namespace {

const QString kProfile = QStringLiteral("account/profile");
const QString kRegion = QStringLiteral("account/region");
const QString kLastBucket = QStringLiteral("account/lastBucket");
const QString kCvmEndpoint = QStringLiteral("endpoints/cvm");
const QString kCosEndpoint = QStringLiteral("endpoints/cos");
const QString kPartSize = QStringLiteral("upload/partSize");
const QString kConcurrency = QStringLiteral("upload/concurrency");
const QString kInspectTimeout = QStringLiteral("inspection/timeLimitSeconds");
constexpr int kDefaultInspectTimeout = inspect::InspectOptions::kDefaultTimeLimitMs / 1000;
constexpr int kMaxInspectTimeout = inspect::InspectOptions::kMaxTimeLimitMs / 1000;
const QString kRateLimit = QStringLiteral("upload/rateLimit");
const QString kLanguage = QStringLiteral("ui/language");
const QString kProxy = QStringLiteral("network/proxy");
const QString kProposeConversion = QStringLiteral("upload/proposeConversion");

bool validLanguage(const QString& language)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2,3}([_-][A-Z]{2}|_Han[st])?$"));
    return pattern.match(language).hasMatch();
}

// "<name>-<APPID>" with both parts as COS allows them.
bool fullBucketName(const QString& bucket)
{
    const QString appId = cloud::BucketName::appIdOf(bucket);
    Error ignored;
    return !appId.isEmpty() &&
           cloud::BucketName::validateName(bucket.left(bucket.size() - appId.size() - 1), &ignored);
}

} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

QString AppSettings::profile() const
{
    const QString stored = m_settings->value(kProfile).toString();
    return cloud::CredentialStore::validProfile(stored, nullptr) ? stored : defaultProfile();
}

bool AppSettings::setProfile(const QString& profile, Error* error)
{
    if (!cloud::CredentialStore::validProfile(profile, error))
        return false;
    m_settings->setValue(kProfile, profile);
    return true;
}

QString AppSettings::region() const
{
    const QString stored = m_settings->value(kRegion).toString();
    return cloud::Regions::isValidId(stored) ? stored : QString();
}

bool AppSettings::checkRegion(const QString& region, Error* error)
{
    if (!region.isEmpty() && !cloud::Regions::isValidId(region))
        return fail(error, QStringLiteral("settings.region"),
                    tr("\"%1\" is not a Tencent Cloud region id; use the form ap-guangzhou "
                       "(lower-case letters and digits joined by '-').")
                        .arg(region));
    return true;
}

bool AppSettings::setRegion(const QString& region, Error* error)
{
    if (!checkRegion(region, error))
        return false;
    m_settings->setValue(kRegion, region);
    return true;
}

QString AppSettings::lastBucket() const
{
    const QString stored = m_settings->value(kLastBucket).toString();
    return fullBucketName(stored) ? stored : QString();
}

bool AppSettings::setLastBucket(const QString& bucket, Error* error)
{
    if (!bucket.isEmpty() && !fullBucketName(bucket))
        return fail(error, QStringLiteral("settings.bucket"),
                    tr("\"%1\" is not a full bucket name; write it as <name>-<APPID>, e.g. "
                       "cvm-images-1250000000.")
                        .arg(bucket));
    m_settings->setValue(kLastBucket, bucket);
    return true;
}

QString AppSettings::cvmEndpoint() const
{
    return m_settings->value(kCvmEndpoint).toString();
}

bool AppSettings::setCvmEndpoint(const QString& url, Error* error)
{
    cloud::CloudEndpoints check;
    if (!check.setCvmEndpoint(url.trimmed(), error))
        return false;
    m_settings->setValue(kCvmEndpoint, url.trimmed());
    return true;
}

QString AppSettings::cosEndpoint() const
{
    return m_settings->value(kCosEndpoint).toString();
}

bool AppSettings::setCosEndpoint(const QString& url, Error* error)
{
    cloud::CloudEndpoints check;
    if (!check.setCosEndpoint(url.trimmed(), error))
        return false;
    m_settings->setValue(kCosEndpoint, url.trimmed());
    return true;
}

cloud::CloudEndpoints AppSettings::endpoints(Error* error) const
{
    cloud::CloudEndpoints endpoints;
    // The file may have been edited by hand; a bad override is left out (the real service is
    // used) and reported, rather than sending signed requests somewhere unintended.
    endpoints.setCvmEndpoint(cvmEndpoint(), error);
    endpoints.setCosEndpoint(cosEndpoint(), error);
    return endpoints;
}

qint64 AppSettings::partSize() const
{
    bool ok = false;
    const qint64 stored = m_settings->value(kPartSize).toLongLong(&ok);
    return ok && transfer::UploadLimits::checkPartSize(stored, nullptr) ? stored : 0;
}

bool AppSettings::setPartSize(qint64 bytes, Error* error)
{
    if (!transfer::UploadLimits::checkPartSize(bytes, error))
        return false;
    m_settings->setValue(kPartSize, bytes);
    return true;
}

bool AppSettings::proposeConversion() const
{
    // A hand-edited value that is no boolean counts as the default.
    const QVariant stored = m_settings->value(kProposeConversion);
    const QString text = stored.toString().toLower();
    return text != QLatin1String("false") && text != QLatin1String("0");
}

void AppSettings::setProposeConversion(bool propose)
{
    m_settings->setValue(kProposeConversion, propose);
}

int AppSettings::inspectTimeout() const
{
    bool ok = false;
    const int stored = m_settings->value(kInspectTimeout).toInt(&ok);
    return ok && stored >= 1 && stored <= kMaxInspectTimeout ? stored : kDefaultInspectTimeout;
}

bool AppSettings::setInspectTimeout(int seconds, Error* error)
{
    if (seconds < 1 || seconds > kMaxInspectTimeout)
        return fail(error, QStringLiteral("settings.inspect_timeout"),
                    tr("An inspection time limit of %1 s is not possible: use 1 to %2 s (default "
                       "%3 s).")
                        .arg(seconds)
                        .arg(kMaxInspectTimeout)
                        .arg(kDefaultInspectTimeout));
    m_settings->setValue(kInspectTimeout, seconds);
    return true;
}

int AppSettings::concurrency() const
{
    bool ok = false;
    const int stored = m_settings->value(kConcurrency).toInt(&ok);
    return ok && transfer::UploadLimits::concurrencyInRange(stored) ? stored : defaultConcurrency;
}

bool AppSettings::setConcurrency(int parts, Error* error)
{
    if (!transfer::UploadLimits::checkConcurrency(parts, error))
        return false;
    m_settings->setValue(kConcurrency, parts);
    return true;
}

qint64 AppSettings::rateLimit() const
{
    bool ok = false;
    const qint64 stored = m_settings->value(kRateLimit).toLongLong(&ok);
    return ok && transfer::UploadLimits::checkRateLimit(stored, nullptr) ? stored : 0;
}

bool AppSettings::setRateLimit(qint64 bytesPerSecond, Error* error)
{
    if (!transfer::UploadLimits::checkRateLimit(bytesPerSecond, error))
        return false;
    m_settings->setValue(kRateLimit, bytesPerSecond);
    return true;
}

std::optional<QUrl> AppSettings::parseProxy(const QString& url, Error* error)
{
    const QString text = url.trimmed();
    // "proxy:3128" would parse as scheme "proxy"; only a text with "://" names its scheme.
    const QUrl parsed(text.contains(QLatin1String("://")) ? text : QStringLiteral("http://") + text,
                      QUrl::StrictMode);
    const auto bad = [&](const QString& why) {
        fail(error, QStringLiteral("settings.proxy"),
             tr("The proxy \"%1\" cannot be used: %2 Write it as http://host:port, for example "
                "http://proxy.example.com:3128.")
                 .arg(text, why));
        return std::nullopt;
    };
    if (text.isEmpty() || !parsed.isValid() || parsed.host().isEmpty())
        return bad(tr("it is not an address."));
    if (parsed.scheme() != QLatin1String("http"))
        return bad(tr("only HTTP proxies are supported (they carry https:// requests through "
                      "CONNECT, so the traffic stays encrypted)."));
    if (!parsed.userName().isEmpty() || !parsed.password().isEmpty())
        return bad(tr("a user name or password would be stored unencrypted in the settings file; "
                      "set a proxy that needs them in the system (http_proxy) instead."));
    if (parsed.port() <= 0)
        return bad(tr("the port is missing."));
    if (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/"))
        return bad(tr("a proxy address has no path."));
    if (parsed.hasQuery() || parsed.hasFragment())
        return bad(tr("a proxy address has no query or fragment."));
    QUrl clean;
    clean.setScheme(parsed.scheme());
    clean.setHost(parsed.host());
    clean.setPort(parsed.port());
    return clean;
}

QString AppSettings::proxy() const
{
    const QString stored = m_settings->value(kProxy).toString();
    const std::optional<QUrl> url = stored.isEmpty() ? std::nullopt : parseProxy(stored, nullptr);
    return url ? url->toString() : QString();
}

bool AppSettings::setProxy(const QString& url, Error* error)
{
    if (url.trimmed().isEmpty()) {
        m_settings->setValue(kProxy, QString());
        return true;
    }
    const std::optional<QUrl> parsed = parseProxy(url, error);
    if (!parsed)
        return false;
    m_settings->setValue(kProxy, parsed->toString());
    return true;
}

QString AppSettings::language() const
{
    const QString stored = m_settings->value(kLanguage).toString();
    return validLanguage(stored) ? stored : QString();
}

bool AppSettings::setLanguage(const QString& language, Error* error)
{
    if (!language.isEmpty() && !validLanguage(language))
        return fail(error, QStringLiteral("settings.language"),
                    tr("\"%1\" is not a language name; use an empty value for the system's "
                       "language, or a name such as en or zh_CN.")
                        .arg(language));
    m_settings->setValue(kLanguage, language);
    return true;
}

bool AppSettings::sync(Error* error)
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return true;
    case QSettings::AccessError:
        return fail(error, QStringLiteral("settings.write"),
                    tr("Cannot write the settings file %1: permission denied or the folder is "
                       "missing. Check the folder's permissions.")
                        .arg(QDir::toNativeSeparators(m_settings->fileName())));
    case QSettings::FormatError:
        return fail(error, QStringLiteral("settings.format"),
                    tr("The settings file %1 is not a valid settings file; move it away to start "
                       "with the defaults.")
                        .arg(QDir::toNativeSeparators(m_settings->fileName())));
    }
    return true;
}

} // namespace cvmi::settings

#include "cloud/Credentials.h"

#include "cloud/CoscliConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <openssl/evp.h>

#include <functional>
#include <memory>

namespace cvmi::cloud {

Q_LOGGING_CATEGORY(lcCredentials, "cvmi.cloud.credentials")

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::CredentialSources)
};

const QString kEnvironment = QStringLiteral("environment");
const QString kSdkProfile = QStringLiteral("SDK profile ~/.tencentcloud/credentials");
const QString kCoscli = QStringLiteral("coscli ~/.cos.yaml");

QString tccliSource(const QString& profile)
{
    return QStringLiteral("tccli profile ") + profile;
}

bool invalid(Error* error, const QString& message)
{
    return fail(error, QStringLiteral("credentials_invalid"), message);
}

// Reads a whole small file. Returns false (with *error set) only when the file exists but cannot
// be read; *exists tells the caller whether there was anything to read at all.
bool readSmallFile(const QString& path, QByteArray* data, bool* exists, Error* error)
{
    const QFileInfo info(path);
    *exists = info.exists();
    if (!*exists)
        return true;
    // Credential files are a few hundred bytes; refusing large ones keeps a wrong path (a disk
    // image, a device) from being slurped into memory.
    constexpr qint64 maxSize = 1 << 20;
    if (!info.isFile() || info.size() > maxSize)
        return invalid(error, Text::tr("%1 is not a credentials file (not a regular file, or "
                                       "larger than 1 MiB).")
                                  .arg(QDir::toNativeSeparators(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(error, Text::tr("Cannot read %1: %2.")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    *data = file.readAll();
    return true;
}

bool readJsonObject(const QString& path, const QByteArray& data, QJsonObject* object, Error* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(error, Text::tr("%1 is not valid JSON: %2 at byte %3.")
                                  .arg(QDir::toNativeSeparators(path), parseError.errorString())
                                  .arg(parseError.offset));
    if (!document.isObject())
        return invalid(
            error, Text::tr("%1 does not hold a JSON object.").arg(QDir::toNativeSeparators(path)));
    *object = document.object();
    return true;
}

// A JSON member that must be a string when present.
bool jsonString(const QJsonObject& object, const QString& name, const QString& path, QString* out,
                Error* error)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return invalid(
            error,
            Text::tr("In %1, \"%2\" is not a string.").arg(QDir::toNativeSeparators(path), name));
    *out = value.toString().trimmed();
    return true;
}

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

bool printable(const QByteArray& text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < 0x20 || c > 0x7e)
            return false;
    }
    return true;
}

std::optional<Credentials> loadTccli(const QString& profile, const QString& homeDir, Error* error)
{
    const QString dir = homeDir + QStringLiteral("/.tccli/");
    const QString credentialPath = dir + profile + QStringLiteral(".credential");
    QByteArray data;
    bool exists = false;
    if (!readSmallFile(credentialPath, &data, &exists, error) || !exists)
        return std::nullopt;
    QJsonObject object;
    if (!readJsonObject(credentialPath, data, &object, error))
        return std::nullopt;
    Credentials c;
    c.source = tccliSource(profile);
    QString type;
    if (!jsonString(object, QStringLiteral("secretId"), credentialPath, &c.secretId, error) ||
        !jsonString(object, QStringLiteral("secretKey"), credentialPath, &c.secretKey, error) ||
        !jsonString(object, QStringLiteral("token"), credentialPath, &c.token, error) ||
        !jsonString(object, QStringLiteral("type"), credentialPath, &type, error))
        return std::nullopt;
    if (!c.isUsable()) {
        invalid(error, type == QLatin1String("cvm-role")
                           ? Text::tr("%1 uses the CVM instance role, which only works on a cloud "
                                      "server. Enter a SecretId and SecretKey instead.")
                                 .arg(QDir::toNativeSeparators(credentialPath))
                           : Text::tr("%1 has no secretId and secretKey.")
                                 .arg(QDir::toNativeSeparators(credentialPath)));
        return std::nullopt;
    }

    const QString configurePath = dir + profile + QStringLiteral(".configure");
    if (!readSmallFile(configurePath, &data, &exists, error))
        return std::nullopt;
    if (exists) {
        if (!readJsonObject(configurePath, data, &object, error))
            return std::nullopt;
        // tccli 3 keeps the region under _sys_param; older files had it at the top level.
        const QJsonValue sys = object.value(QStringLiteral("_sys_param"));
        if (sys.isObject()) {
            if (!jsonString(sys.toObject(), QStringLiteral("region"), configurePath, &c.region,
                            error))
                return std::nullopt;
        }
        if (c.region.isEmpty() &&
            !jsonString(object, QStringLiteral("region"), configurePath, &c.region, error))
            return std::nullopt;
    }
    return c;
}

// Parses the SDKs' INI file: [section], key = value, ';' or '#' comments.
std::optional<Credentials> loadSdkProfile(const QString& homeDir, Error* error)
{
    const QString path = homeDir + QStringLiteral("/.tencentcloud/credentials");
    QByteArray data;
    bool exists = false;
    if (!readSmallFile(path, &data, &exists, error) || !exists)
        return std::nullopt;
    QString section;
    QHash<QString, QString> values;
    const QStringList lines = QString::fromUtf8(data).split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            invalid(error, Text::tr("%1, line %2: expected \"[section]\" or \"name = value\".")
                               .arg(QDir::toNativeSeparators(path))
                               .arg(n + 1));
            return std::nullopt;
        }
        if (section == QLatin1String("default"))
            values.insert(line.left(eq).trimmed().toLower(), line.mid(eq + 1).trimmed());
    }
    Credentials c;
    c.source = kSdkProfile;
    c.secretId = values.value(QStringLiteral("secret_id"));
    c.secretKey = values.value(QStringLiteral("secret_key"));
    if (!c.isUsable()) {
        invalid(error, Text::tr("%1 has no [default] section with secret_id and secret_key.")
                           .arg(QDir::toNativeSeparators(path)));
        return std::nullopt;
    }
    return c;
}

std::optional<Credentials> loadCoscli(const QString& homeDir, Error* error)
{
    const QString path = homeDir + QStringLiteral("/.cos.yaml");
    QByteArray data;
    bool exists = false;
    if (!readSmallFile(path, &data, &exists, error) || !exists)
        return std::nullopt;
    QHash<QString, QString> base;
    QString problem;
    if (!CoscliConfig::readBase(data, &base, &problem)) {
        invalid(error, Text::tr("%1 cannot be read as coscli's configuration: %2.")
                           .arg(QDir::toNativeSeparators(path), problem));
        return std::nullopt;
    }
    const bool encrypted = base.value(QStringLiteral("disableencryption"))
                               .compare(QLatin1String("true"), Qt::CaseInsensitive) != 0;
    const auto secret = [&](const char* name) {
        const QString stored = base.value(QLatin1String(name));
        return encrypted ? CredentialSources::decryptCoscliSecret(stored) : stored;
    };
    Credentials c;
    c.source = kCoscli;
    c.secretId = secret("secretid").trimmed();
    c.secretKey = secret("secretkey").trimmed();
    c.token = secret("sessiontoken").trimmed();
    if (!c.isUsable()) {
        invalid(error, base.value(QStringLiteral("mode"))
                                   .compare(QLatin1String("CvmRole"), Qt::CaseInsensitive) == 0
                           ? Text::tr("%1 uses the CVM instance role, which only works on a cloud "
                                      "server. Enter a SecretId and SecretKey instead.")
                                 .arg(QDir::toNativeSeparators(path))
                           : Text::tr("%1 has no cos.base.secretid and cos.base.secretkey.")
                                 .arg(QDir::toNativeSeparators(path)));
        return std::nullopt;
    }
    return c;
}

} // namespace

QString Credentials::redacted() const
{
    const QString id = secretId.isEmpty() ? Text::tr("(no SecretId)") : secretId.left(4) + u'…';
    return source.isEmpty() ? id : id + QLatin1String(" (") + source + u')';
}

namespace CredentialSources {

std::optional<Credentials> fromEnvironment(const QProcessEnvironment& env, Error* error)
{
    Credentials c;
    c.source = kEnvironment;
    c.secretId = env.value(QStringLiteral("TENCENTCLOUD_SECRET_ID")).trimmed();
    c.secretKey = env.value(QStringLiteral("TENCENTCLOUD_SECRET_KEY")).trimmed();
    c.token = env.value(QStringLiteral("TENCENTCLOUD_SESSION_TOKEN")).trimmed();
    c.region = env.value(QStringLiteral("TENCENTCLOUD_REGION")).trimmed();
    if (c.secretId.isEmpty() && c.secretKey.isEmpty() && c.token.isEmpty())
        return std::nullopt;
    if (c.secretId.isEmpty() || c.secretKey.isEmpty()) {
        invalid(error, Text::tr("Only part of the credentials is in the environment: "
                                "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must both be "
                                "set (%1 is empty).")
                           .arg(c.secretId.isEmpty() ? QStringLiteral("TENCENTCLOUD_SECRET_ID")
                                                     : QStringLiteral("TENCENTCLOUD_SECRET_KEY")));
        return std::nullopt;
    }
    return c;
}

QString tccliProfile(const QProcessEnvironment& env)
{
    const QString profile = env.value(QStringLiteral("TCCLI_PROFILE")).trimmed();
    return profile.isEmpty() ? QStringLiteral("default") : profile;
}

std::optional<Credentials> fromTccli(const QString& profile, const QString& homeDir, Error* error)
{
    const QString name =
        profile.isEmpty() ? tccliProfile(QProcessEnvironment::systemEnvironment()) : profile;
    // The profile becomes part of a file name: refuse anything that could leave ~/.tccli.
    if (name.contains(u'/') || name.contains(u'\\') || name.startsWith(u'.')) {
        invalid(error, Text::tr("\"%1\" is not a tccli profile name.").arg(name));
        return std::nullopt;
    }
    return loadTccli(name, homeDir, error);
}

std::optional<Credentials> fromSdkProfile(const QString& homeDir, Error* error)
{
    return loadSdkProfile(homeDir, error);
}

std::optional<Credentials> fromCoscli(const QString& homeDir, Error* error)
{
    return loadCoscli(homeDir, error);
}

QString decryptCoscliSecret(const QString& stored)
{
    const auto result = QByteArray::fromBase64Encoding(stored.trimmed().toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    if (stored.isEmpty() || !result || result.decoded.isEmpty() || result.decoded.size() % 16 != 0)
        return stored;
    const QByteArray& cipherText = result.decoded;
    const QByteArray key = QByteArrayLiteral("coscli-secret").leftJustified(16, '\0', true);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(cipherText.size() + 16, '\0');
    int written = 0;
    int finalWritten = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(cipherText.constData());
    auto* out = reinterpret_cast<unsigned char*>(plain.data());
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr,
                           reinterpret_cast<const unsigned char*>(key.constData()), nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
        EVP_DecryptUpdate(ctx.get(), out, &written, in, int(cipherText.size())) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), out + written, &finalWritten) != 1)
        return stored;
    plain.truncate(written + finalWritten);
    while (!plain.isEmpty() && plain.back() == '\0')
        plain.chop(1);
    // A value written by hand in plain text "decrypts" to noise: keep it as it is, like coscli.
    return printable(plain) ? QString::fromLatin1(plain) : stored;
}

CredentialDiscovery discover(const QString& homeDir, const QProcessEnvironment& env)
{
    CredentialDiscovery result;
    const QString profile = tccliProfile(env);
    const QString home = QDir::toNativeSeparators(homeDir);
    struct Source {
        QString name;
        QString location;
        std::function<std::optional<Credentials>(Error*)> load;
    };
    const QList<Source> sources = {
        {kEnvironment,
         QStringLiteral("TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, "
                        "TENCENTCLOUD_SESSION_TOKEN, TENCENTCLOUD_REGION"),
         [&](Error* e) {
             return fromEnvironment(env, e);
         }},
        {tccliSource(profile),
         home + QStringLiteral("/.tccli/") + profile + QStringLiteral(".credential"),
         [&](Error* e) {
             return fromTccli(profile, homeDir, e);
         }},
        {kSdkProfile, home + QStringLiteral("/.tencentcloud/credentials"),
         [&](Error* e) {
             return fromSdkProfile(homeDir, e);
         }},
        {kCoscli, home + QStringLiteral("/.cos.yaml"),
         [&](Error* e) {
             return fromCoscli(homeDir, e);
         }},
    };
    for (const Source& source : sources) {
        CredentialAttempt attempt;
        attempt.source = source.name;
        attempt.location = source.location;
        Error error;
        std::optional<Credentials> found = source.load(&error);
        if (found) {
            attempt.outcome = CredentialAttempt::Outcome::Used;
            attempt.detail = Text::tr("Found %1.").arg(found->redacted());
            result.credentials = std::move(found);
        } else if (error.isSet()) {
            attempt.outcome = CredentialAttempt::Outcome::Invalid;
            attempt.detail = error.message;
        } else {
            attempt.detail = Text::tr("Nothing there.");
        }
        qCDebug(lcCredentials).noquote() << source.name << "->" << attempt.detail;
        result.tried.append(attempt);
        if (result.credentials)
            break;
    }
    return result;
}

} // namespace CredentialSources

} // namespace cvmi::cloud

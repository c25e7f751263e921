#include "cloud/CredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace cvmi::cloud {

namespace {

constexpr int kFormatVersion = 1;
constexpr qsizetype kMaxProfileLength = 64;

const QString kKeyring = QStringLiteral("keyring");

} // namespace

QByteArray CredentialStore::encode(const Credentials& credentials)
{
    QJsonObject object;
    object.insert(QStringLiteral("version"), kFormatVersion);
    object.insert(QStringLiteral("secretId"), credentials.secretId);
    object.insert(QStringLiteral("secretKey"), credentials.secretKey);
    object.insert(QStringLiteral("token"), credentials.token);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Credentials> CredentialStore::decode(const QByteArray& secret, const QString& profile,
                                                   Error* error)
{
    // The parser's error text is not quoted back: it may contain a piece of the secret.
    const QJsonDocument document = QJsonDocument::fromJson(secret);
    const QJsonObject object = document.object();
    Credentials credentials;
    credentials.secretId = object.value(QStringLiteral("secretId")).toString();
    credentials.secretKey = object.value(QStringLiteral("secretKey")).toString();
    credentials.token = object.value(QStringLiteral("token")).toString();
    credentials.source = kKeyring;
    const int version = object.value(QStringLiteral("version")).toInt(-1);
    if (!document.isObject() || version != kFormatVersion || !credentials.isUsable()) {
        fail(error, QStringLiteral("keyring.corrupt"),
             tr("The system keyring's entry \"%1\" of service %2 is not a set of credentials "
                "this program wrote (expected version %3 with a SecretId and a SecretKey). Type "
                "the credentials again and save them, or delete the entry with your keyring's "
                "manager (Seahorse, KWalletManager).")
                 .arg(profile, serviceName())
                 .arg(kFormatVersion));
        return std::nullopt;
    }
    return credentials;
}

bool CredentialStore::validProfile(const QString& profile, Error* error)
{
    bool printable = !profile.isEmpty() && profile.size() <= kMaxProfileLength;
    for (const QChar c : profile)
        printable = printable && c.isPrint();
    if (!printable)
        return fail(error, QStringLiteral("keyring.profile"),
                    tr("The profile name \"%1\" cannot name a keyring entry: use 1 to %2 "
                       "printable characters, for example \"default\".")
                        .arg(profile)
                        .arg(kMaxProfileLength));
    return true;
}

QString CredentialStore::unavailableMessage(const QString& detail)
{
    QString message =
        tr("No system keyring is available to remember the credentials. Install and unlock a "
           "Secret Service such as GNOME Keyring (package gnome-keyring) or KWallet, log in "
           "again so that it starts, and try again; until then the credentials are used for this "
           "session only and are not saved anywhere.");
    if (!detail.isEmpty())
        message += u' ' + tr("(The keyring library said: %1)").arg(detail);
    return message;
}

QFuture<CredentialStoreResult> MemoryCredentialStore::later(CredentialStoreResult result)
{
    auto promise = std::make_shared<QPromise<CredentialStoreResult>>();
    promise->start();
    QFuture<CredentialStoreResult> future = promise->future();
    // As the keyring does: the answer comes from the event loop, never inside the call, so that
    // callers written against the fake also work against the real backend.
    QTimer::singleShot(0, this, [promise, result = std::move(result)] {
        promise->addResult(result);
        promise->finish();
    });
    return future;
}

QFuture<CredentialStoreResult> MemoryCredentialStore::store(const QString& profile,
                                                            const Credentials& credentials)
{
    CredentialStoreResult result;
    if (m_failure.isSet())
        result.error = m_failure;
    else if (validProfile(profile, &result.error))
        m_entries.insert(profile, encode(credentials));
    return later(std::move(result));
}

QFuture<CredentialStoreResult> MemoryCredentialStore::load(const QString& profile)
{
    CredentialStoreResult result;
    if (m_failure.isSet()) {
        result.error = m_failure;
    } else if (validProfile(profile, &result.error)) {
        const auto it = m_entries.constFind(profile);
        if (it != m_entries.constEnd())
            result.credentials = decode(*it, profile, &result.error);
    }
    return later(std::move(result));
}

QFuture<CredentialStoreResult> MemoryCredentialStore::remove(const QString& profile)
{
    CredentialStoreResult result;
    if (m_failure.isSet())
        result.error = m_failure;
    else if (validProfile(profile, &result.error))
        m_entries.remove(profile);
    return later(std::move(result));
}

} // namespace cvmi::cloud

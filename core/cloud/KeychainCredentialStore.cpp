#include "cloud/KeychainCredentialStore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace cvmi::cloud {

Q_LOGGING_CATEGORY(lcKeyring, "cvmi.cloud.keyring")

namespace {

enum class Operation { Store, Load, Remove };

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::KeychainCredentialStore)
};

// "No keyring" reaches us in several forms: NoBackendAvailable; libsecret's "Could not connect"
// when there is no session bus; D-Bus's ServiceUnknown ("The name org.freedesktop.secrets was not
// provided by any .service files") when the bus runs but no Secret Service is installed; and a
// Secret Service without a default keyring ("Object does not exist at path
// /org/freedesktop/secrets/collection/login") when none was ever created. All mean the same thing
// to the user: get a keyring running and unlocked.
bool looksUnavailable(const QKeychain::Job& job)
{
    if (job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::NotImplemented)
        return true;
    const QString text = job.errorString();
    const char* const signs[] = {"org.freedesktop.secrets",
                                 "ServiceUnknown",
                                 "not provided by any .service files",
                                 "Could not connect",
                                 "autolaunch",
                                 "D-Bus",
                                 "DBus"};
    for (const char* sign : signs) {
        if (text.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Error errorOf(const QKeychain::Job& job, Operation operation)
{
    if (job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser)
        return Error::make(
            QStringLiteral("keyring.denied"),
            Text::tr("The system keyring refused access (%1). Unlock it (it may ask for your "
                     "login password) and allow CVM Import Wizard to use it, then try again.")
                .arg(job.errorString()));
    if (looksUnavailable(job))
        return Error::make(QStringLiteral("keyring.unavailable"),
                           CredentialStore::unavailableMessage(job.errorString()));
    const QString what = operation == Operation::Store  ? Text::tr("save the credentials in")
                         : operation == Operation::Load ? Text::tr("read the credentials from")
                                                        : Text::tr("delete the credentials from");
    return Error::make(QStringLiteral("keyring.failed"),
                       Text::tr("Could not %1 the system keyring: %2. Check that the keyring is "
                                "unlocked and working (e.g. in Seahorse or KWalletManager), then "
                                "try again.")
                           .arg(what, job.errorString()));
}

template <typename JobType> JobType* makeJob(QObject* parent, const QString& profile)
{
    auto* job = new JobType(CredentialStore::serviceName(), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile);
    return job;
}

// Starts `job` and answers the future from its finished() signal through `answer`.
template <typename JobType, typename Answer>
QFuture<CredentialStoreResult> run(JobType* job, Answer answer)
{
    auto promise = std::make_shared<QPromise<CredentialStoreResult>>();
    promise->start();
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job, answer] {
        promise->addResult(answer(*job));
        promise->finish();
    });
    job->start();
    return promise->future();
}

// Answers from the event loop, as the jobs do.
QFuture<CredentialStoreResult> failed(QObject* context, const Error& error)
{
    auto promise = std::make_shared<QPromise<CredentialStoreResult>>();
    promise->start();
    QTimer::singleShot(0, context, [promise, error] {
        promise->addResult(CredentialStoreResult{error, std::nullopt});
        promise->finish();
    });
    return promise->future();
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject* parent) : CredentialStore(parent) {}

QFuture<CredentialStoreResult> KeychainCredentialStore::store(const QString& profile,
                                                              const Credentials& credentials)
{
    Error error;
    if (!validProfile(profile, &error))
        return failed(this, error);
    auto* job = makeJob<QKeychain::WritePasswordJob>(this, profile);
    job->setBinaryData(encode(credentials));
    qCDebug(lcKeyring, "storing credentials %s for profile %s", qPrintable(credentials.redacted()),
            qPrintable(profile));
    return run(job, [](const QKeychain::WritePasswordJob& done) {
        CredentialStoreResult result;
        if (done.error() != QKeychain::NoError)
            result.error = errorOf(done, Operation::Store);
        return result;
    });
}

QFuture<CredentialStoreResult> KeychainCredentialStore::load(const QString& profile)
{
    Error error;
    if (!validProfile(profile, &error))
        return failed(this, error);
    auto* job = makeJob<QKeychain::ReadPasswordJob>(this, profile);
    return run(job, [profile](const QKeychain::ReadPasswordJob& done) {
        CredentialStoreResult result;
        if (done.error() == QKeychain::EntryNotFound)
            return result;
        if (done.error() != QKeychain::NoError)
            result.error = errorOf(done, Operation::Load);
        else
            result.credentials = decode(done.binaryData(), profile, &result.error);
        return result;
    });
}

QFuture<CredentialStoreResult> KeychainCredentialStore::remove(const QString& profile)
{
    Error error;
    if (!validProfile(profile, &error))
        return failed(this, error);
    auto* job = makeJob<QKeychain::DeletePasswordJob>(this, profile);
    return run(job, [](const QKeychain::DeletePasswordJob& done) {
        CredentialStoreResult result;
        if (done.error() != QKeychain::NoError && done.error() != QKeychain::EntryNotFound)
            result.error = errorOf(done, Operation::Remove);
        return result;
    });
}

} // namespace cvmi::cloud

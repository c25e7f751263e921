#pragma once

// Where the wizard keeps credentials the user typed: a small asynchronous interface with two
// backends, the system keyring (KeychainCredentialStore, through QtKeychain) and an in-memory fake
// for the tests (MemoryCredentialStore). One entry per profile name holds SecretId, SecretKey and
// session token together as one JSON secret, so that they can never get out of step.
//
// There is deliberately no plaintext fallback: a keyring that is missing or locked is an error
// that says so and what to do, and the credentials then live for this session only.
#include "cloud/Credentials.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <optional>

namespace cvmi::cloud {

struct CredentialStoreResult {
    Error error; // unset on success
    // load(): the stored credentials (source "keyring"); std::nullopt when the profile has none,
    // which is not an error.
    std::optional<Credentials> credentials;

    bool ok() const { return !error.isSet(); }
};

class CredentialStore : public QObject {
    Q_OBJECT
public:
    static QString serviceName() { return QStringLiteral("cvm-import-wizard"); }

    using QObject::QObject;

    // Each call answers once, in this object's thread, from the event loop (never inside the
    // call, so callers behave the same with every backend).
    // store() replaces what the profile held; remove() of an absent entry succeeds.
    virtual QFuture<CredentialStoreResult> store(const QString& profile,
                                                 const Credentials& credentials) = 0;
    virtual QFuture<CredentialStoreResult> load(const QString& profile) = 0;
    virtual QFuture<CredentialStoreResult> remove(const QString& profile) = 0;

    // The stored form: {"version":1,"secretId":..,"secretKey":..,"token":..}. Never log it.
    static QByteArray encode(const Credentials& credentials);
    // Credentials with source "keyring", or std::nullopt with *error (code "keyring.corrupt").
    static std::optional<Credentials> decode(const QByteArray& secret, const QString& profile,
                                             Error* error);
    // Profile names are keys in the keyring: non-empty, printable, at most 64 characters.
    static bool validProfile(const QString& profile, Error* error);
    // The message for "no keyring service": what is missing and how to get one.
    static QString unavailableMessage(const QString& detail);
};

// The tests' backend: entries in a hash (stored encoded, so that the JSON round trip is the real
// one), answers delivered from the event loop like the keyring's. setFailure() makes every call
// fail with that error, e.g. to show the page's "no keyring" message.
class MemoryCredentialStore : public CredentialStore {
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;

    QFuture<CredentialStoreResult> store(const QString& profile,
                                         const Credentials& credentials) override;
    QFuture<CredentialStoreResult> load(const QString& profile) override;
    QFuture<CredentialStoreResult> remove(const QString& profile) override;

    void setFailure(const Error& error) { m_failure = error; }
    bool contains(const QString& profile) const { return m_entries.contains(profile); }
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    QFuture<CredentialStoreResult> later(CredentialStoreResult result);

    QHash<QString, QByteArray> m_entries;
    Error m_failure;
};

} // namespace cvmi::cloud

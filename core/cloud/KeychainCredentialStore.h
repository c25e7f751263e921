#pragma once

// The system keyring backend of CredentialStore, through QtKeychain: the Secret Service
// (GNOME Keyring, KeePassXC, ...) or KWallet on Linux, the Keychain on macOS, the Credential
// Manager on Windows. Entries are service "cvm-import-wizard", key = the profile name. QtKeychain's
// insecure fallback (a plaintext file when no keyring answers) stays off.
//
// It lives in its own library (cvmi_keychain) so that the command line, which only reads the
// places tccli and coscli use, does not load QtDBus and the keyring library at every start.
#include "cloud/CredentialStore.h"

namespace cvmi::cloud {

class KeychainCredentialStore : public CredentialStore {
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QObject* parent = nullptr);

    QFuture<CredentialStoreResult> store(const QString& profile,
                                         const Credentials& credentials) override;
    QFuture<CredentialStoreResult> load(const QString& profile) override;
    QFuture<CredentialStoreResult> remove(const QString& profile) override;
};

} // namespace cvmi::cloud

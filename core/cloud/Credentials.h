#pragma once

// Tencent Cloud credentials and the places users already keep them. A Credentials value carries
// secrets: it has no streaming operator, and its only printable form is redacted(), so that no
// log line, crash report or test output can show the SecretKey or the session token.
#include "util/Error.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <optional>

namespace cvmi::cloud {

struct Credentials {
    QString secretId;
    QString secretKey;
    QString token;  // session token of temporary credentials, else empty
    QString region; // the region the source names, else empty
    // Where they came from, for the UI: "environment", "tccli profile <name>",
    // "coscli ~/.cos.yaml", "keyring", "typed", "SDK profile ~/.tencentcloud/credentials".
    QString source;

    bool isUsable() const { return !secretId.isEmpty() && !secretKey.isEmpty(); }
    // "AKID… (environment)": the first 4 characters of the SecretId and the source, nothing else.
    QString redacted() const;
};

// One place looked at by discover(), in order, for the UI's "found in ..." list.
struct CredentialAttempt {
    QString source;   // as Credentials::source
    QString location; // the file or the variable names looked at
    enum class Outcome { NotPresent, Used, Invalid } outcome = Outcome::NotPresent;
    QString detail; // a sentence for the user (the error's message when Invalid)
};

struct CredentialDiscovery {
    std::optional<Credentials> credentials; // the first usable source
    QList<CredentialAttempt> tried;
};

// Each function returns the credentials when its source holds usable ones; std::nullopt with
// *error untouched when the source is simply absent; std::nullopt with *error set when the source
// exists but cannot be used (the message names the file and the problem). None of them throws.
namespace CredentialSources {

// TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN / _REGION.
std::optional<Credentials> fromEnvironment(const QProcessEnvironment& env, Error* error);

// The profile tccli uses: $TCCLI_PROFILE, else "default".
QString tccliProfile(const QProcessEnvironment& env);

// <home>/.tccli/<profile>.credential (JSON secretId, secretKey, token) and
// <home>/.tccli/<profile>.configure (JSON _sys_param.region, or an older top-level region).
// An empty profile means tccliProfile() of this process's environment.
std::optional<Credentials> fromTccli(const QString& profile, const QString& homeDir, Error* error);

// <home>/.tencentcloud/credentials, the SDKs' INI file: [default] secret_id, secret_key.
std::optional<Credentials> fromSdkProfile(const QString& homeDir, Error* error);

// <home>/.cos.yaml, coscli's configuration: cos.base.secretid / secretkey / sessiontoken, each
// normally AES-128-ECB encrypted and base64-encoded by coscli (see decryptCoscliSecret).
std::optional<Credentials> fromCoscli(const QString& homeDir, Error* error);

// coscli's obfuscation: base64 of AES-128-ECB under the key "coscli-secret" zero-padded to 16
// bytes, plaintext zero-padded. Returns the raw value when it does not decrypt to printable text,
// which is what coscli itself does with values written by hand.
QString decryptCoscliSecret(const QString& stored);

// Looks in this order and returns the first usable: environment, tccli profile, SDK profile
// file, coscli. The environment comes first so that a shell can override the files; tccli next
// because the CVM API is its job; coscli last because its keys are often limited to COS.
// `tried` lists every source looked at up to the one used.
CredentialDiscovery discover(const QString& homeDir, const QProcessEnvironment& env);

} // namespace CredentialSources

} // namespace cvmi::cloud

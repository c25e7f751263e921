#pragma once

// Recomputes the signature of a received request from what was received (method, path, query,
// the headers the client says it signed, the body's hash) and compares it with the one sent,
// as the real services do: a request that differs from what was signed by one byte fails.
// Three schemes: TC3-HMAC-SHA256 (CVM), COS's q-sign-algorithm=sha1 (header or pre-signed
// query), and AWS Signature V4 in the header (COS's S3-compatible face).
#include "Accounts.h"
#include "HttpExchange.h"

#include <optional>

namespace cvmi::emu {

struct AuthResult {
    bool ok = false;
    bool anonymous = false; // no signature at all: only public-read objects are readable
    std::optional<EmulatorAccount> account;
    QString code; // TC3: "AuthFailure.SignatureFailure", ...; COS: "SignatureDoesNotMatch", ...
    QString message;
    int httpStatus = 403; // COS only; API 3.0 errors travel in a 200
    // For SignatureDoesNotMatch, what the server computed, so the client can compare.
    QString stringToSign;
    QString formatString;     // COS native: the HttpString
    QString canonicalRequest; // SigV4
    QString region;           // SigV4: the credential scope's region
};

class SignatureVerifier {
public:
    explicit SignatureVerifier(const AccountStore& accounts) : m_accounts(accounts) {}

    // API 3.0; `service` is the product the endpoint serves ("cvm"). Allowed clock difference:
    // 300 s either way.
    AuthResult verifyTc3(const EmuRequest& request, const QString& service) const;
    // COS: Authorization "q-sign-algorithm=sha1&...", pre-signed "?q-sign-algorithm=sha1&...",
    // or "AWS4-HMAC-SHA256 ...". No credentials at all gives ok=false, anonymous=true.
    AuthResult verifyCos(const EmuRequest& request) const;

    static constexpr qint64 tc3MaxSkewSeconds = 300;
    static constexpr qint64 sigV4MaxSkewSeconds = 900; // S3's 15 minutes

private:
    AuthResult verifyCosNative(const EmuRequest& request, const QueryItems& fields,
                               bool presigned) const;
    AuthResult verifySigV4(const EmuRequest& request) const;

    const AccountStore& m_accounts;
};

} // namespace cvmi::emu

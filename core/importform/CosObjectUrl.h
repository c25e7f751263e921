#pragma once

// The ImageUrl of an import: an https COS object URL in virtual-host form,
// https://<name>-<APPID>.cos.<region>.myqcloud.com/<key> (CosClient::objectUrl) or the newer
// alias domain …cos.<region>.tencentcos.cn (../shared/spec/tencentcloud-api.md §2, §4). A
// pre-signed query (q-sign-*, x-cos-security-token, X-Amz-*) is allowed for the import itself,
// but never stored: stripSignature() removes it before a draft is written.
#include "util/Error.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace cvmi::importform {

struct CosObjectUrl {
    QString bucket; // "<name>-<APPID>"
    QString appId;  // the digits after the last dash of the bucket
    QString region; // "ap-guangzhou"
    QString domain; // "myqcloud.com" or "tencentcos.cn"
    QString key;    // decoded object key, no leading '/'
    bool presigned = false;
    // When a pre-signed URL's signature ends (COS's q-key-time / q-sign-time end, or SigV4's
    // X-Amz-Date + X-Amz-Expires); invalid when unsigned or not stated.
    QDateTime signatureExpires;
};

// Parses and checks the URL; on failure *error names what is wrong and the form expected, in
// words that follow the field's name ("ImageUrl: uses \"ftp\"; use https://…").
std::optional<CosObjectUrl> parseCosObjectUrl(const QString& url, Error* error);

// True for a query parameter that carries a signature, a key id or a session token.
bool isSignatureParameter(const QString& name);

// The URL without its signature parameters, any user:password@ part and any #fragment. Works on any
// text (also a URL that does not parse), so nothing secret escapes through a malformed value.
// *stripped is set when something was removed.
QString stripSignature(const QString& url, bool* stripped = nullptr);

} // namespace cvmi::importform

#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <functional>

class QObject;

namespace cvmi::cloud {
class CosClient;
}

namespace cvmi::importrun {

// Which URL of an uploaded object an import gets. CVM's import fetches the object itself,
// without our credentials: a public-read bucket's plain URL works; for a private one, whether CVM
// reads it through a service role is not documented (../shared/spec/tencentcloud-api.md §4), so
// it gets a pre-signed GET URL, which works either way. Whether the object is public is asked, not
// guessed: a HEAD without any signature, sent the way CosClient sends (to the endpoint override
// when one is set, with the real host as Host). 2xx: public, the plain URL. 403, any other
// answer or no answer: the signed URL (the safe default), with a note saying why and that anyone
// holding the link can download the image until it expires.
struct ImportUrlDecision {
    QString url;
    bool signedUrl = false;
    QDateTime expires; // signedUrl only
    QString note;      // one or two sentences for the user, without the URL's query
};

class ImportUrlResolver {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importrun::ImportUrlResolver)
public:
    // The import starts reading the object within minutes of ImportImage, and the Form and
    // Import pages usually follow the upload at once; a day leaves room for a form finished
    // later the same day while keeping a leaked link short-lived. A draft drops the signature;
    // the ImportRunner signs again when it starts. With temporary credentials the link also
    // ends with their session token, which may come first.
    static constexpr qint64 signedValiditySeconds = 24 * 3600;
    // The check must not hold an upload's result or an import for long: no answer means signed.
    static constexpr int probeTimeoutMs = 10000;

    // Decides for `key` in `bucket` (of `region`) with `cos`'s account and endpoints (null:
    // no account, the plain URL with a note) and calls `done` in `context`'s thread, unless
    // `context` was destroyed first.
    static void resolve(cloud::CosClient* cos, const QString& bucket, const QString& region,
                        const QString& key, QObject* context,
                        std::function<void(const ImportUrlDecision&)> done);
};

} // namespace cvmi::importrun

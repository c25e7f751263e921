#pragma once

// Shared by the client tests: an in-process CloudEmulator with the test accounts, clients aimed
// at it, and a message handler that keeps every log line so that a test can prove no secret was
// ever printed.
#include "CloudEmulator.h"
#include "Qcow2Header.h"

#include "cloud/CloudEndpoints.h"
#include "cloud/CosClient.h"
#include "cloud/Credentials.h"
#include "cloud/HttpClient.h"
#include "importform/ImportForm.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QStringList>

namespace cvmi::cloudtest {

inline const QString kId = QStringLiteral("AKIDCLIENTTEST00000001");
inline const QString kKey = QStringLiteral("client-test-secret-key-one");
inline const QString kNoImportId = QStringLiteral("AKIDCLIENTNOIMPORT0002");
inline const QString kNoImportKey = QStringLiteral("client-test-secret-key-noimport");
inline const QString kTokenId = QStringLiteral("AKIDCLIENTTEMPORARY003");
inline const QString kTokenKey = QStringLiteral("client-test-secret-key-temporary");
inline const QString kToken = QStringLiteral("client-test-session-token-xyz");
inline const QString kOtherId = QStringLiteral("AKIDCLIENTOTHER0000004");
inline const QString kOtherKey = QStringLiteral("client-test-secret-key-other");
inline const QString kAppId = QStringLiteral("1250000000");
inline const QString kRegion = QStringLiteral("ap-guangzhou");
inline const QString kBucket = QStringLiteral("images-1250000000");
inline const QString kOtherBucket = QStringLiteral("theirs-1250000009");

using test::qcow2Header;

inline QStringList& capturedLog()
{
    static QStringList lines;
    return lines;
}

inline QMutex& capturedLogMutex()
{
    static QMutex mutex;
    return mutex;
}

inline void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    const QString line = QString::fromLatin1(context.category ? context.category : "default") +
                         QStringLiteral(": ") + message;
    {
        QMutexLocker lock(&capturedLogMutex());
        capturedLog().append(line);
    }
    fprintf(stderr, "%s\n", qPrintable(line));
}

// Installs the capturing handler and turns on every cloud log line, debug included.
inline void captureLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("cvmi.cloud*.debug=true"));
    qInstallMessageHandler(captureMessage);
}

// The log lines containing any of `secrets`.
inline QStringList leakedLines(const QStringList& secrets)
{
    QMutexLocker lock(&capturedLogMutex());
    QStringList leaked;
    for (const QString& line : capturedLog()) {
        for (const QString& secret : secrets) {
            if (line.contains(secret))
                leaked.append(line);
        }
    }
    return leaked;
}

inline QStringList allSecrets()
{
    return {kKey, kNoImportKey, kTokenKey, kToken, kOtherKey};
}

inline void addAccounts(emu::CloudEmulator& emulator)
{
    emulator.addAccount(
        {kId, kKey, QString(), kAppId, true, {kRegion, QStringLiteral("ap-shanghai")}});
    emulator.addAccount({kNoImportId, kNoImportKey, QString(), kAppId, false, {kRegion}});
    emulator.addAccount({kTokenId, kTokenKey, kToken, kAppId, true, {kRegion}});
    emulator.addAccount(
        {kOtherId, kOtherKey, QString(), QStringLiteral("1250000009"), true, {kRegion}});
}

inline cloud::Credentials credentials(const QString& id, const QString& key,
                                      const QString& token = {})
{
    cloud::Credentials c;
    c.secretId = id;
    c.secretKey = key;
    c.token = token;
    c.region = kRegion;
    c.source = QStringLiteral("typed");
    return c;
}

inline cloud::CloudEndpoints endpointsFor(const emu::CloudEmulator& emulator)
{
    cloud::CloudEndpoints endpoints;
    Error error;
    endpoints.setCvmEndpoint(emulator.endpoint(), &error);
    endpoints.setCosEndpoint(emulator.endpoint(), &error);
    return endpoints;
}

// The emulator as the UI tests use it: the test accounts, started on a free port, with kBucket
// in kRegion. False with *error when it could not start.
inline bool startWithBucket(emu::CloudEmulator& emulator, QString* error)
{
    addAccounts(emulator);
    return emulator.start(0, error) && emulator.createBucket(kBucket, kRegion, false, error);
}

// Puts `body` as `key` into kBucket with the first account's client: the object an import
// reads. Empty when COS stored it, else its error.
inline QString putObject(const emu::CloudEmulator& emulator, const QString& key,
                         const QByteArray& body)
{
    cloud::HttpClient http;
    cloud::CosClient cos(&http, endpointsFor(emulator), credentials(kId, kKey));
    cloud::CosClient::Call put;
    put.method = "PUT";
    put.host = cloud::CosClient::bucketHost(kBucket, kRegion);
    put.key = key;
    put.body = body;
    const auto result = cloud::waitFor(cos.send(put));
    return result.ok() ? QString() : result.error.toString();
}

// A valid import form for the object `key` of kBucket: CentOS 7 x86_64 named `name`.
inline importform::ImportForm importFormFor(const QString& key, const QString& name)
{
    importform::ImportForm f;
    f.osType = QStringLiteral("CentOS");
    f.osVersion = QStringLiteral("7"); // the vendor's lists name majors
    f.architecture = QStringLiteral("x86_64");
    f.imageUrl = cloud::CosClient::objectUrl(kBucket, kRegion, key);
    f.imageName = name;
    return f;
}

} // namespace cvmi::cloudtest

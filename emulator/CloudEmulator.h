#pragma once

// A local stand-in for Tencent Cloud's CVM API and COS, for the tests, the benchmarks and the
// wizard's --demo mode: signatures verified exactly, the real response and error shapes, state
// in a directory, faults on demand. Clients reach it at http://127.0.0.1:<port> and name the
// service in the Host header (cvm.tencentcloudapi.com, <bucket>-<appid>.cos.<region>.myqcloud.com)
// or use path style (/<bucket>-<appid>/<key>).
#include "Accounts.h"
#include "CosStore.h"

#include <QJsonObject>
#include <QObject>
#include <memory>
#include <optional>

namespace cvmi::emu {

class CloudEmulator : public QObject {
    Q_OBJECT
public:
    // State in a fresh temporary directory, removed with the emulator.
    explicit CloudEmulator(QObject* parent = nullptr);
    // State in `stateDir` (created if needed); a later emulator on the same directory continues
    // where this one stopped, unfinished multipart uploads included.
    explicit CloudEmulator(const QString& stateDir, QObject* parent = nullptr);
    ~CloudEmulator() override;

    // Before start(): the region of path-style buckets created without one (default ap-guangzhou).
    void setDefaultRegion(const QString& region);
    void setImportDelayMs(int ms); // IMPORTING → NORMAL/IMPORTFAILED after this (default 3000)
    // The emulated services' clock runs this many seconds ahead of this computer's (negative:
    // behind): a client whose clock is behind by as much meets what it would meet on the real
    // services (COS: AccessDenied "Request has expired"; CVM: AuthFailure.SignatureExpire).
    // Before or after start().
    void setClockOffsetSeconds(qint64 seconds);
    // ImportImage answers with only a RequestId, as older API descriptions list it (the image
    // is created all the same). Before or after start().
    void setOmitImportImageId(bool omit);
    // DescribeImages lists a new image only this long after its creation (default 0).
    void setImageListingDelayMs(int ms);
    void addAccount(const EmulatorAccount& account);

    // Listens on 127.0.0.1:port (0: any free port).
    bool start(quint16 port = 0, QString* error = nullptr);
    quint16 port() const;
    QString endpoint() const; // "http://127.0.0.1:<port>"
    QString stateDir() const;

    // Fault rules, see FaultInjector.h; counters of what was injected.
    bool setFaults(const QJsonObject& config, QString* error = nullptr);
    bool loadFaults(const QString& path, QString* error = nullptr);
    void clearFaults();
    QJsonObject faultCounters() const;

    // Direct access for tests and the demo, bypassing HTTP. `bucket` is "<name>-<APPID>"; it
    // belongs to the account of that APPID, as on COS.
    bool createBucket(const QString& bucket, const QString& region, bool publicRead = false,
                      QString* error = nullptr);
    QString objectPath(const QString& bucket, const QString& key) const;
    std::optional<ObjectInfo> objectInfo(const QString& bucket, const QString& key) const;
    QList<UploadInfo> pendingUploads(const QString& bucket) const;

    static QString cvmHost() { return QStringLiteral("cvm.tencentcloudapi.com"); }
    static QString cosHost(const QString& bucket, const QString& region)
    {
        return bucket + QStringLiteral(".cos.") + region + QStringLiteral(".myqcloud.com");
    }

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cvmi::emu

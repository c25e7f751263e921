#pragma once

// The permission step's checklist as a core object: credentials valid (DescribeRegions
// succeeds), region available, ImportImage allowed (a DryRun), COS reachable with the buckets
// listed (those in the import's region marked). Each line goes pending → running → ok/failed
// with a message and, when failed, a remedy; lineChanged() reports every change, so the wizard
// shows live results and `cvm-import doctor` prints them. Nothing blocks: the calls are chained
// QFutures continued in this object's thread.
#include "cloud/CloudError.h"
#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <optional>

namespace cvmi::cloud {

struct PermissionLine {
    enum class Item { Credentials, Region, ImportPermission, Cos };
    enum class State { Pending, Running, Ok, Failed };
    Item item = Item::Credentials;
    State state = State::Pending;
    QString title;
    QString message;
    QString remedy;
    CloudError error; // the service's error behind a failure (RequestId for support)
};

class PermissionCheck : public QObject {
    Q_OBJECT
public:
    // The clients must outlive the check.
    PermissionCheck(CvmClient* cvm, CosClient* cos, QString region, QObject* parent = nullptr);

    void start(); // runs the lines; finished() when all are settled
    bool isRunning() const { return m_running; }

    QList<PermissionLine> lines() const { return m_lines; }
    QList<CosBucket> buckets() const { return m_buckets; }
    QList<CosBucket> bucketsInRegion() const;
    std::optional<qint64> clockSkewSeconds() const { return m_skew; }
    bool allOk() const;

    static QString stateName(PermissionLine::State state);

signals:
    void lineChanged(int index, const cvmi::cloud::PermissionLine& line);
    void finished(bool allOk);

private:
    void set(PermissionLine::Item item, PermissionLine::State state, const QString& message,
             const QString& remedy = {}, const CloudError& error = {});
    void fail(PermissionLine::Item item, const CloudError& error);
    void noteSkew(const std::optional<qint64>& skew);
    void checkCos();
    void checkImport();
    void finish();

    CvmClient* m_cvm;
    CosClient* m_cos;
    QString m_region;
    QList<PermissionLine> m_lines;
    QList<CosBucket> m_buckets;
    std::optional<qint64> m_skew;
    bool m_running = false;
};

} // namespace cvmi::cloud

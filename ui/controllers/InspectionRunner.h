#pragma once

#include "controllers/InspectionResult.h"

#include "inspect/InspectionBudget.h"
#include "policy/Policy.h"
#include "util/CancelToken.h"

#include <QObject>
#include <QString>

namespace cvmi::ui {

// Runs the inspection and the policy for one image on a worker thread and delivers the result on
// the GUI thread, always from the event loop (never inside start()). Only the newest request
// counts: starting another image, or cancel(), makes the one in flight stale, and its result is
// dropped when it arrives.
class InspectionRunner : public QObject {
    Q_OBJECT
public:
    explicit InspectionRunner(QObject* parent = nullptr);
    ~InspectionRunner() override;

    // The rules to judge by; the built-in ones unless the user chose a rule file. Takes effect at
    // the next start().
    void setPolicy(const policy::Policy& policy) { m_policy = policy; }
    const policy::Policy& policy() const { return m_policy; }
    // The inspection's budgets (the time limit from Settings); takes effect at the next start().
    void setOptions(const inspect::InspectOptions& options) { m_options = options; }

    void start(const QString& path);
    void cancel();

    bool isRunning() const { return m_running; }
    QString currentPath() const { return m_path; }

signals:
    void started(const QString& path);
    void finished(const cvmi::ui::InspectionResult& result);
    void cancelled(const QString& path);
    void runningChanged(bool running);

private:
    void deliver(quint64 generation, const InspectionResult& result);
    void setRunning(bool running);

    policy::Policy m_policy;
    inspect::InspectOptions m_options;
    CancelToken m_token;
    // Identifies the newest request; a result carrying an older number is stale.
    quint64 m_generation = 0;
    QString m_path;
    bool m_running = false;
};

} // namespace cvmi::ui

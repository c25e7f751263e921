#include "controllers/InspectionRunner.h"

#include "inspect/Inspector.h"
#include "util/FutureReply.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace cvmi::ui {

namespace {

// Runs on the worker: everything here reads the file, so none of it may touch the GUI thread.
InspectionResult inspectAndJudge(const QString& path, const policy::Policy& policy,
                                 const inspect::InspectOptions& options, const CancelToken& cancel)
{
    InspectionResult result;
    result.facts = inspect::inspectImage(path, options, cancel);
    if (!cancel.isCancelled())
        result.report = policy.evaluate(result.facts);
    return result;
}

} // namespace

InspectionRunner::InspectionRunner(QObject* parent)
    : QObject(parent), m_policy(policy::Policy::builtin())
{
}

InspectionRunner::~InspectionRunner()
{
    // The worker may outlive us; tell it to stop early. It holds no pointer to this object.
    m_token.cancel();
}

void InspectionRunner::start(const QString& path)
{
    m_token.cancel(); // the previous request, if any, is no longer wanted
    m_token = CancelToken();
    const quint64 generation = ++m_generation;
    m_path = path;
    setRunning(true);
    emit started(path);

    QPointer<InspectionRunner> self(this);
    // The watcher reports from the event loop, after start() has returned and the caller's
    // state is set, and never once this runner is gone.
    util::onResult(QtConcurrent::run(inspectAndJudge, path, m_policy, m_options, m_token), this,
                   [self, generation](const InspectionResult& result) {
                       if (self)
                           self->deliver(generation, result);
                   });
}

void InspectionRunner::cancel()
{
    if (!m_running)
        return;
    m_token.cancel();
    ++m_generation; // whatever the worker still returns is now stale
    setRunning(false);
    emit cancelled(m_path);
}

void InspectionRunner::deliver(quint64 generation, const InspectionResult& result)
{
    if (generation != m_generation)
        return;
    setRunning(false);
    emit finished(result);
}

void InspectionRunner::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

} // namespace cvmi::ui

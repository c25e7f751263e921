#include "UploadRun.h"

#include "StopSignals.h"
#include "UploadCommand.h"
#include "UploadReport.h"
#include "transfer/UploadEngine.h"

#include <QElapsedTimer>
#include <QEventLoop>

#include <csignal>
#include <memory>

namespace cvmi::cli {

namespace {

using transfer::UploadProgress;
using transfer::UploadResult;
using transfer::UploadState;

// One upload from start to exit status: the engine, its progress shown or emitted, the stop
// signals.
class UploadRun {
public:
    UploadRun(const CliContext& context, PreparedUpload prepared, const SecretScrubber& scrub)
        : m_p(std::move(prepared)), m_report(context, m_p, scrub)
    {
    }

    int exec()
    {
        m_report.started();
        StopSignals stopSignals;
        QObject::connect(&stopSignals, &StopSignals::received, &m_loop,
                         [this](int number, int signal) { onSignal(number, signal); });
        m_engine = std::make_unique<transfer::UploadEngine>(m_p.job);
        QObject::connect(m_engine.get(), &transfer::UploadEngine::progressChanged, &m_loop,
                         [this](const UploadProgress& p) { onProgress(p); });
        QObject::connect(m_engine.get(), &transfer::UploadEngine::finished, &m_loop,
                         [this](const UploadResult& r) { onFinished(r); });
        m_clock.start();
        m_engine->start();
        const int status = m_loop.exec();
        m_engine.reset();
        return status;
    }

private:
    void onProgress(const UploadProgress& reported)
    {
        // Before the engine has read the file its first report has no totals yet (-1, 0): the
        // plan made here already knows them.
        UploadProgress p = reported;
        // A converted upload's length is unknown until its stream ends: -1 stays.
        if (p.totalBytes < 0 && !m_p.converting()) {
            p.totalBytes = m_p.plan.fileSize;
            p.bytesSent = qMax<qint64>(0, p.bytesSent);
        }
        if (p.partsTotal <= 0 && !m_p.converting())
            p.partsTotal = m_p.plan.partCount;
        const bool firstUploading = p.state == UploadState::Uploading &&
                                    m_last.state != UploadState::Uploading && !m_announcedReuse;
        // A resume first reads the parts already sent again (UploadState::Verifying).
        if (p.state == UploadState::Verifying)
            m_report.checking(p);
        m_report.progress(p, m_last.partsDone, firstUploading && m_p.record.has_value());
        m_announcedReuse = m_announcedReuse || firstUploading;
        m_last = p;
        if (m_stopping && p.state == UploadState::Paused)
            stopSoon();
    }

    void onSignal(int number, int signal)
    {
        m_stopSignal = signal;
        if (m_stopRequested)
            return;
        // Nothing is in flight while the parts already sent are read: stopping loses nothing.
        if (number >= 2 || m_p.plan.singlePut || m_last.state == UploadState::Verifying) {
            stopSoon();
            return;
        }
        if (m_last.state == UploadState::Completing || m_last.state == UploadState::Finished) {
            m_report.completingAnyway(signal);
            return;
        }
        m_stopping = true;
        m_report.stopping(signal);
        m_engine->pause();
    }

    // Destroying the engine from inside one of its own signals would pull the object from under
    // the call: the stop runs from the event loop instead.
    void stopSoon()
    {
        m_stopRequested = true;
        QMetaObject::invokeMethod(
            &m_loop, [this] { stop(); }, Qt::QueuedConnection);
    }

    void stop()
    {
        m_engine.reset(); // stops the transfer thread; the server's parts and the record stay
        const auto record = transfer::Checkpoints(m_p.job.checkpointDir)
                                .loadResumable(m_p.absolutePath, m_p.destinationKey, nullptr);
        m_report.stopped(m_stopSignal, record);
        m_loop.exit(m_stopSignal == SIGTERM ? ExitStoppedByTerminate : ExitStoppedByInterrupt);
    }

    void onFinished(const UploadResult& r)
    {
        if (m_stopRequested)
            return;
        m_report.finished(r, double(m_clock.elapsed()) / 1000.0);
        m_loop.exit(r.ok ? ExitOk : ExitError);
    }

    const PreparedUpload m_p;
    UploadReport m_report;
    std::unique_ptr<transfer::UploadEngine> m_engine;
    QEventLoop m_loop;
    QElapsedTimer m_clock;
    UploadProgress m_last;
    bool m_announcedReuse = false;
    bool m_stopping = false;      // paused, waiting for the parts in flight
    bool m_stopRequested = false; // the engine is being destroyed
    int m_stopSignal = SIGINT;
};

} // namespace

int runPreparedUpload(const CliContext& context, PreparedUpload prepared,
                      const SecretScrubber& scrub)
{
    return UploadRun(context, std::move(prepared), scrub).exec();
}

} // namespace cvmi::cli

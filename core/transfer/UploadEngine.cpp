#include "transfer/UploadEngine.h"

#include "transfer/Checkpoint.h"
#include "transfer/UploadSession.h"

#include <QFileInfo>

namespace cvmi::transfer {

UploadEngine::UploadEngine(UploadJob job, QObject* parent) : QObject(parent), m_job(std::move(job))
{
    qRegisterMetaType<cvmi::transfer::UploadProgress>();
    qRegisterMetaType<cvmi::transfer::UploadResult>();
}

UploadEngine::~UploadEngine()
{
    if (m_session)
        m_session->shutdown();
    if (m_thread.joinable())
        m_thread.join();
}

bool UploadEngine::pending(const UploadJob& job)
{
    const Checkpoints checkpoints(job.checkpointDir);
    return QFileInfo::exists(checkpoints.pathFor(job.filePath.absolute().display(),
                                                 Checkpoints::destinationKey(job.destination)));
}

void UploadEngine::start()
{
    if (m_session)
        return;
    m_running = true;
    // The session calls these on the transfer thread; queueing to `this` delivers them in the
    // engine's thread, and Qt drops what is still queued if the engine is destroyed first.
    UploadSession::Sink sink;
    sink.progress = [this](const UploadProgress& p) {
        QMetaObject::invokeMethod(
            this, [this, p] { emit progressChanged(p); }, Qt::QueuedConnection);
    };
    sink.finished = [this](const UploadResult& r) {
        QMetaObject::invokeMethod(
            this,
            [this, r] {
                m_running = false;
                emit finished(r);
            },
            Qt::QueuedConnection);
    };
    m_session = std::make_unique<UploadSession>(m_job, std::move(sink), m_streams);
    m_thread = std::thread([session = m_session.get()] { session->run(); });
}

void UploadEngine::pause()
{
    if (m_session)
        m_session->pause();
}

void UploadEngine::resume()
{
    if (m_session)
        m_session->resume();
}

void UploadEngine::cancel()
{
    if (m_session)
        m_session->cancel();
}

} // namespace cvmi::transfer

#pragma once

// The upload engine's public face: give it an UploadJob, start(), and listen. One engine runs
// one upload on its own transfer thread (libcurl's multi interface; see UploadSession); the
// signals arrive queued in the engine's thread, so a GUI stays responsive at full speed.
//
//   auto* engine = new UploadEngine(job, this);
//   connect(engine, &UploadEngine::progressChanged, this, &Page::showProgress);
//   connect(engine, &UploadEngine::finished, this, &Page::uploaded);
//   engine->start();
//
// Resuming: a job for the same file and destination as an interrupted one (the program crashed,
// the engine was destroyed, the network went away) continues from its checkpoint and sends only
// the parts the server does not have; pending() tells whether there is such a checkpoint.
// Proxy: UploadJob::proxy when set, else libcurl's environment variables (https_proxy,
// http_proxy, all_proxy, no_proxy); loopback is never proxied. TLS certificates are always
// verified. For a private bucket, the result's objectUrl needs a signature to be read by the
// import: CosClient::presignedGetUrl(bucket, region, key, ...) makes one.
#include "transfer/ObjectStream.h"
#include "transfer/UploadJob.h"

#include <QObject>
#include <memory>
#include <thread>

namespace cvmi::transfer {

class UploadSession;

class UploadEngine : public QObject {
    Q_OBJECT
public:
    explicit UploadEngine(UploadJob job, QObject* parent = nullptr);
    // Stops the transfer thread at once. The multipart upload and its checkpoint stay, so a
    // later engine with the same job resumes it; cancel() first to leave nothing behind.
    ~UploadEngine() override;

    const UploadJob& job() const { return m_job; }
    bool isRunning() const { return m_running; }

    // Whether a checkpoint of an unfinished upload of this job's file to its destination exists.
    static bool pending(const UploadJob& job);

    // What makes a converted job's object (Conversion::Qcow2); before start(). The default
    // converts the file with convert::Qcow2Stream; tests hand in a deterministic fake.
    void setStreamFactory(ObjectStreamFactory factory) { m_streams = std::move(factory); }

public slots:
    void start(); // once per engine
    void pause(); // no new parts start; parts in flight finish
    void resume();
    void cancel(); // aborts the multipart upload and removes the checkpoint; finished() follows

signals:
    void progressChanged(const cvmi::transfer::UploadProgress& progress); // ≤ 10 per second
    void finished(const cvmi::transfer::UploadResult& result);

private:
    UploadJob m_job;
    ObjectStreamFactory m_streams = openQcow2ObjectStream;
    std::unique_ptr<UploadSession> m_session;
    std::thread m_thread;
    bool m_running = false;
};

} // namespace cvmi::transfer

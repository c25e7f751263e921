#pragma once

// What `cvm-import upload` says while it runs, as text on stderr (the progress line and the
// messages; the URL and CRC-64 on stdout) or, with --json, as one event per line on stdout
// (docs/cli-upload.md). UploadRun decides when; this says what, in either form.
#include "CliContext.h"
#include "SecretScrubber.h"
#include "UploadEvents.h"
#include "UploadProgressView.h"
#include "UploadRun.h"
#include "transfer/UploadEngine.h"

namespace cvmi::cli {

class UploadReport {
public:
    UploadReport(const CliContext& context, const PreparedUpload& prepared,
                 const SecretScrubber& scrub);

    // The start: what is uploaded where and how, and the interrupted upload it resumes.
    void started();
    // A progress report; `resumeReused`: the first one uploading after a resume, which says how
    // many parts the server still had.
    void progress(const transfer::UploadProgress& p, int partsDoneBefore, bool resumeReused);
    // The check of the parts already sent (UploadState::Verifying): its start and its end.
    void checking(const transfer::UploadProgress& p);
    // A first stop signal: while the upload is completed it changes nothing...
    void completingAnyway(int signal);
    // ... otherwise the parts in flight are confirmed first.
    void stopping(int signal);
    // The run stopped by `signal`; `record`: the resume record it left, if any.
    void stopped(int signal, const std::optional<transfer::Checkpoint>& record);
    void finished(const transfer::UploadResult& r, double seconds);

private:
    void say(const QString& text);
    void emitFreshParts();
    bool resumable() const;
    void emitFinished(const transfer::UploadResult& r, double seconds);
    // The "part" events of the parts confirmed last, whose record went with the upload.
    void emitLastParts(const transfer::UploadResult& r);
    void printFinished(const transfer::UploadResult& r, double seconds);
    void printFailed(const transfer::UploadResult& r);

    const CliContext& m_context;
    const PreparedUpload& m_p;
    const SecretScrubber& m_scrub;
    UploadProgressView m_view;
    UploadEvents m_events;
    ConfirmedParts m_parts;
    bool m_checkAnnounced = false;
    bool m_checkDone = false;
};

} // namespace cvmi::cli

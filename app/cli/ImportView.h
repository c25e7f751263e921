#pragma once

// What `cvm-import import` and `imports --follow` print while an ImportRunner works: readable
// lines (a status line rewritten in place on a terminal) or, with --json, one JSON event per
// line (docs/cli-import.md). Every string that may come from the service or a file passes the
// SecretScrubber first.
#include "SecretScrubber.h"
#include "importrun/ImportRunner.h"

#include <QJsonObject>
#include <QTextStream>

namespace cvmi::cli {

class ImportView {
public:
    ImportView(QTextStream& out, bool json, const SecretScrubber& scrub);

    // Connects to every signal of `runner`.
    void attach(importrun::ImportRunner& runner);

    // One event {"event": name, ...} on its own line (json), flushed at once.
    void event(const QString& name, QJsonObject fields);
    // The final lines (text) or the "finished" event (json).
    void finished(const importrun::ImportRunner& runner);

    static int exitCode(importrun::ImportRunner::Outcome outcome);

private:
    void status(const QString& state, qint64 elapsedMs, bool changed);
    void endStatusLine();
    // The signals' output, each as text or as its JSON event.
    void catalogueUsed(const importform::OsCatalogue& catalogue, const cloud::CloudError& error);
    void validated(const QList<importform::FieldProblem>& problems);
    void retrying(const cloud::CloudError& error, int attempt, int delayMs);
    void importUrlChosen(bool signedUrl, const QString& note);
    void dryRunAllowed(const QString& requestId);
    void imageCreated(const QString& imageId, const QString& region);
    void imageFoundByName(const QString& imageId, const QString& note);
    void polled(const QString& imageId, const QString& state, qint64 elapsedMs);
    void historyFailed(const Error& error);

    QTextStream& m_out;
    bool m_json;
    const SecretScrubber& m_scrub;
    bool m_tty;
    bool m_statusOpen = false; // a status line without its newline yet (terminal only)
    QString m_imageId;
};

} // namespace cvmi::cli

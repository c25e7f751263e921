#include "controllers/DraftFiles.h"

#include "WizardSession.h"

#include "util/FutureReply.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace cvmi::ui {

namespace {

struct SaveOutcome {
    bool ok = false;
    bool stripped = false;
    Error error;
};

} // namespace

DraftFiles::DraftFiles(WizardSession* session, QObject* parent)
    : QObject(parent), m_session(session)
{
}

void DraftFiles::save(const QString& path, const importform::ImportForm& form,
                      const QString& region)
{
    importform::Draft draft;
    draft.created = QDateTime::currentDateTimeUtc();
    draft.appVersion = QCoreApplication::applicationVersion();
    draft.region = region;
    draft.form = form;
    draft.source.imagePath = m_session->imagePath();
    if (m_session->hasInspection())
        draft.source.verdict = policy::verdictName(m_session->inspection().report.overall());
    emit status(tr("Saving…"), false);
    util::onResult(
        QtConcurrent::run([path, draft]() mutable {
            if (!draft.source.imagePath.isEmpty() && QFileInfo(draft.source.imagePath).isFile())
                draft.source.imageSize = QFileInfo(draft.source.imagePath).size();
            SaveOutcome outcome;
            outcome.ok = importform::writeDraft(path, draft, &outcome.error, &outcome.stripped);
            return outcome;
        }),
        this, [this, path](const SaveOutcome& outcome) {
            if (!outcome.ok) {
                emit status(outcome.error.message, true);
                return emit saved(path, outcome.error.message);
            }
            QString text = tr("Saved the draft to %1.").arg(QDir::toNativeSeparators(path));
            if (outcome.stripped)
                text += u' ' + tr("The URL's signature was left out, so the draft holds no secret; "
                                  "the import signs a private object's URL again.");
            emit status(text, false);
            emit saved(path, QString());
        });
}

void DraftFiles::open(const QString& path)
{
    emit status(tr("Opening %1…").arg(QDir::toNativeSeparators(path)), false);
    util::onResult(QtConcurrent::run([path] {
                       Error error;
                       std::optional<importform::Draft> draft = importform::readDraft(path, &error);
                       return std::make_pair(draft, error);
                   }),
                   this, [this, path](const std::pair<std::optional<importform::Draft>, Error>& r) {
                       if (!r.first) {
                           emit status(r.second.message, true);
                           return emit opened(path, {}, r.second.message);
                       }
                       emit status(openedText(path, *r.first), false);
                       emit opened(path, *r.first, QString());
                   });
}

QString DraftFiles::openedText(const QString& path, const importform::Draft& draft) const
{
    QString text = tr("Opened the draft %1, saved %2.")
                       .arg(QDir::toNativeSeparators(path),
                            QLocale().toString(draft.created.toLocalTime(), QLocale::ShortFormat));
    if (m_session->hasAccount() && !draft.region.isEmpty() && draft.region != m_session->region())
        text += u' ' + tr("It was made for %1; the account's region is %2.")
                           .arg(draft.region, m_session->region());
    return text;
}

} // namespace cvmi::ui

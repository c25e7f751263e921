#include "controllers/DraftRecovery.h"

#include "util/FutureReply.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace cvmi::ui {

namespace {

const QString kFileName = QStringLiteral("import-form.json");

} // namespace

QString DraftRecovery::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

DraftRecovery::DraftRecovery(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftRecovery::write);
}

void DraftRecovery::setFolder(const QString& folder)
{
    m_folder = folder;
}

QString DraftRecovery::filePath() const
{
    return m_folder.isEmpty() ? QString() : QDir(m_folder).filePath(kFileName);
}

void DraftRecovery::edited()
{
    m_unsaved = true;
    if (!m_folder.isEmpty())
        m_timer.start(); // again: 1.5 s after the last change
}

void DraftRecovery::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        write();
    }
}

void DraftRecovery::markOpened()
{
    flush();
    m_unsaved = false;
}

void DraftRecovery::forget()
{
    m_unsaved = false;
    m_timer.stop();
    ++m_generation;
    m_writeAgain = false;
    if (!m_folder.isEmpty())
        QFile::remove(filePath());
}

void DraftRecovery::write()
{
    if (m_folder.isEmpty() || !m_source)
        return;
    if (m_writing) {
        m_writeAgain = true; // after the one under way, so that the newest form is the last
        return;
    }
    importform::Draft draft = m_source();
    draft.created = QDateTime::currentDateTimeUtc();
    const QString path = filePath();
    const QString folder = m_folder;
    const int generation = m_generation;
    m_writing = true;
    util::onResult(
        QtConcurrent::run([path, folder, draft] {
            Error error;
            if (!QDir().mkpath(folder))
                return tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(folder));
            return importform::writeDraft(path, draft, &error) ? QString() : error.message;
        }),
        this, [this, path, generation](const QString& error) {
            m_writing = false;
            // Forgotten while it was written: the file must not come back.
            if (generation != m_generation)
                QFile::remove(path);
            else
                emit saved(path, error);
            if (std::exchange(m_writeAgain, false))
                write();
        });
}

std::optional<importform::Draft> DraftRecovery::recovered() const
{
    const QString path = filePath();
    if (path.isEmpty() || !QFile::exists(path))
        return std::nullopt;
    Error error;
    std::optional<importform::Draft> draft = importform::readDraft(path, &error);
    if (!draft)
        QFile::remove(path);
    return draft;
}

} // namespace cvmi::ui

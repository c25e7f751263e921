#include "controllers/OsCatalogueController.h"

#include "WizardSession.h"

#include "util/FutureReply.h"

#include "cloud/CvmClient.h"

#include <QLocale>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace cvmi::ui {

OsCatalogueController::OsCatalogueController(WizardSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_catalogue(importform::OsCatalogueStore::builtIn())
{
}

void OsCatalogueController::setStore(const importform::OsCatalogueStore& store)
{
    m_store = store;
    const quint64 generation = ++m_generation;
    util::onResult(QtConcurrent::run([store] {
                       QStringList warnings;
                       importform::OsCatalogue catalogue = store.load(&warnings);
                       return std::make_pair(catalogue, warnings);
                   }),
                   this,
                   [this, generation](const std::pair<importform::OsCatalogue, QStringList>& r) {
                       // A live answer or a newer store since the load began wins over what was on
                       // disk.
                       if (generation == m_generation)
                           setCatalogue(r.first, r.second);
                   });
}

void OsCatalogueController::setCatalogue(const importform::OsCatalogue& catalogue,
                                         const QStringList& warnings)
{
    m_catalogue = catalogue;
    m_warnings = warnings;
    m_message.clear();
    emit changed();
    emit statusChanged(status());
}

QString OsCatalogueController::status() const
{
    using Origin = importform::OsCatalogue::Origin;
    const QString when =
        QLocale().toString(m_catalogue.fetched().toLocalTime(), QLocale::ShortFormat);
    QString text;
    switch (m_catalogue.origin()) {
    case Origin::BuiltIn:
        text = tr("OS list: the one built into this program (%1 systems); refresh it when "
                  "online.")
                   .arg(m_catalogue.osTypes().size());
        break;
    case Origin::Cache:
        text = tr("OS list: saved from Tencent Cloud on %1 (%2 systems).")
                   .arg(when)
                   .arg(m_catalogue.osTypes().size());
        break;
    case Origin::Live:
        text = tr("OS list: from Tencent Cloud, %1 (%2 systems).")
                   .arg(when)
                   .arg(m_catalogue.osTypes().size());
        break;
    }
    for (const QString& line : m_warnings + QStringList{m_message}) {
        if (!line.isEmpty())
            text += u'\n' + line;
    }
    return text;
}

void OsCatalogueController::setMessage(const QString& message)
{
    m_message = message;
    emit statusChanged(status());
}

void OsCatalogueController::refresh()
{
    cloud::CvmClient* cvm = m_session->cvm();
    if (!cvm || !m_session->credentials().isUsable()) {
        const QString message =
            tr("Not refreshed: connect an account on the Account page first. The list shown "
               "works offline.");
        setMessage(message);
        emit refreshed(message);
        return;
    }
    emit busyChanged(true);
    setMessage(tr("Asking Tencent Cloud…"));
    QPointer<cloud::CvmClient> client(cvm);
    util::onResult(cvm->describeImportImageOs(), this,
                   [this, client](const cloud::CloudResult<cloud::ImportImageOsList>& result) {
                       emit busyChanged(false);
                       if (client != m_session->cvm()) {
                           const QString message = tr("The account changed during the refresh.");
                           setMessage(message);
                           return emit refreshed(message);
                       }
                       if (!result.ok()) {
                           const QString message =
                               tr("Could not refresh the list: %1 %2 The list shown still works.")
                                   .arg(result.error.userMessage, result.error.remedy);
                           setMessage(message);
                           return emit refreshed(message);
                       }
                       keep(result.value, QDateTime::currentDateTimeUtc());
                   });
}

// Shows the live list at once and caches it in the background; refreshed() follows the cache.
void OsCatalogueController::keep(const cloud::ImportImageOsList& list, const QDateTime& fetched)
{
    ++m_generation; // a cache load still running must not replace this
    setCatalogue(importform::OsCatalogue(list, importform::OsCatalogue::Origin::Live, fetched));
    const importform::OsCatalogueStore store = m_store;
    util::onResult(
        QtConcurrent::run([store, list, fetched] {
            Error error;
            store.save(list, fetched, &error);
            return error;
        }),
        this, [this](const Error& error) {
            if (error.isSet())
                setMessage(tr("The list could not be kept for offline use: %1").arg(error.message));
            emit refreshed(QString());
        });
}

} // namespace cvmi::ui

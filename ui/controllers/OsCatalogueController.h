#pragma once

#include "importform/OsCatalogue.h"

#include <QObject>
#include <QStringList>

namespace cvmi::ui {

class WizardSession;

// The OS list the import form offers (the vendor's DescribeImportImageOs answer): the one built
// in, then the one cached on disk once it is loaded (in the background: a slow home directory
// must not freeze the window), then a live one after refresh(), which is cached for offline use.
// status() says which list it is, with what went wrong last.
class OsCatalogueController : public QObject {
    Q_OBJECT
public:
    explicit OsCatalogueController(WizardSession* session, QObject* parent = nullptr);

    // Where the list is cached (default: the user's cache folder). Loads it; changed() follows.
    void setStore(const importform::OsCatalogueStore& store);
    const importform::OsCatalogue& catalogue() const { return m_catalogue; }
    // "OS list: saved from Tencent Cloud on … (n systems)." with the load's warnings and the
    // last refresh's message, one a line.
    QString status() const;
    // DescribeImportImageOs with the session's account; on success the list replaces the shown
    // one and is cached. Without a usable account it says so in status() and changes nothing.
    void refresh();

signals:
    void changed(); // catalogue() is another list
    void statusChanged(const QString& status);
    void busyChanged(bool busy); // a refresh started or ended
    // After refresh(): empty on success, else what went wrong.
    void refreshed(const QString& error);

private:
    void setCatalogue(const importform::OsCatalogue& catalogue, const QStringList& warnings = {});
    void keep(const cloud::ImportImageOsList& list, const QDateTime& fetched);
    void setMessage(const QString& message);

    WizardSession* m_session;
    importform::OsCatalogueStore m_store;
    importform::OsCatalogue m_catalogue;
    QStringList m_warnings; // from loading the cache
    QString m_message;      // from the last refresh
    quint64 m_generation = 0;
};

} // namespace cvmi::ui

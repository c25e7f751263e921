#pragma once

// The operating systems ImportImage accepts, from DescribeImportImageOs: OsType names (Linux and
// Windows), and per OsType its OsVersions and Architectures. Three origins, in order of
// preference: the cache written after the last successful live call (with its fetch date), and
// the offline default compiled into the program (resources/import-os/default.json, the vendor's
// published example answer, see its "_source"; the emulator serves the same file). Only a live
// list is authoritative: a value missing from a cached or built-in list may still be accepted by
// the service (ImportForm::validate then warns instead of refusing).
#include "cloud/CvmClient.h"
#include "util/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace cvmi::importform {

class OsCatalogue {
public:
    enum class Origin { BuiltIn, Cache, Live };

    OsCatalogue() = default;
    OsCatalogue(cloud::ImportImageOsList list, Origin origin, QDateTime fetched = {});

    // The answer's two fields, ImportImageOsListSupported and ImportImageOsVersionSet, checked
    // for types (an OsName listed twice, or a version set for an OsType not in the list, is
    // accepted: the service's answer is the truth).
    static std::optional<cloud::ImportImageOsList> parseAnswer(const QJsonObject& answer,
                                                               Error* error);
    static QJsonObject toAnswer(const cloud::ImportImageOsList& list);

    const cloud::ImportImageOsList& list() const { return m_list; }
    Origin origin() const { return m_origin; }
    QDateTime fetched() const { return m_fetched; } // invalid for the built-in list
    bool isEmpty() const { return osTypes().isEmpty(); }

    // Linux then Windows, in the service's order, then any OsName that has a version set but is
    // missing from both lists (the vendor's own example answer lists Redhat that way) as Linux.
    QStringList osTypes() const;
    bool hasOsType(const QString& osType) const;
    // The offered spelling of `osType`, compared case-insensitively ("RedHat" → "Redhat");
    // empty when none matches.
    QString offeredOsType(const QString& osType) const;
    bool isLive() const { return m_origin == Origin::Live; }
    bool isWindows(const QString& osType) const;
    QStringList versions(const QString& osType) const;
    QStringList architectures(const QString& osType) const;

private:
    const cloud::ImportImageOsVersion* entry(const QString& osType) const;

    cloud::ImportImageOsList m_list;
    Origin m_origin = Origin::BuiltIn;
    QDateTime m_fetched;
};

// Where the catalogue is kept between runs. The cache directory defaults to
// QStandardPaths::CacheLocation; tests pass their own.
class OsCatalogueStore {
public:
    static constexpr qint64 maxCacheBytes = 1 << 20;

    explicit OsCatalogueStore(QString cacheDir = {});

    QString cacheFile() const;
    // The cached list when it is present and valid, else the built-in one. A cache that cannot
    // be read is ignored with a warning in *warnings (and the log), never an error.
    OsCatalogue load(QStringList* warnings = nullptr) const;
    // After a successful live call: writes the cache atomically with the fetch date.
    bool save(const cloud::ImportImageOsList& list, const QDateTime& fetched, Error* error) const;

    static OsCatalogue builtIn();

private:
    std::optional<OsCatalogue> loadCache(QString* warning) const;

    QString m_cacheDir;
};

} // namespace cvmi::importform

#include "importform/OsCatalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

namespace cvmi::importform {

namespace {

Q_LOGGING_CATEGORY(lcCatalogue, "cvmi.importform.catalogue")

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importform::OsCatalogue)
};

const QLatin1String kCacheFormat("cvm-import-os-cache");
constexpr int kCacheVersion = 1;

bool stringList(const QJsonValue& value, const QString& where, QStringList* out, Error* error)
{
    if (!value.isArray())
        return fail(error, QStringLiteral("catalogue.type"),
                    Text::tr("%1 is not a list of strings.").arg(where));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString() || array[i].toString().isEmpty())
            return fail(error, QStringLiteral("catalogue.type"),
                        Text::tr("%1[%2] is not a non-empty string.").arg(where).arg(i));
        out->append(array[i].toString());
    }
    return true;
}

} // namespace

OsCatalogue::OsCatalogue(cloud::ImportImageOsList list, Origin origin, QDateTime fetched)
    : m_list(std::move(list)), m_origin(origin), m_fetched(std::move(fetched))
{
}

std::optional<cloud::ImportImageOsList> OsCatalogue::parseAnswer(const QJsonObject& answer,
                                                                 Error* error)
{
    cloud::ImportImageOsList list;
    const QJsonValue supported = answer.value(QLatin1String("ImportImageOsListSupported"));
    if (!supported.isObject()) {
        fail(error, QStringLiteral("catalogue.type"),
             Text::tr("ImportImageOsListSupported is missing or not an object."));
        return std::nullopt;
    }
    const QJsonObject families = supported.toObject();
    if (!stringList(families.value(QLatin1String("Linux")),
                    QStringLiteral("ImportImageOsListSupported.Linux"), &list.linuxOs, error) ||
        !stringList(families.value(QLatin1String("Windows")),
                    QStringLiteral("ImportImageOsListSupported.Windows"), &list.windowsOs, error))
        return std::nullopt;
    const QJsonValue set = answer.value(QLatin1String("ImportImageOsVersionSet"));
    if (!set.isArray()) {
        fail(error, QStringLiteral("catalogue.type"),
             Text::tr("ImportImageOsVersionSet is missing or not a list."));
        return std::nullopt;
    }
    const QJsonArray entries = set.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("ImportImageOsVersionSet[%1]").arg(i);
        const QJsonObject o = entries[i].toObject();
        const QJsonValue name = o.value(QLatin1String("OsName"));
        if (!entries[i].isObject() || !name.isString() || name.toString().isEmpty()) {
            fail(error, QStringLiteral("catalogue.type"),
                 Text::tr("%1 has no OsName string.").arg(where));
            return std::nullopt;
        }
        cloud::ImportImageOsVersion v;
        v.osName = name.toString();
        if (!stringList(o.value(QLatin1String("OsVersions")), where + QStringLiteral(".OsVersions"),
                        &v.osVersions, error) ||
            !stringList(o.value(QLatin1String("Architecture")),
                        where + QStringLiteral(".Architecture"), &v.architectures, error))
            return std::nullopt;
        list.versions.append(v);
    }
    if (list.linuxOs.isEmpty() && list.windowsOs.isEmpty()) {
        fail(error, QStringLiteral("catalogue.empty"),
             Text::tr("The OS list names no operating system."));
        return std::nullopt;
    }
    return list;
}

QJsonObject OsCatalogue::toAnswer(const cloud::ImportImageOsList& list)
{
    QJsonArray set;
    for (const auto& v : list.versions)
        set.append(QJsonObject{
            {QStringLiteral("OsName"), v.osName},
            {QStringLiteral("OsVersions"), QJsonArray::fromStringList(v.osVersions)},
            {QStringLiteral("Architecture"), QJsonArray::fromStringList(v.architectures)}});
    return QJsonObject{
        {QStringLiteral("ImportImageOsListSupported"),
         QJsonObject{{QStringLiteral("Linux"), QJsonArray::fromStringList(list.linuxOs)},
                     {QStringLiteral("Windows"), QJsonArray::fromStringList(list.windowsOs)}}},
        {QStringLiteral("ImportImageOsVersionSet"), set}};
}

QStringList OsCatalogue::osTypes() const
{
    QStringList types = m_list.linuxOs + m_list.windowsOs;
    for (const auto& v : m_list.versions) {
        if (!types.contains(v.osName))
            types.append(v.osName);
    }
    return types;
}

QString OsCatalogue::offeredOsType(const QString& osType) const
{
    const QStringList types = osTypes();
    if (types.contains(osType))
        return osType;
    for (const QString& t : types) {
        if (t.compare(osType, Qt::CaseInsensitive) == 0)
            return t;
    }
    return {};
}

bool OsCatalogue::hasOsType(const QString& osType) const
{
    return osTypes().contains(osType);
}

bool OsCatalogue::isWindows(const QString& osType) const
{
    return m_list.windowsOs.contains(osType);
}

const cloud::ImportImageOsVersion* OsCatalogue::entry(const QString& osType) const
{
    for (const auto& v : m_list.versions) {
        if (v.osName == osType)
            return &v;
    }
    return nullptr;
}

QStringList OsCatalogue::versions(const QString& osType) const
{
    const auto* e = entry(osType);
    return e ? e->osVersions : QStringList();
}

QStringList OsCatalogue::architectures(const QString& osType) const
{
    const auto* e = entry(osType);
    return e ? e->architectures : QStringList();
}

OsCatalogueStore::OsCatalogueStore(QString cacheDir) : m_cacheDir(std::move(cacheDir))
{
    if (m_cacheDir.isEmpty())
        m_cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
}

QString OsCatalogueStore::cacheFile() const
{
    return QDir(m_cacheDir).filePath(QStringLiteral("import-image-os.json"));
}

OsCatalogue OsCatalogueStore::builtIn()
{
    QFile file(QStringLiteral(":/import-os/default.json"));
    Error error;
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        if (auto list = OsCatalogue::parseAnswer(doc.object(), &error))
            return OsCatalogue(*list, OsCatalogue::Origin::BuiltIn);
    }
    // A build without the resource is a packaging bug, not a user error: say so in the log and
    // let validation report every OsType as unknown rather than stop the program.
    qCCritical(lcCatalogue).noquote()
        << "The built-in OS list :/import-os/default.json is missing or invalid:" << error.message;
    return OsCatalogue({}, OsCatalogue::Origin::BuiltIn);
}

std::optional<OsCatalogue> OsCatalogueStore::loadCache(QString* warning) const
{
    QFile file(cacheFile());
    if (!file.exists())
        return std::nullopt;
    auto ignored = [&](const QString& why) {
        *warning = Text::tr("The cached OS list %1 is ignored (%2); the built-in list is used "
                            "until the next successful refresh.")
                       .arg(QDir::toNativeSeparators(file.fileName()), why);
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly))
        return ignored(file.errorString());
    if (file.size() > maxCacheBytes)
        return ignored(Text::tr("larger than %1 bytes").arg(maxCacheBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(maxCacheBytes), &parseError);
    if (!doc.isObject())
        return ignored(parseError.error != QJsonParseError::NoError
                           ? parseError.errorString()
                           : Text::tr("not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != kCacheFormat ||
        root.value(QLatin1String("version")).toInt() != kCacheVersion)
        return ignored(Text::tr("not a version %1 OS-list cache").arg(kCacheVersion));
    const QDateTime fetched =
        QDateTime::fromString(root.value(QLatin1String("fetched")).toString(), Qt::ISODate);
    if (!fetched.isValid())
        return ignored(Text::tr("no valid \"fetched\" date"));
    Error error;
    const auto list = OsCatalogue::parseAnswer(root, &error);
    if (!list)
        return ignored(error.message);
    return OsCatalogue(*list, OsCatalogue::Origin::Cache, fetched);
}

OsCatalogue OsCatalogueStore::load(QStringList* warnings) const
{
    QString warning;
    if (auto cached = loadCache(&warning))
        return *cached;
    if (!warning.isEmpty()) {
        qCWarning(lcCatalogue).noquote() << warning;
        if (warnings)
            warnings->append(warning);
    }
    return builtIn();
}

bool OsCatalogueStore::save(const cloud::ImportImageOsList& list, const QDateTime& fetched,
                            Error* error) const
{
    if (!QDir().mkpath(m_cacheDir))
        return fail(error, QStringLiteral("catalogue.write"),
                    Text::tr("Cannot create the cache folder %1: check its permissions.")
                        .arg(QDir::toNativeSeparators(m_cacheDir)));
    QJsonObject root = OsCatalogue::toAnswer(list);
    root.insert(QStringLiteral("format"), kCacheFormat);
    root.insert(QStringLiteral("version"), kCacheVersion);
    root.insert(QStringLiteral("fetched"), fetched.toUTC().toString(Qt::ISODate));
    QSaveFile file(cacheFile());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return fail(error, QStringLiteral("catalogue.write"),
                    Text::tr("Cannot write the OS-list cache %1: %2.")
                        .arg(QDir::toNativeSeparators(cacheFile()), file.errorString()));
    return true;
}

} // namespace cvmi::importform

#include "importrun/ImportHistory.h"

#include "importform/CosObjectUrl.h"

#include "util/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <algorithm>

namespace cvmi::importrun {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importrun::ImportHistory)
};

const QLatin1String kFormat("cvm-import-history");
// Another program holding the lock longer than this has died with it; QLockFile then takes it.
constexpr int kLockWaitMs = 10000;

QString isoUtc(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime parseTime(const QJsonValue& v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonObject toJson(const ImportRecord& r)
{
    return {{QStringLiteral("image_id"), r.imageId},
            {QStringLiteral("request_id"), r.requestId},
            {QStringLiteral("region"), r.region},
            {QStringLiteral("image_name"), r.imageName},
            {QStringLiteral("image_url"), importform::stripSignature(r.imageUrl)},
            {QStringLiteral("source_image_path"), r.sourceImagePath},
            {QStringLiteral("state"), r.state},
            {QStringLiteral("message"), r.message},
            {QStringLiteral("started"), isoUtc(r.started)},
            {QStringLiteral("updated"), isoUtc(r.updated)},
            {QStringLiteral("finished"),
             r.finished.isValid() ? QJsonValue(isoUtc(r.finished)) : QJsonValue()}};
}

ImportRecord fromJson(const QJsonObject& o)
{
    ImportRecord r;
    r.imageId = o.value(QStringLiteral("image_id")).toString();
    r.requestId = o.value(QStringLiteral("request_id")).toString();
    r.region = o.value(QStringLiteral("region")).toString();
    r.imageName = o.value(QStringLiteral("image_name")).toString();
    r.imageUrl = o.value(QStringLiteral("image_url")).toString();
    r.sourceImagePath = o.value(QStringLiteral("source_image_path")).toString();
    r.state = o.value(QStringLiteral("state")).toString();
    r.message = o.value(QStringLiteral("message")).toString();
    r.started = parseTime(o.value(QStringLiteral("started")));
    r.updated = parseTime(o.value(QStringLiteral("updated")));
    r.finished = parseTime(o.value(QStringLiteral("finished")));
    return r;
}

void newestFirst(QList<ImportRecord>& records)
{
    std::stable_sort(
        records.begin(), records.end(),
        [](const ImportRecord& a, const ImportRecord& b) { return a.started > b.started; });
}

} // namespace

bool ImportRecord::isFinal() const
{
    return ImportHistory::isFinalState(state);
}

bool ImportHistory::isFinalState(const QString& state)
{
    return state == QLatin1String("NORMAL") || state == QLatin1String("IMPORTFAILED") ||
           state == QLatin1String("CREATEFAILED");
}

ImportHistory::ImportHistory(QString dir) : m_dir(std::move(dir))
{
    if (m_dir.isEmpty())
        m_dir = util::sharedDataDir();
}

QString ImportHistory::filePath() const
{
    return m_dir + QStringLiteral("/imports.json");
}

std::optional<QList<ImportRecord>> ImportHistory::read(Error* error) const
{
    QFile file(filePath());
    if (!file.exists())
        return QList<ImportRecord>{};
    const auto bad = [&](const QString& why) {
        fail(error, QStringLiteral("history.unreadable"),
             Text::tr("The import history %1 cannot be read: %2. Move it aside to start a new "
                      "history; the imports themselves are not affected.")
                 .arg(QDir::toNativeSeparators(filePath()), why));
        return std::nullopt;
    };
    if (file.size() > maxFileBytes)
        return bad(Text::tr("it is %1 bytes, more than the %2 a history can reach")
                       .arg(file.size())
                       .arg(maxFileBytes));
    if (!file.open(QIODevice::ReadOnly))
        return bad(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return bad(Text::tr("not JSON (%1 at byte %2)")
                       .arg(parseError.errorString())
                       .arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return bad(Text::tr("it is not an import history (\"format\" is not \"%1\")").arg(kFormat));
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version > formatVersion)
        return bad(Text::tr("it was written by a newer version of the program (format version "
                            "%1; this one reads up to %2)")
                       .arg(version)
                       .arg(formatVersion));
    QList<ImportRecord> records;
    for (const QJsonValue& v : root.value(QStringLiteral("imports")).toArray()) {
        ImportRecord r = fromJson(v.toObject());
        // A record without ImageId is kept when its RequestId names the import (the service
        // did not give the ImageId); one with neither names nothing.
        if (!r.imageId.isEmpty() || !r.requestId.isEmpty())
            records.append(r);
    }
    newestFirst(records);
    return records;
}

bool ImportHistory::write(const QList<ImportRecord>& records, Error* error) const
{
    QJsonArray list;
    for (const ImportRecord& r : records)
        list.append(toJson(r));
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), formatVersion},
                           {QStringLiteral("imports"), list}};
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return fail(error, QStringLiteral("history.write"),
                    Text::tr("The import history %1 could not be written: %2. The import goes "
                             "on; free some space or fix the folder's permissions to keep it "
                             "in the history.")
                        .arg(QDir::toNativeSeparators(filePath()), file.errorString()));
    return true;
}

std::optional<QList<ImportRecord>> ImportHistory::load(Error* error) const
{
    return read(error);
}

std::optional<ImportRecord> ImportHistory::find(const QString& imageId, Error* error) const
{
    const auto records = read(error);
    if (!records)
        return std::nullopt;
    for (const ImportRecord& r : *records) {
        if (!imageId.isEmpty() && r.imageId == imageId)
            return r;
    }
    fail(error, QStringLiteral("history.not_found"),
         Text::tr("%1 is not in the import history (%2). Pass --region with the region it was "
                  "imported in to follow it anyway.")
             .arg(imageId, QDir::toNativeSeparators(filePath())));
    return std::nullopt;
}

bool ImportHistory::upsert(const ImportRecord& record, Error* error) const
{
    if (!QDir().mkpath(m_dir))
        return fail(error, QStringLiteral("history.write"),
                    Text::tr("The folder %1 for the import history cannot be created; check its "
                             "permissions.")
                        .arg(QDir::toNativeSeparators(m_dir)));
    QLockFile lock(filePath() + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(kLockWaitMs))
        return fail(error, QStringLiteral("history.locked"),
                    Text::tr("The import history %1 is locked by another program for more than "
                             "%2 s; try again when it has finished.")
                        .arg(QDir::toNativeSeparators(filePath()))
                        .arg(kLockWaitMs / 1000));
    auto records = read(error);
    if (!records)
        return false;
    ImportRecord stored = record;
    stored.imageUrl = importform::stripSignature(record.imageUrl);
    const auto same = std::find_if(records->begin(), records->end(), [&](const ImportRecord& r) {
        return record.imageId.isEmpty() ? r.imageId.isEmpty() && r.requestId == record.requestId
                                        : r.imageId == record.imageId;
    });
    if (same != records->end())
        *same = stored;
    else
        records->append(stored);
    newestFirst(*records);
    while (records->size() > maxRecords)
        records->removeLast();
    return write(*records, error);
}

} // namespace cvmi::importrun

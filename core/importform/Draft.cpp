#include "importform/Draft.h"

#include "importform/CosObjectUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace cvmi::importform {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importform::Draft)
};

const QLatin1String kFormat("cvm-import-draft");
// Sanity bounds inside the 1 MiB file: no real form value comes near them.
constexpr qsizetype kMaxString = 8192;
constexpr qsizetype kMaxItems = 1000;

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

// Reads typed values out of one JSON object, remembering the first problem with its path.
class Reader {
public:
    explicit Reader(Error* error) : m_error(error) {}

    bool ok() const { return m_ok; }

    bool wrongType(const QString& path, const QString& expected, const QJsonValue& v)
    {
        return problem(path, Text::tr("must be %1, not %2").arg(expected, typeName(v)));
    }
    bool problem(const QString& path, const QString& what)
    {
        if (m_ok)
            fail(m_error, QStringLiteral("draft.field"),
                 Text::tr("The draft's field \"%1\" %2: correct it in the file, or fill the form "
                          "again and save a new draft.")
                     .arg(path, what));
        m_ok = false;
        return false;
    }

    // `required`: absence is a problem; otherwise absence leaves *out unchanged.
    void string(const QJsonObject& o, const QString& key, const QString& path, QString* out,
                bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                problem(path, Text::tr("is missing"));
            return;
        }
        if (!v.isString())
            return void(wrongType(path, QStringLiteral("a string"), v));
        if (v.toString().size() > kMaxString)
            return void(problem(path, Text::tr("is longer than %1 characters").arg(kMaxString)));
        *out = v.toString();
    }
    void boolean(const QJsonObject& o, const QString& key, const QString& path, bool* out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isBool())
            return void(wrongType(path, QStringLiteral("true or false"), v));
        *out = v.toBool();
    }
    bool array(const QJsonValue& v, const QString& path, QJsonArray* out)
    {
        if (!v.isArray())
            return wrongType(path, QStringLiteral("a list"), v);
        if (v.toArray().size() > kMaxItems)
            return problem(path, Text::tr("has more than %1 entries").arg(kMaxItems));
        *out = v.toArray();
        return true;
    }
    bool object(const QJsonValue& v, const QString& path, QJsonObject* out)
    {
        if (!v.isObject())
            return wrongType(path, QStringLiteral("an object"), v);
        *out = v.toObject();
        return true;
    }

private:
    Error* m_error;
    bool m_ok = true;
};

QJsonObject formToJson(const ImportForm& f, bool* stripped)
{
    bool any = false;
    auto clean = [&any](const QString& url) {
        bool removed = false;
        const QString out = stripSignature(url, &removed);
        any = any || removed;
        return out;
    };
    QJsonArray tags;
    for (const auto& t : f.tags)
        tags.append(
            QJsonObject{{QStringLiteral("Key"), t.key}, {QStringLiteral("Value"), t.value}});
    QJsonArray disks;
    for (const QString& url : f.dataDiskUrls)
        disks.append(QJsonObject{{QStringLiteral("ImageUrl"), clean(url)}});
    QJsonObject o{
        {QString(field::architecture), f.architecture},
        {QString(field::osType), f.osType},
        {QString(field::osVersion), f.osVersion},
        {QString(field::imageUrl), clean(f.imageUrl)},
        {QString(field::imageName), f.imageName},
        {QString(field::imageDescription), f.imageDescription},
        {QStringLiteral("DryRun"), f.dryRun},
        {QStringLiteral("Force"), f.force},
        {QString(field::tags),
         QJsonArray{QJsonObject{{QStringLiteral("ResourceType"), QStringLiteral("image")},
                                {QStringLiteral("Tags"), tags}}}},
        {QString(field::licenseType), f.licenseType},
        {QString(field::bootMode), f.bootMode},
        {QString(field::imageFamily), f.imageFamily},
        {QString(field::dataDisks), disks},
    };
    if (stripped)
        *stripped = any;
    return o;
}

void readTags(Reader& r, const QJsonObject& form, ImportForm* out)
{
    const QString base = QStringLiteral("form.") + field::tags;
    const QJsonValue specs = form.value(field::tags);
    QJsonArray list;
    if (specs.isUndefined() || !r.array(specs, base, &list))
        return;
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString at = base + QStringLiteral("[%1]").arg(i);
        QJsonObject spec;
        if (!r.object(list[i], at, &spec))
            return;
        QString type;
        r.string(spec, QStringLiteral("ResourceType"), at + QStringLiteral(".ResourceType"), &type,
                 true);
        if (r.ok() && type != u"image")
            r.problem(at + QStringLiteral(".ResourceType"),
                      Text::tr("is \"%1\"; an image's tags have ResourceType \"image\"").arg(type));
        QJsonArray tags;
        if (!r.ok() ||
            !r.array(spec.value(QLatin1String("Tags")), at + QStringLiteral(".Tags"), &tags))
            return;
        for (qsizetype j = 0; j < tags.size() && r.ok(); ++j) {
            const QString tagAt = at + QStringLiteral(".Tags[%1]").arg(j);
            QJsonObject tag;
            if (!r.object(tags[j], tagAt, &tag))
                return;
            cloud::CvmTag t;
            r.string(tag, QStringLiteral("Key"), tagAt + QStringLiteral(".Key"), &t.key, true);
            r.string(tag, QStringLiteral("Value"), tagAt + QStringLiteral(".Value"), &t.value,
                     true);
            out->tags.append(t);
        }
    }
}

void readDataDisks(Reader& r, const QJsonObject& form, ImportForm* out)
{
    const QString base = QStringLiteral("form.") + field::dataDisks;
    const QJsonValue value = form.value(field::dataDisks);
    QJsonArray disks;
    if (value.isUndefined() || !r.array(value, base, &disks))
        return;
    for (qsizetype i = 0; i < disks.size() && r.ok(); ++i) {
        const QString at = base + QStringLiteral("[%1]").arg(i);
        QJsonObject disk;
        if (!r.object(disks[i], at, &disk))
            return;
        QString url;
        r.string(disk, QStringLiteral("ImageUrl"), at + QStringLiteral(".ImageUrl"), &url, true);
        out->dataDiskUrls.append(url);
    }
}

ImportForm readForm(Reader& r, const QJsonObject& o)
{
    ImportForm f;
    const auto str = [&](QLatin1String key, QString* out) {
        r.string(o, key, QStringLiteral("form.") + key, out);
    };
    str(field::architecture, &f.architecture);
    str(field::osType, &f.osType);
    str(field::osVersion, &f.osVersion);
    str(field::imageUrl, &f.imageUrl);
    str(field::imageName, &f.imageName);
    str(field::imageDescription, &f.imageDescription);
    str(field::licenseType, &f.licenseType);
    str(field::bootMode, &f.bootMode);
    str(field::imageFamily, &f.imageFamily);
    r.boolean(o, QStringLiteral("DryRun"), QStringLiteral("form.DryRun"), &f.dryRun);
    r.boolean(o, QStringLiteral("Force"), QStringLiteral("form.Force"), &f.force);
    readTags(r, o, &f);
    readDataDisks(r, o, &f);
    return f;
}

DraftSource readSource(Reader& r, const QJsonObject& o)
{
    DraftSource s;
    r.string(o, QStringLiteral("image_path"), QStringLiteral("source.image_path"), &s.imagePath);
    r.string(o, QStringLiteral("verdict"), QStringLiteral("source.verdict"), &s.verdict);
    const QStringList verdicts{QStringLiteral("pass"), QStringLiteral("warn"),
                               QStringLiteral("fail"), QStringLiteral("unknown")};
    if (r.ok() && !s.verdict.isEmpty() && !verdicts.contains(s.verdict))
        r.problem(QStringLiteral("source.verdict"),
                  Text::tr("is \"%1\", not one of pass, warn, fail, unknown").arg(s.verdict));
    const QJsonValue size = o.value(QLatin1String("image_size"));
    if (!size.isUndefined()) {
        // Exact integers only: a double beyond 2^53 or with a fraction is not a byte count.
        const double d = size.toDouble(-1);
        if (!size.isDouble() || d < 0 || d > 9007199254740992.0 || d != double(qint64(d)))
            r.problem(QStringLiteral("source.image_size"),
                      Text::tr("must be a whole number of bytes, not %1").arg(typeName(size)));
        else
            s.imageSize = qint64(d);
    }
    return s;
}

QString lineAndColumn(const QByteArray& bytes, int offset)
{
    const QByteArray before = bytes.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return Text::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

QByteArray serializeDraft(const Draft& d, bool* signatureStripped)
{
    QJsonObject source{{QStringLiteral("image_path"), d.source.imagePath},
                       {QStringLiteral("verdict"), d.source.verdict}};
    if (d.source.imageSize >= 0)
        source.insert(QStringLiteral("image_size"), double(d.source.imageSize));
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), Draft::formatVersion},
        {QStringLiteral("created"), d.created.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("app_version"), d.appVersion},
        {QStringLiteral("region"), d.region},
        {QStringLiteral("form"), formToJson(d.form, signatureStripped)},
        {QStringLiteral("source"), source},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Draft> parseDraft(const QByteArray& bytes, Error* error)
{
    if (bytes.size() > Draft::maxFileBytes) {
        fail(error, QStringLiteral("draft.too_large"),
             Text::tr("The draft is %1 bytes; drafts are at most %2 bytes: this is not a draft "
                      "file.")
                 .arg(bytes.size())
                 .arg(Draft::maxFileBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error, QStringLiteral("draft.json"),
             Text::tr("The draft is not valid JSON at %1 (%2): repair the file there, or save "
                      "a new draft.")
                 .arg(lineAndColumn(bytes, parseError.offset), parseError.errorString()));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QLatin1String("format")).toString() != kFormat) {
        fail(error, QStringLiteral("draft.not_a_draft"),
             Text::tr("This file is not a CVM Import Wizard draft (it has no \"format\": \"%1\"): "
                      "open a file saved with \"Save draft\".")
                 .arg(kFormat));
        return std::nullopt;
    }
    const QJsonValue version = root.value(QLatin1String("version"));
    const double v = version.toDouble(-1);
    // Range first: converting a double beyond int's range is undefined.
    if (!version.isDouble() || v < 1 || v > 1e6 || v != double(int(v))) {
        fail(error, QStringLiteral("draft.field"),
             Text::tr("The draft's field \"version\" must be a whole number from 1, not %1: the "
                      "file is damaged; save a new draft.")
                 .arg(version.isDouble() ? QString::number(v) : typeName(version)));
        return std::nullopt;
    }
    if (v > Draft::formatVersion) {
        QString writer = root.value(QLatin1String("app_version")).toString().left(40);
        if (writer.isEmpty())
            writer = Text::tr("an unknown version");
        fail(error, QStringLiteral("draft.newer_version"),
             Text::tr("This draft has format version %1 (written by CVM Import Wizard %2); this "
                      "program (%3) reads format version %4 only: open it with a newer "
                      "CVM Import Wizard.")
                 .arg(int(v))
                 .arg(writer, QCoreApplication::applicationVersion())
                 .arg(Draft::formatVersion));
        return std::nullopt;
    }
    Reader r(error);
    Draft d;
    QString created;
    r.string(root, QStringLiteral("created"), QStringLiteral("created"), &created, true);
    if (r.ok()) {
        d.created = QDateTime::fromString(created, Qt::ISODate);
        if (!d.created.isValid())
            r.problem(QStringLiteral("created"),
                      Text::tr("is \"%1\", not an ISO 8601 date and time").arg(created.left(40)));
    }
    r.string(root, QStringLiteral("app_version"), QStringLiteral("app_version"), &d.appVersion,
             true);
    r.string(root, QStringLiteral("region"), QStringLiteral("region"), &d.region);
    QJsonObject form;
    if (r.ok() && r.object(root.value(QLatin1String("form")), QStringLiteral("form"), &form))
        d.form = readForm(r, form);
    const QJsonValue source = root.value(QLatin1String("source"));
    QJsonObject sourceObject;
    if (r.ok() && !source.isUndefined() &&
        r.object(source, QStringLiteral("source"), &sourceObject))
        d.source = readSource(r, sourceObject);
    if (!r.ok())
        return std::nullopt;
    return d;
}

std::optional<Draft> readDraft(const QString& path, Error* error)
{
    QFile file(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("draft.read"),
             Text::tr("Cannot open the draft %1: %2.").arg(shown, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > Draft::maxFileBytes) {
        fail(error, QStringLiteral("draft.too_large"),
             Text::tr("%1 is %2 bytes; drafts are at most %3 bytes: this is not a draft file.")
                 .arg(shown)
                 .arg(file.size())
                 .arg(Draft::maxFileBytes));
        return std::nullopt;
    }
    // Read one byte past the limit, so a growing or special file cannot make us read forever.
    const QByteArray bytes = file.read(Draft::maxFileBytes + 1);
    auto draft = parseDraft(bytes, error);
    if (!draft && error)
        error->message = shown + QStringLiteral(": ") + error->message;
    return draft;
}

bool writeDraft(const QString& path, const Draft& draft, Error* error, bool* signatureStripped)
{
    QSaveFile file(path);
    const QByteArray bytes = serializeDraft(draft, signatureStripped);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(error, QStringLiteral("draft.write"),
                    Text::tr("Cannot save the draft %1: %2. Choose another folder.")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

} // namespace cvmi::importform

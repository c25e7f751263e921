#include "CvmParams.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cvmi::emu {

namespace {

using Kind = ParamType::Kind;

ParamType leaf(Kind kind)
{
    ParamType t;
    t.kind = kind;
    return t;
}

ParamType string()
{
    return leaf(Kind::String);
}

ParamType arrayOf(ParamType element)
{
    ParamType t;
    t.kind = Kind::Array;
    t.element = std::make_shared<const ParamType>(std::move(element));
    return t;
}

ParamType object(QList<QPair<QString, ParamType>> fields)
{
    ParamType t;
    t.kind = Kind::Object;
    t.fields = std::move(fields);
    return t;
}

QString joined(const QString& path, const QString& name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

ParamProblem unknown(const QString& path)
{
    return {QStringLiteral("UnknownParameter"),
            QStringLiteral("The parameter `%1` is not recognized.").arg(path)};
}

ParamProblem invalid(const QString& message)
{
    return {QStringLiteral("InvalidParameter"), message};
}

std::optional<ParamProblem> unknownIn(const QJsonValue& value, const ParamType& type,
                                      const QString& path)
{
    if (type.kind == Kind::Object && value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const ParamType* field = type.field(it.key());
            if (!field)
                return unknown(joined(path, it.key()));
            if (auto problem = unknownIn(it.value(), *field, joined(path, it.key())))
                return problem;
        }
    } else if (type.kind == Kind::Array && value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (auto problem = unknownIn(a.at(i), *type.element, joined(path, QString::number(i))))
                return problem;
        }
    }
    return std::nullopt;
}

// A query value as the JSON a POST would carry for a String, Integer or Boolean parameter.
std::optional<ParamProblem> typedScalar(Kind kind, const QString& path, const QString& value,
                                        QJsonValue* node)
{
    if (kind == Kind::String) {
        *node = value;
    } else if (kind == Kind::Integer) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok)
            return invalid(QStringLiteral("The parameter `%1` must be an integer, not `%2`.")
                               .arg(path, value));
        *node = number;
    } else {
        if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0 &&
            value.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
            return invalid(QStringLiteral("The parameter `%1` must be true or false, not `%2`.")
                               .arg(path, value));
        *node = value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    }
    return std::nullopt;
}

// Puts one flattened entry (`segments` from `i` on) into `node`, typed by `type`. Entries of a
// list may come in any order: a list is padded with nulls, which a later entry replaces and
// noGaps() reports if none does.
std::optional<ParamProblem> insert(QJsonValue& node, const ParamType& type,
                                   const QStringList& segments, qsizetype i, const QString& value)
{
    const QString path = segments.mid(0, i).join(u'.');
    const bool empty = node.isUndefined() || node.isNull();
    const bool last = i == segments.size();
    switch (type.kind) {
    case Kind::String:
    case Kind::Integer:
    case Kind::Boolean: {
        if (!last)
            return invalid(QStringLiteral("The parameter `%1` is a single value, not a list or a "
                                          "structure: send `%1=<value>`.")
                               .arg(path));
        if (!empty)
            return invalid(QStringLiteral("The parameter `%1` is given twice.").arg(path));
        return typedScalar(type.kind, path, value, &node);
    }
    case Kind::Object: {
        if (last || (!empty && !node.isObject()))
            return invalid(QStringLiteral("The parameter `%1` is a structure: send its fields as "
                                          "`%1.<Name>=<value>`.")
                               .arg(path));
        const QString& name = segments.at(i);
        const ParamType* field = type.field(name);
        if (!field)
            return unknown(joined(path, name));
        QJsonObject o = node.toObject();
        QJsonValue child = o.value(name);
        if (auto problem = insert(child, *field, segments, i + 1, value))
            return problem;
        o.insert(name, child);
        node = o;
        return std::nullopt;
    }
    case Kind::Array: {
        static const QRegularExpression digits(QStringLiteral("^(0|[1-9][0-9]{0,3})$"));
        if (last || (!empty && !node.isArray()) || !digits.match(segments.at(i)).hasMatch())
            return invalid(QStringLiteral("The parameter `%1` is a list: send its entries as "
                                          "`%1.0`, `%1.1`, ... (at most 9999).")
                               .arg(path));
        const qsizetype index = segments.at(i).toLongLong();
        QJsonArray a = node.toArray();
        while (a.size() <= index)
            a.append(QJsonValue::Null);
        QJsonValue child = a.at(index);
        if (auto problem = insert(child, *type.element, segments, i + 1, value))
            return problem;
        a.replace(index, child);
        node = a;
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<ParamProblem> noGaps(const QJsonValue& value, const QString& path)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (auto problem = noGaps(it.value(), joined(path, it.key())))
                return problem;
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.at(i).isNull())
                return invalid(QStringLiteral("The list `%1` has no entry %2: number its entries "
                                              "0, 1, 2, ... without gaps.")
                                   .arg(path)
                                   .arg(i));
            if (auto problem = noGaps(a.at(i), joined(path, QString::number(i))))
                return problem;
        }
    }
    return std::nullopt;
}

} // namespace

const ParamType* ParamType::field(const QString& name) const
{
    for (const auto& [n, t] : fields) {
        if (n == name)
            return &t;
    }
    return nullptr;
}

const ParamType* actionParams(const QString& action)
{
    static const ParamType none = object({});
    static const ParamType importImage = object({
        {QStringLiteral("Architecture"), string()},
        {QStringLiteral("OsType"), string()},
        {QStringLiteral("OsVersion"), string()},
        {QStringLiteral("ImageUrl"), string()},
        {QStringLiteral("ImageName"), string()},
        {QStringLiteral("ImageDescription"), string()},
        {QStringLiteral("DryRun"), leaf(Kind::Boolean)},
        {QStringLiteral("Force"), leaf(Kind::Boolean)},
        {QStringLiteral("TagSpecification"),
         arrayOf(object(
             {{QStringLiteral("ResourceType"), string()},
              {QStringLiteral("Tags"), arrayOf(object({{QStringLiteral("Key"), string()},
                                                       {QStringLiteral("Value"), string()}}))}}))},
        {QStringLiteral("LicenseType"), string()},
        {QStringLiteral("BootMode"), string()},
        {QStringLiteral("ImageFamily"), string()},
        {QStringLiteral("ImportImageDataDiskList"),
         arrayOf(object({{QStringLiteral("ImageUrl"), string()}}))},
    });
    static const ParamType describeImages = object({
        {QStringLiteral("ImageIds"), arrayOf(string())},
        {QStringLiteral("Filters"),
         arrayOf(object(
             {{QStringLiteral("Name"), string()}, {QStringLiteral("Values"), arrayOf(string())}}))},
        {QStringLiteral("Offset"), leaf(Kind::Integer)},
        {QStringLiteral("Limit"), leaf(Kind::Integer)},
        {QStringLiteral("InstanceType"), string()},
    });
    if (action == QLatin1String("DescribeRegions") ||
        action == QLatin1String("DescribeImportImageOs"))
        return &none;
    if (action == QLatin1String("ImportImage"))
        return &importImage;
    if (action == QLatin1String("DescribeImages"))
        return &describeImages;
    return nullptr;
}

std::optional<ParamProblem> findUnknownParameter(const QJsonObject& params, const ParamType& schema)
{
    return unknownIn(params, schema, QString());
}

std::optional<ParamProblem> paramsFromQuery(const QueryItems& query, const ParamType& schema,
                                            QJsonObject* out)
{
    QJsonValue root = QJsonObject();
    for (const auto& [name, value] : query) {
        if (auto problem = insert(root, schema, name.split(u'.'), 0, value))
            return problem;
    }
    if (auto problem = noGaps(root, QString()))
        return problem;
    *out = root.toObject();
    return std::nullopt;
}

} // namespace cvmi::emu

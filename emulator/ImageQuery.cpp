#include "ImageQuery.h"

#include <QRegularExpression>

namespace cvmi::emu {

namespace {

std::optional<ParamProblem> checkIds(const QJsonArray& ids)
{
    static const QRegularExpression idPattern(QStringLiteral("^img-[a-z0-9]{8}$"));
    for (const QJsonValue& id : ids) {
        if (!idPattern.match(id.toString()).hasMatch())
            return ParamProblem{
                QStringLiteral("InvalidImageId.Malformed"),
                QStringLiteral("The image id `%1` is malformed.").arg(id.toString())};
    }
    return std::nullopt;
}

std::optional<ParamProblem> checkFilters(const QJsonArray& filters)
{
    if (filters.size() > 10)
        return ParamProblem{QStringLiteral("InvalidParameterValue.LimitExceeded"),
                            QStringLiteral("At most 10 filters are allowed.")};
    static const QStringList filterNames = {
        QStringLiteral("image-id"), QStringLiteral("image-name"), QStringLiteral("image-type"),
        QStringLiteral("platform"), QStringLiteral("tag-key"),    QStringLiteral("tag-value")};
    for (const QJsonValue& f : filters) {
        const QString name = f.toObject().value(QStringLiteral("Name")).toString();
        if (!filterNames.contains(name) && !name.startsWith(QLatin1String("tag:")))
            return ParamProblem{QStringLiteral("InvalidFilter"),
                                QStringLiteral("The filter `%1` is not supported.").arg(name)};
        if (f.toObject().value(QStringLiteral("Values")).toArray().size() > 5)
            return ParamProblem{QStringLiteral("InvalidParameterValue.LimitExceeded"),
                                QStringLiteral("A filter takes at most 5 values.")};
    }
    return std::nullopt;
}

bool tagMatches(const ImageRecord& image, const QString& key, const QString& value, bool byKey,
                bool byValue)
{
    for (const QJsonValue& t : image.tags) {
        const QJsonObject o = t.toObject();
        if ((!byKey || o.value(QStringLiteral("Key")).toString() == key) &&
            (!byValue || o.value(QStringLiteral("Value")).toString() == value))
            return true;
    }
    return false;
}

// One value of the filter `name` (checked by checkFilters(): a documented name or "tag:<key>").
bool valueMatches(const ImageRecord& image, const QString& name, const QString& value)
{
    if (name == QLatin1String("image-id"))
        return image.imageId == value;
    if (name == QLatin1String("image-name"))
        return image.name.contains(value); // fuzzy, as documented
    if (name == QLatin1String("image-type"))
        return value == QLatin1String("PRIVATE_IMAGE");
    if (name == QLatin1String("platform"))
        return image.osType == value;
    if (name == QLatin1String("tag-key"))
        return tagMatches(image, value, {}, true, false);
    if (name == QLatin1String("tag-value"))
        return tagMatches(image, {}, value, false, true);
    return tagMatches(image, name.mid(4), value, true, true);
}

} // namespace

std::optional<ParamProblem> readImageQuery(const QJsonObject& params, ImageQuery* out)
{
    if (params.contains(QStringLiteral("ImageIds")) && params.contains(QStringLiteral("Filters")))
        return ParamProblem{
            QStringLiteral("InvalidParameter.InvalidParameterCoexistImageIdsFilters"),
            QStringLiteral("ImageIds and Filters cannot be given together.")};
    out->ids = params.value(QStringLiteral("ImageIds")).toArray();
    if (const auto problem = checkIds(out->ids))
        return problem;
    out->filters = params.value(QStringLiteral("Filters")).toArray();
    if (const auto problem = checkFilters(out->filters))
        return problem;
    out->offset = params.value(QStringLiteral("Offset")).toInt(0);
    out->limit = params.value(QStringLiteral("Limit")).toInt(20);
    if (out->offset < 0 || out->limit < 0 || out->limit > 100)
        return ParamProblem{QStringLiteral("InvalidParameterValue"),
                            QStringLiteral("Offset must be >= 0 and Limit between 0 and 100.")};
    return std::nullopt;
}

bool passesFilters(const ImageRecord& image, const QJsonArray& filters)
{
    for (const QJsonValue& f : filters) {
        const QString name = f.toObject().value(QStringLiteral("Name")).toString();
        bool any = false;
        for (const QJsonValue& v : f.toObject().value(QStringLiteral("Values")).toArray())
            any = any || valueMatches(image, name, v.toString());
        if (!any)
            return false;
    }
    return true;
}

} // namespace cvmi::emu

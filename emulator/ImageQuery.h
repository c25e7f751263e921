#pragma once

// DescribeImages' selection: its parameters checked as the service checks them (ImageIds or
// Filters, not both; well-formed ids; at most 10 filters of the documented names with at most 5
// values each; Offset and Limit in range), and whether an image passes the filters.
#include "CvmParams.h"
#include "ImageRecord.h"

#include <QJsonArray>
#include <optional>

namespace cvmi::emu {

struct ImageQuery {
    QJsonArray ids;     // ImageIds; empty: any
    QJsonArray filters; // [{Name, Values}]
    int offset = 0;
    int limit = 20;
};

std::optional<ParamProblem> readImageQuery(const QJsonObject& params, ImageQuery* out);

// Every filter matches (a filter matches when any of its values does).
bool passesFilters(const ImageRecord& image, const QJsonArray& filters);

} // namespace cvmi::emu

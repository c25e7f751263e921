#pragma once

// The parameters each CVM action the emulator serves defines, as the vendor's SDK models them
// (tencentcloud-sdk-nodejs-cvm 4.1.316, cvm_models.d.ts: DescribeRegionsRequest and
// DescribeImportImageOsRequest are `null`, i.e. no parameters). One description serves two
// purposes: API 3.0 refuses a name an action does not define with the common error
// UnknownParameter, and a GET request carries the parameters flattened in its query
// (`Filters.0.Values.1=...`), which only the types here can turn back into the JSON a POST sends.
// Region is not among them: it is a common parameter, sent as the X-TC-Region header.
#include "HttpExchange.h"

#include <QJsonObject>
#include <memory>
#include <optional>

namespace cvmi::emu {

struct ParamType {
    enum class Kind { String, Integer, Boolean, Array, Object };
    Kind kind = Kind::String;
    std::shared_ptr<const ParamType> element; // Array: the type of each entry
    QList<QPair<QString, ParamType>> fields;  // Object: the names it defines, in order

    const ParamType* field(const QString& name) const;
};

struct ParamProblem {
    QString code; // "UnknownParameter", "InvalidParameter"
    QString message;
};

// The action's parameters as an Object type, or nullptr for an action the emulator does not serve.
const ParamType* actionParams(const QString& action);

// The first name in `params` (at any depth: `Filters.0.Foo`) the schema does not define.
std::optional<ParamProblem> findUnknownParameter(const QJsonObject& params,
                                                 const ParamType& schema);

// A GET request's flattened, decoded query back into the JSON object a POST would have sent:
// lists from numbered entries (0, 1, ... without gaps), Integer and Boolean values ("true",
// "false") typed, every other value a string.
std::optional<ParamProblem> paramsFromQuery(const QueryItems& query, const ParamType& schema,
                                            QJsonObject* out);

} // namespace cvmi::emu

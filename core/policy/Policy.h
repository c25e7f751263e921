#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"
#include "util/Error.h"

#include <QJsonObject>

#include <optional>

namespace cvmi::policy {

// The import rules as data (resources/policy/*.json): which checks apply and with which limits.
// Code implements each check once; a new rule set is a new file, not a rebuild.
class Policy {
public:
    // The default profile shipped with the program (the vendor's published rules).
    static Policy builtin();
    // A rule file chosen by the user (`--policy FILE`); nullopt with a clear error when invalid.
    static std::optional<Policy> fromFile(const QString& path, Error* error);
    static std::optional<Policy> fromJson(const QByteArray& json, const QString& origin,
                                          Error* error);

    QString id() const { return m_id; }
    QString version() const { return m_version; }

    Report evaluate(const inspect::ImageFacts& facts) const;

private:
    QString m_id;
    QString m_version;
    QJsonObject m_document;
};

} // namespace cvmi::policy

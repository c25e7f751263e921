#pragma once

#include <QString>

namespace cvmi {

// A failure the user can act on. `code` is stable (scripts and tests match on it, it appears in
// `--json` output); `message` is a full sentence: what is wrong, where, and what to do.
struct Error {
    QString code;
    QString message;

    bool isSet() const { return !code.isEmpty(); }
    static Error make(QString code, QString message)
    {
        return Error{std::move(code), std::move(message)};
    }
};

// Sets *out when the caller asked for details; always returns false so that readers can write
// `return fail(error, "code", tr(...));`.
inline bool fail(Error* out, QString code, QString message)
{
    if (out)
        *out = Error{std::move(code), std::move(message)};
    return false;
}

} // namespace cvmi

#pragma once

// Import-form drafts: a JSON file (docs/draft-format.md) that can be saved offline, opened later
// or on another machine, and passed to `cvm-import import --draft FILE`. A draft never holds a
// secret: the signature and session-token parameters of a pre-signed ImageUrl are removed before
// writing. Reading is strict: bounded size, every type checked, a newer format version refused.
#include "importform/ImportForm.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace cvmi::importform {

struct DraftSource {
    QString imagePath;     // the local image file the form was filled for, may be empty
    qint64 imageSize = -1; // bytes, -1 unknown
    QString verdict;       // the report's summary: "pass" | "warn" | "fail" | "unknown", or empty
};

struct Draft {
    static constexpr int formatVersion = 1;
    static constexpr qint64 maxFileBytes = 1 << 20; // 1 MiB: a draft is a few KiB

    QDateTime created;  // when it was saved (UTC)
    QString appVersion; // the program that wrote it
    QString region;     // the import's region, may be empty
    ImportForm form;
    DraftSource source;
};

// The file's bytes. ImageUrl and data-disk URLs lose their signature parameters
// (stripSignature()); *signatureStripped tells the caller, who should say so to the user.
QByteArray serializeDraft(const Draft& draft, bool* signatureStripped = nullptr);

// Parses a draft; on failure *error names the line and column (bad JSON) or the field (wrong
// type or value), or both versions (a draft from a newer program).
std::optional<Draft> parseDraft(const QByteArray& bytes, Error* error);

// The same for a file, refusing one over Draft::maxFileBytes before reading it.
std::optional<Draft> readDraft(const QString& path, Error* error);

// Writes atomically (QSaveFile): the old draft stays intact when writing fails.
bool writeDraft(const QString& path, const Draft& draft, Error* error,
                bool* signatureStripped = nullptr);

} // namespace cvmi::importform

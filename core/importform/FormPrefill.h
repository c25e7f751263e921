#pragma once

// Filling the form from what the wizard already knows: the inspection's proposal
// (policy::FormSuggestion: OS, version, architecture, boot mode, licence, a name) and the upload
// (the object's COS URL). The user may change every value afterwards.
#include "importform/ImportForm.h"
#include "policy/FormSuggestion.h"

#include <QSet>

namespace cvmi::importform {

class OsCatalogue;

// The OsType and OsVersion to propose for a detected system, as `catalogue` offers them: the
// OsType in the list's spelling (compared case-insensitively: "RedHat" → "Redhat"), and the
// longest offered version that is the detected one or a prefix of it on dot boundaries
// ("7.9.2009" → "7" where the list offers 7, → "7.9" where it offers 7.9; a list that offers
// only "-" gets "-"). Where nothing matches, the suggestion's values are kept (validation then
// says what is offered).
struct OsChoice {
    QString osType;
    QString osVersion;
    // Which value was chosen and from what ("CentOS 7.9.2009 detected; the service offers 7."),
    // when the proposal differs from what was detected; empty otherwise.
    QString note;
};
OsChoice chooseOs(const policy::FormSuggestion& suggestion, const OsCatalogue& catalogue);

// A name ImportImage accepts, made from a file name: its base name without the extension,
// reduced to letters, digits and - _ . (the characters every Tencent Cloud name rule allows),
// at most limits::imageNameMax characters; "imported-image" when nothing is left.
QString imageNameFromFile(const QString& imagePath);

// Sets the values the suggestion has (empty ones leave the form as it is), OsType and OsVersion
// as chooseOs() maps them onto `catalogue` (its note goes to *osNote). ImageName comes from the
// suggestion, else from `imagePath`'s file name, sanitised as above either way.
void applySuggestion(ImportForm* form, const policy::FormSuggestion& suggestion,
                     const QString& imagePath, const OsCatalogue& catalogue,
                     QString* osNote = nullptr);

// The uploaded object's URL (UploadResult::objectUrl, or CosClient::objectUrl(bucket, region,
// key)); a pre-signed URL is kept as given: the import needs it.
void applyUploadUrl(ImportForm* form, const QString& objectUrl);

// What the wizard knows, proposed for the whole form: the form with the proposed values, which
// fields they are (importform::field ids), and chooseOs()'s note.
struct Proposal {
    ImportForm form;
    QSet<QString> fields;
    QString osNote;
};

// `current` with, when the image was checked (`suggestion` set), the suggestion's values
// (applySuggestion(): the fields it has, and always ImageName), else ImageName from `imagePath`'s
// file name (none without a path); and ImageUrl from `objectUrl` unless it is empty. The caller
// drops the fields the user edited.
Proposal propose(const ImportForm& current, const policy::FormSuggestion* suggestion,
                 const QString& imagePath, const QString& objectUrl, const OsCatalogue& catalogue);

} // namespace cvmi::importform

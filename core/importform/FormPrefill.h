#pragma once

// Filling the form from what the wizard already knows: the inspection's proposal
// (policy::FormSuggestion: OS, version, architecture, boot mode, licence, a name) and the upload
// (the object's COS URL). The user may change every value afterwards.
#include "importform/ImportForm.h"
#include "policy/FormSuggestion.h"

namespace cvmi::importform {

// A name ImportImage accepts, made from a file name: its base name without the extension,
// reduced to letters, digits and - _ . (the characters every Tencent Cloud name rule allows),
// at most limits::imageNameMax characters; "imported-image" when nothing is left.
QString imageNameFromFile(const QString& imagePath);

// Sets the values the suggestion has (empty ones leave the form as it is). ImageName comes from
// the suggestion, else from `imagePath`'s file name, sanitised as above either way.
void applySuggestion(ImportForm* form, const policy::FormSuggestion& suggestion,
                     const QString& imagePath);

// The uploaded object's URL (UploadResult::objectUrl, or CosClient::objectUrl(bucket, region,
// key)); a pre-signed URL is kept as given: the import needs it.
void applyUploadUrl(ImportForm* form, const QString& objectUrl);

} // namespace cvmi::importform

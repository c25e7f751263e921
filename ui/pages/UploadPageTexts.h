#pragma once

#include "controllers/UploadedObject.h"

#include "transfer/Checkpoint.h"
#include "transfer/UploadJob.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>

namespace cvmi::ui {

// The Upload page's longer sentences: why a key cannot name the object, what an ended upload
// did, what an earlier one offers. Kept apart so that the page holds its widgets and states and
// the wording can be read (and tested) in one place; in the page's translation context.
class UploadPageTexts {
    Q_DECLARE_TR_FUNCTIONS(cvmi::ui::UploadPage)
public:
    // Why `key` cannot name the object (cloud::ObjectKey's rules), or empty when it can.
    static QString keyProblem(const QString& key);
    // A failed upload: COS's reason, what to do, its code and request, whether Retry continues
    // (`partsDone` parts were uploaded) and a clock that is off.
    static QString failure(const transfer::UploadResult& result, int partsDone);
    // A verified upload: parts sent and reused, parts sent again, a clock that is off; for a
    // converted one (`object`.converted), the bytes sent for the file.
    static QString success(const transfer::UploadResult& result, const UploadedObject& object);
    // Rich text: the object's URL, CRC-64 and size and what the import gets (`object`), with
    // the controller's `note`.
    static QString successDetails(const transfer::UploadResult& result,
                                  const UploadedObject& object, const QString& note);
    // An earlier unfinished upload of the file to `bucket`: resumable, or not since the file
    // changed.
    static QString resumeOffer(const transfer::Checkpoint& offer, bool fileChanged,
                               const QString& bucket);
    // The interrupted upload the user chose went to another region than the account's.
    static QString resumeInOtherRegion(const InterruptedUpload& target);

    // The questions (UploadQuestion): the question and the consequence under it.
    struct Words {
        QString text;
        QString detail;
    };
    // `verdict`: what the check said (UploadPageCheck::verdictText()).
    static Words notImportableQuestion(const QFileInfo& image, const QString& verdict);
    static Words cancelQuestion(const QString& fileName, int partsDone, const QString& bucket);
    static Words closeQuestion(const QString& fileName, int percent, const QString& bucket);
    // Under the bar when an upload failed: how many parts were sent (of how many, unless a
    // converted stream's count was not known yet).
    static QString stopped(const transfer::UploadProgress& progress);
    // Shown under the check's verdict while the file to upload failed the check.
    static QString notImportableWarning();
};

} // namespace cvmi::ui

#include "pages/UploadPageTexts.h"

#include "cloud/ClockSkew.h"
#include "cloud/ObjectKey.h"
#include "util/Units.h"

#include <QLocale>
#include <QRegularExpression>

namespace cvmi::ui {

using transfer::UploadResult;

QString UploadPageTexts::keyProblem(const QString& key)
{
    using Problem = cloud::ObjectKey::Problem;
    switch (cloud::ObjectKey::check(key)) {
    case Problem::None:
        break;
    case Problem::Empty:
        return tr("Enter the object key: the name of the image in the bucket.");
    case Problem::LeadingSlash:
        return tr("The object key must not start with \"/\": write \"%1\" instead.")
            .arg(key.mid(key.indexOf(QRegularExpression(QStringLiteral("[^/]")))));
    case Problem::TooLong:
        return tr("The object key is %1 bytes long in UTF-8; COS allows at most %2. Shorten it.")
            .arg(key.toUtf8().size())
            .arg(cloud::ObjectKey::maxBytes);
    case Problem::ControlCharacter:
        return tr("The object key contains a control character (a line break or a tab, for "
                  "example). Remove it.");
    }
    return {};
}

QString UploadPageTexts::failure(const UploadResult& result, int partsDone)
{
    const cloud::CloudError& e = result.cloudError;
    QString text = e.isSet() && !e.userMessage.isEmpty()
                       ? tr("The upload failed: %1").arg(e.userMessage)
                       : result.error.message;
    if (e.isSet() && !e.remedy.isEmpty())
        text += u'\n' + tr("What to do: %1").arg(e.remedy);
    if (e.isSet())
        text +=
            u'\n' + tr("(COS said %1%2.)")
                        .arg(e.code, e.requestId.isEmpty() ? QString()
                                                           : tr(", request %1").arg(e.requestId));
    if (partsDone > 0)
        text += u'\n' + tr("Retry continues from the parts already uploaded.");
    if (result.clockSkewSeconds)
        text += u'\n' + cloud::ClockSkew::describe(*result.clockSkewSeconds);
    return text;
}

QString UploadPageTexts::success(const UploadResult& result, const UploadedObject& object)
{
    if (object.converted) {
        // The CRC-64 COS checked is the stream's: no file on disk has it.
        QString message =
            tr("Uploaded as a compressed qcow2 and verified: %1 sent for the %2 file, COS's "
               "CRC-64 of the object equals the stream's.")
                .arg(formatBytes(uint64_t(qMax<qint64>(result.size, 0))),
                     formatBytes(uint64_t(qMax<qint64>(object.sourceBytes, 0))));
        if (result.partsReused > 0)
            message += u' ' + tr("%1 parts sent now, %2 reused from the earlier upload.")
                                  .arg(result.partsUploaded)
                                  .arg(result.partsReused);
        if (result.clockSkewSeconds)
            message += u' ' + cloud::ClockSkew::describe(*result.clockSkewSeconds);
        return message;
    }
    QString message =
        result.partsReused > 0
            ? tr("Uploaded and verified: %1 parts sent now, %2 reused from the earlier "
                 "upload. COS's CRC-64 of the object equals the file's.")
                  .arg(result.partsUploaded)
                  .arg(result.partsReused)
            : tr("Uploaded and verified: COS's CRC-64 of the object equals the file's.");
    if (!result.partsChanged.isEmpty()) {
        QStringList numbers;
        for (const int n : result.partsChanged)
            numbers.append(QLocale().toString(n));
        message += u' ' + tr("%n part(s) sent earlier no longer matched the file and were sent "
                             "again: %1.",
                             nullptr, int(result.partsChanged.size()))
                              .arg(numbers.join(QStringLiteral(", ")));
    }
    if (result.clockSkewSeconds)
        message += u' ' + cloud::ClockSkew::describe(*result.clockSkewSeconds);
    return message;
}

QString UploadPageTexts::successDetails(const UploadResult& result, const UploadedObject& object,
                                        const QString& note)
{
    // The signed URL itself is not shown: its query may carry a session token. The form's
    // ImageUrl field holds it.
    const QString handedOn =
        object.importUrlSigned
            ? tr("a signed link to it, valid until %1").arg(formatMoment(object.importUrlExpires))
            : tr("this URL");
    // A converted object is another file than the one on disk: its format is said beside its size.
    const QString exact = formatBytesExact(uint64_t(result.size));
    const QString size =
        !object.converted ? exact
        : object.virtualSize <= 0
            ? tr("%1, qcow2").arg(exact)
            : tr("%1, qcow2 of a %2 disk").arg(exact, formatBytes(uint64_t(object.virtualSize)));
    return tr("<b>Object URL:</b> <a href=\"%1\">%2</a><br><b>CRC-64:</b> %3 &nbsp; "
              "<b>Size:</b> %4<br><b>For the import:</b> %5. %6<br>Next: the import "
              "form.")
        .arg(result.objectUrl.toHtmlEscaped(), result.objectUrl.toHtmlEscaped())
        .arg(result.crc64)
        .arg(size.toHtmlEscaped(), handedOn.toHtmlEscaped(), note.toHtmlEscaped());
}

QString UploadPageTexts::resumeOffer(const transfer::Checkpoint& offer, bool fileChanged,
                                     const QString& bucket)
{
    if (fileChanged)
        return tr("An upload of this file to %1 was started earlier (%2 of %3 parts uploaded), "
                  "but the file has changed since, so it cannot be resumed. Start Over deletes "
                  "those parts and uploads the file again.")
            .arg(bucket)
            .arg(offer.partsDone())
            .arg(offer.partsTotal());
    return tr("Resume the upload started earlier: %1 of %2 parts already "
              "uploaded. Or start over and upload the whole file again.")
        .arg(offer.partsDone())
        .arg(offer.partsTotal());
}

QString UploadPageTexts::resumeInOtherRegion(const InterruptedUpload& target)
{
    return tr("The interrupted upload of this file went to %1/%2 in the "
              "region %3. Choose that region on the Account page to resume "
              "it; uploading here starts afresh.")
        .arg(target.bucket, target.key, target.region);
}

UploadPageTexts::Words UploadPageTexts::notImportableQuestion(const QFileInfo& image,
                                                              const QString& verdict)
{
    return {tr("Upload %1 although it will not import?").arg(image.fileName()),
            tr("%1\nTencent Cloud refuses to import this file as it is. Uploading %2 costs time "
               "and COS storage for a file that cannot become a CVM image until this is fixed; "
               "your answer is recorded with the upload.")
                .arg(verdict, formatBytes(uint64_t(image.size())))};
}

UploadPageTexts::Words UploadPageTexts::cancelQuestion(const QString& fileName, int partsDone,
                                                       const QString& bucket)
{
    return {tr("Cancel the upload of %1?").arg(fileName),
            tr("The parts already uploaded (%1) will be deleted from %2, so that they cost "
               "nothing; the upload cannot be resumed afterwards.")
                .arg(partsDone)
                .arg(bucket)};
}

UploadPageTexts::Words UploadPageTexts::closeQuestion(const QString& fileName, int percent,
                                                      const QString& bucket)
{
    return {tr("%1 is still uploading (%2%). Close and continue later?").arg(fileName).arg(percent),
            tr("The parts already uploaded stay in %1. The next time you upload this file to the "
               "same place, only the missing parts are sent.")
                .arg(bucket)};
}

QString UploadPageTexts::stopped(const transfer::UploadProgress& progress)
{
    if (progress.partsTotal <= 0 || progress.totalBytes < 0)
        return tr("Stopped after %1 parts.").arg(progress.partsDone);
    return tr("Stopped after %1 of %2 parts.").arg(progress.partsDone).arg(progress.partsTotal);
}

QString UploadPageTexts::notImportableWarning()
{
    return tr("Tencent Cloud will refuse to import this file. Fix what the check reported "
              "first, or upload it anyway if you need it in COS.");
}

} // namespace cvmi::ui

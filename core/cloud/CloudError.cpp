#include "cloud/CloudError.h"

#include "cloud/ClockSkew.h"

#include <iterator>
#include <optional>

namespace cvmi::cloud {

namespace {

#define CVMI_ERR_CTX "cvmi::cloud::CloudErrors"

struct AdviceEntry {
    const char* code;
    const char* userMessage;
    const char* remedy;
};

// CVM API 3.0: the common codes, ImportImage's, DescribeImages', and the CVM table's extra ones.
// An entry whose code ends in '*' matches the family (its prefix); exact entries come first.
const AdviceEntry cvmTable[] = {
    {"AuthFailure.SignatureFailure",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Tencent Cloud rejected the request's signature."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check that the SecretKey belongs to the SecretId (copy both again from "
                       "the CAM console → API Keys, without spaces).")},
    {"AuthFailure.SignatureExpire",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The request's time is too far from Tencent Cloud's: your computer's "
                       "clock is off."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Set the system clock right (enable automatic time / NTP) and try again.")},
    {"AuthFailure.SecretIdNotFound",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Tencent Cloud does not know this SecretId."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The key may have been deleted or mistyped: create or copy an API key in "
                       "the CAM console → API Keys and enter it again.")},
    {"AuthFailure.InvalidSecretId", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The SecretId is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Enter the SecretId exactly as the CAM console → API Keys shows it (it "
                       "starts with AKID).")},
    {"AuthFailure.TokenFailure",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The temporary credentials' session token is missing, invalid or "
                       "expired."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Obtain fresh temporary credentials (SecretId, SecretKey and token "
                       "together), or use a permanent API key without a token.")},
    {"AuthFailure.InvalidAuthorization",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The request's Authorization header was not understood."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program or of a proxy that altered the request: "
                       "report it with the RequestId.")},
    {"AuthFailure.UnauthorizedOperation",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Your account is not allowed to perform this operation (CAM)."),
     nullptr},
    {"AuthFailure.CamRoleNameAuthenticateFailed",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Authentication with the CAM role name failed."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check the role name bound to this machine in the CAM console → Roles, or "
                       "use an API key instead.")},
    {"AuthFailure*",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Tencent Cloud did not accept your credentials."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check the SecretId and SecretKey in the CAM console → API Keys and enter "
                       "them again.")},
    {"UnauthorizedOperation*",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Your account is not allowed to perform this operation (CAM)."),
     nullptr},
    {"OperationDenied.InnerUserProhibitAction",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "This sub-account is forbidden to perform the operation."),
     nullptr},
    {"DryRunOperation",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The request would have succeeded; it was only a dry run."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Nothing to do.")},
    {"RequestLimitExceeded",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Too many requests were sent in a short time."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Wait a few seconds and try again.")},
    {"InternalError", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Tencent Cloud had an internal error."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Try again in a few minutes; if it persists, open a ticket quoting the "
                       "RequestId.")},
    {"UnsupportedRegion",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "This region is not available to your account."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Choose one of the regions the region list offers.")},
    {"RegionAbilityLimit.UnsupportedToImportImage",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Images cannot be imported in this region."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Choose another region (and a COS bucket in it) for the import.")},
    {"ImageQuotaLimitExceeded",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "You have reached your quota of custom images."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Delete custom images you no longer need (CVM console → Images), or ask "
                       "for a higher quota with a ticket.")},
    {"InvalidImageName.Duplicate",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "An image with this name already exists in the region."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Choose another image name.")},
    {"InvalidImageOsType.Unsupported",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "This operating system type cannot be imported."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Pick an OsType from the list the service offers (DescribeImportImageOs), "
                       "e.g. the closest distribution.")},
    {"InvalidImageOsVersion.Unsupported",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "This operating system version cannot be imported."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Pick an OsVersion that the service lists for the chosen OsType.")},
    {"InvalidParameter.InvalidParameterUrlError",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The image URL is not a usable COS object URL."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Use the object's URL https://<bucket>-<APPID>.cos.<region>.myqcloud.com/"
                       "<key> of an uploaded image, in a bucket of the import's region.")},
    {"InvalidParameter.InvalidParameterCoexistImageIdsFilters",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Image IDs and filters cannot be used together."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"InvalidParameterValue.ISOMustImportByForce",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "An ISO image can only be imported with Force."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Convert the installation into a disk image (qcow2, vhd, vmdk or raw), or "
                       "import with Force if you accept that the service skips its checks.")},
    {"InvalidParameterValue.InvalidAppIdFormat",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The APPID in the image URL's bucket name is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Use a bucket named <name>-<APPID> with your account's numeric APPID.")},
    {"InvalidParameterValue.InvalidBootMode",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The boot mode is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Choose \"Legacy BIOS\" or \"UEFI\".")},
    {"InvalidParameterValue.InvalidImageFamily",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The image family name is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Use 1 to 60 letters, digits, '-' or '_', or leave the family empty.")},
    {"InvalidParameterValue.InvalidLicenseType",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The licence type is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Choose \"TencentCloud\" or \"BYOL\".")},
    {"InvalidParameterValue.TagKeyNotFound",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A tag key does not exist."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Create the tag key first (Tag console), or remove the tag.")},
    {"InvalidParameterValue.TooLarge",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A value is too long (image name ≤ 60, description ≤ 256 "
                                     "characters)."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Shorten the image name or the description.")},
    {"InvalidParameterValue.LimitExceeded",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Too many values were given in one request."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"InvalidImageId.Malformed", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "An image ID is malformed."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Image IDs look like img-xxxxxxxx: check the ID.")},
    {"InvalidImageId.NotFound", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The image does not exist."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Check the image ID and the region.")},
    {"InvalidFilter", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A filter is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"MissingParameter", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A required parameter is missing."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Fill in every required field (architecture, OS type and version, image "
                       "URL and name).")},
    {"UnknownParameter",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The service does not know one of the parameters."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The endpoint may run another API version: check the endpoint setting, or "
                       "report it with the RequestId.")},
    {"InvalidAction",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The service does not know this action or version."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Check the CVM endpoint setting; the default is "
                                     "https://cvm.tencentcloudapi.com.")},
    {"UnsupportedOperation*",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The operation is not supported in this situation."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Read the service's message below for the reason.")},
    {"InvalidParameterValue*",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A parameter has a value the service does not accept."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Correct the value the service's message names.")},
    {"InvalidParameter*", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A parameter is not valid."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Correct the value the service's message names.")},
};

const AdviceEntry cosTable[] = {
    {"AccessDenied", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS denied access."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The bucket may belong to another account, or your CAM policy lacks COS "
                       "permissions: attach QcloudCOSFullAccess (or a policy for this bucket) in "
                       "the CAM console → Policies.")},
    {"SignatureDoesNotMatch",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS rejected the request's signature."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check that the SecretKey belongs to the SecretId; if it does, report it "
                       "with the RequestId (the log has COS's StringToSign).")},
    {"RequestTimeTooSkewed",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The request's time is too far from COS's: your computer's clock is "
                       "off."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Set the system clock right (enable automatic time / NTP) and try again.")},
    {"InvalidAccessKeyId", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS does not know this SecretId."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Create or copy an API key in the CAM console → API Keys and enter it "
                       "again.")},
    {"ExpiredToken", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The temporary credentials have expired."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Obtain fresh temporary credentials (SecretId, SecretKey and token "
                       "together).")},
    {"InvalidToken",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "The session token is missing or does not belong to these credentials."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Enter the token issued together with this SecretId, or use a permanent "
                       "API key without a token.")},
    {"NoSuchBucket", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The bucket does not exist."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check the bucket name (<name>-<APPID>) and its region, or create the "
                       "bucket.")},
    {"NoSuchKey", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The object does not exist in the bucket."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Check the object key, or upload the image first.")},
    {"NoSuchUpload", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The multipart upload no longer exists."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Start the upload again.")},
    {"InvalidPart",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A part of the upload is missing or does not match."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Resume the upload so that the part is sent again.")},
    {"InvalidPartOrder",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The upload's parts were listed out of order."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"EntityTooSmall",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "An upload part is smaller than COS allows."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"EntityTooLarge", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The upload is larger than COS allows."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Use a smaller image (the system disk limit is 50 GB).")},
    {"InvalidArgument", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS did not accept a request argument."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Read the service's message below for the argument.")},
    {"InvalidRequest", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS did not accept the request."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Read the service's message below for the reason.")},
    {"AuthorizationHeaderMalformed",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS did not understand the Authorization header."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program or of a proxy: report it with the "
                       "RequestId.")},
    {"InvalidDigest", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The data's checksum header is malformed."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"BadDigest", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The data arrived damaged (checksum mismatch)."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Try again; the data will be sent anew.")},
    {"BucketAlreadyExists",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "A bucket of this name already exists."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Choose another bucket name.")},
    {"BucketAlreadyOwnedByYou",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "You already own a bucket of this name."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Use the existing bucket.")},
    {"MethodNotAllowed", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS does not allow this operation here."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "This is a fault of the program: report it with the RequestId.")},
    {"NotImplemented",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The COS endpoint does not implement this operation."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Check the COS endpoint setting.")},
    {"SlowDown", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS asks to slow down: too many requests."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Wait a few seconds and try again.")},
    {"ServiceUnavailable", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS is temporarily unavailable."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "Try again in a few minutes.")},
    {"InternalError", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "COS had an internal error."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Try again in a few minutes; if it persists, open a ticket quoting the "
                       "RequestId.")},
};

const AdviceEntry networkTable[] = {
    {"Network.Timeout", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The service did not answer in time."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check the network connection and the proxy settings, then try again.")},
    {"Network.Failure", QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The service could not be reached."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check the network connection, the proxy settings and the endpoint; a "
                       "certificate error means the connection is being intercepted.")},
    {"Network.BadResponse",
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX, "The service's answer could not be understood."),
     QT_TRANSLATE_NOOP(CVMI_ERR_CTX,
                       "Check that the endpoint is a Tencent Cloud endpoint (or the emulator) and "
                       "not a captive portal or proxy page.")},
};

template <std::size_t N>
std::optional<ErrorAdvice> lookup(const AdviceEntry (&table)[N], const QString& code)
{
    const AdviceEntry* family = nullptr;
    for (const AdviceEntry& entry : table) {
        const QLatin1String key(entry.code);
        if (key.endsWith(u'*')) {
            const QLatin1String prefix = key.chopped(1);
            if (!family && (code == prefix || code.startsWith(QString(prefix) + u'.')))
                family = &entry;
        } else if (code == key) {
            family = &entry;
            break;
        }
    }
    if (!family)
        return std::nullopt;
    ErrorAdvice advice;
    advice.userMessage = QCoreApplication::translate(CVMI_ERR_CTX, family->userMessage);
    advice.remedy = family->remedy ? QCoreApplication::translate(CVMI_ERR_CTX, family->remedy)
                                   : CloudErrors::importPermissionRemedy();
    return advice;
}

} // namespace

QString CloudError::toString() const
{
    QString text = userMessage;
    if (!remedy.isEmpty())
        text += u' ' + remedy;
    QString ids = code;
    if (!requestId.isEmpty())
        ids += QStringLiteral(", RequestId ") + requestId;
    if (!message.isEmpty())
        ids += QStringLiteral(": ") + message;
    return text + QStringLiteral(" (") + ids + u')';
}

QString CloudErrors::importPermissionRemedy()
{
    return tr("Ask the account's administrator to grant cvm:ImportImage: in the CAM console → "
              "Policies, attach QcloudCVMFullAccess to your user, or a custom policy allowing "
              "cvm:ImportImage (and cos:GetObject on the image's bucket). As the CVM console "
              "says, importing images may also have to be enabled for the account through a "
              "ticket to Tencent Cloud support.");
}

ErrorAdvice CloudErrors::cvm(const QString& code)
{
    if (auto advice = lookup(cvmTable, code))
        return *advice;
    return {tr("Tencent Cloud refused the request."),
            tr("Read the service's message; if it is unclear, open a ticket quoting the "
               "RequestId.")};
}

ErrorAdvice CloudErrors::cos(const QString& code)
{
    if (auto advice = lookup(cosTable, code))
        return *advice;
    return {tr("COS refused the request."),
            tr("Read the service's message; if it is unclear, open a ticket quoting the "
               "RequestId.")};
}

ErrorAdvice CloudErrors::network(const QString& code, const QString& detail)
{
    ErrorAdvice advice = lookup(networkTable, code)
                             .value_or(*lookup(networkTable, QStringLiteral("Network.Failure")));
    if (!detail.isEmpty())
        advice.userMessage += u' ' + tr("(%1)").arg(detail);
    return advice;
}

CloudError CloudErrors::cvmError(const QString& code, const QString& message,
                                 const QString& requestId, int httpStatus)
{
    const ErrorAdvice advice = cvm(code);
    return {code, message, requestId, httpStatus, advice.userMessage, advice.remedy};
}

CloudError CloudErrors::cosError(const QString& code, const QString& message,
                                 const QString& requestId, int httpStatus)
{
    // COS's other answer to a clock that is off (ClockSkew::isCosClockError) gets the clock's
    // advice, not the permission advice of other AccessDenied answers.
    const ErrorAdvice advice = cos(
        ClockSkew::isCosClockError(code, message) ? QStringLiteral("RequestTimeTooSkewed") : code);
    return {code, message, requestId, httpStatus, advice.userMessage, advice.remedy};
}

CloudError CloudErrors::networkError(const QString& code, const QString& detail)
{
    const ErrorAdvice advice = network(code, detail);
    return {code, detail, QString(), 0, advice.userMessage, advice.remedy};
}

} // namespace cvmi::cloud

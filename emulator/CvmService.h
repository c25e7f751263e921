#pragma once

// The CVM API 3.0 actions the wizard calls (DescribeRegions, DescribeImportImageOs,
// ImportImage, DescribeImages) as POST with a JSON body or GET with the parameters in the query,
// each refusing names it does not define (CvmParams.h), with TC3 verification and the API's
// envelopes: HTTP 200 with Response.Error for API errors, a RequestId on every answer. Imported
// images go IMPORTING → NORMAL, or IMPORTFAILED when the object cannot be read or is not a disk
// image, once the configured delay has passed (judged when the image is next looked at, so the
// timeline survives a restart of the emulator).
#include "CosService.h"
#include "CvmParams.h"
#include "FaultInjector.h"
#include "HttpExchange.h"
#include "ImageRecord.h"
#include "ImportRequest.h"
#include "SignatureVerifier.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cvmi::emu {

class CvmService {
public:
    CvmService(QString stateFile, const SignatureVerifier& verifier, CosService& cos,
               const AccountStore& accounts);

    bool load(QString* error);
    void setImportDelayMs(int ms) { m_importDelayMs = ms; }
    // Older API descriptions list only RequestId in ImportImage's answer: answer so.
    void setOmitImportImageId(bool omit) { m_omitImportImageId = omit; }
    // A new image is listed by DescribeImages only this long after its creation.
    void setImageListingDelayMs(int ms) { m_imageListingDelayMs = ms; }

    QString operationFor(const EmuRequest& request) const;
    EmuResponse handle(const EmuRequest& request);
    EmuResponse faultResponse(const EmuRequest& request, FaultKind kind) const;

private:
    // An API error's code and message, as the parameter checks report them.
    using ApiError = ParamProblem;
    EmuResponse envelope(const EmuRequest& request, QJsonObject response) const;
    EmuResponse apiError(const EmuRequest& request, const QString& code,
                         const QString& message) const;

    // The version, the action and the region (X-TC-Region, one open to the account), in the
    // order the service checks them.
    std::optional<ApiError> actionRefusal(const EmuRequest& request, const QString& action,
                                          const EmulatorAccount& account) const;
    // The action's parameters from a GET's query or a POST's JSON body.
    std::optional<ApiError> readParams(const EmuRequest& request, const QString& action,
                                       QJsonObject* params) const;
    QJsonObject describeRegions(const EmulatorAccount& account) const;
    QJsonObject describeImportImageOs() const;
    std::optional<ApiError> importImage(const QJsonObject& params, const EmulatorAccount& account,
                                        const QString& region, qint64 nowMs, QJsonObject* out);
    // What needs the service's state: the URLs' buckets, a duplicate name; then DryRun.
    std::optional<ApiError> importRefusal(const ImportRequest& request,
                                          const EmulatorAccount& account, const QString& region,
                                          qint64 nowMs) const;
    ImageRecord addImage(const ImportRequest& request, const EmulatorAccount& account,
                         const QString& region, qint64 nowMs);
    std::optional<ApiError> describeImages(const QJsonObject& params,
                                           const EmulatorAccount& account, const QString& region,
                                           qint64 nowMs, QJsonObject* out);

    void settle(ImageRecord& image, qint64 nowMs);
    bool save() const;

    QString m_stateFile;
    const SignatureVerifier& m_verifier;
    CosService& m_cos;
    const AccountStore& m_accounts;
    QJsonObject m_osList;
    QList<ImageRecord> m_images;
    int m_importDelayMs = 3000;
    bool m_omitImportImageId = false;
    int m_imageListingDelayMs = 0;
};

} // namespace cvmi::emu

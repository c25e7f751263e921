#pragma once

#include "controllers/InspectionResult.h"
#include "controllers/SendEstimator.h"
#include "controllers/UploadedObject.h"

#include "cloud/CloudEndpoints.h"
#include "cloud/Credentials.h"
#include "importform/ImportForm.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace cvmi::cloud {
class CosClient;
class CvmClient;
class HttpClient;
} // namespace cvmi::cloud

namespace cvmi::ui {

class InspectionRunner;

// The state every page of the wizard shares, handed to each page at construction so that pages
// never reach into one another. The Image page fills the image part; the Account, Upload, Form and
// Import pages add theirs next to it. Each part announces its changes with its own signal.
class WizardSession : public QObject {
    Q_OBJECT
public:
    explicit WizardSession(QObject* parent = nullptr);

    QString imagePath() const { return m_imagePath; }
    // Choosing another image forgets what was learned about the previous one.
    void setImagePath(const QString& path);

    bool hasInspection() const { return m_inspection.has_value(); }
    // Only meaningful when hasInspection().
    const InspectionResult& inspection() const { return *m_inspection; }
    void setInspection(const InspectionResult& result);
    void clearInspection();

    // The image was inspected, was readable, and no rule failed: the upload may begin.
    bool imageImportable() const { return m_inspection && m_inspection->importable(); }

    // The one inspection runner: whichever page a file is chosen on (the Image page, or the
    // Upload page for another file), it is checked here, and the result becomes inspection()
    // when it is the image's. Owned by the session.
    InspectionRunner* inspectionRunner() const { return m_runner; }
    // Makes `path` the image and starts checking it (the time limit from the settings),
    // replacing any check still running.
    void checkImage(const QString& path);
    bool isChecking() const;

    // How much the image would send as a compressed qcow2 (SendEstimator), estimated beside
    // every check of the image; invalid until the estimate is in, and when it failed (its
    // error says why). Forgotten when another image is chosen.
    const SendEstimate& sendEstimate() const { return m_sendEstimate; }
    void setSendEstimate(const SendEstimate& estimate);
    bool isEstimating() const;

    // The account part, filled by the Account page. The credentials carry secrets: show them
    // only through Credentials::redacted(). setAccount() rebuilds the clients (the previous ones
    // are deleted later, so that calls in flight end in the event loop, not in freed memory) and
    // forgets the chosen bucket, which belonged to the previous account or region.
    void setAccount(const cloud::Credentials& credentials, const QString& region,
                    const cloud::CloudEndpoints& endpoints);
    void clearAccount();
    bool hasAccount() const { return m_cvm != nullptr; }
    const cloud::Credentials& credentials() const { return m_credentials; }
    QString region() const { return m_region; }
    const cloud::CloudEndpoints& endpoints() const { return m_endpoints; }
    // Null until setAccount(); owned by the session.
    cloud::HttpClient* http() const { return m_http; }
    cloud::CvmClient* cvm() const { return m_cvm; }
    cloud::CosClient* cos() const { return m_cos; }

    QString bucket() const { return m_bucket; } // "<name>-<APPID>" in region(), or empty
    void setBucket(const QString& bucket);

    // The upload part, filled by the Upload page once COS confirmed the whole object.
    bool hasUpload() const { return m_upload.isValid(); }
    const UploadedObject& upload() const { return m_upload; }
    void setUpload(const UploadedObject& upload);
    void clearUpload();

    // The image is in COS already (uploaded earlier, by this program or another): the Upload
    // page is skipped and the Form page asks for (or proposes) its URL. `objectUrl` is where the
    // Upload page's bucket and key point, empty when skipped from the Image page. Forgotten when
    // another image is chosen.
    bool uploadSkipped() const { return m_uploadSkipped; }
    QString skippedObjectUrl() const { return m_skippedObjectUrl; }
    void setUploadSkipped(bool skipped, const QString& objectUrl = {});

    // An interrupted upload the user chose to continue (the notice on the Image page): the
    // Upload page preselects its bucket and key for that file, so that the resume is offered.
    // Forgotten when another image is chosen.
    const InterruptedUpload& resumeTarget() const { return m_resumeTarget; }
    void setResumeTarget(const InterruptedUpload& target) { m_resumeTarget = target; }

    // The import part, filled by the Form page when the form validates without errors: the
    // ImportImage parameters the Import page sends.
    bool hasImportForm() const { return m_importForm.has_value(); }
    // Only meaningful when hasImportForm().
    const importform::ImportForm& importForm() const { return *m_importForm; }
    void setImportForm(const importform::ImportForm& form);
    void clearImportForm();

    // The form's fields as the Form page's labels name them ("Image name"), so that a message
    // about a field elsewhere (the Import page's check) names it as the user saw it, not by its
    // API name. Unknown ids name themselves.
    void setFieldNames(const QHash<QString, QString>& names) { m_fieldNames = names; }
    QString fieldName(const QString& fieldId) const { return m_fieldNames.value(fieldId, fieldId); }

signals:
    void imagePathChanged(const QString& path);
    void inspectionChanged();
    void sendEstimateChanged();
    void accountChanged();
    void bucketChanged(const QString& bucket);
    void uploadChanged();
    void uploadSkippedChanged(bool skipped);
    void importFormChanged();

private:
    void dropClients();

    InspectionRunner* m_runner;
    SendEstimator* m_estimator;
    SendEstimate m_sendEstimate;
    QString m_imagePath;
    std::optional<InspectionResult> m_inspection;

    cloud::Credentials m_credentials;
    QString m_region;
    cloud::CloudEndpoints m_endpoints;
    cloud::HttpClient* m_http;
    cloud::CvmClient* m_cvm = nullptr;
    cloud::CosClient* m_cos = nullptr;
    QString m_bucket;
    UploadedObject m_upload;
    InterruptedUpload m_resumeTarget;
    bool m_uploadSkipped = false;
    QString m_skippedObjectUrl;
    std::optional<importform::ImportForm> m_importForm;
    QHash<QString, QString> m_fieldNames;
};

} // namespace cvmi::ui

#pragma once

// The CVM and COS endpoint overrides as two fields with their explanation and the reason a value
// is refused, shared by the Account page's "Endpoints…" dialog and the settings dialog. Empty
// fields mean the real services. The rule shown to the user: https:// anywhere, http:// only to
// this machine (loopback), because the requests carry signed credentials.
#include "cloud/CloudEndpoints.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace cvmi::ui {

class EndpointFields : public QWidget {
    Q_OBJECT
public:
    explicit EndpointFields(QWidget* parent = nullptr);

    void setOverrides(const QString& cvm, const QString& cos);
    QString cvmOverride() const; // trimmed
    QString cosOverride() const;

    // Checks both fields with CloudEndpoints; shows the first refusal under the fields (or hides
    // the message) and returns the endpoints when both are valid.
    std::optional<cloud::CloudEndpoints> validate();
    // The field validate() last refused, or null.
    QLineEdit* culprit() const { return m_culprit; }

    QLineEdit* cvmEdit() const { return m_cvmEdit; }
    QLineEdit* cosEdit() const { return m_cosEdit; }

signals:
    void edited(); // either field's text changed

private:
    QLineEdit* m_cvmEdit;
    QLineEdit* m_cosEdit;
    QLabel* m_error;
    QLineEdit* m_culprit = nullptr;
};

} // namespace cvmi::ui

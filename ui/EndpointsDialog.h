#pragma once

// "Endpoints…": where the CVM and COS requests go, for a private gateway, a proxy or the local
// emulator. Empty fields mean the real services. The rule shown to the user: https:// anywhere,
// http:// only to this machine (loopback), because the requests carry signed credentials.
#include "cloud/CloudEndpoints.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace cvmi::ui {

class EndpointsDialog : public QDialog {
    Q_OBJECT
public:
    explicit EndpointsDialog(QWidget* parent = nullptr);

    void setOverrides(const QString& cvm, const QString& cos);
    QString cvmOverride() const;
    QString cosOverride() const;
    // Valid only after the dialog was accepted.
    cloud::CloudEndpoints endpoints() const { return m_endpoints; }

    // Validates both fields; on failure the dialog stays open and says why.
    void accept() override;

    QLineEdit* cvmEdit() const { return m_cvmEdit; }
    QLineEdit* cosEdit() const { return m_cosEdit; }
    QLabel* errorLabel() const { return m_error; }

private:
    QLineEdit* m_cvmEdit;
    QLineEdit* m_cosEdit;
    QLabel* m_error;
    cloud::CloudEndpoints m_endpoints;
};

} // namespace cvmi::ui

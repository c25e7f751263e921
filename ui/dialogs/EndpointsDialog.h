#pragma once

// "Endpoints…": where the CVM and COS requests go, for a private gateway, a proxy or the local
// emulator (the fields and their rule: EndpointFields).
#include "cloud/CloudEndpoints.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace cvmi::ui {

class EndpointFields;

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

    QLineEdit* cvmEdit() const;
    QLineEdit* cosEdit() const;
    QLabel* errorLabel() const;

private:
    EndpointFields* m_fields;
    cloud::CloudEndpoints m_endpoints;
};

} // namespace cvmi::ui

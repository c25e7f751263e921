#pragma once

// "Endpoints…": where the CVM and COS requests go, for a private gateway, a proxy or the local
// emulator (the fields and their rule: EndpointFields).
#include "cloud/CloudEndpoints.h"

// Layout in EndpointsDialog.ui; tests find its fields by object name.
#include <QDialog>

#include <memory>

namespace cvmi::ui {

namespace Ui {
class EndpointsDialog;
}

class EndpointsDialog : public QDialog {
    Q_OBJECT
public:
    explicit EndpointsDialog(QWidget* parent = nullptr);
    ~EndpointsDialog() override;

    void setOverrides(const QString& cvm, const QString& cos);
    QString cvmOverride() const;
    QString cosOverride() const;
    // Valid only after the dialog was accepted.
    cloud::CloudEndpoints endpoints() const { return m_endpoints; }

    // Validates both fields; on failure the dialog stays open and says why.
    void accept() override;

private:
    std::unique_ptr<Ui::EndpointsDialog> m_ui;
    cloud::CloudEndpoints m_endpoints;
};

} // namespace cvmi::ui

#include "dialogs/EndpointsDialog.h"
#include "ui_EndpointsDialog.h"

#include "widgets/EndpointFields.h"

#include <QLineEdit>
#include <QPushButton>

namespace cvmi::ui {

EndpointsDialog::EndpointsDialog(QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::EndpointsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &EndpointsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &EndpointsDialog::reject);
    QPushButton* restore = m_ui->buttons->button(QDialogButtonBox::RestoreDefaults);
    // Qt's own text has no Alt key (OK and Cancel have Enter and Esc).
    restore->setText(tr("Restore &Defaults"));
    connect(restore, &QAbstractButton::clicked, this, [this] { setOverrides({}, {}); });
}

EndpointsDialog::~EndpointsDialog() = default;

void EndpointsDialog::setOverrides(const QString& cvm, const QString& cos)
{
    m_ui->endpointFields->setOverrides(cvm, cos);
}

QString EndpointsDialog::cvmOverride() const
{
    return m_ui->endpointFields->cvmOverride();
}

QString EndpointsDialog::cosOverride() const
{
    return m_ui->endpointFields->cosOverride();
}

void EndpointsDialog::accept()
{
    const std::optional<cloud::CloudEndpoints> endpoints = m_ui->endpointFields->validate();
    if (!endpoints) {
        m_ui->endpointFields->culprit()->setFocus();
        m_ui->endpointFields->culprit()->selectAll();
        return;
    }
    m_endpoints = *endpoints;
    QDialog::accept();
}

} // namespace cvmi::ui

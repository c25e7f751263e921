#include "dialogs/EndpointsDialog.h"

#include "widgets/EndpointFields.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cvmi::ui {

EndpointsDialog::EndpointsDialog(QWidget* parent)
    : QDialog(parent), m_fields(new EndpointFields(this))
{
    setObjectName(QStringLiteral("endpointsDialog"));
    setWindowTitle(tr("Endpoints"));

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &EndpointsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EndpointsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QAbstractButton::clicked, this,
            [this] { setOverrides({}, {}); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_fields);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void EndpointsDialog::setOverrides(const QString& cvm, const QString& cos)
{
    m_fields->setOverrides(cvm, cos);
}

QString EndpointsDialog::cvmOverride() const
{
    return m_fields->cvmOverride();
}

QString EndpointsDialog::cosOverride() const
{
    return m_fields->cosOverride();
}

QLineEdit* EndpointsDialog::cvmEdit() const
{
    return m_fields->cvmEdit();
}

QLineEdit* EndpointsDialog::cosEdit() const
{
    return m_fields->cosEdit();
}

QLabel* EndpointsDialog::errorLabel() const
{
    return m_fields->errorLabel();
}

void EndpointsDialog::accept()
{
    const std::optional<cloud::CloudEndpoints> endpoints = m_fields->validate();
    if (!endpoints) {
        m_fields->culprit()->setFocus();
        m_fields->culprit()->selectAll();
        return;
    }
    m_endpoints = *endpoints;
    QDialog::accept();
}

} // namespace cvmi::ui

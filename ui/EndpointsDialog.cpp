#include "EndpointsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cvmi::ui {

EndpointsDialog::EndpointsDialog(QWidget* parent)
    : QDialog(parent), m_cvmEdit(new QLineEdit(this)), m_cosEdit(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("endpointsDialog"));
    setWindowTitle(tr("Endpoints"));
    auto* intro = new QLabel(
        tr("Leave both empty to talk to Tencent Cloud itself. Set an address to send the requests "
           "to a private gateway, a proxy or a local emulator instead; they are still signed for "
           "the real service.\n\nhttps:// is accepted for any host. http:// is accepted only for "
           "this computer (localhost, 127.0.0.1, ::1): the requests carry signed credentials, "
           "and unencrypted traffic to another machine can be read on the way."),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_cvmEdit->setObjectName(QStringLiteral("cvmEndpoint"));
    m_cvmEdit->setPlaceholderText(QStringLiteral("https://") +
                                  cloud::CloudEndpoints::defaultCvmHost());
    m_cvmEdit->setAccessibleName(tr("CVM API endpoint"));
    m_cosEdit->setObjectName(QStringLiteral("cosEndpoint"));
    m_cosEdit->setPlaceholderText(
        tr("each bucket's own host (<bucket>.cos.<region>.myqcloud.com)"));
    m_cosEdit->setAccessibleName(tr("COS endpoint"));
    m_error->setObjectName(QStringLiteral("endpointsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setAccessibleName(tr("Endpoint error"));
    m_error->hide();
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x1e, 0x1e));
    m_error->setPalette(errorPalette);

    auto* form = new QFormLayout;
    form->addRow(tr("&CVM API:"), m_cvmEdit);
    form->addRow(tr("C&OS:"), m_cosEdit);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &EndpointsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EndpointsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QAbstractButton::clicked, this,
            [this] { setOverrides({}, {}); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void EndpointsDialog::setOverrides(const QString& cvm, const QString& cos)
{
    m_cvmEdit->setText(cvm);
    m_cosEdit->setText(cos);
    m_error->hide();
}

QString EndpointsDialog::cvmOverride() const
{
    return m_cvmEdit->text().trimmed();
}

QString EndpointsDialog::cosOverride() const
{
    return m_cosEdit->text().trimmed();
}

void EndpointsDialog::accept()
{
    cloud::CloudEndpoints endpoints;
    Error error;
    QLineEdit* culprit = nullptr;
    if (!endpoints.setCvmEndpoint(cvmOverride(), &error))
        culprit = m_cvmEdit;
    else if (!endpoints.setCosEndpoint(cosOverride(), &error))
        culprit = m_cosEdit;
    if (culprit) {
        m_error->setText(error.message);
        m_error->show();
        culprit->setFocus();
        culprit->selectAll();
        return;
    }
    m_error->hide();
    m_endpoints = endpoints;
    QDialog::accept();
}

} // namespace cvmi::ui

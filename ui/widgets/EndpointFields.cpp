#include "widgets/EndpointFields.h"

#include "TextTints.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace cvmi::ui {

EndpointFields::EndpointFields(QWidget* parent)
    : QWidget(parent), m_cvmEdit(new QLineEdit(this)), m_cosEdit(new QLineEdit(this)),
      m_error(new QLabel(this))
{
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
    setTextTint(m_error, TextTint::Error);

    auto* form = new QFormLayout;
    form->addRow(tr("&CVM API:"), m_cvmEdit);
    form->addRow(tr("C&OS:"), m_cosEdit);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    setTabOrder(m_cvmEdit, m_cosEdit);

    connect(m_cvmEdit, &QLineEdit::textChanged, this, &EndpointFields::edited);
    connect(m_cosEdit, &QLineEdit::textChanged, this, &EndpointFields::edited);
}

void EndpointFields::setOverrides(const QString& cvm, const QString& cos)
{
    m_cvmEdit->setText(cvm);
    m_cosEdit->setText(cos);
    m_error->hide();
    m_culprit = nullptr;
}

QString EndpointFields::cvmOverride() const
{
    return m_cvmEdit->text().trimmed();
}

QString EndpointFields::cosOverride() const
{
    return m_cosEdit->text().trimmed();
}

std::optional<cloud::CloudEndpoints> EndpointFields::validate()
{
    cloud::CloudEndpoints endpoints;
    Error error;
    m_culprit = nullptr;
    if (!endpoints.setCvmEndpoint(cvmOverride(), &error))
        m_culprit = m_cvmEdit;
    else if (!endpoints.setCosEndpoint(cosOverride(), &error))
        m_culprit = m_cosEdit;
    if (m_culprit) {
        m_error->setText(error.message);
        m_error->show();
        return std::nullopt;
    }
    m_error->hide();
    return endpoints;
}

} // namespace cvmi::ui

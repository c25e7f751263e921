#include "dialogs/CreateBucketDialog.h"

#include "cloud/BucketName.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cvmi::ui {

CreateBucketDialog::CreateBucketDialog(const QString& region, const QString& appId, QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_appId(new QLineEdit(appId, this)),
      m_preview(new QLabel(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("createBucketDialog"));
    setWindowTitle(tr("Create Bucket"));
    auto* intro = new QLabel(tr("A private bucket is created in %1 for the image upload. Its "
                                "name is 1 to %2 lower-case letters, digits and '-', followed "
                                "by your account's APPID.")
                                 .arg(region)
                                 .arg(cloud::BucketName::maxNameLength),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_name->setObjectName(QStringLiteral("bucketName"));
    m_name->setMaxLength(cloud::BucketName::maxNameLength + 10); // the check says what is wrong
    m_name->setPlaceholderText(QStringLiteral("cvm-images"));
    m_name->setAccessibleName(tr("Bucket name"));
    m_appId->setObjectName(QStringLiteral("bucketAppId"));
    m_appId->setAccessibleName(tr("APPID"));
    m_appId->setPlaceholderText(QStringLiteral("1250000000"));
    m_preview->setObjectName(QStringLiteral("bucketPreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_problem->setObjectName(QStringLiteral("bucketProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&APPID:"), m_appId);
    form->addRow(tr("Bucket:"), m_preview);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    connect(m_appId, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    validate();
}

QString CreateBucketDialog::bucket() const
{
    return cloud::BucketName::compose(m_name->text().trimmed(), m_appId->text().trimmed(), nullptr);
}

void CreateBucketDialog::validate()
{
    Error error;
    const QString full =
        cloud::BucketName::compose(m_name->text().trimmed(), m_appId->text().trimmed(), &error);
    m_preview->setText(full.isEmpty() ? QStringLiteral("—") : full);
    // Nothing typed yet is not a mistake worth a red sentence.
    m_problem->setText(m_name->text().isEmpty() ? QString() : error.message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!full.isEmpty());
}

} // namespace cvmi::ui

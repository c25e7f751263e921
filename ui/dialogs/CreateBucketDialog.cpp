#include "dialogs/CreateBucketDialog.h"
#include "ui_CreateBucketDialog.h"

#include "cloud/BucketName.h"

#include <QPushButton>

namespace cvmi::ui {

CreateBucketDialog::CreateBucketDialog(const QString& region, const QString& appId, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::CreateBucketDialog>())
{
    m_ui->setupUi(this);
    m_ui->bucketIntro->setText(
        m_ui->bucketIntro->text().arg(region).arg(cloud::BucketName::maxNameLength));
    // Longer than allowed, so that the check can say what is wrong instead of cutting it off.
    m_ui->bucketName->setMaxLength(cloud::BucketName::maxNameLength + 10);
    m_ui->bucketAppId->setText(appId);

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->bucketName, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    connect(m_ui->bucketAppId, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    validate();
}

CreateBucketDialog::~CreateBucketDialog() = default;

QString CreateBucketDialog::bucket() const
{
    return cloud::BucketName::compose(m_ui->bucketName->text().trimmed(),
                                      m_ui->bucketAppId->text().trimmed(), nullptr);
}

void CreateBucketDialog::validate()
{
    Error error;
    const QString full = cloud::BucketName::compose(m_ui->bucketName->text().trimmed(),
                                                    m_ui->bucketAppId->text().trimmed(), &error);
    m_ui->bucketPreview->setText(full.isEmpty() ? QStringLiteral("—") : full);
    // Nothing typed yet is not a mistake worth a red sentence.
    m_ui->bucketProblem->setText(m_ui->bucketName->text().isEmpty() ? QString() : error.message);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!full.isEmpty());
}

} // namespace cvmi::ui

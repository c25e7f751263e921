#include "widgets/UploadDestination.h"

#include "TextTints.h"
#include "pages/UploadPageTexts.h"

#include "ui_UploadDestination.h"

#include <QSignalBlocker>

namespace cvmi::ui {

UploadDestination::UploadDestination(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::UploadDestination>())
{
    m_ui->setupUi(this);
    setTextTint(m_ui->objectKeyProblem, TextTint::Error);
    m_ui->uploadBucket->setPlaceholderText(tr("Choose a bucket on the Account page"));
    connect(m_ui->objectKey, &QLineEdit::textEdited, this, [this] { m_keyEdited = true; });
    connect(m_ui->objectKey, &QLineEdit::textChanged, this, [this] {
        showKeyProblem();
        emit changed();
    });
    connect(m_ui->uploadBucket, &QComboBox::currentIndexChanged, this, &UploadDestination::changed);
    showKeyProblem();
}

UploadDestination::~UploadDestination() = default;

QString UploadDestination::bucket() const
{
    return m_ui->uploadBucket->currentData().toString();
}

QString UploadDestination::key() const
{
    return m_ui->objectKey->text();
}

QString UploadDestination::keyProblem() const
{
    return UploadPageTexts::keyProblem(key());
}

void UploadDestination::showKeyProblem()
{
    const QString problem = keyProblem();
    m_ui->objectKeyProblem->setText(problem);
    m_ui->objectKeyProblem->setVisible(!problem.isEmpty());
}

void UploadDestination::resetBuckets(const QString& accountBucket)
{
    const QString chosen = bucket().isEmpty() ? accountBucket : bucket();
    const QSignalBlocker blocker(m_ui->uploadBucket);
    m_ui->uploadBucket->clear();
    if (!chosen.isEmpty())
        m_ui->uploadBucket->addItem(chosen, chosen);
    // The account's bucket stays a choice when an interrupted upload's bucket was chosen.
    if (!accountBucket.isEmpty() && accountBucket != chosen)
        m_ui->uploadBucket->addItem(accountBucket, accountBucket);
    // With a placeholder, QComboBox leaves a new first item unselected.
    m_ui->uploadBucket->setCurrentIndex(chosen.isEmpty() ? -1 : 0);
}

void UploadDestination::addBuckets(const QStringList& names)
{
    const QSignalBlocker blocker(m_ui->uploadBucket);
    for (const QString& name : names) {
        if (m_ui->uploadBucket->findData(name) < 0)
            m_ui->uploadBucket->addItem(name, name);
    }
}

void UploadDestination::proposeKey(const QString& fileName)
{
    if (!m_keyEdited)
        m_ui->objectKey->setText(fileName);
}

void UploadDestination::setKey(const QString& key)
{
    m_keyEdited = true;
    m_ui->objectKey->setText(key);
}

void UploadDestination::renameKey(const QString& key)
{
    if (key != m_ui->objectKey->text())
        m_ui->objectKey->setText(key);
}

void UploadDestination::choose(const QString& bucket, const QString& key)
{
    m_keyEdited = true;
    {
        const QSignalBlocker blocker(m_ui->objectKey);
        m_ui->objectKey->setText(key);
    }
    showKeyProblem();
    if (bucket.isEmpty())
        return;
    const QSignalBlocker blocker(m_ui->uploadBucket);
    if (m_ui->uploadBucket->findData(bucket) < 0)
        m_ui->uploadBucket->addItem(bucket, bucket);
    m_ui->uploadBucket->setCurrentIndex(m_ui->uploadBucket->findData(bucket));
}

void UploadDestination::setEditable(bool editable)
{
    m_ui->uploadBucket->setEnabled(editable);
    m_ui->objectKey->setEnabled(editable);
}

QWidget* UploadDestination::firstTabStop() const
{
    return m_ui->uploadBucket;
}

} // namespace cvmi::ui

#include "widgets/BucketChooser.h"
#include "ui_BucketChooser.h"

#include <QSignalBlocker>

namespace cvmi::ui {

BucketChooser::BucketChooser(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::BucketChooser>())
{
    m_ui->setupUi(this);
    connect(m_ui->bucket, &QComboBox::currentIndexChanged, this,
            [this] { emit bucketChosen(chosen()); });
    connect(m_ui->createBucket, &QPushButton::clicked, this, &BucketChooser::createRequested);
}

BucketChooser::~BucketChooser() = default;

void BucketChooser::reset(const QString& placeholder)
{
    showNone(placeholder);
    m_ui->bucket->setEnabled(false);
    m_ui->createBucket->setEnabled(false);
    m_ui->bucketStatus->clear();
}

void BucketChooser::showNone(const QString& placeholder)
{
    const QSignalBlocker blocker(m_ui->bucket);
    m_ui->bucket->clear();
    m_ui->bucket->setPlaceholderText(placeholder);
}

void BucketChooser::offer(const QStringList& buckets, const QString& placeholder)
{
    {
        const QSignalBlocker blocker(m_ui->bucket);
        m_ui->bucket->clear();
        for (const QString& name : buckets)
            m_ui->bucket->addItem(name, name);
        m_ui->bucket->setCurrentIndex(-1);
        m_ui->bucket->setPlaceholderText(placeholder);
    }
    m_ui->bucket->setEnabled(true);
    m_ui->createBucket->setEnabled(true);
}

QString BucketChooser::chosen() const
{
    return m_ui->bucket->currentData().toString();
}

void BucketChooser::choose(const QString& bucket)
{
    if (m_ui->bucket->findData(bucket) < 0)
        m_ui->bucket->addItem(bucket, bucket);
    m_ui->bucket->setCurrentIndex(m_ui->bucket->findData(bucket));
}

bool BucketChooser::canCreate() const
{
    return m_ui->createBucket->isEnabled();
}

void BucketChooser::setCanCreate(bool can)
{
    m_ui->createBucket->setEnabled(can);
}

void BucketChooser::setStatus(const QString& text)
{
    m_ui->bucketStatus->setText(text);
}

} // namespace cvmi::ui

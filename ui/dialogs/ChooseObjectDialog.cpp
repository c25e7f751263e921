#include "dialogs/ChooseObjectDialog.h"
#include "ui_ChooseObjectDialog.h"

#include "TextTints.h"
#include "WizardSession.h"

#include "util/FutureReply.h"

#include "cloud/CosClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

namespace cvmi::ui {

namespace {

enum Column { KeyColumn, SizeColumn, ModifiedColumn };
constexpr int kKeyRole = Qt::UserRole;
constexpr int kImageRole = Qt::UserRole + 1;

QString modifiedText(const QString& iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : iso;
}

} // namespace

bool ChooseObjectDialog::isDiskImageKey(const QString& key)
{
    static const QStringList suffixes{QStringLiteral("qcow2"), QStringLiteral("vhd"),
                                      QStringLiteral("vmdk"),  QStringLiteral("raw"),
                                      QStringLiteral("img"),   QStringLiteral("iso")};
    if (key.endsWith(u'/'))
        return false; // a "folder" placeholder object
    return suffixes.contains(QFileInfo(key).suffix().toLower());
}

ChooseObjectDialog::ChooseObjectDialog(WizardSession* session, const QString& bucket,
                                       QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ChooseObjectDialog>()), m_session(session),
      m_initialBucket(bucket), m_prefixTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    QTreeWidget* list = m_ui->chooseObjectList;
    list->headerItem()->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    list->header()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    list->header()->setSectionResizeMode(ModifiedColumn, QHeaderView::ResizeToContents);
    m_ui->chooseObjectMore->setToolTip(tr("List the next objects (COS answers up to %1 at a time)")
                                           .arg(cloud::CosObjectPage::maxKeys));

    QPushButton* ok = m_ui->buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("chooseObjectChoose"));
    ok->setText(tr("&Choose"));
    // Enter in the prefix field filters; it must not choose whatever row happens to be selected.
    ok->setAutoDefault(false);
    ok->setDefault(false);
    QPushButton* cancel = m_ui->buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("chooseObjectCancel"));
    cancel->setAutoDefault(false);

    m_prefixTimer->setSingleShot(true);
    m_prefixTimer->setInterval(prefixDebounceMs);
    connect(m_prefixTimer, &QTimer::timeout, this, &ChooseObjectDialog::listFromStart);
    connect(m_ui->chooseObjectPrefix, &QLineEdit::textChanged, this,
            [this] { m_prefixTimer->start(); });
    connect(m_ui->chooseObjectPrefix, &QLineEdit::returnPressed, this, [this] {
        m_prefixTimer->stop();
        listFromStart();
    });
    connect(m_ui->chooseObjectBucket, &QComboBox::currentIndexChanged, this,
            &ChooseObjectDialog::listFromStart);
    connect(m_ui->chooseObjectImagesOnly, &QCheckBox::toggled, this, &ChooseObjectDialog::refilter);
    connect(m_ui->chooseObjectMore, &QPushButton::clicked, this, &ChooseObjectDialog::listMore);
    connect(m_ui->chooseObjectList, &QTreeWidget::itemSelectionChanged, this,
            &ChooseObjectDialog::updateButtons);
    connect(m_ui->chooseObjectList, &QTreeWidget::itemActivated, this, &ChooseObjectDialog::choose);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ChooseObjectDialog::choose);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    loadBuckets();
    updateButtons();
}

ChooseObjectDialog::~ChooseObjectDialog() = default;

void ChooseObjectDialog::loadBuckets()
{
    cloud::CosClient* cos = m_session->cos();
    if (!cos || !m_session->credentials().isUsable()) {
        m_ui->chooseObjectBucket->setEnabled(false);
        m_ui->chooseObjectPrefix->setEnabled(false);
        setStatus(tr("No account is connected: connect one on the Account page, then choose the "
                     "object here (or type its URL in the form)."),
                  true);
        return;
    }
    // The bucket chosen earlier is listed at once; GET Service adds the region's others (and
    // may be refused by a policy that still allows listing that one bucket).
    if (!m_initialBucket.isEmpty())
        selectFirst({m_initialBucket});
    else
        setStatus(tr("Listing the buckets of %1…").arg(m_session->region()), false);
    const QString region = m_session->region();
    QPointer<cloud::CosClient> client(cos);
    util::onResult(cos->listBuckets(), this,
                   [this, client, region](const cloud::CloudResult<QList<cloud::CosBucket>>& r) {
                       if (client != m_session->cos())
                           return;
                       if (!r.ok()) {
                           if (m_ui->chooseObjectBucket->count() == 0)
                               setStatus(tr("Could not list the buckets: %1 %2")
                                             .arg(r.error.userMessage, r.error.remedy),
                                         true);
                           return;
                       }
                       QStringList names;
                       for (const cloud::CosBucket& b : r.value) {
                           if (b.location == region &&
                               m_ui->chooseObjectBucket->findData(b.name) < 0)
                               names.append(b.name);
                       }
                       std::sort(names.begin(), names.end());
                       if (m_ui->chooseObjectBucket->count() == 0 && names.isEmpty())
                           return setStatus(tr("This account has no bucket in %1. Upload the "
                                               "image first, or choose the bucket's region on "
                                               "the Account page.")
                                                .arg(region),
                                            true);
                       selectFirst(names);
                   });
}

void ChooseObjectDialog::selectFirst(const QStringList& buckets)
{
    const bool wasEmpty = m_ui->chooseObjectBucket->count() == 0;
    {
        const QSignalBlocker blocker(m_ui->chooseObjectBucket);
        for (const QString& name : buckets)
            m_ui->chooseObjectBucket->addItem(name, name);
        if (wasEmpty)
            m_ui->chooseObjectBucket->setCurrentIndex(0);
    }
    if (wasEmpty && m_ui->chooseObjectBucket->count() > 0)
        listFromStart(); // the first bucket shown is listed; later ones wait to be chosen
}

void ChooseObjectDialog::listFromStart()
{
    m_ui->chooseObjectList->clear();
    m_listed = 0;
    m_nextMarker.clear();
    requestPage(QString());
}

void ChooseObjectDialog::listMore()
{
    if (!m_nextMarker.isEmpty() && !m_busy)
        requestPage(m_nextMarker);
}

void ChooseObjectDialog::requestPage(const QString& marker)
{
    cloud::CosClient* cos = m_session->cos();
    const QString bucket = m_ui->chooseObjectBucket->currentData().toString();
    if (!cos || bucket.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_busy = true;
    updateButtons();
    setStatus(marker.isEmpty() ? tr("Listing the objects of %1…").arg(bucket)
                               : tr("Listing more objects of %1…").arg(bucket),
              false);
    cloud::CosListQuery query;
    query.prefix = m_ui->chooseObjectPrefix->text();
    query.marker = marker;
    util::onResult(cos->listObjects(bucket, m_session->region(), query), this,
                   [this, generation, bucket](const cloud::CloudResult<cloud::CosObjectPage>& r) {
                       if (generation != m_generation)
                           return; // another bucket or prefix since
                       m_busy = false;
                       if (!r.ok()) {
                           m_nextMarker.clear();
                           updateButtons();
                           return setStatus(tr("Could not list the objects of %1: %2 %3")
                                                .arg(bucket, r.error.userMessage, r.error.remedy),
                                            true);
                       }
                       addPage(r.value);
                   });
}

void ChooseObjectDialog::addPage(const cloud::CosObjectPage& page)
{
    const QBrush dimBrush = m_ui->chooseObjectList->palette().brush(QPalette::PlaceholderText);
    for (const cloud::CosListedObject& o : page.objects) {
        auto* item = new QTreeWidgetItem(m_ui->chooseObjectList);
        const bool image = isDiskImageKey(o.key);
        item->setText(KeyColumn, o.key);
        item->setToolTip(KeyColumn, o.key);
        item->setData(KeyColumn, kKeyRole, o.key);
        item->setData(KeyColumn, kImageRole, image);
        item->setText(SizeColumn, QLocale().formattedDataSize(o.size));
        item->setToolTip(SizeColumn, tr("%1 bytes").arg(QLocale().toString(o.size)));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(ModifiedColumn, modifiedText(o.lastModified));
        if (image) {
            QFont bold = item->font(KeyColumn);
            bold.setBold(true);
            item->setFont(KeyColumn, bold);
        } else {
            for (int c = KeyColumn; c <= ModifiedColumn; ++c)
                item->setForeground(c, dimBrush);
        }
    }
    m_listed += int(page.objects.size());
    m_nextMarker = page.isTruncated ? page.nextMarker : QString();
    refilter();
}

void ChooseObjectDialog::refilter()
{
    int images = 0;
    for (int i = 0; i < m_ui->chooseObjectList->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_ui->chooseObjectList->topLevelItem(i);
        const bool image = item->data(KeyColumn, kImageRole).toBool();
        images += image ? 1 : 0;
        item->setHidden(m_ui->chooseObjectImagesOnly->isChecked() && !image);
    }
    updateButtons();
    if (m_busy || m_ui->chooseObjectBucket->currentIndex() < 0)
        return;
    const QString bucket = m_ui->chooseObjectBucket->currentData().toString();
    QString text;
    if (m_listed == 0)
        text = m_ui->chooseObjectPrefix->text().isEmpty()
                   ? tr("The bucket %1 is empty.").arg(bucket)
                   : tr("No object in %1 starts with \"%2\".")
                         .arg(bucket, m_ui->chooseObjectPrefix->text());
    else if (images == 0 && m_ui->chooseObjectImagesOnly->isChecked())
        text = tr("Objects listed: %1, none of them a disk image. Untick \"Only disk images\" to "
                  "see them.")
                   .arg(m_listed);
    else
        text = tr("Objects listed: %1; disk images among them: %2.").arg(m_listed).arg(images);
    if (!m_nextMarker.isEmpty())
        text += u' ' + tr("More objects follow: \"More\" lists the next %1.")
                           .arg(cloud::CosObjectPage::maxKeys);
    setStatus(text, false);
}

void ChooseObjectDialog::updateButtons()
{
    const QTreeWidgetItem* item = m_ui->chooseObjectList->currentItem();
    const bool chosen = item && item->isSelected() && !item->isHidden();
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(chosen);
    m_ui->chooseObjectMore->setEnabled(!m_busy && !m_nextMarker.isEmpty());
    m_ui->chooseObjectMore->setVisible(!m_nextMarker.isEmpty() || m_busy);
}

void ChooseObjectDialog::setStatus(const QString& text, bool error)
{
    m_ui->chooseObjectStatus->setText(text);
    setTextTint(m_ui->chooseObjectStatus, error ? TextTint::Error : TextTint::Normal);
}

void ChooseObjectDialog::choose()
{
    const QTreeWidgetItem* item = m_ui->chooseObjectList->currentItem();
    if (!item || item->isHidden())
        return;
    m_chosenBucket = m_ui->chooseObjectBucket->currentData().toString();
    m_chosenKey = item->data(KeyColumn, kKeyRole).toString();
    accept();
}

} // namespace cvmi::ui

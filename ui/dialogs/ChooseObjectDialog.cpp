#include "dialogs/ChooseObjectDialog.h"

#include "Icons.h"
#include "WizardSession.h"

#include "util/FutureReply.h"

#include "cloud/CosClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cvmi::ui {

namespace {

enum Column { KeyColumn, SizeColumn, ModifiedColumn };
constexpr int kKeyRole = Qt::UserRole;
constexpr int kImageRole = Qt::UserRole + 1;
const QColor kErrorTint(0xc0, 0x1c, 0x28);

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
    : QDialog(parent), m_session(session), m_initialBucket(bucket),
      m_bucketBox(new QComboBox(this)), m_prefix(new QLineEdit(this)),
      m_imagesOnly(
          new QCheckBox(tr("&Only disk images (.qcow2, .vhd, .vmdk, .raw, .img, .iso)"), this)),
      m_list(new QTreeWidget(this)), m_more(new QPushButton(tr("&More"), this)),
      m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_prefixTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("chooseObjectDialog"));
    setWindowTitle(tr("Choose an Object in COS"));
    auto* intro = new QLabel(
        tr("The image is in COS already: choose its object. The form gets the object's URL; "
           "when the bucket is private, the import signs that URL when it starts, so that "
           "Tencent Cloud can read the object without your keys."),
        this);
    intro->setObjectName(QStringLiteral("chooseObjectIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_bucketBox->setObjectName(QStringLiteral("chooseObjectBucket"));
    m_bucketBox->setAccessibleName(tr("Bucket"));
    m_bucketBox->setPlaceholderText(tr("Choose a bucket"));
    m_bucketBox->setMinimumContentsLength(30);
    m_bucketBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_prefix->setObjectName(QStringLiteral("chooseObjectPrefix"));
    m_prefix->setAccessibleName(tr("Key prefix"));
    m_prefix->setPlaceholderText(tr("e.g. images/ (the start of the key)"));
    m_prefix->setClearButtonEnabled(true);
    m_imagesOnly->setObjectName(QStringLiteral("chooseObjectImagesOnly"));
    m_imagesOnly->setChecked(true);

    m_list->setObjectName(QStringLiteral("chooseObjectList"));
    m_list->setAccessibleName(tr("Objects"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("Key"), tr("Size"), tr("Last modified")});
    m_list->header()->setStretchLastSection(false);
    m_list->headerItem()->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->header()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ModifiedColumn, QHeaderView::ResizeToContents);

    m_more->setObjectName(QStringLiteral("chooseObjectMore"));
    m_more->setToolTip(tr("List the next objects (COS answers up to %1 at a time)")
                           .arg(cloud::CosObjectPage::maxKeys));
    m_more->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("chooseObjectStatus"));
    m_status->setAccessibleName(tr("Listing status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("chooseObjectChoose"));
    ok->setText(tr("&Choose"));
    // Enter in the prefix field filters; it must not choose whatever row happens to be selected.
    ok->setAutoDefault(false);
    ok->setDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("chooseObjectCancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Bucket:"), m_bucketBox);
    form->addRow(tr("Key &prefix:"), m_prefix);
    form->addRow(QString(), m_imagesOnly);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_buttons);
    resize(760, 500);

    m_prefixTimer->setSingleShot(true);
    m_prefixTimer->setInterval(prefixDebounceMs);
    connect(m_prefixTimer, &QTimer::timeout, this, &ChooseObjectDialog::listFromStart);
    connect(m_prefix, &QLineEdit::textChanged, this, [this] { m_prefixTimer->start(); });
    connect(m_prefix, &QLineEdit::returnPressed, this, [this] {
        m_prefixTimer->stop();
        listFromStart();
    });
    connect(m_bucketBox, &QComboBox::currentIndexChanged, this, &ChooseObjectDialog::listFromStart);
    connect(m_imagesOnly, &QCheckBox::toggled, this, &ChooseObjectDialog::refilter);
    connect(m_more, &QPushButton::clicked, this, &ChooseObjectDialog::listMore);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ChooseObjectDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &ChooseObjectDialog::choose);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChooseObjectDialog::choose);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    loadBuckets();
    updateButtons();
}

void ChooseObjectDialog::loadBuckets()
{
    cloud::CosClient* cos = m_session->cos();
    if (!cos || !m_session->credentials().isUsable()) {
        m_bucketBox->setEnabled(false);
        m_prefix->setEnabled(false);
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
                           if (m_bucketBox->count() == 0)
                               setStatus(tr("Could not list the buckets: %1 %2")
                                             .arg(r.error.userMessage, r.error.remedy),
                                         true);
                           return;
                       }
                       QStringList names;
                       for (const cloud::CosBucket& b : r.value) {
                           if (b.location == region && m_bucketBox->findData(b.name) < 0)
                               names.append(b.name);
                       }
                       std::sort(names.begin(), names.end());
                       if (m_bucketBox->count() == 0 && names.isEmpty())
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
    const bool wasEmpty = m_bucketBox->count() == 0;
    {
        const QSignalBlocker blocker(m_bucketBox);
        for (const QString& name : buckets)
            m_bucketBox->addItem(name, name);
        if (wasEmpty)
            m_bucketBox->setCurrentIndex(0);
    }
    if (wasEmpty && m_bucketBox->count() > 0)
        listFromStart(); // the first bucket shown is listed; later ones wait to be chosen
}

void ChooseObjectDialog::listFromStart()
{
    m_list->clear();
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
    const QString bucket = m_bucketBox->currentData().toString();
    if (!cos || bucket.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_busy = true;
    updateButtons();
    setStatus(marker.isEmpty() ? tr("Listing the objects of %1…").arg(bucket)
                               : tr("Listing more objects of %1…").arg(bucket),
              false);
    cloud::CosListQuery query;
    query.prefix = m_prefix->text();
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
    const QBrush dimBrush = m_list->palette().brush(QPalette::PlaceholderText);
    for (const cloud::CosListedObject& o : page.objects) {
        auto* item = new QTreeWidgetItem(m_list);
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
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const bool image = item->data(KeyColumn, kImageRole).toBool();
        images += image ? 1 : 0;
        item->setHidden(m_imagesOnly->isChecked() && !image);
    }
    updateButtons();
    if (m_busy || m_bucketBox->currentIndex() < 0)
        return;
    const QString bucket = m_bucketBox->currentData().toString();
    QString text;
    if (m_listed == 0)
        text = m_prefix->text().isEmpty()
                   ? tr("The bucket %1 is empty.").arg(bucket)
                   : tr("No object in %1 starts with \"%2\".").arg(bucket, m_prefix->text());
    else if (images == 0 && m_imagesOnly->isChecked())
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
    const QTreeWidgetItem* item = m_list->currentItem();
    const bool chosen = item && item->isSelected() && !item->isHidden();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(chosen);
    m_more->setEnabled(!m_busy && !m_nextMarker.isEmpty());
    m_more->setVisible(!m_nextMarker.isEmpty() || m_busy);
}

void ChooseObjectDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    const QColor base = palette.color(QPalette::Text);
    palette.setColor(QPalette::WindowText, error ? mixColors(base, kErrorTint, 0.85) : base);
    m_status->setPalette(palette);
}

void ChooseObjectDialog::choose()
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    m_chosenBucket = m_bucketBox->currentData().toString();
    m_chosenKey = item->data(KeyColumn, kKeyRole).toString();
    accept();
}

} // namespace cvmi::ui

#include "dialogs/ChooseImageDialog.h"

#include "util/Units.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cvmi::ui {

ChooseImageDialog::ChooseImageDialog(const QString& folder, const QStringList& images,
                                     QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("chooseImageDialog"));
    setWindowTitle(tr("Choose the Disk Image"));
    auto* label = new QLabel(tr("%1 holds several disk images. Which one is the system disk to "
                                "check and &import?")
                                 .arg(QDir::toNativeSeparators(folder)),
                             this);
    label->setObjectName(QStringLiteral("chooseImageText"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("foundImages"));
    // A list view takes no name from its label's buddy relation in Qt's accessibility bridge.
    m_list->setAccessibleName(tr("Disk images found"));
    const QDir base(folder);
    for (const QString& image : images) {
        const QFileInfo info(image);
        auto* item = new QListWidgetItem(
            tr("%1 — %2").arg(QDir::toNativeSeparators(base.relativeFilePath(image)),
                              formatBytes(uint64_t(info.size()))),
            m_list);
        item->setData(Qt::UserRole, image);
        item->setToolTip(QDir::toNativeSeparators(image));
    }
    m_list->setCurrentRow(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Check This Image"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Ca&ncel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 320);
}

QString ChooseImageDialog::chosenImage() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace cvmi::ui

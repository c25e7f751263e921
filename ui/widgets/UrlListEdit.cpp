#include "widgets/UrlListEdit.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cvmi::ui {

UrlListEdit::UrlListEdit(QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this)),
      m_add(new QPushButton(tr("&Add Data Disk"), this)),
      m_remove(new QPushButton(tr("Remove Data Dis&k"), this))
{
    m_list->setObjectName(QStringLiteral("dataDiskList"));
    m_list->setAccessibleName(tr("Data disk URLs"));
    m_list->setToolTip(tr("COS URLs of data disk images imported with the system disk "
                          "(optional). Double-click a line to edit it."));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    // Two lines' room; an empty list is the common case and should not take the page.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 4);
    m_add->setObjectName(QStringLiteral("addDataDisk"));
    m_remove->setObjectName(QStringLiteral("removeDataDisk"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &UrlListEdit::addRow);
    connect(m_remove, &QPushButton::clicked, this, &UrlListEdit::removeCurrentRow);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
    updateButtons();
}

QStringList UrlListEdit::urls() const
{
    QStringList out;
    for (int row = 0; row < m_list->count(); ++row) {
        const QString url = m_list->item(row)->text().trimmed();
        if (!url.isEmpty())
            out.append(url);
    }
    return out;
}

void UrlListEdit::setUrls(const QStringList& urls)
{
    m_filling = true;
    m_list->clear();
    for (const QString& url : urls)
        appendItem(url);
    m_filling = false;
    updateButtons();
}

void UrlListEdit::appendItem(const QString& text)
{
    auto* item = new QListWidgetItem(text, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
}

void UrlListEdit::addRow()
{
    m_filling = true;
    appendItem({});
    m_filling = false;
    QListWidgetItem* item = m_list->item(m_list->count() - 1);
    m_list->setCurrentItem(item);
    m_list->setFocus();
    m_list->editItem(item);
    updateButtons();
}

void UrlListEdit::removeCurrentRow()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    updateButtons();
    emit edited();
}

void UrlListEdit::updateButtons()
{
    m_remove->setEnabled(m_list->count() > 0);
}

} // namespace cvmi::ui

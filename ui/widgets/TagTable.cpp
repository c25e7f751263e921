#include "widgets/TagTable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cvmi::ui {

TagTable::TagTable(QWidget* parent)
    : QWidget(parent), m_table(new QTableWidget(0, 2, this)),
      m_add(new QPushButton(tr("Add Ta&g"), this)),
      m_remove(new QPushButton(tr("Remove &Tag"), this))
{
    m_table->setObjectName(QStringLiteral("tagTable"));
    m_table->setAccessibleName(tr("Tags"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the table instead of walking its cells, so the page's tab order stays linear.
    m_table->setTabKeyNavigation(false);
    // Room for the header and three rows; more rows scroll.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              3 * m_table->verticalHeader()->defaultSectionSize() + 4);
    m_table->setMaximumHeight(m_table->minimumHeight());
    m_add->setObjectName(QStringLiteral("addTag"));
    m_remove->setObjectName(QStringLiteral("removeTag"));
    m_remove->setToolTip(tr("Remove the selected tags"));

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &TagTable::addRow);
    connect(m_remove, &QPushButton::clicked, this, &TagTable::removeSelectedRows);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TagTable::updateButtons);
    updateButtons();
}

QList<cloud::CvmTag> TagTable::tags() const
{
    QList<cloud::CvmTag> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* key = m_table->item(row, 0);
        const QTableWidgetItem* value = m_table->item(row, 1);
        cloud::CvmTag tag{key ? key->text() : QString(), value ? value->text() : QString()};
        if (!tag.key.isEmpty() || !tag.value.isEmpty())
            out.append(tag);
    }
    return out;
}

void TagTable::setTags(const QList<cloud::CvmTag>& tags)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const cloud::CvmTag& tag : tags) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(tag.key));
        m_table->setItem(row, 1, new QTableWidgetItem(tag.value));
    }
    m_filling = false;
    updateButtons();
}

void TagTable::addRow()
{
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem);
    m_table->setItem(row, 1, new QTableWidgetItem);
    m_filling = false;
    m_table->setCurrentCell(row, 0);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, 0));
    updateButtons();
    emit edited();
}

void TagTable::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    if (rows.isEmpty())
        return;
    // From the bottom, so that the indexes still to remove stay valid.
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_table->removeRow(row);
    updateButtons();
    emit edited();
}

void TagTable::updateButtons()
{
    m_remove->setEnabled(m_table->rowCount() > 0);
}

} // namespace cvmi::ui

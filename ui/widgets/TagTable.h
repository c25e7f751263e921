#pragma once

#include "cloud/CvmClient.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace cvmi::ui {

// The image's tags as a small two-column table (key, value) with Add and Remove: one row per
// tag, edited in place. Rows with neither key nor value are not tags and are left out of tags().
class TagTable : public QWidget {
    Q_OBJECT
public:
    explicit TagTable(QWidget* parent = nullptr);

    QList<cloud::CvmTag> tags() const;
    void setTags(const QList<cloud::CvmTag>& tags);

    QTableWidget* table() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }

    // Adds an empty row and starts editing its key.
    void addRow();
    // Removes the selected rows (or the current one).
    void removeSelectedRows();

signals:
    // A tag was added, removed or edited (not emitted by setTags()).
    void edited();

private:
    void updateButtons();

    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
    bool m_filling = false;
};

} // namespace cvmi::ui

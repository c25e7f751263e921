#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;

namespace cvmi::ui {

// An optional list of URLs (the data disks imported with the system disk): one editable line
// per URL with Add and Remove. Empty lines are not URLs and are left out of urls().
class UrlListEdit : public QWidget {
    Q_OBJECT
public:
    explicit UrlListEdit(QWidget* parent = nullptr);

    QStringList urls() const;
    void setUrls(const QStringList& urls);

    QListWidget* list() const { return m_list; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }

    // Adds an empty line and starts editing it.
    void addRow();
    void removeCurrentRow();

signals:
    // A URL was added, removed or edited (not emitted by setUrls()).
    void edited();

private:
    void appendItem(const QString& text);
    void updateButtons();

    QListWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_remove;
    bool m_filling = false;
};

} // namespace cvmi::ui

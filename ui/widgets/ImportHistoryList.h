#pragma once

#include "importrun/ImportHistory.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace cvmi::ui {

// The imports started earlier from this computer (by the wizard or `cvm-import import`), newest
// first, with the last state seen. One still IMPORTING can be followed again: double-click it or
// select it and press Follow.
class ImportHistoryList : public QWidget {
    Q_OBJECT
public:
    explicit ImportHistoryList(QWidget* parent = nullptr);

    // Reads `history` again; an unreadable file is shown with its message instead of the list.
    void reload(const importrun::ImportHistory& history);
    QList<importrun::ImportRecord> records() const { return m_records; }
    // Follow is offered only while nothing else runs on the page.
    void setFollowEnabled(bool enabled);

    QTreeWidget* tree() const { return m_tree; }
    QPushButton* followButton() const { return m_follow; }
    QLabel* messageLabel() const { return m_message; }
    // Selects the row of `imageId`; false when the list has none.
    bool select(const QString& imageId);

signals:
    void followRequested(const cvmi::importrun::ImportRecord& record);

private:
    const importrun::ImportRecord* current() const;
    void updateButton();
    void requestFollow();

    QList<importrun::ImportRecord> m_records;
    bool m_followEnabled = true;
    QTreeWidget* m_tree;
    QPushButton* m_follow;
    QLabel* m_message;
};

} // namespace cvmi::ui

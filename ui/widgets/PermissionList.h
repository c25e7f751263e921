#pragma once

// The permission checklist on screen: one row per PermissionLine with the verdict icon, the
// title, the message and, for a failure, the remedy. Rows follow PermissionCheck::lineChanged,
// so the user watches each line go from pending to its result.
#include "cloud/PermissionCheck.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace cvmi::ui {

class PermissionList : public QWidget {
    Q_OBJECT
public:
    explicit PermissionList(QWidget* parent = nullptr);

    void setLines(const QList<cloud::PermissionLine>& lines);
    void setLine(int index, const cloud::PermissionLine& line);
    // Back to "not checked" for every row, after the credentials, region or endpoints changed.
    void reset();

    QList<cloud::PermissionLine> lines() const { return m_lines; }
    // The text a row shows (title, message, remedy), for the tests and screen readers.
    QString rowText(int index) const;

private:
    struct Row {
        QLabel* icon;
        QLabel* text;
    };
    void render(int index);

    QList<cloud::PermissionLine> m_lines;
    QList<Row> m_rows;
};

} // namespace cvmi::ui

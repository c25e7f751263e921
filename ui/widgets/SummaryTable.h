#pragma once

#include <QLabel>
#include <QList>
#include <QString>

namespace cvmi::ui {

// Rows of "name  value" as a two-column table in a label: what an import will send, or what it
// made. A value marked as an identifier (a file or image name, a URL, an object key) has nowhere
// to break, so it is elided in the middle to the width the table gets, again on every resize,
// and the tool tip then holds every row whole. plainText() is the table as lines of text, for the
// clipboard.
class SummaryTable : public QLabel {
    Q_OBJECT
public:
    struct Row {
        QString name;
        QString value;
        bool identifier = false;
    };

    explicit SummaryTable(QWidget* parent = nullptr);

    void setRows(const QList<Row>& rows);
    // One row, or a text instead of the table when there is nothing to list (no rows).
    void setMessage(const QString& message);
    const QList<Row>& rows() const { return m_rows; }
    // The value of the row named `name`, empty when there is none.
    QString value(const QString& name) const;
    // "Name: value", one row a line, every value whole.
    QString plainText() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();

    QList<Row> m_rows;
    QString m_message;
};

} // namespace cvmi::ui

#include "widgets/SummaryTable.h"

#include <QResizeEvent>

namespace cvmi::ui {

namespace {

// The narrowest the table may become, in average characters: a name or a URL in it is elided to
// the width it has rather than widening the window.
constexpr int kMinimumChars = 30;
// The space after the names (the padding in the html below) and around the cells.
constexpr int kNamePadding = 12;
constexpr int kCellPadding = 8;

} // namespace

SummaryTable::SummaryTable(QWidget* parent) : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMinimumWidth(fontMetrics().averageCharWidth() * kMinimumChars);
}

void SummaryTable::setRows(const QList<Row>& rows)
{
    m_rows = rows;
    m_message.clear();
    render();
}

void SummaryTable::setMessage(const QString& message)
{
    m_rows.clear();
    m_message = message;
    render();
}

QString SummaryTable::value(const QString& name) const
{
    for (const Row& row : m_rows) {
        if (row.name == name)
            return row.value;
    }
    return {};
}

QString SummaryTable::plainText() const
{
    if (m_rows.isEmpty())
        return m_message;
    QStringList lines;
    for (const Row& row : m_rows)
        lines << QStringLiteral("%1: %2").arg(row.name, row.value);
    return lines.join(u'\n');
}

void SummaryTable::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    if (event->oldSize().width() != event->size().width())
        render();
}

void SummaryTable::render()
{
    if (m_rows.isEmpty()) {
        setText(m_message.toHtmlEscaped());
        setToolTip({});
        return;
    }
    QFont bold = font();
    bold.setBold(true);
    int nameWidth = 0;
    for (const Row& row : std::as_const(m_rows))
        nameWidth = qMax(nameWidth, QFontMetrics(bold).horizontalAdvance(row.name));
    const int valueWidth = contentsRect().width() - nameWidth - kNamePadding - kCellPadding;
    QString html = QStringLiteral("<table>");
    bool elided = false;
    for (const Row& row : std::as_const(m_rows)) {
        const QString shown = row.identifier
                                  ? fontMetrics().elidedText(row.value, Qt::ElideMiddle, valueWidth)
                                  : row.value;
        elided = elided || shown != row.value;
        html += QStringLiteral("<tr><td style=\"padding-right: %1px\"><b>%2</b></td><td>%3</td>"
                               "</tr>")
                    .arg(kNamePadding)
                    .arg(row.name.toHtmlEscaped(), shown.toHtmlEscaped());
    }
    setText(html + QStringLiteral("</table>"));
    setToolTip(elided ? plainText() : QString());
}

} // namespace cvmi::ui

#include "widgets/ReportLabels.h"

#include "Icons.h"
#include "widgets/WrappingLabel.h"

#include <QLabel>
#include <QPalette>

namespace cvmi::ui {

// Evidence and fixes are plain sentences that quote commands between backticks (the CLI prints
// them as they are); here the commands are set in a monospace font. Everything else is escaped.
QString toRichText(const QString& text)
{
    const QStringList pieces = text.split(u'`');
    QString html;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QString escaped = pieces.at(i).toHtmlEscaped();
        html += i % 2 == 1 ? QStringLiteral("<code>%1</code>").arg(escaped) : escaped;
    }
    return html.replace(u'\n', QStringLiteral("<br>"));
}

QLabel* wrappingLabel(const QString& text, Qt::TextFormat format)
{
    auto* label = new WrappingLabel(format == Qt::RichText ? toRichText(text) : text);
    label->setTextFormat(format);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // setWordWrap() already gave the label a height-for-width size policy; replacing the policy
    // here would lose that and make layouts reserve heights guessed for the wrong width.
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

void setBold(QLabel* label, qreal scale)
{
    QFont font = label->font();
    font.setBold(true);
    if (scale != 1.0)
        font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
}

QColor secondaryColor(const QPalette& palette)
{
    // Dimmer than the body text but well above the contrast minimum, in light and dark themes.
    return mixColors(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.38);
}

} // namespace cvmi::ui

#pragma once

// What a screen reader would get wrong in a window as it is on screen: the rules of issue 13's
// "accessible names that describe and do not replace". Shared by the tests that walk the pages.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTextDocumentFragment>
#include <QTextEdit>

namespace cvmi::test {

namespace accessibility_detail {

inline QString who(const QWidget* widget)
{
    return widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                          : widget->objectName();
}

inline QString plainText(const QLabel* label)
{
    const QString text = label->text();
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

// A label, read by its buddy or by the accessibility bridge's "labelled by" relation.
inline bool isLabelled(QWidget* widget)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
    return iface && !iface->relations(QAccessible::Label).isEmpty();
}

inline bool isInput(const QWidget* widget)
{
    // A view's header is named through its view.
    if (qobject_cast<const QHeaderView*>(widget))
        return false;
    if (qobject_cast<const QComboBox*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget) ||
        qobject_cast<const QAbstractItemView*>(widget) ||
        qobject_cast<const QPlainTextEdit*>(widget))
        return true;
    if (const auto* edit = qobject_cast<const QTextEdit*>(widget))
        return !edit->isReadOnly();
    // A combo box's or spin box's own line edit is named through its owner.
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget))
        return !qobject_cast<const QComboBox*>(edit->parentWidget()) &&
               !qobject_cast<const QAbstractSpinBox*>(edit->parentWidget());
    return false;
}

} // namespace accessibility_detail

// Each problem names `where` and the widget:
// - a label showing text whose accessible name is something else: the reader would say the name
//   ("Upload status") instead of what is shown — a fixed description belongs in the accessible
//   description;
// - an input without a label: a combo box needs a label whose buddy it is (on Linux Qt names a
//   combo box by its value and the reader takes the field's name from the "labelled by"
//   relation); other inputs need that label or an accessible name;
// - a button or picture that shows no text and has no accessible name.
inline QStringList accessibilityProblems(QWidget* window, const QString& where)
{
    using namespace accessibility_detail;
    QStringList problems;
    for (QWidget* widget : window->findChildren<QWidget*>()) {
        if (widget->window() != window || !widget->isVisible())
            continue;
        const QString name = widget->accessibleName();
        if (const auto* label = qobject_cast<const QLabel*>(widget)) {
            const QString text = plainText(label).trimmed();
            // A name may condense a long text ("Credentials are valid: passed" for its title,
            // state and details, which are the description) but must start from what is shown.
            const QString firstLine = text.section(u'\n', 0, 0).trimmed();
            if (!text.isEmpty() && !name.isEmpty() && !name.contains(firstLine) &&
                !text.contains(name))
                problems.append(QStringLiteral("%1: %2's accessible name \"%3\" replaces its "
                                               "text \"%4\"")
                                    .arg(where, who(label), name, text.left(60)));
            if (text.isEmpty() && !label->pixmap().isNull() && name.isEmpty())
                problems.append(QStringLiteral("%1: the picture %2 has no accessible name")
                                    .arg(where, who(label)));
            continue;
        }
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
            if (button->text().isEmpty() && name.isEmpty() && button->toolTip().isEmpty())
                problems.append(QStringLiteral("%1: the button %2 shows no text and has no "
                                               "accessible name")
                                    .arg(where, who(button)));
            continue;
        }
        if (!isInput(widget) || !widget->isEnabled())
            continue;
        if (qobject_cast<const QComboBox*>(widget)) {
            if (!isLabelled(widget))
                problems.append(QStringLiteral("%1: the combo box %2 has no label (its name "
                                               "would be its value)")
                                    .arg(where, who(widget)));
        } else if (!isLabelled(widget) && name.isEmpty()) {
            problems.append(QStringLiteral("%1: the field %2 has no label or accessible name")
                                .arg(where, who(widget)));
        }
    }
    return problems;
}

} // namespace cvmi::test

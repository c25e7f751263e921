#pragma once

#include <QLabel>
#include <QList>
#include <QPair>

namespace cvmi::ui {

// A QLabel that remembers its height for the widths it was asked about. QLabel lays its text out
// anew on every heightForWidth() call (a whole QTextDocument layout when the text is selectable),
// and while a report is built and shown its nested layouts ask each word-wrapping label again
// after every change of any sibling: about 500 text layouts per report, most of the time from a
// dropped image to its painted verdict. The answer depends only on what the stamp below holds
// and on the font and style, so a change of any of them forgets the remembered heights.
// Otherwise a plain QLabel (no Q_OBJECT: its class name and behaviour are QLabel's).
class WrappingLabel : public QLabel {
public:
    explicit WrappingLabel(const QString& text = QString(), QWidget* parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    bool event(QEvent* event) override;

private:
    // What QLabel's own answer is computed from, apart from the font and style (events).
    struct Stamp {
        QString text;
        Qt::TextFormat format = Qt::AutoText;
        bool wordWrap = false;
        int margin = 0;
        int indent = -1;
        QMargins contents;
        bool operator==(const Stamp&) const = default;
    };
    Stamp stamp() const;

    mutable Stamp m_stamp;
    // (width, height) pairs; a layout pass asks for a handful of widths.
    mutable QList<QPair<int, int>> m_heights;
};

} // namespace cvmi::ui

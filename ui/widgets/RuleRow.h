#pragma once

#include "policy/Report.h"

#include <QWidget>

namespace cvmi::ui {

// "Passed", "Warning", "Failed", "Not determined": a verdict in words, for the pictures that
// show it (tool tips, screen readers).
QString verdictWord(policy::Verdict verdict);

// One rule of the report: its verdict icon, title and, behind an arrow ("ruleDisclosure"), its
// evidence and, for warnings and failures, the fix. Named "rule:<id>" with a "verdict" property
// so that tests and accessibility tools can read it without parsing text. Passed rules start
// folded; clicking the title folds and unfolds as the arrow does.
class RuleRow : public QWidget {
    Q_OBJECT
public:
    // `secondary` is the colour of the fix text; `devicePixelRatio` that of the view showing it.
    RuleRow(const policy::RuleResult& rule, const QColor& secondary, qreal devicePixelRatio,
            QWidget* parent = nullptr);

    static constexpr int kIconSize = 20;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace cvmi::ui

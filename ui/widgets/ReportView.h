#pragma once

#include "controllers/InspectionResult.h"

#include <QScrollArea>

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace cvmi::ui {

// The compliance checklist for one inspected image: a summary line, what was found in the image,
// a clear error when the file is unusable, and one row per rule with its verdict icon, evidence
// and, for warnings and failures, the fix (one RuleRow each, named "rule:<id>").
class ReportView : public QScrollArea {
    Q_OBJECT
public:
    explicit ReportView(QWidget* parent = nullptr);

    // Replaces whatever is shown by a short centred message (nothing chosen yet, cancelled, ...).
    void showMessage(const QString& message);
    // As it opens: nothing chosen yet.
    void showNothingChosen();
    void showInspection(const InspectionResult& result);

    bool hasReport() const { return m_hasReport; }
    int ruleCount() const { return m_ruleCount; }

private:
    // The rules: what needs attention first, then the others by group.
    QVBoxLayout* buildChecks(const InspectionResult& result) const;
    QWidget* buildSummary(const InspectionResult& result) const;
    QWidget* buildError(const inspect::ImageFacts& facts) const;
    QWidget* buildFacts(const inspect::ImageFacts& facts, const policy::FormSuggestion& form) const;
    QWidget* buildPartitions(const inspect::DiskLayout& layout) const;
    QWidget* buildLogicalVolumes(const inspect::DiskLayout& layout) const;
    QWidget* buildNamedList(const QString& objectName,
                            const QList<QPair<QString, QString>>& lines) const;
    QLabel* sectionTitle(const QString& text) const;
    QLabel* secondaryLabel(const QString& text) const;
    QColor secondaryColor() const;

    bool m_hasReport = false;
    int m_ruleCount = 0;
};

} // namespace cvmi::ui

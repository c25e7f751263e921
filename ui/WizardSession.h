#pragma once

#include "InspectionResult.h"

#include <QObject>
#include <QString>

#include <optional>

namespace cvmi::ui {

// The state every page of the wizard shares, handed to each page at construction so that pages
// never reach into one another. The Image page fills the image part; the Account, Upload, Form and
// Import pages add theirs next to it. Each part announces its changes with its own signal.
class WizardSession : public QObject {
    Q_OBJECT
public:
    explicit WizardSession(QObject* parent = nullptr);

    QString imagePath() const { return m_imagePath; }
    // Choosing another image forgets what was learned about the previous one.
    void setImagePath(const QString& path);

    bool hasInspection() const { return m_inspection.has_value(); }
    // Only meaningful when hasInspection().
    const InspectionResult& inspection() const { return *m_inspection; }
    void setInspection(const InspectionResult& result);
    void clearInspection();

    // The image was inspected, was readable, and no rule failed: the upload may begin.
    bool imageImportable() const { return m_inspection && m_inspection->importable(); }

signals:
    void imagePathChanged(const QString& path);
    void inspectionChanged();

private:
    QString m_imagePath;
    std::optional<InspectionResult> m_inspection;
};

} // namespace cvmi::ui

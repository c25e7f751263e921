#include "WizardSession.h"

namespace cvmi::ui {

WizardSession::WizardSession(QObject* parent) : QObject(parent) {}

void WizardSession::setImagePath(const QString& path)
{
    clearInspection();
    if (path == m_imagePath)
        return;
    m_imagePath = path;
    emit imagePathChanged(path);
}

void WizardSession::setInspection(const InspectionResult& result)
{
    m_inspection = result;
    emit inspectionChanged();
}

void WizardSession::clearInspection()
{
    if (!m_inspection)
        return;
    m_inspection.reset();
    emit inspectionChanged();
}

} // namespace cvmi::ui

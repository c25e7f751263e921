#include "ImportWizard.h"

#include "AccountPage.h"
#include "ImagePage.h"
#include "WizardSession.h"

#include <QApplication>

namespace cvmi::ui {

ImportWizard::ImportWizard(QWidget* parent)
    : QWizard(parent), m_session(new WizardSession(this)),
      m_imagePage(new ImagePage(m_session, this)), m_accountPage(new AccountPage(m_session, this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("CVM Import Wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setTitleFormat(Qt::RichText);
    setPage(PageImage, m_imagePage);
    setPage(PageAccount, m_accountPage); // the next id after PageImage: Next leads here
    setStartId(PageImage);
    resize(defaultSize());
}

QString ImportWizard::pageTitle(const QString& text)
{
    // Relative to the user's font, so that a larger system font keeps the proportions.
    const qreal points = QApplication::font().pointSizeF() * 1.35;
    return QStringLiteral("<span style=\"font-size: %1pt\">%2</span>")
        .arg(points, 0, 'f', 1)
        .arg(text.toHtmlEscaped());
}

void ImportWizard::setPolicy(const policy::Policy& policy)
{
    m_imagePage->setPolicy(policy);
}

void ImportWizard::openImage(const QString& path)
{
    m_imagePage->inspect(path);
}

} // namespace cvmi::ui

// The Account page's bucket: the region's buckets offered once the check listed them, the one to
// suggest chosen (the last one used, or the only one), and a new bucket created on request. The
// rest of the page is AccountPage.cpp.
#include "pages/AccountPage.h"
#include "ui_AccountPage.h"

#include "WizardSession.h"
#include "controllers/AccountController.h"
#include "widgets/BucketChooser.h"

#include "cloud/Regions.h"

namespace cvmi::ui {

// What the check means for the user, and why a bucket is already chosen when one is.
QString AccountPage::checkSummary(bool allOk, const QString& chosen) const
{
    if (!allOk)
        return tr("Some checks failed; see what to do below each one.");
    if (chosen.isEmpty())
        return tr("All checks passed. Choose the bucket for the upload.");
    if (m_controller->bucketsInRegion().size() == 1)
        return tr("All checks passed. The upload goes to %1, the only bucket in %2.")
            .arg(chosen, cloud::Regions::displayName(region()));
    return tr("All checks passed. The upload goes to %1, the bucket used last time; choose "
              "another if you like.")
        .arg(chosen);
}

// Offers the region's buckets and chooses the one to suggest (the last used, or the only one);
// returns it, "" when the user has to choose.
QString AccountPage::fillBuckets()
{
    if (!m_controller->cosUsable()) {
        m_ui->bucketChooser->showNone(tr("COS is not usable"));
        return {};
    }
    const QStringList names = m_controller->bucketsInRegion();
    const QString where = cloud::Regions::displayName(region());
    m_ui->bucketChooser->offer(names, !names.isEmpty()
                                          ? tr("Choose a bucket in %1").arg(where)
                                          : tr("No bucket in %1 yet: create one").arg(where));
    const QString suggested = m_controller->suggestedBucket();
    if (!suggested.isEmpty())
        m_ui->bucketChooser->choose(suggested);
    return suggested;
}

void AccountPage::onBucketChosen(const QString& bucket)
{
    m_session->setBucket(bucket);
    m_controller->rememberBucket(bucket);
    emit completeChanged();
}

QString AccountPage::chosenBucket() const
{
    return m_session->bucket();
}

void AccountPage::askAndCreateBucket()
{
    if (const std::optional<QString> bucket = m_askBucketName(m_controller->appId()))
        createBucket(*bucket);
}

void AccountPage::createBucket(const QString& bucket)
{
    Error error = AccountController::checkBucketName(bucket);
    if (!error.isSet() && !m_ui->bucketChooser->canCreate())
        error = Error::make(QStringLiteral("bucket.not_checked"),
                            tr("Run Check first: a bucket is created with the checked account."));
    if (error.isSet()) {
        m_ui->bucketChooser->setStatus(error.message);
        emit bucketCreated(bucket, error.message);
        return;
    }
    m_ui->bucketChooser->setCanCreate(false);
    m_ui->bucketChooser->setStatus(tr("Creating %1…").arg(bucket));
    m_controller->createBucket(bucket);
}

void AccountPage::onBucketCreated(const QString& bucket, const QString& error)
{
    m_ui->bucketChooser->setCanCreate(true);
    if (!error.isEmpty()) {
        m_ui->bucketChooser->setStatus(error);
    } else {
        m_ui->bucketChooser->setStatus(tr("Created %1.").arg(bucket));
        m_ui->bucketChooser->choose(bucket);
    }
    emit bucketCreated(bucket, error);
}

} // namespace cvmi::ui

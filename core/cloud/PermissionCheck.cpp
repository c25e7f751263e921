#include "cloud/PermissionCheck.h"

#include "cloud/ClockSkew.h"
#include "cloud/Regions.h"
#include "util/FutureReply.h"

#include <QPointer>

namespace cvmi::cloud {

using Item = PermissionLine::Item;
using State = PermissionLine::State;

PermissionCheck::PermissionCheck(CvmClient* cvm, CosClient* cos, QString region, QObject* parent)
    : QObject(parent), m_cvm(cvm), m_cos(cos), m_region(std::move(region))
{
    const QString titles[] = {tr("Credentials are valid"), tr("Region is available"),
                              tr("Image import is allowed (ImportImage DryRun)"),
                              tr("COS is reachable and buckets are listed")};
    const Item items[] = {Item::Credentials, Item::Region, Item::ImportPermission, Item::Cos};
    for (int i = 0; i < 4; ++i) {
        PermissionLine line;
        line.item = items[i];
        line.title = titles[i];
        line.message = tr("Not checked yet.");
        m_lines.append(line);
    }
}

QString PermissionCheck::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Running:
        return QStringLiteral("running");
    case State::Ok:
        return QStringLiteral("ok");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

bool PermissionCheck::allOk() const
{
    for (const PermissionLine& line : m_lines) {
        if (line.state != State::Ok)
            return false;
    }
    return true;
}

QList<CosBucket> PermissionCheck::bucketsInRegion() const
{
    QList<CosBucket> out;
    for (const CosBucket& bucket : m_buckets) {
        if (bucket.location == m_region)
            out.append(bucket);
    }
    return out;
}

void PermissionCheck::set(Item item, State state, const QString& message, const QString& remedy,
                          const CloudError& error)
{
    const int index = static_cast<int>(item);
    PermissionLine& line = m_lines[index];
    line.state = state;
    line.message = message;
    line.remedy = remedy;
    line.error = error;
    emit lineChanged(index, line);
}

void PermissionCheck::fail(Item item, const CloudError& error)
{
    QString message = error.userMessage;
    if (!error.message.isEmpty())
        message += u' ' + tr("The service said: %1").arg(error.message);
    if (!error.requestId.isEmpty())
        message += u' ' + tr("(RequestId %1)").arg(error.requestId);
    set(item, State::Failed, message, error.remedy, error);
}

void PermissionCheck::noteSkew(const std::optional<qint64>& skew)
{
    if (skew)
        m_skew = skew;
}

void PermissionCheck::start()
{
    if (m_running)
        return;
    m_running = true;
    m_buckets.clear();
    m_skew.reset();
    for (int i = 0; i < m_lines.size(); ++i)
        set(m_lines.at(i).item, State::Pending, tr("Not checked yet."));
    set(Item::Credentials, State::Running, tr("Asking Tencent Cloud for the region list..."));
    QPointer<PermissionCheck> self(this);
    util::onResult(
        m_cvm->describeRegions(), this, [self](const CloudResult<QList<CvmRegion>>& result) {
            if (!self)
                return;
            PermissionCheck* c = self.data();
            c->noteSkew(result.clockSkewSeconds);
            if (!result.ok()) {
                c->fail(Item::Credentials, result.error);
                const QString blocked = tr("Not checked: the credentials were refused.");
                const QString remedy = tr("Fix the credentials first.");
                c->set(Item::Region, State::Failed, blocked, remedy);
                c->set(Item::ImportPermission, State::Failed, blocked, remedy);
                c->checkCos();
                return;
            }
            QString message = tr("The SecretId is known and the signature is accepted.");
            if (c->m_skew)
                message += u' ' + ClockSkew::describe(*c->m_skew);
            c->set(Item::Credentials, State::Ok, message);

            c->set(Item::Region, State::Running,
                   tr("Looking for %1...").arg(Regions::label(c->m_region)));
            const CvmRegion* found = nullptr;
            for (const CvmRegion& region : result.value) {
                if (region.region == c->m_region)
                    found = &region;
            }
            QStringList available;
            for (const CvmRegion& region : result.value)
                available.append(region.region);
            if (c->m_region.isEmpty())
                c->set(Item::Region, State::Failed, tr("No region was chosen."),
                       tr("Choose one of: %1.").arg(available.join(QStringLiteral(", "))));
            else if (!found)
                c->set(Item::Region, State::Failed,
                       tr("The region %1 is not available to this account.")
                           .arg(Regions::label(c->m_region)),
                       tr("Choose one of: %1.").arg(available.join(QStringLiteral(", "))));
            else if (found->state != QLatin1String("AVAILABLE"))
                c->set(Item::Region, State::Failed,
                       tr("The region %1 is %2.").arg(Regions::label(c->m_region), found->state),
                       tr("Choose another region."));
            else
                // Our name, not the service's: the same words the region list shows, translated.
                c->set(Item::Region, State::Ok,
                       tr("Available: %1.").arg(Regions::label(found->region, found->name)));
            c->checkCos();
        });
}

void PermissionCheck::checkCos()
{
    set(Item::Cos, State::Running, tr("Listing your COS buckets..."));
    QPointer<PermissionCheck> self(this);
    util::onResult(m_cos->listBuckets(), this, [self](const CloudResult<QList<CosBucket>>& result) {
        if (!self)
            return;
        PermissionCheck* c = self.data();
        c->noteSkew(result.clockSkewSeconds);
        if (!result.ok()) {
            c->fail(Item::Cos, result.error);
        } else {
            c->m_buckets = result.value;
            const QList<CosBucket> local = c->bucketsInRegion();
            QStringList names;
            for (const CosBucket& bucket : local)
                names.append(bucket.name);
            QString message =
                local.isEmpty()
                    ? tr("COS answered: %n bucket(s), none in %1; one will be created there.",
                         nullptr, int(result.value.size()))
                          .arg(Regions::displayName(c->m_region))
                    : tr("COS answered: %n bucket(s); in %1: %2.", nullptr,
                         int(result.value.size()))
                          .arg(Regions::displayName(c->m_region), names.join(QStringLiteral(", ")));
            // COS's own clock answer was corrected (CosClient): said on its line too.
            if (result.clockSkewSeconds)
                message += u' ' + ClockSkew::describe(*result.clockSkewSeconds);
            c->set(Item::Cos, State::Ok, message);
        }
        if (c->m_lines.at(static_cast<int>(Item::ImportPermission)).state == State::Failed)
            c->finish();
        else
            c->checkImport();
    });
}

void PermissionCheck::checkImport()
{
    set(Item::ImportPermission, State::Running,
        tr("Asking for a dry run of ImportImage in %1...").arg(Regions::displayName(m_region)));
    QPointer<PermissionCheck> self(this);
    m_cvm->setRegion(m_region); // DescribeImportImageOs is asked in the region too
    util::onResult(
        m_cvm->describeImportImageOs(), this, [self](const CloudResult<ImportImageOsList>& osList) {
            if (!self)
                return;
            PermissionCheck* c = self.data();
            if (!osList.ok()) {
                c->fail(Item::ImportPermission, osList.error);
                c->finish();
                return;
            }
            // Plausible values, so that the dry run is judged on the permission: a listed OS,
            // and an object URL in a bucket of the region when there is one.
            ImportImageRequest request;
            request.dryRun = true;
            request.imageName = QStringLiteral("cvmi-permission-check");
            request.osType = QStringLiteral("CentOS");
            request.osVersion = QStringLiteral("7");
            request.architecture = QStringLiteral("x86_64");
            for (const ImportImageOsVersion& v : osList.value.versions) {
                if (osList.value.linuxOs.contains(v.osName) && !v.osVersions.isEmpty() &&
                    !v.architectures.isEmpty()) {
                    request.osType = v.osName;
                    request.osVersion = v.osVersions.constFirst();
                    request.architecture = v.architectures.constFirst();
                    break;
                }
            }
            const QList<CosBucket> local = c->bucketsInRegion();
            const QString bucket = local.isEmpty()
                                       ? QStringLiteral("cvmi-permission-check-1250000000")
                                       : local.constFirst().name;
            request.imageUrl = CosClient::objectUrl(bucket, c->m_region,
                                                    QStringLiteral("cvmi-permission-check.qcow2"));
            util::onResult(
                c->m_cvm->importImage(request), c,
                [self](const CloudResult<ImportImageResult>& result) {
                    if (!self)
                        return;
                    PermissionCheck* p = self.data();
                    p->noteSkew(result.clockSkewSeconds);
                    const QString code = result.error.code;
                    if (result.ok()) {
                        p->set(Item::ImportPermission, State::Ok,
                               tr("The dry run was accepted: this account may import images "
                                  "in %1.")
                                   .arg(Regions::displayName(p->m_region)));
                    } else if (code.startsWith(QLatin1String("UnauthorizedOperation")) ||
                               code == QLatin1String("AuthFailure.UnauthorizedOperation") ||
                               code == QLatin1String("OperationDenied.InnerUserProhibitAction") ||
                               code ==
                                   QLatin1String("RegionAbilityLimit.UnsupportedToImportImage") ||
                               code.startsWith(QLatin1String("AuthFailure")) ||
                               code.startsWith(QLatin1String("Network.")) ||
                               code == QLatin1String("InternalError") ||
                               code == QLatin1String("RequestLimitExceeded") ||
                               code == QLatin1String("UnsupportedRegion")) {
                        p->fail(Item::ImportPermission, result.error);
                    } else {
                        // CAM is consulted before the parameters: a parameter error means the
                        // permission itself was granted.
                        p->set(Item::ImportPermission, State::Ok,
                               tr("The account may call ImportImage: the service checked the "
                                  "permission, then refused the check's placeholder values "
                                  "(%1), which is expected.")
                                   .arg(code));
                    }
                    p->finish();
                });
        });
}

void PermissionCheck::finish()
{
    m_running = false;
    emit finished(allOk());
}

} // namespace cvmi::cloud

#include "inspect/DeadlineGuestFs.h"

#include <QCoreApplication>

namespace cvmi::inspect {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::DeadlineGuestFs)
};
} // namespace

bool DeadlineGuestFs::refuse(Error* error) const
{
    if (!m_budget.expired())
        return false;
    fail(error, QStringLiteral("time_limit"), Text::tr("Not read within the time limit."));
    return true;
}

bool DeadlineGuestFs::listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                                    Error* error)
{
    return !refuse(error) && m_fs.listDirectory(directory, entries, error);
}

bool DeadlineGuestFs::readFile(const GuestNode& file, uint64_t offset, size_t maxBytes,
                               QByteArray* out, Error* error)
{
    return !refuse(error) && m_fs.readFile(file, offset, maxBytes, out, error);
}

bool DeadlineGuestFs::readSymlink(const GuestNode& link, QString* target, Error* error)
{
    return !refuse(error) && m_fs.readSymlink(link, target, error);
}

bool DeadlineGuestFs::stat(GuestNode* node, Error* error)
{
    return !refuse(error) && m_fs.stat(node, error);
}

} // namespace cvmi::inspect

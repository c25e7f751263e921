#pragma once

#include "inspect/GuestFs.h"
#include "inspect/InspectionBudget.h"

namespace cvmi::inspect {

// A guest file system that refuses every read once the inspection's deadline has passed, so a
// step that started in time ends quickly after it instead of finishing its walk. Each refusal is
// an Error with code "time_limit"; the step that made it is recorded as not read by
// InspectionBudget::step(), which is what keeps a refused read from looking like an absent file.
class DeadlineGuestFs final : public GuestFs {
public:
    DeadlineGuestFs(GuestFs& fs, const InspectionBudget& budget) : m_fs(fs), m_budget(budget) {}

    GuestNode root() const override { return m_fs.root(); }
    bool caseInsensitiveNames() const override { return m_fs.caseInsensitiveNames(); }
    bool listDirectory(const GuestNode& directory, QList<GuestDirEntry>* entries,
                       Error* error) override;
    bool readFile(const GuestNode& file, uint64_t offset, size_t maxBytes, QByteArray* out,
                  Error* error) override;
    bool readSymlink(const GuestNode& link, QString* target, Error* error) override;
    bool stat(GuestNode* node, Error* error) override;

private:
    bool refuse(Error* error) const;

    GuestFs& m_fs;
    const InspectionBudget& m_budget;
};

} // namespace cvmi::inspect

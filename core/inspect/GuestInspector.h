#pragma once

#include "inspect/DiskLayout.h"
#include "inspect/GuestFacts.h"
#include "inspect/InspectionBudget.h"
#include "inspect/TskImage.h"

namespace cvmi::inspect {

// Finds the operating system on a disk whose layout is known: opens each readable file system,
// looks for a Linux root (with a separate /boot if there is one) or a Windows system volume, and
// reads what the import rules ask about. When nothing can be found, `obstacle` says what hid it
// (a root inside LVM, on XFS or Btrfs, encrypted) or it stays empty (a data disk).
// Every step runs within `budget`: what its deadline leaves unread is recorded there (part::kOs
// when the search itself did not finish, so "no OS found" is never said for lack of time).
void inspectGuest(TskImage& image, const DiskLayout& layout, GuestFacts* facts,
                  InspectionBudget& budget);

} // namespace cvmi::inspect

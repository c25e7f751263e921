#pragma once

#include "inspect/GuestFacts.h"
#include "inspect/GuestFs.h"
#include "inspect/InspectionBudget.h"
#include "util/Error.h"

namespace cvmi::inspect {

// Windows guest detection on one (NTFS) file system, read-only, with no Windows and no appliance:
// the system root is a top-level "Windows" (or "WINNT") folder holding System32\config\SOFTWARE
// and SYSTEM; those hives are read with hivex (RegistryHive) and ntoskrnl.exe's PE header gives
// the architecture. Names are matched without case, as Windows matches them.
//
// Returns true and fills `facts` when the file system holds a Windows system root:
//   family = distro = "windows", distroName = prettyName = ProductName,
//   version = "<major>.<minor>.<build>" ("6.3.9600"; Windows 10 and later keep CurrentVersion at
//   "6.3" for old programs, so CurrentMajor/MinorVersionNumber win when present, and
//   windows.currentVersion holds that effective "10.0" too), architecture from the PE header
//   (the registry's PROCESSOR_ARCHITECTURE when ntoskrnl.exe cannot be read, else "unknown"),
//   and windows.* (drivers viostor, vioscsi, netkvm in that order, IPv6, adapters).
// Evidence keys: "distro", "version", "edition", "architecture", "controlSet", "ipv6",
// "network", "driver.viostor", "driver.vioscsi", "driver.netkvm", and "registry" when a hive is
// dirty (windows.dirtyHives); windows.reach and its keys come from WindowsReach.h.
// Returns false with no error when the file system holds no Windows system root. Returns false
// with `error` ("hive_invalid", "hive_too_large", ...) when it does but a hive cannot be read;
// family and windows.systemRoot are set then, so the caller can say which system it was.
// With a `budget`, the drivers, network, architecture and reach are read as steps within its
// deadline (part::kDrivers, kNetwork, kArchitecture, kWindowsState), and hives cut short by it mark
// part::kOs unread.
bool inspectWindows(GuestFs& fs, GuestFacts* facts, Error* error,
                    InspectionBudget* budget = nullptr);

} // namespace cvmi::inspect

#pragma once

// The ext2/3/4 super block read for its state (clean, errors, journal to replay), its space and
// its features: what decides whether fsck at boot stops the instance and whether older tools can
// still write the file system.
#include "inspect/DiskLayout.h"

#include <QByteArrayView>
#include <QStringList>

#include <cstdint>

namespace cvmi::inspect {

// Where the super block lies from the start of the file system, and how many bytes it has.
constexpr size_t kExtSuperblockOffset = 1024;
constexpr size_t kExtSuperblockBytes = 1024;

// The feature bits the state rules look at (e2fsprogs' names in comments).
constexpr uint16_t kExtStateValid = 0x0001;      // s_state: cleanly unmounted
constexpr uint16_t kExtStateErrors = 0x0002;     // s_state: errors detected
constexpr uint16_t kExtStateOrphans = 0x0004;    // s_state: orphans being recovered
constexpr uint32_t kExtIncompatRecover = 0x0004; // needs_recovery: the journal must be replayed
constexpr uint32_t kExtIncompat64Bit = 0x0080;   // 64bit: the counts have high halves
constexpr uint32_t kExtCompatHasJournal = 0x0004;

// Reads the super block at kExtSuperblockOffset of `head` (the first bytes of the file system).
// False when `head` is too short for it or the magic is not there. Pure function of the bytes:
// never reads past `head`; counts that do not hold together leave `countsSane` false.
bool parseExtSuperblock(QByteArrayView head, ExtFsState* out);

// The feature names dumpe2fs prints ("has_journal ext_attr ... metadata_csum"), in its order;
// bits without a name as "FEATURE_C12", "FEATURE_I31", "FEATURE_R20", as dumpe2fs does.
QStringList extFeatureNames(uint32_t compat, uint32_t incompat, uint32_t roCompat);
QStringList extFeatureNames(const ExtFsState& state);

// s_state as dumpe2fs prints it: "clean", "not clean", "clean with errors", "not clean with
// errors", plus " orphans being recovered"... (dumpe2fs's exact words).
QString extStateText(uint16_t state);

// Bytes free to any user (root may use the reserved blocks) and to the others.
uint64_t extFreeBytes(const ExtFsState& state);
uint64_t extAvailableBytes(const ExtFsState& state);
uint64_t extTotalBytes(const ExtFsState& state);

} // namespace cvmi::inspect

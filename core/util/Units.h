#pragma once

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

// The one home of how sizes and durations are written for people, in the wizard and the CLI alike.
namespace cvmi {

// "50.0 GiB (53,687,091,200 bytes)": the human figure and the exact one, so evidence is both
// readable and checkable.
QString formatBytes(uint64_t bytes);
QString formatBytesExact(uint64_t bytes);

// Bytes from "8M", "64 MiB", "1.5G", "512k", "1048576" (and "4M/s" when perSecond): every unit is
// a power of 1024 whether written K, KB or KiB, as the CLI's --part-size and --limit-rate and
// the settings dialog read them. nullopt for anything else, or beyond 2^62.
std::optional<qint64> parseByteSize(QString text, bool perSecond = false);

// A duration in words: "42 s", "4 min 7 s", "2 h 5 min" (negative counts as 0).
QString formatDuration(qint64 seconds);
// A duration as a clock: "0:04:07" (hours always shown), as the import's elapsed time.
QString formatClock(qint64 seconds);
// A duration as a short clock: "4:07", "1:04:07" (hours only when there are any), and "--:--"
// when negative (not known yet), as the CLI's upload progress line.
QString formatShortClock(qint64 seconds);

// A moment for people in any time zone: the local time with its zone, and UTC beside it unless
// the local zone is UTC ("7 Dec 2026 05:45 CST (6 Dec 21:45 UTC)"); an invalid time is "—".
QString formatMoment(const QDateTime& moment);

} // namespace cvmi

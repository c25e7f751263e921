#pragma once

#include "util/CancelToken.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <functional>

namespace cvmi::inspect {

// What one inspection may spend. A hostile image can make any step slow (decompression bombs,
// huge declared sizes), so the whole inspection gets one wall-clock deadline and the initramfs
// scans share one budget, instead of each step having a bound of its own that multiplies.
struct InspectOptions {
    // The whole inspection: the disk's layout and every guest file read. A real system disk is
    // inspected in well under a second (the slowest fixture, a dracut initramfs, ~0.3 s), so 10 s
    // leaves room for slow disks and a loaded machine while keeping a hostile image from hanging
    // the check. What is not read by then is reported as not read, never guessed.
    static constexpr int kDefaultTimeLimitMs = 10'000;
    // The most a user may ask for: an hour is far beyond any real image, and bounds a typo.
    static constexpr int kMaxTimeLimitMs = 3'600'000;
    // All initramfs files together: real dracut and initramfs-tools archives unpack to 20-100 MiB
    // each, and only the newest kernels matter, so 512 MiB covers five full ones while a bomb
    // (2 GiB per file, times 40 kernels) stops after about a second of decompression.
    static constexpr uint64_t kDefaultMaxDecompressedBytes = 512ull * 1024 * 1024;
    // Distribution packaging keeps 2-5 kernels installed; 16 is generous and stops an image
    // listing hundreds from making us scan hundreds of initramfs files.
    static constexpr int kDefaultMaxKernelScans = 16;

    std::chrono::milliseconds timeLimit{kDefaultTimeLimitMs};
    uint64_t maxDecompressedBytes = kDefaultMaxDecompressedBytes;
    int maxKernelScans = kDefaultMaxKernelScans;
    // Tests replace the clock to make "time ran out here" deterministic; empty means the steady
    // clock.
    std::function<std::chrono::steady_clock::time_point()> clock;
};

// The parts of an inspection that may be left unread when the time runs out; the policy maps each
// check to the parts it needs (CheckDefinition::reads) and says "not read within the time limit"
// instead of judging what is missing.
namespace part {
inline constexpr char kLayout[] = "layout";             // the partition table and file systems
inline constexpr char kOs[] = "os";                     // the search for the operating system
inline constexpr char kArchitecture[] = "architecture"; // ELF / PE headers
inline constexpr char kKernels[] = "kernels";           // /boot, /lib/modules, virtio modules
inline constexpr char kInitramfs[] = "initramfs";       // the initramfs of the default kernel
inline constexpr char kDrivers[] = "drivers";           // Windows drivers and services
inline constexpr char kNetwork[] = "network";           // interfaces and IPv6
inline constexpr char kFstab[] = "fstab";
inline constexpr char kBootLoader[] = "boot_loader"; // grub.cfg, grubenv, BLS, menu.lst
inline constexpr char kCloudInit[] = "cloud_init";
inline constexpr char kSystem[] = "system";              // SELinux, adjtime, growpart
inline constexpr char kWindowsState[] = "windows_state"; // RDP, firewall, SAN policy, setup state
} // namespace part

// The running account of one inspection against its InspectOptions: created by inspectImage()
// and handed down to every step. Used from the inspection's one thread.
class InspectionBudget {
public:
    explicit InspectionBudget(const InspectOptions& options = {}, CancelToken cancel = {});

    // The deadline has passed (or the inspection was cancelled): start nothing new.
    bool expired() const;
    bool cancelled() const { return m_cancel.isCancelled(); }
    std::chrono::milliseconds timeLimit() const { return m_options.timeLimit; }

    // Runs one step of the inspection unless the time is already up. The step's part is recorded
    // as not read when the step could not start or when the deadline passed while it ran (its
    // reads were then cut short, so what it found may be incomplete). Returns whether the step ran
    // to the end in time.
    bool step(const char* partName, const std::function<void()>& run);
    // Records a part as not read within the time limit.
    void markNotRead(const QString& partName);
    const QStringList& notRead() const { return m_notRead; }
    bool ranOutOfTime() const { return !m_notRead.isEmpty(); }

    // Decompressed initramfs bytes: what remains of the shared budget, and what was spent.
    uint64_t decompressedLeft() const;
    void spendDecompressed(uint64_t bytes) { m_decompressed += bytes; }
    uint64_t decompressed() const { return m_decompressed; }
    uint64_t maxDecompressed() const { return m_options.maxDecompressedBytes; }

    // Claims one initramfs scan; false once maxKernelScans were made.
    bool claimKernelScan();
    int kernelScans() const { return m_kernelScans; }
    int maxKernelScans() const { return m_options.maxKernelScans; }

private:
    std::chrono::steady_clock::time_point now() const;

    InspectOptions m_options;
    CancelToken m_cancel;
    std::chrono::steady_clock::time_point m_deadline;
    QStringList m_notRead;
    uint64_t m_decompressed = 0;
    int m_kernelScans = 0;
};

} // namespace cvmi::inspect

// libFuzzer target: our XFS reader (XfsGuestFs) on a disk whose first bytes are the input and the
// rest zeros, so a superblock declaring more than the input still opens and every structure it
// points to past the input reads as zeros. Walks the root and a few levels below it, reads
// files and symbolic links and stats everything, within a fixed number of nodes.
#include "ZeroExtendedDisk.h"
#include "disk/DiskImage.h"
#include "inspect/xfs/XfsGuestFs.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

using namespace cvmi;
using cvmi::fuzz::ZeroExtendedDisk;
using namespace cvmi::inspect;

namespace {

constexpr int kMaxDepth = 4;
constexpr int kMaxNodes = 64; // nodes visited per input, so one input stays fast

void walk(XfsGuestFs& fs, const GuestNode& directory, int depth, int* budget)
{
    QList<GuestDirEntry> entries;
    Error error;
    if (!fs.listDirectory(directory, &entries, &error))
        return;
    for (const GuestDirEntry& entry : entries) {
        if (--*budget < 0)
            return;
        GuestNode node = entry.node;
        fs.stat(&node, &error);
        QByteArray bytes;
        QString target;
        switch (entry.node.kind) {
        case GuestNode::Kind::File:
            fs.readFile(entry.node, 0, 64 * 1024, &bytes, &error);
            fs.readFile(entry.node, 5000, 100, &bytes, &error);
            break;
        case GuestNode::Kind::Symlink:
            fs.readSymlink(entry.node, &target, &error);
            break;
        case GuestNode::Kind::Directory:
            if (depth < kMaxDepth)
                walk(fs, entry.node, depth + 1, budget);
            break;
        default:
            break;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ZeroExtendedDisk disk(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    Error error;
    auto fs = XfsGuestFs::open(disk, 0, disk.virtualSize(), &error);
    if (!fs)
        return 0;
    fs->label();
    fs->uuid();
    int budget = kMaxNodes;
    walk(*fs, fs->root(), 0, &budget);
    return 0;
}

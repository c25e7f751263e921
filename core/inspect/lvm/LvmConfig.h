#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <vector>

// LVM2's text format (metadata areas, vgcfgbackup files): `name = value`, `name { ... }`
// sections, "strings" with backslash escapes, integers, `[ ... ]` arrays, `#` comments.
namespace cvmi::inspect::lvm {

// Sections inside sections: LVM's metadata is four deep (vg, logical_volumes, lv, segment);
// 16 leaves room for the unusual and stops a hostile text from recursing the stack away.
inline constexpr int kMaxConfigDepth = 16;
// Names of VGs, LVs and keys: LVM's NAME_LEN is 128.
inline constexpr int kMaxConfigName = 128;
// A string value: descriptions are command lines; 64 KiB is far above any LVM writes.
inline constexpr int kMaxConfigString = 64 * 1024;
// Items in one array: a 64-way striped segment lists 128; tags and flags are a few.
inline constexpr int kMaxConfigArray = 4096;
// Values and sections in the whole text: 1024 LVs with 10000 segments of ~10 values each fit.
inline constexpr int kMaxConfigNodes = 256 * 1024;

struct ConfigNode {
    enum class Kind { String, Number, Array, Section };
    QString name; // empty for array items
    Kind kind = Kind::Section;
    QString text;                     // String
    int64_t number = 0;               // Number
    std::vector<ConfigNode> children; // Section: its entries; Array: its items

    const ConfigNode* child(QStringView key) const;
    const ConfigNode* section(QStringView key) const; // child of kind Section
    bool string(QStringView key, QString* out) const;
    bool unsignedNumber(QStringView key, uint64_t* out) const;
};

// Parses a whole text into `root` (a Section). False with `problem` (line and reason) when the
// text is not well formed or passes a limit.
bool parseConfig(QByteArrayView text, ConfigNode* root, QString* problem);

} // namespace cvmi::inspect::lvm

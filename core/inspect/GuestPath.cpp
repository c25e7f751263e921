#include "inspect/GuestPath.h"

#include <QCoreApplication>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::GuestPath)
};

// A file system's refusal names an inode; the path says which file the user should look at.
void namePath(const QString& path, Error* error)
{
    if (error && (error->code == QLatin1String("file_too_large") ||
                  error->code == QLatin1String("directory_too_large")))
        error->message = Text::tr("%1: %2").arg(path, error->message);
}

QStringList components(const QString& path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

std::optional<GuestNode> lookupChild(GuestFs& fs, const GuestNode& directory, const QString& name,
                                     Error* error)
{
    QList<GuestDirEntry> entries;
    if (!fs.listDirectory(directory, &entries, error))
        return std::nullopt;
    const Qt::CaseSensitivity cs =
        fs.caseInsensitiveNames() ? Qt::CaseInsensitive : Qt::CaseSensitive;
    for (const GuestDirEntry& entry : entries) {
        if (entry.name.compare(name, cs) == 0)
            return entry.node;
    }
    return std::nullopt;
}

} // namespace

std::optional<GuestNode> GuestPath::resolve(GuestFs& fs, const QString& path, bool followLast,
                                            Error* error)
{
    // A work list of components still to walk; a symlink's target is spliced in front of the rest.
    QStringList pending = components(path);
    QList<GuestNode> stack{fs.root()}; // the directories walked so far, for ".."
    int linksFollowed = 0;
    while (!pending.isEmpty()) {
        const QString name = pending.takeFirst();
        if (name == QLatin1String("."))
            continue;
        if (name == QLatin1String("..")) {
            if (stack.size() > 1)
                stack.removeLast(); // ".." of the root is the root, as in the kernel
            continue;
        }
        const GuestNode& current = stack.last();
        if (current.kind != GuestNode::Kind::Directory) {
            fail(error, QStringLiteral("not_a_directory"),
                 Text::tr("%1: a component of the path is not a directory.").arg(path));
            return std::nullopt;
        }
        Error lookupError;
        const std::optional<GuestNode> child = lookupChild(fs, current, name, &lookupError);
        if (!child) {
            if (lookupError.isSet()) {
                namePath(path, &lookupError);
                if (error)
                    *error = lookupError;
            } else {
                fail(error, QStringLiteral("not_found"),
                     Text::tr("%1 does not exist in the guest.").arg(path));
            }
            return std::nullopt;
        }
        const bool last = pending.isEmpty();
        if (child->kind == GuestNode::Kind::Symlink && (!last || followLast)) {
            if (++linksFollowed > kMaxSymlinks) {
                fail(error, QStringLiteral("symlink_loop"),
                     Text::tr("%1: too many levels of symbolic links.").arg(path));
                return std::nullopt;
            }
            QString target;
            if (!fs.readSymlink(*child, &target, error))
                return std::nullopt;
            if (target.startsWith(u'/'))
                stack.resize(1); // absolute: from the guest's root, not the host's
            pending = components(target) + pending;
            continue;
        }
        stack.append(*child);
    }
    // Listings do not always carry sizes (TSK's do not); callers bound their reads by them.
    GuestNode found = stack.last();
    if (found.kind == GuestNode::Kind::File && !fs.stat(&found, error)) {
        namePath(path, error);
        return std::nullopt;
    }
    return found;
}

std::optional<QByteArray> GuestPath::readFile(GuestFs& fs, const QString& path, size_t maxBytes,
                                              Error* error)
{
    const std::optional<GuestNode> node = resolve(fs, path, true, error);
    if (!node)
        return std::nullopt;
    if (node->kind != GuestNode::Kind::File) {
        fail(error, QStringLiteral("not_a_file"), Text::tr("%1 is not a regular file.").arg(path));
        return std::nullopt;
    }
    QByteArray content;
    if (!fs.readFile(*node, 0, maxBytes, &content, error)) {
        namePath(path, error);
        return std::nullopt;
    }
    return content;
}

bool GuestPath::exists(GuestFs& fs, const QString& path)
{
    // A file refused for its declared size is there all the same; only reading it is refused.
    Error error;
    return resolve(fs, path, false, &error).has_value() ||
           error.code == QLatin1String("file_too_large");
}

bool GuestPath::isDirectory(GuestFs& fs, const QString& path)
{
    const auto node = resolve(fs, path, true, nullptr);
    return node && node->kind == GuestNode::Kind::Directory;
}

QStringList GuestPath::list(GuestFs& fs, const QString& path)
{
    const auto node = resolve(fs, path, true, nullptr);
    QList<GuestDirEntry> entries;
    if (!node || node->kind != GuestNode::Kind::Directory ||
        !fs.listDirectory(*node, &entries, nullptr))
        return {};
    QStringList names;
    for (const auto& entry : entries) {
        if (entry.name != QLatin1String(".") && entry.name != QLatin1String(".."))
            names << entry.name;
    }
    return names;
}

QString GuestPath::readLink(GuestFs& fs, const QString& path)
{
    const auto node = resolve(fs, path, false, nullptr);
    QString target;
    if (!node || node->kind != GuestNode::Kind::Symlink || !fs.readSymlink(*node, &target, nullptr))
        return {};
    return target;
}

} // namespace cvmi::inspect

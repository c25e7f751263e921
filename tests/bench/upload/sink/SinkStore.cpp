#include "SinkStore.h"

#include "SinkCrc.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <random>
#include <sys/resource.h>
#include <vector>

namespace cvmi::bench::sink {

namespace {

const char* const xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string isoTime(std::time_t t)
{
    char text[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return text;
}

std::string hex(std::uint64_t value, int digits)
{
    char text[17];
    std::snprintf(text, sizeof text, "%0*llx", digits, static_cast<unsigned long long>(value));
    return text;
}

std::string element(const char* name, const std::string& text)
{
    return std::string("<") + name + '>' + xmlEscape(text) + "</" + name + '>';
}

bool toNumber(const std::string& text, long long* value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
}

std::string unescape(std::string text)
{
    static const std::pair<const char*, char> entities[] = {
        {"&quot;", '"'}, {"&apos;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
    for (const auto& [entity, c] : entities) {
        for (std::size_t at = text.find(entity); at != std::string::npos;
             at = text.find(entity, at + 1))
            text.replace(at, std::char_traits<char>::length(entity), 1, c);
    }
    return text;
}

// The text of the first <name> inside [from, to) of body, entity-decoded; nullopt if absent.
std::optional<std::string> textOf(const std::string& body, const char* name, std::size_t from,
                                  std::size_t to)
{
    const std::string open = std::string("<") + name + '>';
    const std::string close = std::string("</") + name + '>';
    const std::size_t start = body.find(open, from);
    if (start == std::string::npos || start >= to)
        return std::nullopt;
    const std::size_t end = body.find(close, start);
    if (end == std::string::npos || end > to)
        return std::nullopt;
    return unescape(body.substr(start + open.size(), end - start - open.size()));
}

// <CompleteMultipartUpload>'s (PartNumber, ETag) list in document order; false if malformed.
bool completeParts(const std::string& body, std::vector<std::pair<int, std::string>>* parts)
{
    for (std::size_t at = body.find("<Part>"); at != std::string::npos;
         at = body.find("<Part>", at + 1)) {
        const std::size_t end = body.find("</Part>", at);
        if (end == std::string::npos || parts->size() >= SinkLimits::maxPartNumber)
            return false;
        const auto number = textOf(body, "PartNumber", at, end);
        const auto etag = textOf(body, "ETag", at, end);
        long long n = 0;
        if (!number || !etag || !toNumber(*number, &n) || n < 1 || n > SinkLimits::maxPartNumber)
            return false;
        parts->emplace_back(static_cast<int>(n), *etag);
    }
    return !parts->empty();
}

std::string stripQuotes(const std::string& etag)
{
    return etag.size() >= 2 && etag.front() == '"' && etag.back() == '"'
               ? etag.substr(1, etag.size() - 2)
               : etag;
}

} // namespace

void SinkStore::addCrc(Response* response, std::uint64_t crc) const
{
    if (m_crc64)
        response->headers.emplace_back("x-cos-hash-crc64ecma", std::to_string(crc));
}

Response SinkStore::put(const Request& r, std::uint64_t size, std::uint64_t crc)
{
    ++m_requests;
    m_bodyBytes += size;
    if (r.has("uploadId") || r.has("partNumber"))
        return uploadPart(r, size, crc);
    if (!r.query.empty())
        return Response::error(501, "NotImplemented", "PUT with this query is not supported");
    // A single PUT of a whole object.
    Object object{size, crc, '"' + hex(crc, 16) + hex(size, 16) + '"', ++m_serial};
    Response response;
    response.headers.emplace_back("ETag", object.etag);
    addCrc(&response, crc);
    remember({r.bucket, r.key}, std::move(object));
    return response;
}

Response SinkStore::handle(const Request& r, const std::string& body)
{
    ++m_requests;
    m_bodyBytes += body.size();
    if (r.bucket == "_sink" && r.method == "GET")
        return stats();
    if (r.bucket.empty())
        return Response::error(400, "InvalidBucketName", "no bucket in the request");
    if (r.key.empty()) {
        if (r.method == "GET" && r.has("uploads"))
            return listUploads(r);
        if (r.method == "HEAD" || r.method == "PUT")
            return Response{}; // every bucket exists
        if (r.method == "GET")
            return Response::xml(std::string(xmlHead) + "<ListBucketResult>" +
                                 element("Name", r.bucket) +
                                 "<IsTruncated>false</IsTruncated></ListBucketResult>");
        return Response::error(501, "NotImplemented", r.method + " on a bucket");
    }
    if (r.method == "POST" && r.has("uploads"))
        return initiate(r);
    if (r.method == "POST" && r.has("uploadId"))
        return complete(r, body);
    if (r.has("uploadId")) {
        Response missing;
        Upload* upload = findUpload(r, &missing);
        if (!upload)
            return missing;
        if (r.method == "GET")
            return listParts(r, *upload);
        if (r.method == "DELETE") {
            m_uploads.erase(r.param("uploadId"));
            Response gone;
            gone.status = 204;
            return gone;
        }
    }
    if (r.method == "HEAD" && r.query.empty())
        return headObject(r);
    if (r.method == "DELETE" && r.query.empty()) {
        const auto it = m_objects.find({r.bucket, r.key});
        if (it != m_objects.end()) {
            m_objectAge.erase(it->second.serial);
            m_objects.erase(it);
        }
        Response gone;
        gone.status = 204;
        return gone;
    }
    return Response::error(501, "NotImplemented", r.method + " with this query");
}

Response SinkStore::initiate(const Request& r)
{
    if (m_uploads.size() >= SinkLimits::maxUploads)
        return Response::error(503, "SlowDown", "too many uploads in progress");
    static const std::uint64_t boot = [] {
        std::random_device random;
        return std::uint64_t(random()) << 32 | random();
    }();
    const std::uint64_t serial = ++m_serial;
    const std::string id = hex(boot, 16) + hex(serial, 16);
    m_uploads[id] = Upload{r.bucket, r.key, std::time(nullptr), serial, {}};
    return Response::xml(std::string(xmlHead) + "<InitiateMultipartUploadResult>" +
                         element("Bucket", r.bucket) + element("Key", r.key) +
                         element("UploadId", id) + "</InitiateMultipartUploadResult>");
}

SinkStore::Upload* SinkStore::findUpload(const Request& r, Response* missing)
{
    const auto it = m_uploads.find(r.param("uploadId"));
    if (it == m_uploads.end() || it->second.bucket != r.bucket || it->second.key != r.key) {
        *missing = Response::error(404, "NoSuchUpload", "no such upload");
        return nullptr;
    }
    return &it->second;
}

Response SinkStore::uploadPart(const Request& r, std::uint64_t size, std::uint64_t crc)
{
    long long number = 0;
    if (!toNumber(r.param("partNumber"), &number) || number < 1 ||
        number > SinkLimits::maxPartNumber)
        return Response::error(400, "InvalidArgument", "partNumber must be 1..10000");
    Response missing;
    Upload* upload = findUpload(r, &missing);
    if (!upload)
        return missing;
    ++m_partsReceived;
    // Not an MD5 (the sink does not hash for it): unique per upload, part and content.
    Part part{size, crc,
              '"' + hex(crc, 16) + hex(upload->serial << 14 | std::uint64_t(number), 16) + '"',
              std::time(nullptr)};
    Response response;
    response.headers.emplace_back("ETag", part.etag);
    addCrc(&response, crc);
    upload->parts[static_cast<int>(number)] = std::move(part);
    return response;
}

Response SinkStore::listParts(const Request& r, const Upload& upload) const
{
    long long marker = 0;
    long long max = SinkLimits::maxPage;
    if ((r.has("part-number-marker") && !toNumber(r.param("part-number-marker"), &marker)) ||
        (r.has("max-parts") && (!toNumber(r.param("max-parts"), &max) || max < 1)))
        return Response::error(400, "InvalidArgument", "bad max-parts or part-number-marker");
    max = std::min<long long>(max, SinkLimits::maxPage);
    std::string xml = std::string(xmlHead) + "<ListPartsResult>" + element("Bucket", r.bucket) +
                      element("Key", r.key) + element("UploadId", r.param("uploadId")) +
                      element("PartNumberMarker", std::to_string(marker)) +
                      element("MaxParts", std::to_string(max));
    long long count = 0;
    int last = static_cast<int>(marker);
    bool truncated = false;
    for (auto it = upload.parts.upper_bound(static_cast<int>(marker)); it != upload.parts.end();
         ++it) {
        if (count == max) {
            truncated = true;
            break;
        }
        xml += "<Part>" + element("PartNumber", std::to_string(it->first)) +
               element("LastModified", isoTime(it->second.at)) + element("ETag", it->second.etag) +
               element("Size", std::to_string(it->second.size)) + "</Part>";
        last = it->first;
        ++count;
    }
    xml += element("NextPartNumberMarker", std::to_string(last)) +
           element("IsTruncated", truncated ? "true" : "false") + "</ListPartsResult>";
    return Response::xml(std::move(xml));
}

Response SinkStore::complete(const Request& r, const std::string& body)
{
    Response missing;
    Upload* upload = findUpload(r, &missing);
    if (!upload)
        return missing;
    std::vector<std::pair<int, std::string>> listed;
    if (!completeParts(body, &listed))
        return Response::error(400, "MalformedXML", "no readable <Part> list");
    std::uint64_t size = 0;
    std::uint64_t crc = 0;
    int previous = 0;
    for (const auto& [number, etag] : listed) {
        if (number <= previous)
            return Response::error(400, "InvalidPartOrder", "part numbers must ascend");
        previous = number;
        const auto it = upload->parts.find(number);
        if (it == upload->parts.end() || stripQuotes(it->second.etag) != stripQuotes(etag))
            return Response::error(400, "InvalidPart",
                                   "part " + std::to_string(number) + " was not uploaded as named");
        crc = crc64Combine(crc, it->second.crc, it->second.size);
        size += it->second.size;
    }
    Object object{size, crc,
                  '"' + hex(crc, 16) + hex(upload->serial, 16) + '-' +
                      std::to_string(listed.size()) + '"',
                  ++m_serial};
    Response response = Response::xml(
        std::string(xmlHead) + "<CompleteMultipartUploadResult>" +
        element("Location", "http://" + r.bucket + "/" + r.key) + element("Bucket", r.bucket) +
        element("Key", r.key) + element("ETag", object.etag) + "</CompleteMultipartUploadResult>");
    addCrc(&response, crc);
    remember({r.bucket, r.key}, std::move(object));
    m_uploads.erase(r.param("uploadId"));
    return response;
}

Response SinkStore::listUploads(const Request& r) const
{
    const std::string prefix = r.param("prefix");
    const std::string keyMarker = r.param("key-marker");
    const std::string idMarker = r.param("upload-id-marker");
    long long max = SinkLimits::maxPage;
    if (r.has("max-uploads") && (!toNumber(r.param("max-uploads"), &max) || max < 1))
        return Response::error(400, "InvalidArgument", "bad max-uploads");
    max = std::min<long long>(max, SinkLimits::maxPage);
    // S3's order: by key, then by initiation (the serial inside the id stands for it).
    std::vector<std::pair<std::string, std::string>> matching; // key, id
    for (const auto& [id, upload] : m_uploads) {
        if (upload.bucket != r.bucket || upload.key.compare(0, prefix.size(), prefix) != 0)
            continue;
        if (upload.key < keyMarker ||
            (upload.key == keyMarker && (idMarker.empty() || id <= idMarker)))
            continue;
        matching.emplace_back(upload.key, id);
    }
    std::sort(matching.begin(), matching.end());
    const bool truncated = matching.size() > static_cast<std::size_t>(max);
    if (truncated)
        matching.resize(static_cast<std::size_t>(max));
    std::string xml = std::string(xmlHead) + "<ListMultipartUploadsResult>" +
                      element("Bucket", r.bucket) + element("Prefix", prefix) +
                      element("KeyMarker", keyMarker) + element("UploadIdMarker", idMarker) +
                      element("MaxUploads", std::to_string(max)) +
                      element("IsTruncated", truncated ? "true" : "false");
    if (truncated)
        xml += element("NextKeyMarker", matching.back().first) +
               element("NextUploadIdMarker", matching.back().second);
    for (const auto& [key, id] : matching)
        xml += "<Upload>" + element("Key", key) + element("UploadId", id) +
               element("Initiated", isoTime(m_uploads.at(id).initiated)) + "</Upload>";
    return Response::xml(xml + "</ListMultipartUploadsResult>");
}

Response SinkStore::headObject(const Request& r) const
{
    const auto it = m_objects.find({r.bucket, r.key});
    Response response;
    response.headOnly = true;
    if (it == m_objects.end()) {
        response.status = 404;
        response.headers.emplace_back("Content-Length", "0");
        return response;
    }
    response.headers.emplace_back("Content-Length", std::to_string(it->second.size));
    response.headers.emplace_back("ETag", it->second.etag);
    addCrc(&response, it->second.crc);
    return response;
}

void SinkStore::remember(const ObjectKey& key, Object object)
{
    const auto old = m_objects.find(key);
    if (old != m_objects.end())
        m_objectAge.erase(old->second.serial);
    if (old == m_objects.end() && m_objects.size() >= SinkLimits::maxObjects) {
        m_objects.erase(m_objectAge.begin()->second);
        m_objectAge.erase(m_objectAge.begin());
    }
    m_objectAge[object.serial] = key;
    m_objects[key] = std::move(object);
}

Response SinkStore::stats() const
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    Response response;
    response.headers.emplace_back("Content-Type", "application/json");
    response.body = "{\"body_bytes\": " + std::to_string(m_bodyBytes) +
                    ", \"parts\": " + std::to_string(m_partsReceived) +
                    ", \"requests\": " + std::to_string(m_requests) +
                    ", \"connections\": " + std::to_string(m_connections) +
                    ", \"uploads_open\": " + std::to_string(m_uploads.size()) +
                    ", \"cpu_s\": " + std::to_string(cpu) +
                    ", \"crc64\": " + (m_crc64 ? "true" : "false") + "}";
    return response;
}

} // namespace cvmi::bench::sink

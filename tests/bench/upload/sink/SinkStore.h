#pragma once

// The multipart sink's bookkeeping: uploads in progress with the size, ETag and (with --crc64)
// CRC-64 of every part received, and the size and CRC of completed objects so that HEAD can
// answer for them. Part bodies are never kept. Every table is bounded.
#include "SinkHttp.h"

#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <utility>

namespace cvmi::bench::sink {

struct SinkLimits {
    static constexpr int maxPartNumber = 10000;       // COS's and S3's
    static constexpr std::size_t maxUploads = 10000;  // in progress at once
    static constexpr std::size_t maxObjects = 100000; // completed objects remembered (oldest go)
    static constexpr std::size_t maxPage = 1000;      // ListParts / ListMultipartUploads page
};

class SinkStore {
public:
    explicit SinkStore(bool crc64) : m_crc64(crc64) {}

    // True for requests whose body is counted (and CRC'd) but not kept: PUT of a part or object.
    static bool discardsBody(const Request& r) { return r.method == "PUT" && !r.key.empty(); }
    // A PUT whose body of `size` bytes (CRC-64 `crc`) was discarded.
    Response put(const Request& r, std::uint64_t size, std::uint64_t crc);
    // Every other request, with its (small) body.
    Response handle(const Request& r, const std::string& body);
    // Counts a connection accepted, for the stats (a client that reuses none shows here).
    void noteConnection() { ++m_connections; }

private:
    struct Part {
        std::uint64_t size = 0;
        std::uint64_t crc = 0;
        std::string etag;
        std::time_t at = 0;
    };
    struct Upload {
        std::string bucket;
        std::string key;
        std::time_t initiated = 0;
        std::uint64_t serial = 0;
        std::map<int, Part> parts;
    };
    struct Object {
        std::uint64_t size = 0;
        std::uint64_t crc = 0;
        std::string etag;
        std::uint64_t serial = 0;
    };
    using ObjectKey = std::pair<std::string, std::string>; // bucket, key

    Response initiate(const Request& r);
    Response uploadPart(const Request& r, std::uint64_t size, std::uint64_t crc);
    Response listParts(const Request& r, const Upload& upload) const;
    Response complete(const Request& r, const std::string& body);
    Response listUploads(const Request& r) const;
    Response headObject(const Request& r) const;
    Response stats() const;
    Upload* findUpload(const Request& r, Response* missing);
    void remember(const ObjectKey& key, Object object);
    void addCrc(Response* response, std::uint64_t crc) const;

    bool m_crc64;
    std::uint64_t m_serial = 0;
    std::map<std::string, Upload> m_uploads; // by UploadId
    std::map<ObjectKey, Object> m_objects;
    std::map<std::uint64_t, ObjectKey> m_objectAge; // serial → key, for eviction
    std::uint64_t m_bodyBytes = 0;
    std::uint64_t m_partsReceived = 0;
    std::uint64_t m_requests = 0;
    std::uint64_t m_connections = 0;
};

} // namespace cvmi::bench::sink

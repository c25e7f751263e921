'use strict';
// Tencent Cloud's own SDKs (cos-nodejs-sdk-v5, tencentcloud-sdk-nodejs-cvm) driven against our
// emulator: what the vendor's clients send must be accepted and answered the way they expect, so
// the emulator (and through it our own clients' tests) cannot agree with us on a mistake.
//
//   node sdk-clients.js EMULATOR_BINARY WORK_DIR
//
// Every SDK call's answer is checked; any disagreement fails the run. Prints the number of SDK
// calls made and checked.
const assert = require('assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const { COS, cvm, versions } = require('./lib/vendor');
const { startEmulator } = require('./lib/emulator');
const { crc64 } = require('./lib/crc64');
const { loopbackAgent } = require('./lib/loopback');

const [emulatorBinary, workDir] = process.argv.slice(2);
if (!emulatorBinary || !workDir) {
  console.error('usage: node sdk-clients.js EMULATOR_BINARY WORK_DIR');
  process.exit(2);
}

const account = { secretId: 'AKIDSDKPEER00000000001', secretKey: 'sdk-peer-secret-key', appId: '1250000000' };
const region = 'ap-guangzhou';
const bucket = `sdkpeer-${account.appId}`;
const MiB = 1024 * 1024;

const tally = { calls: 0, checked: 0, httpRequests: 0, failed: [] };

// One SDK call and the checks on its answer. A failure is recorded and the run goes on, so one
// report names every disagreement.
async function step(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (e) {
    tally.failed.push(name);
    console.log(`FAIL ${name}: ${e && e.message ? e.message : JSON.stringify(e)}`);
  }
}

// Counts an SDK call; `check` asserts on its answer.
async function sdk(promise, check) {
  tally.calls++;
  const answer = await promise;
  if (check) check(answer);
  tally.checked++;
  return answer;
}

// A call that must fail; `check` asserts on the error.
async function sdkFails(promise, check) {
  tally.calls++;
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, 'the call succeeded but should have been refused');
  check(error);
  tally.checked++;
  return error;
}

function cosClient(endpointPort, keys) {
  // `Ip` is the SDK's own option for reaching COS at another address: it keeps the bucket's
  // virtual-host name in Host (and in the signature) and connects to Ip instead. The v3 SDK
  // refuses ForcePathStyle outright, and a `Domain` of 127.0.0.1 would change both.
  const cos = new COS({
    SecretId: keys.secretId,
    SecretKey: keys.secretKey,
    Protocol: 'http:',
    Ip: `127.0.0.1:${endpointPort}`,
    ChunkParallelLimit: 2,
    FileParallelLimit: 1,
  });
  cos.on('before-send', () => tally.httpRequests++);
  return cos;
}

function cvmClient(endpointPort, keys, reqMethod, endpoint = 'cvm.tencentcloudapi.com') {
  // The endpoint stays the real host name: the SDK takes the signature's service from its first
  // label ("127" for an address) and signs its host. The connection goes to the emulator.
  return new cvm.v20170312.Client({
    credential: { secretId: keys.secretId, secretKey: keys.secretKey },
    region,
    profile: {
      httpProfile: {
        endpoint,
        protocol: 'http://',
        reqMethod,
        reqTimeout: 30,
        agent: loopbackAgent(endpointPort, () => tally.httpRequests++),
      },
    },
  });
}

// A small raw disk: an MBR boot signature is what the emulator's import needs to see a disk.
function rawDisk(size) {
  const disk = crypto.randomBytes(size);
  disk.fill(0, 440, 510);
  disk[510] = 0x55;
  disk[511] = 0xaa;
  return disk;
}

// GET of a URL whose host is a COS name, over a connection to the emulator.
function fetchVia(port, url, headers = {}) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'GET', path: u.pathname + u.search, headers: { Host: u.host, ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function cosChecks(port) {
  const cos = cosClient(port, account);
  const base = { Bucket: bucket, Region: region };

  await step('COS putBucket', () => sdk(cos.putBucket(base), (r) => assert.equal(r.statusCode, 200)));
  await step('COS headBucket', () => sdk(cos.headBucket(base), (r) => assert.equal(r.statusCode, 200)));
  await step('COS getService', () =>
    sdk(cos.getService({}), (r) => assert.ok(r.Buckets.some((b) => b.Name === bucket && b.Location === region),
      `the bucket is not listed: ${JSON.stringify(r.Buckets)}`)));

  // putObject with a key that needs encoding: a space, '+', Chinese and '%'.
  const small = rawDisk(1 * MiB + 123);
  const smallKey = 'sdk peer/镜像 a+b%20.raw';
  await step('COS putObject', () =>
    sdk(cos.putObject({ ...base, Key: smallKey, Body: small }), (r) => {
      assert.equal(r.statusCode, 200);
      assert.equal(r.ETag, `"${crypto.createHash('md5').update(small).digest('hex')}"`);
    }));
  await step('COS headObject (putObject, CRC-64)', () =>
    sdk(cos.headObject({ ...base, Key: smallKey }), (r) => {
      assert.equal(Number(r.headers['content-length']), small.length);
      assert.equal(r.headers['x-cos-hash-crc64ecma'], crc64(small));
    }));

  // sliceUploadFile: 20 MiB in 5 MiB parts, the SDK's multipart path.
  const big = rawDisk(20 * MiB);
  const bigPath = path.join(workDir, 'big.raw');
  fs.writeFileSync(bigPath, big);
  const bigKey = 'disks/big disk.raw';
  let parts = 0;
  const countParts = (opt) => { if (/[?&]partNumber=/.test(opt.url) || (opt.qs && opt.qs.partNumber)) parts++; };
  cos.on('before-send', countParts);
  await step('COS sliceUploadFile (20 MiB, 5 MiB parts)', () =>
    sdk(cos.sliceUploadFile({ ...base, Key: bigKey, FilePath: bigPath, ChunkSize: 5 * MiB }), (r) => {
      assert.equal(r.statusCode, 200);
      assert.ok(r.ETag, 'CompleteMultipartUpload answered without an ETag');
      assert.equal(parts, 4, `expected 4 UploadPart requests, saw ${parts}`);
    }));
  cos.off('before-send', countParts);
  await step('COS headObject (multipart, CRC-64)', () =>
    sdk(cos.headObject({ ...base, Key: bigKey }), (r) => {
      assert.equal(Number(r.headers['content-length']), big.length);
      assert.equal(r.headers['x-cos-hash-crc64ecma'], crc64(big));
    }));
  await step('COS getObject (multipart, byte for byte)', () =>
    sdk(cos.getObject({ ...base, Key: bigKey }), (r) => assert.ok(Buffer.compare(r.Body, big) === 0, 'the object differs')));

  await step('COS getBucket (prefix)', () =>
    sdk(cos.getBucket({ ...base, Prefix: 'disks/' }), (r) => {
      assert.deepEqual(r.Contents.map((c) => c.Key), [bigKey]);
      assert.equal(Number(r.Contents[0].Size), big.length);
    }));
  await step('COS getBucket (delimiter)', () =>
    sdk(cos.getBucket({ ...base, Delimiter: '/' }), (r) => {
      assert.deepEqual(r.CommonPrefixes.map((p) => p.Prefix).sort(), ['disks/', 'sdk peer/']);
      assert.equal(r.Contents.length, 0);
    }));

  // A started multipart upload, listed, then aborted.
  const abandonedKey = 'abandoned/part one.raw';
  let uploadId;
  await step('COS multipartInit', () =>
    sdk(cos.multipartInit({ ...base, Key: abandonedKey }), (r) => { uploadId = r.UploadId; assert.ok(uploadId); }));
  await step('COS multipartUpload (one part)', () =>
    sdk(cos.multipartUpload({ ...base, Key: abandonedKey, UploadId: uploadId, PartNumber: 1, Body: small }),
      (r) => assert.equal(r.ETag, `"${crypto.createHash('md5').update(small).digest('hex')}"`)));
  await step('COS listMultipartUploads (the started upload)', () =>
    sdk(cos.multipartList({ ...base, Prefix: 'abandoned/' }), (r) => {
      const uploads = [].concat(r.Upload || []);
      assert.ok(uploads.some((u) => u.UploadId === uploadId && u.Key === abandonedKey),
        `the upload is not listed: ${JSON.stringify(uploads)}`);
    }));
  await step('COS multipartListPart', () =>
    sdk(cos.multipartListPart({ ...base, Key: abandonedKey, UploadId: uploadId }), (r) => {
      const listed = [].concat(r.Part || []);
      assert.equal(listed.length, 1);
      assert.equal(Number(listed[0].Size), small.length);
    }));
  await step('COS multipartAbort', () =>
    sdk(cos.multipartAbort({ ...base, Key: abandonedKey, UploadId: uploadId }), (r) => assert.equal(r.statusCode, 204)));
  await step('COS listMultipartUploads (after the abort)', () =>
    sdk(cos.multipartList({ ...base, Prefix: 'abandoned/' }), (r) =>
      assert.equal([].concat(r.Upload || []).length, 0, 'the aborted upload is still listed')));

  // A pre-signed GET made by the SDK, fetched without any credentials.
  let signedUrl;
  await step('COS getObjectUrl (signed) fetched', async () => {
    // getObjectUrl answers through its callback (its return value is an older, unescaped form).
    const made = new Promise((resolve, reject) =>
      cos.getObjectUrl({ ...base, Key: smallKey, Sign: true, Expires: 600 }, (e, r) => (e ? reject(e) : resolve(r))));
    signedUrl = await sdk(made, (r) => assert.ok(r.Url.includes('q-signature=')));
    const got = await fetchVia(port, signedUrl.Url);
    assert.equal(got.status, 200, got.body.toString());
    assert.ok(Buffer.compare(got.body, small) === 0, 'the pre-signed GET returned other bytes');
  });
  await step('COS unsigned GET of a private object refused', async () => {
    const u = new URL(signedUrl.Url);
    const got = await fetchVia(port, `${u.origin}${u.pathname}`);
    assert.equal(got.status, 403);
  });

  // Wrong keys: a wrong SecretKey and an unknown SecretId.
  await step('COS wrong SecretKey refused', () =>
    sdkFails(cosClient(port, { ...account, secretKey: 'not-the-key' }).headObject({ ...base, Key: smallKey }),
      (e) => assert.equal(e.statusCode, 403)));
  await step('COS wrong SecretKey refused (body: SignatureDoesNotMatch)', () =>
    sdkFails(cosClient(port, { ...account, secretKey: 'not-the-key' }).getBucket({ ...base }),
      (e) => assert.equal(e.code, 'SignatureDoesNotMatch')));
  await step('COS unknown SecretId refused', () =>
    sdkFails(cosClient(port, { ...account, secretId: 'AKIDNOSUCHKEY000000000' }).getObject({ ...base, Key: smallKey }),
      (e) => assert.equal(e.code, 'InvalidAccessKeyId')));

  return `https://${bucket}.cos.${region}.myqcloud.com/${encodeURIComponent(smallKey).replace(/%2F/g, '/')}`;
}

async function cvmChecks(port, imageUrl, reqMethod) {
  const client = cvmClient(port, account, reqMethod);
  const tag = reqMethod;

  await step(`CVM ${tag} DescribeRegions`, () =>
    sdk(client.DescribeRegions({}), (r) => assert.ok(r.RegionSet.some((x) => x.Region === region && x.RegionState === 'AVAILABLE'))));
  await step(`CVM ${tag} DescribeImportImageOs`, () =>
    sdk(client.DescribeImportImageOs({}), (r) => {
      assert.ok(r.ImportImageOsListSupported.Linux.includes('CentOS'));
      const centos = r.ImportImageOsVersionSet.find((v) => v.OsName === 'CentOS');
      assert.ok(centos && centos.OsVersions.includes('7'), `CentOS versions: ${JSON.stringify(centos)}`);
    }));
  const form = {
    ImageUrl: imageUrl,
    OsType: 'CentOS',
    OsVersion: '7', // the vendor's own value for CentOS 7 (DescribeImportImageOs)
    Architecture: 'x86_64',
    ImageName: `sdk-peer-${tag.toLowerCase()}`,
    ImageDescription: 'imported by the vendor SDK peer test',
  };
  await step(`CVM ${tag} ImportImage DryRun`, () =>
    sdkFails(client.ImportImage({ ...form, DryRun: true }), (e) => assert.equal(e.code, 'DryRunOperation', e.message)));
  let imageId;
  await step(`CVM ${tag} ImportImage`, () =>
    sdk(client.ImportImage(form), (r) => { imageId = r.ImageId; assert.match(imageId, /^img-[a-z0-9]{8}$/); }));
  await step(`CVM ${tag} DescribeImages until NORMAL`, async () => {
    assert.ok(imageId, 'no image to follow');
    const deadline = Date.now() + 20000;
    for (;;) {
      const r = await sdk(client.DescribeImages({ ImageIds: [imageId] }), (a) => assert.equal(a.ImageSet.length, 1));
      const image = r.ImageSet[0];
      if (image.ImageState === 'NORMAL') {
        assert.equal(image.ImageName, form.ImageName);
        assert.equal(image.ImageSource, 'EXTERNAL_IMPORT');
        break;
      }
      assert.equal(image.ImageState, 'IMPORTING');
      assert.ok(Date.now() < deadline, 'the image did not become NORMAL');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  await step(`CVM ${tag} DescribeImages (filter image-name)`, () =>
    sdk(client.DescribeImages({ Filters: [{ Name: 'image-name', Values: [form.ImageName] }] }), (r) =>
      assert.deepEqual(r.ImageSet.map((i) => i.ImageId), [imageId])));

  await step(`CVM ${tag} wrong SecretKey refused`, () =>
    sdkFails(cvmClient(port, { ...account, secretKey: 'not-the-key' }, reqMethod).DescribeRegions({}),
      (e) => assert.equal(e.code, 'AuthFailure.SignatureFailure', e.message)));
  await step(`CVM ${tag} unknown SecretId refused`, () =>
    sdkFails(cvmClient(port, { ...account, secretId: 'AKIDNOSUCHKEY000000000' }, reqMethod).DescribeRegions({}),
      (e) => assert.equal(e.code, 'AuthFailure.SecretIdNotFound', e.message)));
}

async function main() {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const emulator = await startEmulator(emulatorBinary, workDir, { accounts: [account] });
  try {
    const port = emulator.port;
    const imageUrl = await cosChecks(port);
    await cvmChecks(port, imageUrl, 'POST');
    await cvmChecks(port, imageUrl, 'GET');
    // The regional host name, as the SDK's users may configure it.
    await step('CVM POST DescribeRegions via cvm.ap-guangzhou.tencentcloudapi.com', () =>
      sdk(cvmClient(port, account, 'POST', `cvm.${region}.tencentcloudapi.com`).DescribeRegions({}),
        (r) => assert.ok(r.RegionSet.length > 0)));
  } finally {
    emulator.stop();
  }
  const sdkNames = Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(', ');
  console.log(`SDK calls: ${tally.calls} made, ${tally.checked} checked, ${tally.httpRequests} HTTP requests (${sdkNames})`);
  if (tally.failed.length) {
    console.log(`FAIL: ${tally.failed.length} disagreement(s) with the vendor SDKs: ${tally.failed.join('; ')}`);
    process.exit(1);
  }
  console.log('OK: the vendor SDKs agree with the emulator');
}

main().catch((e) => {
  console.error(`FAIL: ${e.stack || e}`);
  process.exit(1);
});

'use strict';
// Our own clients' requests judged by the vendor SDKs' signing functions: `cvm-import` talks to
// the emulator through a recording proxy (lib/signing-proxy.js) that recomputes every
// Authorization with the SDK's own signer and compares it with ours.
//
//   node sdk-signatures.js EMULATOR_BINARY CVM_IMPORT_BINARY WORK_DIR
//
// Runs doctor, upload (single PUT, multipart, a resume after an interrupted upload, keys with a
// space, '+', Chinese and '%'), uploads (the listing) and import --dry-run. Every request must
// have been checked, with no mismatch; the counts per kind of request are printed.
const assert = require('assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const { COS } = require('./lib/vendor');
const { startEmulator } = require('./lib/emulator');
const { crc64 } = require('./lib/crc64');
const { SigningProxy } = require('./lib/signing-proxy');

const [emulatorBinary, cliBinary, workDir] = process.argv.slice(2);
if (!emulatorBinary || !cliBinary || !workDir) {
  console.error('usage: node sdk-signatures.js EMULATOR_BINARY CVM_IMPORT_BINARY WORK_DIR');
  process.exit(2);
}

const account = { secretId: 'AKIDSDKSIGNPEER000001', secretKey: 'sdk-signature-peer-key', appId: '1250000000' };
const region = 'ap-guangzhou';
const bucket = `sigpeer-${account.appId}`;
const MiB = 1024 * 1024;
const failures = [];

function cli(args, { onStdoutLine } = {}) {
  const home = path.join(workDir, 'home');
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    LANG: 'C.UTF-8',
    TENCENTCLOUD_SECRET_ID: account.secretId,
    TENCENTCLOUD_SECRET_KEY: account.secretKey,
  };
  for (const name of ['ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS', 'QT_QPA_PLATFORM']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  const child = spawn(cliBinary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (onStdoutLine) onStdoutLine(line, child);
    }
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function step(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

function expectExit(result, code, what) {
  assert.equal(result.code, code, `${what} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

function events(stdout) {
  return stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

async function main() {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const emulator = await startEmulator(emulatorBinary, workDir, { accounts: [account] });
  const proxy = new SigningProxy({ upstreamPort: emulator.port, accounts: [account] });
  try {
    const proxyPort = await proxy.listen();
    const endpoints = ['--region', region, '--cvm-endpoint', `http://127.0.0.1:${proxyPort}`,
      '--cos-endpoint', `http://127.0.0.1:${proxyPort}`];

    // The bucket, made by the vendor's SDK straight at the emulator (not through the proxy).
    const cos = new COS({ SecretId: account.secretId, SecretKey: account.secretKey, Protocol: 'http:', Ip: `127.0.0.1:${emulator.port}` });
    await cos.putBucket({ Bucket: bucket, Region: region });
    const headVia = (key) => cos.headObject({ Bucket: bucket, Region: region, Key: key });

    await step('control: the SDKs\' own requests pass the proxy, a wrong key does not', () => control(proxyPort, proxy));
    proxy.reset();

    await step('doctor', async () => expectExit(await cli(['doctor', ...endpoints]), 0, 'doctor'));

    // Uploads: each object then read back with the vendor SDK under the exact key meant.
    const upload = async (name, size, key, extra = []) => {
      const file = path.join(workDir, name);
      const data = crypto.randomBytes(size);
      data[510] = 0x55;
      data[511] = 0xaa;
      fs.writeFileSync(file, data);
      const result = await cli(['upload', '--json', file, `cos://${bucket}/${key}`, ...extra, ...endpoints]);
      expectExit(result, 0, `upload ${key}`);
      const head = await headVia(key);
      assert.equal(head.headers['x-cos-hash-crc64ecma'], crc64(data), `the object ${key} is not the file`);
      return events(result.stdout);
    };
    await step('upload: single PUT', async () => {
      const ev = await upload('single.raw', 3 * MiB + 7, 'peer/single.raw');
      assert.equal(ev.find((e) => e.event === 'started').single_put, true);
    });
    await step('upload: multipart', async () => {
      const ev = await upload('multi.raw', 5 * MiB + 4321, 'peer/multi.raw', ['--part-size', '1M', '--concurrency', '2']);
      assert.equal(ev.find((e) => e.event === 'started').parts_total, 6);
    });
    for (const key of ['peer/with space.raw', 'peer/plus+sign.raw', 'peer/镜像/中文 名.raw', 'peer/100%25 done%.raw']) {
      await step(`upload: key "${key}" (single PUT)`, () => upload('key.raw', 64 * 1024 + 3, key));
    }
    await step('upload: key "peer/多 part+%.raw" (multipart)', () =>
      upload('keymulti.raw', 2 * MiB + 1, 'peer/多 part+%.raw', ['--part-size', '1M']));

    await step('upload: interrupted, then resumed', async () => {
      const file = path.join(workDir, 'resume.raw');
      const data = crypto.randomBytes(6 * MiB);
      fs.writeFileSync(file, data);
      const target = `cos://${bucket}/peer/resume me.raw`;
      let stopped = false;
      const first = await cli(['upload', '--json', file, target, '--part-size', '1M', '--concurrency', '1',
        '--limit-rate', '2M', ...endpoints], {
        onStdoutLine: (line, child) => {
          if (!stopped && line.includes('"event":"part"')) {
            stopped = true;
            child.kill('SIGINT');
          }
        },
      });
      expectExit(first, 130, 'the interrupted upload');
      const second = await cli(['upload', '--json', file, target, '--part-size', '1M', ...endpoints]);
      expectExit(second, 0, 'the resumed upload');
      const finished = events(second.stdout).find((e) => e.event === 'finished');
      assert.ok(finished.parts_reused >= 1, `nothing was reused: ${JSON.stringify(finished)}`);
      assert.equal(finished.crc64, crc64(data));
    });

    await step('uploads (listing)', async () => expectExit(await cli(['uploads', `cos://${bucket}`, ...endpoints]), 0, 'uploads'));

    await step('import --dry-run', async () => {
      const os = await osVersionOffered(emulator.port);
      const url = `https://${bucket}.cos.${region}.myqcloud.com/peer/single.raw`;
      const result = await cli(['import', '--dry-run', '--os-type', 'CentOS', '--os-version', os, '--arch', 'x86_64',
        '--image-url', url, '--name', 'sdk-signature-peer', ...endpoints]);
      expectExit(result, 0, 'import --dry-run');
    });
  } finally {
    await proxy.close();
    emulator.stop();
  }

  console.log(proxy.summary());
  for (const note of proxy.notes) console.log(`note: ${note}`);
  if (proxy.unsigned.length) {
    failures.push('requests without a signature to check');
    console.log(`FAIL ${proxy.unsigned.length} request(s) carried no signature the SDKs could check: ${proxy.unsigned.join('; ')}`);
  }
  if (proxy.mismatches.length) {
    failures.push('signature mismatches');
    console.log(`FAIL ${proxy.mismatches.length} signature mismatch(es):\n  ${proxy.mismatches.join('\n  ')}`);
  }
  const kinds = Object.keys(proxy.kinds);
  for (const wanted of ['CVM DescribeRegions', 'CVM ImportImage', 'COS PutObject', 'COS InitiateMultipartUpload',
    'COS UploadPart', 'COS CompleteMultipartUpload', 'COS ListParts', 'COS ListMultipartUploads']) {
    if (!kinds.includes(wanted)) {
      failures.push(`no ${wanted} request was seen`);
      console.log(`FAIL no ${wanted} request went through the proxy`);
    }
  }
  if (failures.length) {
    console.log(`FAIL: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('OK: every request our clients signed is signed as the vendor SDKs sign it');
}

// The proxy's judgement, tried on the SDKs' own requests: signed with the account's key they must
// all match; signed with another key each must be reported as a mismatch.
async function control(proxyPort, proxy) {
  const { cvm } = require('./lib/vendor');
  const { loopbackAgent } = require('./lib/loopback');
  const clients = (secretKey) => ({
    cos: new COS({ SecretId: account.secretId, SecretKey: secretKey, Protocol: 'http:', Ip: `127.0.0.1:${proxyPort}` }),
    cvm: new cvm.v20170312.Client({
      credential: { secretId: account.secretId, secretKey },
      region,
      profile: { httpProfile: { endpoint: 'cvm.tencentcloudapi.com', protocol: 'http://', agent: loopbackAgent(proxyPort) } },
    }),
  });
  const right = clients(account.secretKey);
  await right.cos.putObject({ Bucket: bucket, Region: region, Key: 'control/a b+c 镜像%.raw', Body: Buffer.alloc(1000, 1) });
  await right.cos.multipartList({ Bucket: bucket, Region: region, Prefix: 'control/' });
  await right.cvm.DescribeRegions({});
  assert.equal(proxy.mismatches.length, 0, `the SDKs' own requests: ${proxy.mismatches.join('; ')}`);
  assert.equal(proxy.checked, 3);
  const wrong = clients('another-secret-key');
  await wrong.cos.headObject({ Bucket: bucket, Region: region, Key: 'control/a b+c 镜像%.raw' }).catch(() => {});
  await wrong.cvm.DescribeRegions({}).catch(() => {});
  // The COS SDK retries a refused request; every try must be caught.
  assert.ok(proxy.mismatches.some((m) => m.startsWith('COS HeadObject')), 'a wrong COS key went unnoticed');
  assert.ok(proxy.mismatches.some((m) => m.startsWith('CVM DescribeRegions')), 'a wrong TC3 key went unnoticed');
  assert.equal(proxy.mismatches.length, proxy.checked - 3);
}

// The CentOS version to import with: the vendor's "7" where the live list offers it.
async function osVersionOffered(port) {
  const { cvm } = require('./lib/vendor');
  const { loopbackAgent } = require('./lib/loopback');
  const client = new cvm.v20170312.Client({
    credential: { secretId: account.secretId, secretKey: account.secretKey },
    region,
    profile: { httpProfile: { endpoint: 'cvm.tencentcloudapi.com', protocol: 'http://', agent: loopbackAgent(port) } },
  });
  const os = await client.DescribeImportImageOs({});
  const versions = os.ImportImageOsVersionSet.find((v) => v.OsName === 'CentOS').OsVersions;
  return versions.includes('7') ? '7' : versions[0];
}

main().catch((e) => {
  console.error(`FAIL: ${e.stack || e}`);
  process.exit(1);
});

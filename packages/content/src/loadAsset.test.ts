// loadAsset gives channels the logo's bytes from wherever the model says they are, or an error naming the address.
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadAsset } from './loadAsset.js'

const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff])
let base = ''
const server = createServer((req, res) => {
  if (req.url === '/logo.png') {
    res.writeHead(200, { 'content-type': 'image/png' })
    return res.end(bytes)
  }
  if (req.url === '/stalls.png') {
    // Half the file, then nothing: a server that hangs mid-download.
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length })
    return res.write(bytes.subarray(0, 4))
  }
  res.writeHead(404, 'Not Found')
  res.end()
})
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
)

test('a file: URL is read from disk, byte for byte (a path with a space and non-ASCII letters too)', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'signpost asset é-')), 'logo.png')
  writeFileSync(file, bytes)
  expect(await loadAsset(pathToFileURL(file).href)).toEqual(bytes)
})

test('a missing file names the URL', async () => {
  await expect(loadAsset('file:///nowhere/logo.png')).rejects.toThrow('Cannot load the asset file:///nowhere/logo.png: there is no such file.')
})

test('a web address is fetched; a 404 names the URL and the status', async () => {
  expect(await loadAsset(`${base}/logo.png`)).toEqual(bytes)
  await expect(loadAsset(`${base}/gone.png`)).rejects.toThrow(`Cannot load the asset ${base}/gone.png: the server answered HTTP 404 Not Found.`)
})

test('plain http to another machine, other schemes and non-addresses are refused by name', async () => {
  await expect(loadAsset('http://cdn.example.org/logo.png')).rejects.toThrow(
    'Cannot load the asset http://cdn.example.org/logo.png: only file: and https: addresses are loaded.',
  )
  await expect(loadAsset('data:image/png;base64,AAAA')).rejects.toThrow('only file: and https: addresses are loaded')
  await expect(loadAsset('images/logo.png')).rejects.toThrow(
    'Cannot load the asset "images/logo.png": it is not a complete address (expected a file: or https: URL).',
  )
})

test('a download that stalls half way is given up with a message naming the URL', async () => {
  await expect(loadAsset(`${base}/stalls.png`, { timeoutMs: 300 })).rejects.toThrow(
    `Cannot load the asset ${base}/stalls.png: the whole file did not arrive within 0.3 seconds.`,
  )
})

test('an https address is fetched over TLS', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-tls-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  )
  const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end(bytes))
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
  // The certificate is made here, so no CA vouches for it: verification is switched off for this one request.
  const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
  try {
    expect(await loadAsset(`https://127.0.0.1:${(tls.address() as AddressInfo).port}/logo.png`)).toEqual(bytes)
  } finally {
    if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before
    tls.closeAllConnections()
    await new Promise<void>((resolve) => tls.close(() => resolve()))
  }
})

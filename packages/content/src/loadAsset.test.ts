// loadAsset gives channels the logo's bytes from wherever the model says they are, or an error naming the address.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
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
  res.writeHead(404, 'Not Found')
  res.end()
})
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

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
  await expect(loadAsset('http://cdn.example.org/logo.png')).rejects.toThrow('Cannot load the asset http://cdn.example.org/logo.png: only file: and https: addresses are loaded.')
  await expect(loadAsset('data:image/png;base64,AAAA')).rejects.toThrow('only file: and https: addresses are loaded')
  await expect(loadAsset('images/logo.png')).rejects.toThrow('Cannot load the asset "images/logo.png": it is not a complete address (expected a file: or https: URL).')
})

#!/usr/bin/env node
// Load generator for bench/run.mjs, in its own process so the servers being compared get the same machine:
// `node bench/load.mjs <url> <seconds> <concurrency>` prints {rps, ok, bad, secs} as JSON.
import http from 'node:http'

const [url, seconds = '5', concurrency = '16'] = process.argv.slice(2)
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) })
const end = Date.now() + Number(seconds) * 1000
let ok = 0
let bad = 0
const one = () =>
  new Promise((resolve) => {
    http
      .get(url, { agent }, (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode === 200) ok++
          else bad++
          resolve()
        })
      })
      .on('error', () => {
        bad++
        resolve()
      })
  })
const started = Date.now()
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (Date.now() < end) await one()
  }),
)
agent.destroy()
const secs = (Date.now() - started) / 1000
console.log(JSON.stringify({ rps: ok / secs, ok, bad, secs }))

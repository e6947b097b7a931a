// The launcher starts a real browser that loads a local page and runs its script.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchChromium, type Browser } from './launch.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
}, 120_000)
afterAll(async () => browser?.close())

test('renders a local page and runs its script', async () => {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html')
    res.end('<title>t</title><p id="p">before</p><script>document.getElementById("p").textContent = "after"</script>')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const page = await browser.context.newPage()
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  expect(await page.textContent('#p')).toBe('after')
  await page.close()
  server.close()
})

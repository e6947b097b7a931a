// What the browser tests share: signing in through the test OpenID Provider's own login and consent pages, axe-core,
// and reading a downloaded PDF with pdfjs-dist.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext, Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type AxeViolation = { id: string; help: string; nodes: { target: unknown[] }[] }

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  })
}

/** Signs in as `login` through the provider's login and consent pages; ends on the console's home page. */
export async function signIn(context: BrowserContext, origin: string, login: string): Promise<Page> {
  await context.clearCookies()
  const page = await context.newPage()
  // The provider's stock pages import a web font: no request leaves this computer.
  await page.route(/^https:\/\//, (route) => route.abort())
  await page.goto(`${origin}/`)
  await page.getByRole('link', { name: 'Sign in with your organisation account' }).click()
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL(`${origin}/`)
  return page
}

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; lastPageSize: [number, number] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise
  let text = ''
  for (let n = 1; n <= Math.min(doc.numPages, 3); n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n'
  }
  const [, , width = 0, height = 0] = (await doc.getPage(doc.numPages)).view
  return { pages: doc.numPages, text, lastPageSize: [width, height] }
}

// What browser tests share: the running test site, its page list (from its own sitemap), and axe-core run
// inside the page (through the DevTools protocol, so the page's CSP stays in force).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { inject } from 'vitest'
import { HOSTILE_SLUG } from './fixtures'

export const origin = () => inject('origin')
export const url = (path: string) => `${origin()}${path}`
export const GUIDE = '/guides/cyber-crime-and-fraud'
export const EXIT_URL = 'https://www.bbc.co.uk/weather'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Every page of the site: the sitemap's, plus the ones a sitemap leaves out. */
export async function allPages(): Promise<string[]> {
  const xml = await (await fetch(url('/sitemap.xml'))).text()
  const fromSitemap = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
  return [
    ...new Set([
      ...fromSitemap,
      '/search?q=fraud',
      `${GUIDE}/email-sent`,
      `${GUIDE}/email-problem?email=invalid-address`,
      `/guides/${HOSTILE_SLUG}`,
      '/no-such-page',
    ]),
  ]
}

export type AxeViolation = { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  })
}

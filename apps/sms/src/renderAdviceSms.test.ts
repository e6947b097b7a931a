// The advice text as a victim's phone shows it: the local service and its number, the report line, the text-to
// instruction and the guide's address within 2 texts as Notify counts them; the neutral form names no service or subject.
import { loadContent, rules, viewGuide } from '@signpost/content'
import { describe, expect, it } from 'vitest'
import { renderAdviceSms, SmsTooLongError } from './renderAdviceSms.js'

const content = await loadContent()
const view = viewGuide(content, 'cyber-crime-and-fraud')

describe('renderAdviceSms', () => {
  it('names Derbyshire Victim Services with 0800 612 6505, Action Fraud with 0300 123 2040, DVS to 82228 and the guide address, in at most 2 texts', () => {
    const { body, length } = renderAdviceSms(view)
    expect(body).toMatch(/Derbyshire Victim Services[^\n]*0800 612 6505/)
    expect(body).toMatch(/Action Fraud: 0300 123 2040/)
    expect(body).toContain('Text DVS to 82228')
    expect(body).toContain(view.guide.url)
    expect(length.texts).toBeLessThanOrEqual(2)
    expect(length.encoding).toBe('GSM-7')
    expect(rules.smsLength(body).texts).toBe(length.texts)
  })

  it('neutral: the numbers and the site only, no service name, subject or guide address', () => {
    const { body } = renderAdviceSms(view, { neutral: true })
    expect(body).toContain('0800 612 6505')
    expect(body).toContain('0300 123 2040')
    expect(body).toContain(view.settings.siteUrl)
    expect(body).not.toMatch(/victim|fraud|crime|cyber|derbyshire|action/i)
  })

  it('leaves out the least needed lines to stay within 2 texts, never the numbers or the address', () => {
    const long = { ...view, guide: { ...view.guide, title: `Cyber Crime and Fraud ${'and more '.repeat(12)}` } }
    const { body, length } = renderAdviceSms(long)
    expect(length.texts).toBe(2)
    expect(body).not.toContain('In an emergency')
    expect(body).toContain('0800 612 6505')
    expect(body).toContain('0300 123 2040')
    expect(body).toContain(view.guide.url)
  })

  it('leaves out a title too long for the text, keeping the guide address alone', () => {
    const long = { ...view, guide: { ...view.guide, title: 'W'.repeat(1000) } }
    const { body, length } = renderAdviceSms(long)
    expect(length.texts).toBeLessThanOrEqual(2)
    expect(body).not.toContain('WWW')
    expect(body.split('\n')).toContain(view.guide.url)
    expect(body).toContain('0800 612 6505')
  })

  it("uses the editors' own Text message when the guide has one, with the guide's address after it", () => {
    const own = { ...view, guide: { ...view.guide, textMessage: 'Call DVS free on 0800 612 6505 – we can help.' } }
    const { body } = renderAdviceSms(own)
    expect(body).toBe(`Call DVS free on 0800 612 6505 - we can help.\n${view.guide.url}`) // Notify's dash replacement applied
    expect(renderAdviceSms(own, { neutral: true }).body).not.toContain('we can help') // the neutral form never uses it
  })

  it('refuses, naming the guide, a text that cannot be made at most 6 texts long', () => {
    // The service's name is never left out (a title too long is: the address alone stays, see below).
    const support = view.primarySupport!
    const hugeName = { ...support, name: 'W'.repeat(1000) }
    const huge = { ...view, primarySupport: hugeName, organisations: view.organisations.map((o) => (o === support ? hugeName : o)) }
    expect(() => renderAdviceSms(huge)).toThrow(SmsTooLongError)
    expect(() => renderAdviceSms(huge)).toThrow(/Guide "cyber-crime-and-fraud": The text message is too long/)
  })
})

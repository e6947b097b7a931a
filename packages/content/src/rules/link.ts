// Where a link in rich text may go: a secure web address, an email address, a UK phone number or a text message.
// The Studio's link annotation, the content door and every renderer (through isSafeLinkHref) use this one rule, so a
// link the renderers would drop is refused where the editor can fix it.
import { checkEmailAddress } from './email.js'
import { parseUkPhone } from './phone.js'
import { fail, pass, type RuleResult } from './result.js'
import { checkShortCode } from './sms.js'
import { checkNoControlCharacters, checkSingleLine, quote, type TextFault } from './text.js'
import { checkHttpsUrl } from './url.js'

const KINDS = 'Use a web address starting with https://, or a mailto:, tel: or sms: link'

/** Percent-decoding that reports failure instead of throwing. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/** The part after `?` as name/value pairs, refusing names outside `allowed` and encoded line breaks or NULs. */
function checkQuery(href: string, query: string | undefined, allowed: string[]): RuleResult<Map<string, string>> {
  const fields = new Map<string, string>()
  if (query === undefined || query === '') return pass(fields)
  if (/%0[0ad]/i.test(query)) return fail(`The link ${quote(href)} has a hidden line break or control character in it (%0D, %0A or %00). Remove it.`)
  for (const pair of query.split('&')) {
    const [rawName = '', rawValue = ''] = pair.split('=', 2)
    const name = decode(rawName)?.toLowerCase()
    const value = decode(rawValue)
    if (name === undefined || value === undefined) return fail(`The link ${quote(href)} is not written correctly (a stray % sign?).`)
    if (!allowed.includes(name)) {
      const list = allowed.length ? `only ${allowed.join(' and ')} ${allowed.length === 1 ? 'is' : 'are'} allowed` : 'nothing after ? is allowed'
      return fail(`The link ${quote(href)} adds ${quote(name)} to the message: ${list}, so a link cannot copy in other people or change the message.`)
    }
    const bad = checkNoControlCharacters(value)
    if (!bad.ok) return fail(`The link ${quote(href)} has a hidden control character in it. Remove it.`)
    fields.set(name, value)
  }
  return pass(fields)
}

/** mailto: one address, with at most a subject and a body: no cc, bcc or other header fields. */
export function checkMailtoHref(href: string): RuleResult<string> {
  const [target = '', query] = href.replace(/^mailto:/i, '').split(/\?(.*)/s, 2)
  const address = decode(target)
  if (address === undefined || address.includes(',') || address.includes(';')) {
    return fail(`The email link ${quote(href)} must go to exactly one address, for example mailto:help@example.org.`)
  }
  const a = checkEmailAddress(address)
  if (!a.ok) return fail(`The email link ${quote(href)} does not have a valid address: ${a.message}`)
  const q = checkQuery(href, query, ['subject', 'body'])
  return q.ok ? pass(href) : q
}

/** tel: a UK number the phone rule accepts, with no extension or other parameters. */
export function checkTelHref(href: string): RuleResult<string> {
  const number = decode(href.replace(/^tel:/i, ''))
  if (number === undefined || /[;?,]/.test(number)) {
    return fail(`The phone link ${quote(href)} must be just a number, for example tel:+443001232040 or tel:999.`)
  }
  const phone = parseUkPhone(number.replace(/\./g, ' '))
  if (!phone.ok) return fail(`The phone link ${quote(href)} is not a number phones can dial: ${phone.message}`)
  return pass(href)
}

/** sms: a UK short code (or UK number) the SMS and phone rules accept, with at most a `body` (the words to send). */
export function checkSmsHref(href: string): RuleResult<string> {
  const [target = '', query] = href.replace(/^sms:/i, '').split(/\?(.*)/s, 2)
  const number = decode(target)
  if (number === undefined || /[;,]/.test(number)) {
    return fail(`The text-message link ${quote(href)} must go to one number, for example sms:82228?body=DVS.`)
  }
  const to = /^\d{5,6}$/.test(number.replace(/\s/g, '')) ? checkShortCode(number) : parseUkPhone(number)
  if (!to.ok) return fail(`The text-message link ${quote(href)} does not go to a number phones can text: ${to.message}`)
  const q = checkQuery(href, query, ['body'])
  return q.ok ? pass(href) : q
}

/**
 * A link target an editor may publish: https web addresses (the web address rule), mailto:, tel: and sms: links that
 * are well formed. Refused: http, javascript:, data:, vbscript:, relative (/page) and protocol-relative (//host) links.
 */
export function checkLinkHref(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail(`Add where the link goes. ${KINDS}.`)
  const line = checkSingleLine(input)
  if (!line.ok) return fail(`The link ${quote(input)} has a line break in it. Remove it.`)
  const control = checkNoControlCharacters(input)
  if (!control.ok) return fail(`The link ${quote(input)} has a hidden control character in it. Remove it.`)
  const href = input.trim()
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase()
  switch (scheme) {
    case 'https':
    case 'http':
      return checkHttpsUrl(href)
    case 'mailto':
      return checkMailtoHref(href)
    case 'tel':
      return checkTelHref(href)
    case 'sms':
      return checkSmsHref(href)
    case undefined:
      return fail(`The link ${quote(href)} is not a complete address, so it would not work from an email or a leaflet. ${KINDS}.`)
    default:
      return fail(`The link ${quote(href)} is not one readers can safely follow (${scheme}: links are not allowed). ${KINDS}.`)
  }
}

type Blockish = { _type?: unknown; markDefs?: unknown }

/** Every link annotation in Portable Text whose target checkLinkHref refuses, with its path inside the blocks. */
export function checkRichTextLinks(blocks: unknown): TextFault[] {
  if (!Array.isArray(blocks)) return []
  const faults: TextFault[] = []
  blocks.forEach((block: Blockish, i) => {
    if (!block || typeof block !== 'object' || !Array.isArray(block.markDefs)) return
    block.markDefs.forEach((def: { _type?: unknown; href?: unknown }, j) => {
      if (def?._type !== 'link') return
      const r = checkLinkHref(def.href)
      if (!r.ok) faults.push({ path: [i, 'markDefs', j, 'href'], message: r.message })
    })
  })
  return faults
}

/** Link targets a page, email or leaflet may carry (exactly what checkLinkHref accepts); anything else is rendered as plain text. */
export function isSafeLinkHref(href: unknown): href is string {
  return checkLinkHref(href).ok
}

// Web addresses editors may publish: https only, a real host name, no passwords in the address.
import { fail, pass, type RuleResult } from './result.js'
import { checkSingleLine, quote } from './text.js'

export function checkHttpsUrl(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add a web address, for example https://www.actionfraud.police.uk.')
  const line = checkSingleLine(input)
  if (!line.ok) return line
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return fail(`${quote(input)} is not a complete web address. Start it with https://, for example https://www.actionfraud.police.uk.`)
  }
  if (url.protocol !== 'https:') return fail(`Web addresses must start with https:// so they are secure. ${quote(input)} does not.`)
  if (!url.hostname.includes('.')) return fail(`${quote(input)} does not have a full site name (like www.example.org).`)
  if (url.username || url.password) return fail(`${quote(input)} has a user name or password in it. Remove them.`)
  return pass(url.toString())
}

/** The address as people read it on paper: no scheme, no trailing slash. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

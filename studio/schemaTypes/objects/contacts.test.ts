// Contact points are validated by the same rules the content door and every channel use; the Studio shows their words.
import { checkEmailAddress, checkHttpsUrl, checkShortCode, checkSmsKeyword, parseUkPhone } from '@signpost/content/rules'
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeMarkers, startTestStudio, type TestStudio } from '../testWorkspace'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const dvs = readSeedDocuments().find((d) => d._id === 'organisation.derbyshire-victim-services')!
const message = (r: { ok: boolean; message?: string }) => (r.ok ? 'passes' : r.message!)
const withContact = (contact: Record<string, unknown>) => ({ ...dvs, contactPoints: [{ _key: 'c1', ...contact }] })
const errors = async (contact: Record<string, unknown>) => describeMarkers(await studio.validate(withContact(contact)), 'error')

describe('phone numbers', () => {
  it.each(['0800 612 6505', '0300 123 2040', '101', '999', '+44 300 123 2040', '01332 123456'])('accepts %s', async (number) => {
    expect(await errors({ _type: 'phoneContact', number })).toEqual([])
  })

  it.each(['0800 612 650', '12345', '+1 212 555 0100', '0800-CALL-NOW', undefined])('refuses %s with the phone rule’s words', async (number) => {
    expect(message(parseUkPhone(number))).not.toBe('passes')
    expect(await errors({ _type: 'phoneContact', number })).toEqual([`contactPoints.[c1].number: ${message(parseUkPhone(number))}`])
  })
})

describe('text messages', () => {
  it('accepts text DVS to 82228', async () => {
    expect(await errors({ _type: 'smsContact', keyword: 'DVS', shortCode: '82228' })).toEqual([])
  })

  it('refuses a bad short code and a bad keyword with the SMS rules’ words', async () => {
    expect(await errors({ _type: 'smsContact', keyword: 'two words', shortCode: '1234' })).toEqual([
      `contactPoints.[c1].keyword: ${message(checkSmsKeyword('two words'))}`,
      `contactPoints.[c1].shortCode: ${message(checkShortCode('1234'))}`,
    ])
  })
})

describe('websites and email addresses', () => {
  it('accepts https and a real address', async () => {
    expect(await errors({ _type: 'websiteContact', url: 'https://www.actionfraud.police.uk' })).toEqual([])
    expect(await errors({ _type: 'emailContact', address: 'help@example.org' })).toEqual([])
  })

  it.each(['http://www.actionfraud.police.uk', 'www.actionfraud.police.uk', 'https://intranet'])('refuses the web address %s', async (url) => {
    expect(await errors({ _type: 'websiteContact', url })).toEqual([`contactPoints.[c1].url: ${message(checkHttpsUrl(url))}`])
  })

  it.each(['help at example.org', 'help@example'])('refuses the email address %s', async (address) => {
    expect(await errors({ _type: 'emailContact', address })).toEqual([`contactPoints.[c1].address: ${message(checkEmailAddress(address))}`])
  })
})

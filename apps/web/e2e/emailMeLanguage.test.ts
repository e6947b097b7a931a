// The "email me this advice" form's lang field, as the built site answers it (no browser needed: the form is a plain
// POST): a form from the Urdu page queues the email in Urdu and sends the reader back to the Urdu confirmation; a
// language the site does not publish in, or one the guide is not in, goes to the home page with nothing queued.
import { openOutbox } from '@signpost/email'
import { expect, inject, test } from 'vitest'
import { url } from './site'

const SLUG = 'cyber-crime-and-fraud'

async function submit(fields: Record<string, string>): Promise<string | null> {
  const res = await fetch(url('/api/email-me'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ guide: SLUG, website: '', ...fields }).toString(),
  })
  expect(res.status).toBe(303)
  return res.headers.get('location')
}

async function queuedFor(address: string) {
  const outbox = await openOutbox({ path: inject('outboxFile') })
  try {
    return (await outbox.list({ limit: 100 })).filter((m) => m.origin === 'web' && m.to === address)
  } finally {
    await outbox.close()
  }
}

test('a form from the Urdu page queues the email in Urdu and returns to the Urdu confirmation', async () => {
  expect(await submit({ email: 'zed.urdu@example.com', lang: 'ur' })).toBe(`/ur/guides/${SLUG}/email-sent`)
  expect((await queuedFor('z***@example.com')).map((m) => [m.guide, m.lang])).toEqual([[SLUG, 'ur']])
})

test('a form with no lang field (a page from before languages) is English, as it always was', async () => {
  expect(await submit({ email: 'yan.plain@example.com' })).toBe(`/guides/${SLUG}/email-sent`)
  expect((await queuedFor('y***@example.com')).map((m) => m.lang)).toEqual(['en'])
})

test('a language the site does not publish in goes home with nothing queued', async () => {
  expect(await submit({ email: 'xan.tampered@example.com', lang: 'xx' })).toBe('/')
  expect(await queuedFor('x***@example.com')).toEqual([])
})

// The slug field every document type shares: generated from the name, checked by the shared slug rule, unique per type
// (Sanity's slug type checks uniqueness by default).
import { defineField } from 'sanity'
import { slugRule } from './validation'

/** "Cyber Crime & Fraud!" → "cyber-crime-fraud": always passes the slug rule when there are any letters. */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/, '')
}

export function slugField(source: string, example: string) {
  return defineField({
    name: 'slug',
    title: 'Web address name',
    description: `The last part of the web address, e.g. "${example}". Press "Generate" to make it from the name. Changing it later breaks printed QR codes and old links.`,
    type: 'slug',
    options: { source, maxLength: 96, slugify },
    validation: (rule) => rule.custom(slugRule),
  })
}

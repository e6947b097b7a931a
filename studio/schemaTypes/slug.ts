// The slug field every document type shares: generated from the name, checked by the shared slug rule, unique per type
// (Sanity's slug type checks uniqueness by default); guides' slugs are unique per language (translations share them).
import { DEFAULT_LANGUAGE, languageOf } from '@signpost/content/rules'
import { defineField, type SlugIsUniqueValidator } from 'sanity'
import { slugRule } from './validation'

/**
 * Guides: a translation keeps its original's slug, so a slug is unique among guides of one language (as the content
 * door checks it), not among all guides.
 */
export const isUniqueInLanguage: SlugIsUniqueValidator = async (slug, context) => {
  const { document, getClient } = context
  if (!document?._id) return true
  const published = document._id.replace(/^drafts\./, '')
  const language = languageOf(document.language) ?? languageOf(DEFAULT_LANGUAGE)!
  const query = `!defined(*[_type == $type && slug.current == $slug && coalesce(language, $default) in $names && !(_id in [$draft, $published])][0]._id)`
  // Browser code: only @signpost/content/rules may be imported here ('@signpost/content' needs Node).
  return getClient({ apiVersion: '2025-02-19' }).fetch<boolean>(query, {
    type: document._type,
    slug,
    default: DEFAULT_LANGUAGE,
    names: [language.code, language.tag],
    draft: `drafts.${published}`,
    published,
  })
}

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

export function slugField(source: string, example: string, options: { uniqueInLanguage?: boolean } = {}) {
  return defineField({
    name: 'slug',
    title: 'Web address name',
    description: `The last part of the web address, e.g. "${example}". Press "Generate" to make it from the name. Changing it later breaks printed QR codes and old links.`,
    type: 'slug',
    options: { source, maxLength: 96, slugify, ...(options.uniqueInLanguage ? { isUnique: isUniqueInLanguage } : {}) },
    validation: (rule) => rule.custom(slugRule),
  })
}

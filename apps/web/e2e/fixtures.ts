// The test dataset: a copy of the embedded seed plus a hostile guide (a <script> in text, a javascript: link)
// and a draft of the seed guide, written to a temp file the webhook test may edit.
import { cp, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { defaultDatasetPath } from '@signpost/content'

export const HOSTILE_SLUG = 'hostile-content-check'
export const HOSTILE_TITLE = 'Scam texts <script>window.__pwned = 1</script>'
export const HOSTILE_TEXT = 'Never reply to <script>window.__pwned = 2</script> messages'
export const DRAFT_TITLE = 'Cyber Crime and Fraud (draft being edited)'
export const SEED_GUIDE_ID = 'guide.cyber-crime-and-fraud'

type Doc = { _id: string; _type: string; [k: string]: unknown }

/** The seed's images/ folder (the logo), copied beside the test dataset, where the embedded source looks for it. */
export async function copyDatasetImages(folder: string): Promise<void> {
  await cp(join(dirname(defaultDatasetPath()), 'images'), join(folder, 'images'), { recursive: true, force: true })
}

export async function testDatasetText(): Promise<string> {
  const text = await readFile(defaultDatasetPath(), 'utf8')
  const docs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc)
  const seed = docs.find((d) => d._id === SEED_GUIDE_ID)
  if (!seed) throw new Error(`The seed dataset has no ${SEED_GUIDE_ID}.`)
  const hostile: Doc = {
    ...seed,
    _id: 'guide.hostile-content-check',
    title: HOSTILE_TITLE,
    slug: { _type: 'slug', current: HOSTILE_SLUG },
    summary: 'A test guide whose text tries to run script.',
    sections: [
      {
        _type: 'section',
        _key: 'h1',
        heading: 'Heading <img src=x onerror="window.__pwned = 3">',
        body: [
          {
            _type: 'block',
            _key: 'hb1',
            style: 'normal',
            markDefs: [
              // The content door refuses a javascript: link annotation outright (packages/content documentChecks.test.ts),
              // so the hostile target rides on an annotation type no renderer turns into a link.
              { _type: 'note', _key: 'bad', href: 'javascript:window.__pwned=4' },
              { _type: 'link', _key: 'good', href: 'https://www.actionfraud.police.uk' },
            ],
            children: [
              { _type: 'span', _key: 's1', text: HOSTILE_TEXT, marks: [] },
              { _type: 'span', _key: 's2', text: ' and this is not a link', marks: ['bad'] },
              { _type: 'span', _key: 's3', text: ' but this is.', marks: ['good'] },
            ],
          },
        ],
      },
    ],
  }
  const draft: Doc = { ...seed, _id: `drafts.${SEED_GUIDE_ID}`, title: DRAFT_TITLE }
  return [...docs, hostile, draft].map((d) => JSON.stringify(d)).join('\n') + '\n'
}

// Test and benchmark datasets: the seed NDJSON plus made-up guides (more of them, longer ones, accented text).
// Written to temp files for tests and the benchmark only; never part of the shipped content.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { defaultDatasetPath } from '@signpost/content'

export const SEED_GUIDE = 'cyber-crime-and-fraud'
export const SEED_AREA = 'derbyshire'

type Doc = Record<string, unknown> & { _id: string; _type: string }
type Section = { _key: string; heading: string; body: unknown[] }

export type ExtraGuide = {
  slug: string
  title: string
  /** Repeat the seed's sections this many times (default 1). */
  repeat?: number
  /** Extra paragraph added to the first section. */
  text?: string
  /** Extra section heading (added at the end). */
  heading?: string
}

function rekey(value: unknown, suffix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rekey(v, suffix))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '_key' && typeof v === 'string' ? `${v}${suffix}` : rekey(v, suffix)]))
  }
  return value
}

const paragraph = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
})

/** The seed dataset with `extra` guides added, each a copy of the seed guide with its own slug and title. */
export async function datasetWith(extra: ExtraGuide[]): Promise<string> {
  const lines = (await readFile(defaultDatasetPath(), 'utf8')).split('\n').filter((l) => l.trim())
  const docs = lines.map((l) => JSON.parse(l) as Doc)
  const seed = docs.find((d) => d._type === 'guide' && (d.slug as { current: string }).current === SEED_GUIDE)
  if (!seed) throw new Error(`The seed dataset has no guide ${SEED_GUIDE}`)
  const seedSections = seed.sections as Section[]
  for (const [i, g] of extra.entries()) {
    const sections: Section[] = []
    for (let r = 0; r < (g.repeat ?? 1); r++) {
      for (const s of seedSections) {
        const copy = rekey(s, `g${i}r${r}`) as Section
        sections.push(r === 0 ? copy : { ...copy, heading: `${s.heading} (part ${r + 1})` })
      }
    }
    if (g.text) sections[0]!.body = [...sections[0]!.body, paragraph(`extra${i}`, g.text)]
    if (g.heading) sections.push({ _key: `extraSection${i}`, heading: g.heading, body: [paragraph(`extraBody${i}`, g.text ?? 'More text.')] })
    docs.push({
      ...seed,
      _id: `guide.${g.slug}`,
      title: g.title,
      slug: { _type: 'slug', current: g.slug },
      sections: sections.map((s) => ({ _type: 'section', ...s })),
    })
  }
  return docs.map((d) => JSON.stringify(d)).join('\n') + '\n'
}

/** Writes a dataset to a new temp folder, with the seed's images (the logo) beside it, and returns the file path. */
export async function writeDataset(extra: ExtraGuide[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'signpost-leaflets-data-'))
  const file = join(dir, 'dataset.ndjson')
  await writeFile(file, await datasetWith(extra))
  await cp(join(dirname(defaultDatasetPath()), 'images'), join(dir, 'images'), { recursive: true })
  return file
}

/** `n` synthetic guides of varying length, for the print-pack benchmark. */
export function syntheticGuides(n: number): ExtraGuide[] {
  return Array.from({ length: n }, (_, i) => ({
    slug: `synthetic-guide-${i + 1}`,
    title: `Synthetic guide ${i + 1}`,
    text: `This is synthetic text for benchmark guide number ${i + 1}. `.repeat(1 + (i % 5)),
  }))
}

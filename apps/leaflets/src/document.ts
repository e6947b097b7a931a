// A new tagged, PDF/UA-flagged pdfkit document with the brand font and metadata taken from the content.
import PDFDocument from 'pdfkit'
import { registerBrandFonts } from './fonts.js'

type Doc = InstanceType<typeof PDFDocument>

export type DocumentMeta = {
  title: string
  /** The document's language tag (/Lang); its Arabic-script text shapes in this language unless shapingLang says. */
  lang: string
  /** The language Arabic-script text is shaped in, where it differs from `lang` (a print pack with an Urdu leaflet). */
  shapingLang?: string
  subject?: string
  keywords?: string
  author?: string
  /** When the content last changed; used for CreationDate and ModDate so the same content gives the same bytes. */
  date: Date
}

/**
 * Determinism: pdfkit stamps CreationDate with the clock unless info gives one, and derives the trailer /ID from
 * an MD5 of the info dictionary (PDFSecurity.generateFileID), so both become content-derived once the dates are.
 * Font subset tags (the "ABCDEF+" prefix) come from the font's resource id (F1, F2: EmbeddedFont.embed), not
 * from Math.random, and glyphs are subset in drawing order, so nothing else varies between runs. The only random
 * bytes in pdfkit 0.20.2 are for encryption, which leaflets never use.
 */
export function createDocument(meta: DocumentMeta): Doc {
  const options = {
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: meta.lang,
    displayTitle: true,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise open Helvetica (a base-14 font) at construction. The brand fonts
    // are registered straight after.
    font: null,
    info: {
      Title: meta.title,
      Author: meta.author ?? 'Signpost',
      Subject: meta.subject ?? '',
      Keywords: meta.keywords ?? '',
      Creator: 'Signpost leaflets',
      Producer: 'PDFKit',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  }
  const doc = new PDFDocument(options as unknown as ConstructorParameters<typeof PDFDocument>[0])
  registerBrandFonts(doc, meta.shapingLang ?? meta.lang)
  return doc
}

/** The latest of the content's own dates; never the clock. */
export function contentDate(...dates: string[]): Date {
  const times = dates.map((d) => Date.parse(d)).filter((t) => Number.isFinite(t))
  return new Date(times.length ? Math.max(...times) : 0)
}

/** Collects a document's bytes once it is ended. */
export function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

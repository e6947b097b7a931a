// Confirmation after "email me this advice", in the language of the guide the reader asked from. It never
// shows or carries the address.
import type { GuideView } from '@signpost/content'
import { paths } from '../lib/paths'
import { t, tText, type PhraseBook } from '../lib/phrases'
import { Layout } from './Layout'

export type EmailSentProps = { view: GuideView; book: PhraseBook; lang: string; dir: 'ltr' | 'rtl'; draft: boolean }

export function EmailSentPage({ view, book, draft }: EmailSentProps) {
  const { guide } = view
  return (
    <Layout
      settings={view.settings}
      book={book}
      draft={draft}
      meta={{ title: t(book, 'site.emailSentTitle', { title: guide.title }), description: t(book, 'site.emailSentDescription'), noindex: true }}
    >
      <div className="confirmation" role="status">
        <h1>{tText(book, 'site.emailSentHeading')}</h1>
        <p>{tText(book, 'site.emailSentBody', { title: guide.title })}</p>
      </div>
      <p>{tText(book, 'site.emailSentNotArrived')}</p>
      <p>
        <a href={paths.guide(guide.slug, view.language.code)}>{tText(book, 'site.backTo', { title: guide.title })}</a>
      </p>
    </Layout>
  )
}

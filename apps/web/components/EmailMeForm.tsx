// "Email me this advice": a plain HTML form that works without JavaScript. The address goes in the POST
// body only; /api/email-me answers with a redirect whose URL never contains it. The form sends the page's
// language (a hidden field), so the email comes in the language the reader was reading.
import { emailErrorPhrase, type EmailErrorCode } from '../lib/emailErrors'
import { usePhrases } from './Phrases'

export function EmailMeForm({ slug, error }: { slug: string; error?: EmailErrorCode }) {
  const { p, language } = usePhrases()
  return (
    <section className="panel email-me" aria-labelledby="email-me">
      <h2 id="email-me">{p('site.emailMeThisAdvice')}</h2>
      {error ? (
        <div className="error-summary" role="alert" aria-labelledby="email-error-title">
          <h3 id="email-error-title">{p('site.thereIsAProblem')}</h3>
          <p>
            <a href="#email-address">{p(emailErrorPhrase(error))}</a>
          </p>
        </div>
      ) : null}
      <form method="post" action="/api/email-me">
        <input type="hidden" name="guide" value={slug} />
        <input type="hidden" name="lang" value={language.code} />
        <label htmlFor="email-address">{p('site.yourEmailAddress')}</label>
        <span className="hint" id="email-hint">
          {p('site.emailHint')}
        </span>
        <input
          id="email-address"
          name="email"
          type="email"
          dir="ltr"
          autoComplete="email"
          spellCheck={false}
          required
          aria-describedby="email-hint"
          aria-invalid={error ? true : undefined}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="email-website">{p('site.leaveThisEmpty')}</label>
          <input id="email-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          {p('site.sendMeThisAdvice')}
        </button>
      </form>
    </section>
  )
}

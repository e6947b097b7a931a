// "Email me this advice": a plain HTML form that works without JavaScript. The address goes in the POST
// body only; /api/email-me answers with a redirect whose URL never contains it.
export function EmailMeForm({ slug, error }: { slug: string; error?: string }) {
  return (
    <section className="panel email-me" aria-labelledby="email-me">
      <h2 id="email-me">Email me this advice</h2>
      {error ? (
        <div className="error-summary" role="alert" aria-labelledby="email-error-title">
          <h3 id="email-error-title">There is a problem</h3>
          <p>
            <a href="#email-address">{error}</a>
          </p>
        </div>
      ) : null}
      <form method="post" action="/api/email-me">
        <input type="hidden" name="guide" value={slug} />
        <label htmlFor="email-address">Your email address</label>
        <span className="hint" id="email-hint">
          We send this advice once and do not keep your address. If someone else can read your email, think before you use this.
        </span>
        <input
          id="email-address"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          aria-describedby="email-hint"
          aria-invalid={error ? true : undefined}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="email-website">Leave this empty</label>
          <input id="email-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          Send me this advice
        </button>
      </form>
    </section>
  )
}

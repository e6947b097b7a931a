// The emergency notice from site settings, with 999 as a big tap-to-call link.
export function Emergency({ notice }: { notice: string }) {
  return (
    <aside className="emergency" aria-label="Emergency">
      <p>{notice}</p>
      <a className="emergency-call" href="tel:999">
        Call 999
      </a>
    </aside>
  )
}

import { loadContent, viewGuide } from '@signpost/content'
import { renderAdviceEmail } from '../src/renderAdviceEmail.ts'
const c = await loadContent()
const r = renderAdviceEmail(viewGuide(c, 'cyber-crime-and-fraud', 'derbyshire'))
console.log(r.subject); console.log(r.text)
const fs = await import('node:fs'); fs.writeFileSync('/tmp/advice.html', r.html)

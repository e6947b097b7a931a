// /guides/<slug>/leaflet.pdf and /guides/<slug>/leaflet-large-print.pdf (rewritten here): the leaflet PDF,
// the same bytes as the leaflets CLI. Framable by the Studio, whose leaflet view shows it.
import type { NextApiRequest, NextApiResponse } from 'next'
import { allowMethods, queryValue } from '../../lib/apiRequest'
import { loadGuideView } from '../../lib/guidePage'
import { renderLeafletFile, type LeafletFormat } from '../../lib/leaflets'
import { applyHeaders, framableHeaders } from '../../lib/securityHeaders'

export default async function leaflet(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res, framableHeaders())
  res.removeHeader('X-Frame-Options')
  if (!allowMethods(req, res, ['GET', 'HEAD'])) return
  const format: LeafletFormat = queryValue(req, 'format') === 'large-print' ? 'large-print' : 'standard'
  // ?lang=ur: the translation's leaflet (the guide page in that language links here so).
  const view = await loadGuideView(queryValue(req, 'slug') ?? '', req.draftMode, queryValue(req, 'lang') || undefined)
  if (!view) return res.status(404).json({ error: 'No such guide in that language.' })
  const { bytes, fileName } = await renderLeafletFile(view, format)
  res.setHeader('Content-Type', 'application/pdf')
  // A download for readers; `?view=inline` shows it in place, for the Studio's leaflet view (an iframe).
  const disposition = queryValue(req, 'view') === 'inline' ? 'inline' : 'attachment'
  res.setHeader('Content-Disposition', `${disposition}; filename="${fileName}"`)
  res.setHeader('Content-Length', String(bytes.length))
  res.setHeader('Cache-Control', req.draftMode ? 'private, no-store' : 'public, max-age=0, must-revalidate')
  res.status(200).send(bytes)
}

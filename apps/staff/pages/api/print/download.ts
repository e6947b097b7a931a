// GET /api/print/download?id=…: the finished pack's PDF, to the person who built it (or a supervisor).
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { NextApiRequest, NextApiResponse } from 'next'
import { guardApi } from '../../../lib/guard'
import { jobFor } from '../../../lib/packs'
import { may } from '../../../lib/roles'

export const config = { api: { responseLimit: false } }

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'print', ['GET'])
  if (!session) return
  const job = jobFor(req.query.id, session.sub, may(session.roles, 'supervise'))
  if (!job || job.status !== 'done') {
    res
      .status(404)
      .setHeader('Content-Type', 'text/plain; charset=utf-8')
      .end('There is no finished pack with this id (packs are kept until the console restarts).')
    return
  }
  const { size } = await stat(job.file)
  res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': size, 'Content-Disposition': `attachment; filename="${job.fileName}"` })
  createReadStream(job.file).pipe(res)
}

// GET /api/audit.csv (supervisors): the whole audit log as CSV (cells that spreadsheets would run as formulas are quoted).
import type { NextApiRequest, NextApiResponse } from 'next'
import { auditCsv } from '../../lib/audit'
import { guardApi } from '../../lib/guard'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'supervise', ['GET'])
  if (!session) return
  res
    .status(200)
    .setHeader('Content-Type', 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', 'attachment; filename="signpost-staff-audit.csv"')
    .end(await auditCsv())
}

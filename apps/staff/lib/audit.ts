// The audit log: who sent what to which (masked) address, who printed what, and every refused request. Supervisors read
// it in the console and export it as CSV. Every entry is also one line on the server's console.
import { staffDb } from './state'

export type AuditEntry = {
  id: number
  at: string
  actor: string
  actorName: string
  roles: string
  action: string
  outcome: string
  detail: string
  address: string | null
}

export type AuditInput = {
  actor: string
  actorName: string
  roles: readonly string[]
  action: string
  outcome: 'ok' | 'refused' | 'failed'
  detail: string
  address?: string
}

export function audit(entry: AuditInput): void {
  const at = new Date().toISOString()
  staffDb()
    .prepare('INSERT INTO audit (at, actor, actor_name, roles, action, outcome, detail, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(at, entry.actor, entry.actorName, entry.roles.join(' '), entry.action, entry.outcome, entry.detail, entry.address ?? null)
  const line = `Signpost staff: ${entry.outcome === 'ok' ? '' : `${entry.outcome.toUpperCase()} `}${entry.action} by ${entry.actorName} (${entry.actor}): ${entry.detail}${entry.address ? ` [${entry.address}]` : ''}`
  console.error(line.replace(/[\r\n]+/g, ' '))
}

type Row = { id: number; at: string; actor: string; actor_name: string; roles: string; action: string; outcome: string; detail: string; address: string | null }

export function auditEntries(limit = 500): AuditEntry[] {
  const rows = staffDb().prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as Row[]
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    actorName: r.actor_name,
    roles: r.roles,
    action: r.action,
    outcome: r.outcome,
    detail: r.detail,
    address: r.address,
  }))
}

function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value)
  // A cell starting with = + - @ is a formula to spreadsheet programs: quote it as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function auditCsv(): string {
  const head = ['id', 'at', 'actor', 'actor_name', 'roles', 'action', 'outcome', 'detail', 'address']
  const lines = [head.join(',')]
  const rows = staffDb().prepare('SELECT * FROM audit ORDER BY id').all() as Row[]
  for (const r of rows) lines.push([r.id, r.at, r.actor, r.actor_name, r.roles, r.action, r.outcome, r.detail, r.address].map(csvField).join(','))
  return `${lines.join('\r\n')}\r\n`
}

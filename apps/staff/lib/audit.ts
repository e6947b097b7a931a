// The audit log: who sent what to which (masked) address, who printed what, and every refused request. Supervisors read
// it in the console and export it as CSV. Every entry is also one line on the server's console. Stored in the console's
// SQLite file, or with DATABASE_URL in PostgreSQL, shared by every console instance (auditStore.ts).
import { auditStoreFromEnv, type AuditRow, type AuditStore } from './auditStore'
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

const g = globalThis as typeof globalThis & { __signpostStaffAudit?: AuditStore }

/** The one audit store of this server process (on globalThis: Next bundles each route separately). */
export function auditStore(): AuditStore {
  g.__signpostStaffAudit ??= auditStoreFromEnv(staffDb)
  return g.__signpostStaffAudit
}

export function audit(entry: AuditInput): void {
  const at = new Date().toISOString()
  auditStore().append({
    at,
    actor: entry.actor,
    actor_name: entry.actorName,
    roles: entry.roles.join(' '),
    action: entry.action,
    outcome: entry.outcome,
    detail: entry.detail,
    address: entry.address ?? null,
  })
  const line = `Signpost staff: ${entry.outcome === 'ok' ? '' : `${entry.outcome.toUpperCase()} `}${entry.action} by ${entry.actorName} (${entry.actor}): ${entry.detail}${entry.address ? ` [${entry.address}]` : ''}`
  console.error(line.replace(/[\r\n]+/g, ' '))
}

export async function auditEntries(limit = 500): Promise<AuditEntry[]> {
  const rows: AuditRow[] = await auditStore().recent(limit)
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

export async function auditCsv(): Promise<string> {
  const head = ['id', 'at', 'actor', 'actor_name', 'roles', 'action', 'outcome', 'detail', 'address']
  const lines = [head.join(',')]
  const rows = await auditStore().all()
  for (const r of rows) lines.push([r.id, r.at, r.actor, r.actor_name, r.roles, r.action, r.outcome, r.detail, r.address].map(csvField).join(','))
  return `${lines.join('\r\n')}\r\n`
}

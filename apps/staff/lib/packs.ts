// Print packs built in worker threads (workers/pack.mjs), one per request, so a 1,000-leaflet pack never holds up the
// console's other requests. The job's progress lives in this process; the PDF in a temporary folder until downloaded.
import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { DEFAULT_LANGUAGE } from '@signpost/content'
import { state, type PackJob } from './state'

export type PackRequest = {
  area: string
  guides: string[]
  /** Language codes, in the order the pack puts them (each guide's leaflet in each language it exists in). */
  langs: string[]
  format: 'standard' | 'large-print'
  layout: 'standard' | 'booklet'
  copies: number
}

const MAX_JOBS_KEPT = 50

function appDir(): string {
  return (globalThis as { __signpostStaffDir?: string }).__signpostStaffDir ?? process.cwd()
}

function packsDir(): string {
  const dir = join(tmpdir(), `signpost-staff-packs-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

export function startPack(owner: string, request: PackRequest, onFinish?: (job: PackJob) => void): PackJob {
  const jobs = state().jobs
  if (jobs.size >= MAX_JOBS_KEPT) {
    const oldest = [...jobs.values()].filter((j) => j.status !== 'building').sort((a, b) => a.startedAt - b.startedAt)[0]
    if (oldest) {
      rmSync(oldest.file, { force: true })
      jobs.delete(oldest.id)
    }
  }
  const id = randomUUID()
  const langs = request.langs.filter((l) => l !== DEFAULT_LANGUAGE || request.langs.length > 1)
  const fileName = `print-pack-${request.area || 'area'}-${request.format}${langs.length ? `-${langs.join('-')}` : ''}${request.layout === 'booklet' ? '-booklet' : ''}-x${request.copies}.pdf`
  const job: PackJob = {
    id,
    owner,
    status: 'building',
    pagesDone: 0,
    pagesTotal: 0,
    file: join(packsDir(), `${id}.pdf`),
    fileName,
    summary: '',
    startedAt: Date.now(),
  }
  jobs.set(id, job)
  const worker = new Worker(join(appDir(), 'workers', 'pack.mjs'), { workerData: { ...request, file: job.file } })
  worker.on('message', (m: { type: string; done?: number; total?: number; summary?: string; warning?: string; error?: string }) => {
    if (m.type === 'progress') {
      job.pagesDone = m.done ?? 0
      job.pagesTotal = m.total ?? 0
    } else if (m.type === 'done') {
      job.status = 'done'
      job.pagesDone = job.pagesTotal
      job.summary = m.summary ?? ''
      job.warning = m.warning
      onFinish?.(job)
    } else if (m.type === 'failed') {
      job.status = 'failed'
      job.error = m.error
      onFinish?.(job)
    }
  })
  worker.on('error', (e) => {
    job.status = 'failed'
    job.error = e.message
    onFinish?.(job)
  })
  worker.on('exit', (code) => {
    if (job.status === 'building') {
      job.status = 'failed'
      job.error = `The pack builder stopped (exit code ${code}).`
      onFinish?.(job)
    }
  })
  return job
}

export function jobFor(id: unknown, owner: string, supervisor: boolean): PackJob | undefined {
  if (typeof id !== 'string') return undefined
  const job = state().jobs.get(id)
  return job && (job.owner === owner || supervisor) ? job : undefined
}

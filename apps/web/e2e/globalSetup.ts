// Starts the built site (dist/server.mjs, as `npm start` does, on a copy of .next, so tests never write into the
// real build) on a free port, reading a temp copy of the dataset, with test secrets. Tests read the details with inject().
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { copyDatasetImages, testDatasetText } from './fixtures'
import { startSite } from './startSite'

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string
    datasetFile: string
    revalidateSecret: string
    previewSecret: string
    outboxFile: string
  }
}

export default async function setup(project: TestProject) {
  const tmp = await mkdtemp(join(tmpdir(), 'signpost-web-e2e-'))
  const datasetFile = join(tmp, 'dataset.ndjson')
  await writeFile(datasetFile, await testDatasetText())
  await copyDatasetImages(tmp)
  const secrets = { revalidateSecret: 'test-webhook-secret', previewSecret: 'test-preview-secret' }
  const outboxFile = join(tmp, 'outbox.sqlite')
  const site = await startSite((origin) => ({
    SIGNPOST_DATASET: datasetFile,
    SIGNPOST_SITE_URL: origin,
    SIGNPOST_AREA: '',
    SANITY_PROJECT_ID: '',
    SANITY_REVALIDATE_SECRET: secrets.revalidateSecret,
    SIGNPOST_PREVIEW_SECRET: secrets.previewSecret,
    EMAIL_DB: outboxFile,
    EMAIL_OUTBOX_DIR: join(tmp, 'mail'),
  }))

  project.provide('origin', site.origin)
  project.provide('datasetFile', datasetFile)
  project.provide('outboxFile', outboxFile)
  project.provide('revalidateSecret', secrets.revalidateSecret)
  project.provide('previewSecret', secrets.previewSecret)

  return async () => {
    await site.stop()
    if (process.env.SIGNPOST_E2E_SERVER_LOG) console.log(site.output())
    await rm(tmp, { recursive: true, force: true })
  }
}

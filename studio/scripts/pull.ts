// `npm run content:pull`: export the configured Sanity dataset with Sanity's own exporter into
// studio/data/production.ndjson (or SIGNPOST_DATASET), with its images in images/ beside it.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clientFor, MissingConfigError, pullConfig } from './env'
import { pullDataset } from './pullDataset'

const defaultTarget = fileURLToPath(new URL('../data/production.ndjson', import.meta.url))

try {
  const config = pullConfig()
  const target = resolve(process.env.SIGNPOST_DATASET || defaultTarget)
  console.error(`Signpost: pulling dataset "${config.dataset}" of project ${config.projectId} into ${target}`)
  const result = await pullDataset(clientFor(config), target, { onProgress: (line) => console.error(`  ${line}`) })
  console.log(
    `Wrote ${result.documents} documents (${result.bytes} bytes) and ${result.assets} asset file(s) to ${result.file}; left out ${result.dropped} system document(s).`,
  )
} catch (error) {
  console.error(`content:pull failed: ${(error as Error).message}`)
  if (!(error instanceof MissingConfigError)) console.error('The existing dataset file was left as it was.')
  process.exitCode = 1
}

// `npm run content:push`: import studio/data/production.ndjson (or SIGNPOST_DATASET) and the images beside it into the
// configured Sanity dataset with Sanity's own importer, replacing documents with the same ids.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clientFor, pushConfig } from './env'
import { pushDataset } from './pushDataset'

const defaultSource = fileURLToPath(new URL('../data/production.ndjson', import.meta.url))

try {
  const config = pushConfig()
  const source = resolve(process.env.SIGNPOST_DATASET || defaultSource)
  console.error(`Signpost: pushing ${source} into dataset "${config.dataset}" of project ${config.projectId}`)
  const result = await pushDataset(clientFor(config), source, { onProgress: (line) => console.error(`  ${line}`) })
  for (const warning of result.warnings) console.error(`Warning: ${warning}`)
  console.log(`Imported ${result.documents} documents and ${result.assets} asset(s).`)
  if (result.warnings.length > 0) process.exitCode = 1
} catch (error) {
  console.error(`content:push failed: ${(error as Error).message}`)
  process.exitCode = 1
}

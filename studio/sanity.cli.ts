// Settings for the `sanity` command line: project from the environment, typegen reading @signpost/content's queries
// and writing their result types next to them, no automatic updates (the build must work offline).
import { defineCliConfig } from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'signpost',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  deployment: { autoUpdates: false },
  schemaExtraction: { path: 'schema.json' },
  typegen: {
    path: '../packages/content/src/**/*.ts',
    schema: 'schema.json',
    generates: '../packages/content/src/sanity.types.ts',
    overloadClientMethods: false,
  },
})

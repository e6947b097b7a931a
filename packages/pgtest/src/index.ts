// @signpost/pgtest: a real PostgreSQL for tests and benchmarks (Debian's packages, its own OS user, a temporary folder).
export { startPostgres, type PostgresOptions, type TestPostgres } from './startPostgres.js'
export { findPostgres, INSTALL_HINT } from './binaries.js'

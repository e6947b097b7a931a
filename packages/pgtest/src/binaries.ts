// Finds Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin, the newest installed), and the OS user
// to run them as: PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user that Debian's
// package creates.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const INSTALL_HINT = "Install the server from Debian's packages: `apt-get install postgresql` (with sudo when not root)."

export interface PostgresBinaries {
  binDir: string
  /** The major version, from the folder name (for example 15). */
  version: number
}

/** `binDir` (or PGTEST_BIN_DIR) when given, else the newest /usr/lib/postgresql/<version>/bin that has a `postgres`. */
export function findPostgres(binDir = process.env.PGTEST_BIN_DIR, root = '/usr/lib/postgresql'): PostgresBinaries {
  if (binDir) {
    if (!existsSync(join(binDir, 'postgres')) || !existsSync(join(binDir, 'initdb'))) {
      throw new Error(`PostgreSQL: there is no postgres and initdb in ${binDir} (PGTEST_BIN_DIR or the binDir option). ${INSTALL_HINT}`)
    }
    return { binDir, version: Number(/\/(\d+)\/bin\/?$/.exec(binDir)?.[1] ?? 0) }
  }
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'postgres')) && existsSync(join(root, name, 'bin', 'initdb')))
        .map(Number)
        .sort((a, b) => b - a)
    : []
  const newest = versions[0]
  if (newest === undefined) throw new Error(`PostgreSQL is not installed: no ${root}/<version>/bin/postgres. ${INSTALL_HINT}`)
  return { binDir: join(root, String(newest), 'bin'), version: newest }
}

export interface RunAs {
  user: string
  uid: number
  gid: number
}

/** Under root, the OS user the server runs as (its uid and gid from /etc/passwd); otherwise null (run as ourselves). */
export function serverUser(user = 'postgres', passwd = '/etc/passwd'): RunAs | null {
  if (process.getuid?.() !== 0) return null
  const line = existsSync(passwd)
    ? readFileSync(passwd, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${user}:`))
    : undefined
  const [, , uid, gid] = line?.split(':') ?? []
  if (uid === undefined || gid === undefined) {
    throw new Error(`PostgreSQL refuses to run as root and there is no '${user}' user to run it as. ${INSTALL_HINT} (the package creates the user)`)
  }
  return { user, uid: Number(uid), gid: Number(gid) }
}

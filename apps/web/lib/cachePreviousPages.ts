// The pages as they were at the last webhook, shared by every site instance when SIGNPOST_CACHE_URL is set. The
// webhook refreshes a deleted or renamed document's old page from this list (its new content no longer names that
// page); kept in one process only, an instance that did not receive the previous webhook, or has just started,
// would leave the old address serving the old page on every instance. Without the database, each instance's own.
import type { SharedCacheStore } from './cacheStore'
import type { PageDependency } from './pageTags'

const STATE_NAME = 'webhook: pages at the last revalidation'

let local: PageDependency[] = []

/** The pages at the last revalidation by any instance (and by this one, in case the database missed it). */
export async function previousPages(shared: SharedCacheStore | undefined): Promise<PageDependency[]> {
  if (!shared) return local
  try {
    return [...((await shared.getState<PageDependency[]>(STATE_NAME)) ?? []), ...local]
  } catch {
    // Logged by the store; this instance's own list.
    return local
  }
}

export async function rememberPages(shared: SharedCacheStore | undefined, pages: PageDependency[]): Promise<void> {
  local = pages
  if (!shared) return
  try {
    await shared.setState(STATE_NAME, pages)
  } catch {
    // Logged by the store; this instance still has them.
  }
}

// Limits shared by forms and the routes that check them (no server-only imports: pages' components use these too).
/** The most copies of each leaflet one pack may have (1,000 leaflets of one guide). */
export const MAX_COPIES = 1000

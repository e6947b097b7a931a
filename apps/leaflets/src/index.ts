// @signpost/leaflets: accessible PDF leaflets and station print packs, as a library for the CLI, the site and email.
export { renderLeaflet, type RenderLeafletOptions } from './renderLeaflet.js'
export { leafletFileName, leafletFileNameFor, isLeafletFormat, LEAFLET_FORMATS, type LeafletFormat } from './format.js'
export { renderPack, type PackEntry, type PackOptions, type PackResult } from './pack.js'
export { renderBookletPack } from './bookletPack.js'
export { LeafletTextError } from './glyphs.js'

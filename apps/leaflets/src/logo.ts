// The service's logo for the leaflet's cover: the PNG bytes from the identity's logo (through @signpost/content's
// loadAsset), checked and measured. pdfkit draws PNG and JPEG only, so an SVG logo leaves the cover with the
// service's name alone (the name is always printed), as does an identity with no logo.
import { loadAsset, type Identity } from '@signpost/content'
import type { LogoImage } from './layout/leaflet.js'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * Logo bytes by URL. Asset URLs name their content (Sanity's and the embedded dataset's file names carry the
 * image's hash), so a URL's bytes never change and the site need not read them again for every leaflet.
 */
const cached = new Map<string, Buffer>()
function remember(url: string, data: Buffer): void {
  if (cached.size >= 16) cached.delete(cached.keys().next().value as string)
  cached.set(url, data)
}

/**
 * The logo to draw, or undefined for none. `override` is bytes the caller already has (null: no logo). A logo
 * that cannot be loaded, or is not a PNG, is an error naming the site settings field and the address.
 */
export async function loadLogo(identity: Identity, override?: Buffer | null): Promise<LogoImage | undefined> {
  if (override === null) return undefined
  const logo = identity.logo
  if (!logo && !override) return undefined
  if (!override && logo?.mimeType !== 'image/png') return undefined
  let data = override
  if (!data && logo) {
    try {
      data = cached.get(logo.url) ?? (await loadAsset(logo.url))
      remember(logo.url, data)
    } catch (e) {
      throw new Error(`The leaflet cannot show the logo in site settings (identity.logo, ${logo.url}): ${(e as Error).message}`, { cause: e })
    }
  }
  if (!data) return undefined
  return pngImage(data, logo?.alt ?? identity.name, logo?.url ?? 'the logo given')
}

/** Checks the bytes are a PNG and reads its size in pixels from the IHDR chunk. */
export function pngImage(data: Buffer, alt: string, where: string): LogoImage {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`The logo in site settings (identity.logo, ${where}) is not a PNG image: leaflets can only print a PNG logo. Upload the logo as a PNG.`)
  }
  const width = data.readUInt32BE(16)
  const height = data.readUInt32BE(20)
  if (!width || !height) throw new Error(`The logo in site settings (identity.logo, ${where}) has no size (${width} × ${height} pixels).`)
  if (!alt.trim()) throw new Error(`The logo in site settings (identity.logo, ${where}) has no alternative text.`)
  return { data, width, height, alt }
}

// Type and pixel size of an image file from its own bytes, as the Content Lake records them for an uploaded image
// (the embedded dataset has no Lake to ask). PNG from its IHDR header, SVG from its width/height or viewBox.
export type ImageInfo = { mimeType: string; extension: string; width?: number; height?: number }

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function svgSize(text: string): { width?: number; height?: number } {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? ''
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(px)?\\s*["']`, 'i').exec(tag)?.[1]
  const width = Number(attr('width'))
  const height = Number(attr('height'))
  if (width > 0 && height > 0) return { width: Math.round(width), height: Math.round(height) }
  const box = /\sviewBox\s*=\s*["']([^"']+)["']/i
    .exec(tag)?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number)
  if (box?.length === 4 && box[2]! > 0 && box[3]! > 0) return { width: Math.round(box[2]!), height: Math.round(box[3]!) }
  return {}
}

export function imageInfo(bytes: Buffer): ImageInfo {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { mimeType: 'image/png', extension: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { mimeType: 'image/jpeg', extension: 'jpg' }
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return { mimeType: 'image/webp', extension: 'webp' }
  if (bytes.toString('latin1', 0, 3) === 'GIF') return { mimeType: 'image/gif', extension: 'gif' }
  const head = bytes.toString('utf8', 0, Math.min(bytes.length, 4096))
  if (/<svg\b/i.test(head)) return { mimeType: 'image/svg+xml', extension: 'svg', ...svgSize(head) }
  return { mimeType: 'application/octet-stream', extension: 'bin' }
}

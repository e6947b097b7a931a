// One reusable document view that shows a page the site renders for the open guide (web page, leaflet PDF, advice
// email) in an iframe, with a switch between variants (standard / large print, HTML / plain text).
import { LaunchIcon } from '@sanity/icons/Launch'
import { RefreshIcon } from '@sanity/icons/Refresh'
import { Box, Button, Card, Flex, Text } from '@sanity/ui'
import { useState } from 'react'
import type { UserViewComponent } from 'sanity/structure'
import { previewSrc, type PreviewVariant } from '../structure/previewUrls'

export type PreviewFrameOptions = {
  previewUrl: string
  variants: PreviewVariant[]
  /** Describes the view for screen readers, e.g. "Leaflet". */
  title: string
}

export const PreviewFrame: UserViewComponent<PreviewFrameOptions> = ({ document, options }) => {
  const [selected, setSelected] = useState(0)
  const [reloads, setReloads] = useState(0)
  const slug = (document.displayed.slug as { current?: string } | undefined)?.current
  // A translation (document-internationalization's language field) previews in its own language.
  const lang = typeof document.displayed.language === 'string' ? document.displayed.language : undefined
  // Part of the frame's key, so it reloads when a new version is published and keeps up without a manual refresh.
  const publishedRev = document.published?._rev

  if (!slug) {
    return (
      <Card padding={4} tone="caution">
        <Text>Give this guide a web address name (slug) to see its {options.title.toLowerCase()}.</Text>
      </Card>
    )
  }
  const variant = options.variants[selected] ?? options.variants[0]!
  const src = previewSrc(options.previewUrl, variant, slug, lang)

  return (
    <Flex direction="column" height="fill">
      <Card padding={2} borderBottom>
        <Flex gap={2} align="center" wrap="wrap">
          {options.variants.length > 1 &&
            options.variants.map((v, i) => <Button key={v.label} mode={i === selected ? 'default' : 'ghost'} text={v.label} onClick={() => setSelected(i)} />)}
          <Box flex={1}>
            <Text size={1} muted>
              Shows what the site serves now. Publish, or turn on draft preview, to see your changes.
            </Text>
          </Box>
          <Button mode="bleed" icon={RefreshIcon} title="Reload" aria-label="Reload" onClick={() => setReloads((n) => n + 1)} />
          <Button as="a" href={src} target="_blank" rel="noreferrer" mode="bleed" icon={LaunchIcon} title="Open in a new tab" aria-label="Open in a new tab" />
        </Flex>
      </Card>
      <Box flex={1}>
        <iframe
          key={`${src}#${publishedRev}#${reloads}`}
          title={`${options.title}: ${variant.label}`}
          src={src}
          style={{ border: 0, width: '100%', height: '100%', display: 'block', background: 'white' }}
        />
      </Box>
    </Flex>
  )
}

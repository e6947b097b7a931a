// A guide section's Portable Text through @portabletext/react. Links only when rules.isSafeLinkHref allows
// (http(s), mailto, tel, sms); anything else, and any unknown block, renders as plain text. Never inline styles.
// A phone number link is isolated left to right (dir="ltr"), so its digit groups keep their order in Urdu text;
// a text-message instruction is isolated in the direction of its own words (dir="auto").
import { PortableText, type PortableTextComponents } from '@portabletext/react'
import { isSafeLinkHref } from '@signpost/content/rules'
import type { ReactNode } from 'react'

const Plain = ({ children }: { children?: ReactNode }) => <>{children}</>

const components: PortableTextComponents = {
  marks: {
    link: ({ value, children }) => {
      const href: unknown = (value as { href?: unknown } | undefined)?.href
      if (!isSafeLinkHref(href)) return <>{children}</>
      const target = href.trim()
      return (
        <a href={target} dir={/^tel:/i.test(target) ? 'ltr' : /^sms:/i.test(target) ? 'auto' : undefined}>
          {children}
        </a>
      )
    },
  },
  unknownMark: Plain,
  unknownType: () => null,
  unknownBlockStyle: ({ children }) => <p>{children}</p>,
  unknownList: ({ children }) => <ul>{children}</ul>,
  unknownListItem: ({ children }) => <li>{children}</li>,
  hardBreak: () => <br />,
}

export function RichText({ value }: { value: unknown[] }) {
  return <PortableText value={value as Parameters<typeof PortableText>[0]['value']} components={components} onMissingComponent={false} />
}

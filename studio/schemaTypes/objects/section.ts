// One part of a guide: a heading and rich text. The body is Portable Text, rendered the same way on web, PDF and email.
import { BlockContentIcon } from '@sanity/icons/BlockContent'
import { checkLinkHref, SECTION_WITHOUT_TEXT } from '@signpost/content/rules'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { fromRule, longSentenceRule, plainText, required, requiredLine } from '../validation'

export const section = defineType({
  name: 'section',
  title: 'Section',
  type: 'object',
  icon: BlockContentIcon,
  fields: [
    defineField({
      name: 'heading',
      title: 'Heading',
      description: 'A short question or statement, e.g. "How to report it?". Readers scan these first.',
      type: 'string',
      validation: (rule) => rule.custom(requiredLine('Add a heading for this section.')),
    }),
    defineField({
      name: 'body',
      title: 'Text',
      description: 'Write plainly: short sentences, one idea each. You will be warned about sentences over 25 words.',
      type: 'array',
      of: [
        defineArrayMember({
          type: 'block',
          styles: [
            { title: 'Normal', value: 'normal' },
            { title: 'Subheading', value: 'h3' },
          ],
          lists: [
            { title: 'Bullet list', value: 'bullet' },
            { title: 'Numbered list', value: 'number' },
          ],
          marks: {
            decorators: [
              { title: 'Bold', value: 'strong' },
              { title: 'Italic', value: 'em' },
            ],
            annotations: [
              defineArrayMember({
                name: 'link',
                title: 'Link',
                type: 'object',
                fields: [
                  defineField({
                    name: 'href',
                    title: 'Link to',
                    description: 'A web address starting with https://, or a mailto:, tel: or sms: link.',
                    type: 'string',
                    // The one link rule: https, mailto (subject and body only), tel and sms to numbers the phone and SMS rules accept.
                    validation: (rule) => rule.custom(fromRule(checkLinkHref)),
                  }),
                ],
              }),
            ],
          },
        }),
      ],
      validation: (rule) => [rule.custom(required(SECTION_WITHOUT_TEXT)), rule.custom(longSentenceRule).warning()],
    }),
  ],
  preview: {
    select: { heading: 'heading', body: 'body' },
    prepare({ heading, body }) {
      const text = plainText(body)
      return { title: heading ?? 'Untitled section', subtitle: text.length > 80 ? `${text.slice(0, 80)}…` : text }
    },
  },
})

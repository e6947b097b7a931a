// One "what to do now" action, optionally tied to the organisation that helps with it (its contacts are shown beside it).
import { ArrowRightIcon } from '@sanity/icons/ArrowRight'
import { defineField, defineType } from 'sanity'
import { longSentenceRule, required } from '../validation'

export const step = defineType({
  name: 'step',
  title: 'Step',
  type: 'object',
  icon: ArrowRightIcon,
  fields: [
    defineField({
      name: 'text',
      title: 'What to do',
      description: 'One action, starting with a verb, e.g. "Report fraud to Action Fraud." The first step is shown most prominently.',
      type: 'text',
      rows: 2,
      validation: (rule) => [rule.custom(required('Say what the reader should do.')), rule.custom(longSentenceRule).warning()],
    }),
    defineField({
      name: 'organisation',
      title: 'Who helps with this',
      description: "Optional. The organisation's phone number and text details are shown with the step.",
      type: 'reference',
      to: [{ type: 'organisation' }],
    }),
  ],
  preview: {
    select: { text: 'text', organisation: 'organisation.name' },
    prepare({ text, organisation }) {
      return { title: text ?? 'Empty step', subtitle: organisation ?? undefined }
    },
  },
})

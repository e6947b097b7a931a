// A text-message contact ("Text DVS to 82228"): a keyword and a UK short code, checked by the shared SMS rules.
import { CommentIcon } from '@sanity/icons/Comment'
import { checkShortCode, checkSmsKeyword, parseSms } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { translationsField } from '../languages'
import { fromRule, singleLineRule } from '../validation'

export const smsContact = defineType({
  name: 'smsContact',
  title: 'Text message',
  type: 'object',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'What the text is for',
      description: 'Shown next to the instruction, e.g. "Text Derbyshire Victim Services". Optional.',
      type: 'string',
      validation: (rule) => rule.custom(singleLineRule),
    }),
    translationsField({ name: 'labelTranslations', title: 'What it is for, translated', of: 'The label', type: 'string' }),
    defineField({
      name: 'keyword',
      title: 'Word to text',
      description: 'The word people send, e.g. DVS.',
      type: 'string',
      validation: (rule) => rule.custom(fromRule(checkSmsKeyword)),
    }),
    defineField({
      name: 'shortCode',
      title: 'Number to text (short code)',
      description: 'The 5 or 6 digit number people text, e.g. 82228.',
      type: 'string',
      validation: (rule) => rule.custom(fromRule(checkShortCode)),
    }),
  ],
  preview: {
    select: { keyword: 'keyword', shortCode: 'shortCode', label: 'label' },
    prepare({ keyword, shortCode, label }) {
      const sms = parseSms(keyword, shortCode)
      return { title: sms.ok ? sms.value.instruction : 'Text message (incomplete)', subtitle: label ?? 'Text message' }
    },
  },
})

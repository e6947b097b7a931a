// The guide's "Text message" field with a live count under it, from the same rule Notify's count is written in
// (@signpost/content/rules smsLength): characters, texts, and why it went to Unicode when it did.
import { describeSmsLength, smsLength } from '@signpost/content/rules'
import { Stack, Text } from '@sanity/ui'
import type { StringInputProps } from 'sanity'

export function SmsLengthInput(props: StringInputProps) {
  const value = typeof props.value === 'string' ? props.value : ''
  return (
    <Stack space={2}>
      {props.renderDefault(props)}
      <Text size={1} muted>
        {value.trim()
          ? describeSmsLength(smsLength(value.trim()))
          : 'Empty: the text is made from the guide (the local service, the report line and the guide’s address).'}
      </Text>
    </Stack>
  )
}

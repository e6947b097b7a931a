// The translation status on a translated guide: says whether it is up to date with the English original, and offers
// "Checked against the English", which records the original's current revision and today's date.
import { Button, Card, Stack, Text } from '@sanity/ui'
import { set, setIfMissing, useFormValue, type ObjectInputProps } from 'sanity'
import { checkedAgainst, translationState, type StoredGuide } from './freshness'
import { useOriginalGuide } from './useOriginalGuide'

export function TranslationStatusInput(props: ObjectInputProps) {
  const guide = useFormValue([]) as StoredGuide | undefined
  const { original, loading } = useOriginalGuide(guide?._id)
  const state = translationState(guide, original)
  const tone = state.kind === 'outOfDate' ? 'critical' : state.kind === 'upToDate' ? 'positive' : 'caution'
  const mark = () => {
    if (!original) return
    const values = checkedAgainst(original)
    props.onChange([
      setIfMissing({}),
      set(values.translatedFromRevision, ['translatedFromRevision']),
      set(values.checkedAgainstOriginalOn, ['checkedAgainstOriginalOn']),
    ])
  }
  return (
    <Stack space={3}>
      {state.kind === 'original' ? null : (
        <Card padding={3} radius={2} tone={tone} border>
          <Stack space={3}>
            <Text size={1}>{loading ? 'Looking for the English original…' : 'message' in state ? state.message : ''}</Text>
            {original ? <Button mode="ghost" text="Checked against the English" onClick={mark} disabled={props.readOnly === true} /> : null}
          </Stack>
        </Card>
      )}
      {props.renderDefault(props)}
    </Stack>
  )
}

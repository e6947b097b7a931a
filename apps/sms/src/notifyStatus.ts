// What each GOV.UK Notify text-message status means for the queue (Notify's "Message status" documentation):
// delivered (or sent, for networks that give no receipt) is final; permanent-failure (not a real or working number)
// stops, keeping the reason; temporary-failure (phone off, inbox full) and technical-failure (a problem between Notify
// and the network) are sent again later; created, sending and pending are still on their way.
export type ReceiptOutcome = 'delivered' | 'failed' | 'retry' | 'pending'

const REASONS: Record<string, string> = {
  'permanent-failure':
    'GOV.UK Notify: the provider could not deliver the text; the number may be wrong or not in use (permanent-failure). Check the number before trying again.',
  'temporary-failure': 'GOV.UK Notify: the phone may be off, out of signal or its inbox full (temporary-failure); sending again later.',
  'technical-failure': 'GOV.UK Notify: a problem between Notify and the network (technical-failure); sending again later.',
}

export function outcomeOf(status: string): ReceiptOutcome {
  switch (status) {
    case 'delivered':
    case 'sent':
      return 'delivered'
    case 'permanent-failure':
      return 'failed'
    case 'temporary-failure':
    case 'technical-failure':
      return 'retry'
    default:
      return 'pending'
  }
}

export const reasonFor = (status: string): string | undefined => REASONS[status]

/** Notify statuses under which a reference already counts as sent (so it must not be sent again). */
export const isLiveOrDelivered = (status: string): boolean => outcomeOf(status) === 'delivered' || outcomeOf(status) === 'pending'

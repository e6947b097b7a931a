// SMTP servers echo the recipient in their replies ("550 5.1.1 <jo@example.com> unknown"). The masking now lives with
// the queue (@signpost/outbox), which stores replies for every channel; this name is kept for the email code.
export { maskRecipientsIn as maskAddressesIn } from '@signpost/outbox'

// Turns a stored outbox message into the nodemailer message: sender (neutral when asked), the stored Message-ID,
// both alternatives and the leaflet. Nothing here is rendered anew, so every attempt sends the same message.
import type { SendMailOptions } from 'nodemailer'
import type { ClaimedMessage } from './outbox.js'
import type { RenderedAdviceEmail } from './renderAdviceEmail.js'
import type { Sender } from './transport.js'

export function composeMessage(
  message: Pick<ClaimedMessage, 'address' | 'name' | 'messageId' | 'neutral' | 'leaflet'>,
  rendered: RenderedAdviceEmail & { revision?: string },
  sender: Sender,
): SendMailOptions {
  if (!message.address) throw new Error('The recipient address has been erased; this message can no longer be sent.')
  // The service's own name (from site settings, stored with the rendering) before the address from EMAIL_FROM;
  // a rendering stored by an older version has none, and keeps EMAIL_FROM whole.
  // A neutral message in another language has the neutral sender name in that language, unless EMAIL_NEUTRAL_FROM sets one.
  const neutralFrom =
    !sender.neutralFromConfigured && rendered.language && rendered.senderName ? { name: rendered.senderName, address: sender.address } : sender.neutralFrom
  const from = message.neutral ? neutralFrom : rendered.senderName ? { name: rendered.senderName, address: sender.address } : sender.from
  return {
    from,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    to: message.name ? { name: message.name, address: message.address } : message.address,
    subject: rendered.subject,
    messageId: message.messageId,
    text: rendered.text,
    html: rendered.html,
    // Plain text first, HTML last: mail programs show the last alternative they can render.
    attachments: message.leaflet ? [{ filename: message.leaflet.fileName, content: message.leaflet.content, contentType: 'application/pdf' }] : [],
    // The content revision, for staff tracing what was sent; readers see only the date it was checked.
    // Content-Language (RFC 3282): the language the reader gets, for mail programs and screen readers that read it.
    headers: {
      'Auto-Submitted': 'auto-generated',
      ...(rendered.language ? { 'Content-Language': rendered.language } : {}),
      ...(rendered.revision ? { 'X-Content-Revision': rendered.revision.slice(0, 12) } : {}),
    },
  }
}

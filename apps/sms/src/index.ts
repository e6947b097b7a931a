// @signpost/sms: the advice as a text message through GOV.UK Notify. Renderer, the sms channel of the one delivery
// queue (@signpost/outbox), Notify transport, delivery receipts and status polling.
export { renderAdviceSms, SmsTooLongError, type RenderAdviceSmsOptions, type RenderedAdviceSms } from './renderAdviceSms.js'
export {
  openSmsOutbox,
  SmsOutbox,
  smsView,
  renderSmsSnapshot,
  languageOfMessage,
  type SmsMessage,
  type SmsOutboxOptions,
  type SmsStatus,
  type SmsSnapshot,
} from './smsOutbox.js'
export {
  AdviceSmsRequestError,
  adviceSmsRequestSchema,
  validateSmsRequest,
  checkLanguageChoice,
  requestErrorOf,
  type AdviceSmsRequest,
  type AdviceSmsOrigin,
} from './request.js'
export { createSmsChannel, pollReceipts, type SmsChannelOptions } from './channel.js'
export { handleDeliveryReceipt, type ReceiptAnswer } from './receipts.js'
export { outcomeOf, reasonFor } from './notifyStatus.js'
export {
  createSmsTransportFromEnv,
  fileSmsTransport,
  notifySmsTransport,
  classifyNotifyError,
  defaultSmsDir,
  readSmsFile,
  type SmsTransport,
  type SmsToSend,
  type SmsSendResult,
  type NotifyNotification,
} from './transport.js'

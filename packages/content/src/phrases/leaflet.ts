// English defaults for the leaflet's fixed words (LEAFLET-LANG owns this file; starting set by CONTENT-LANG).
// Shared words (What to do now, Who can help, Free support in …, Checked …, the translation notices, contact
// labels Phone/Website/Email) come from common.ts; these are the leaflet's own.
export const leafletPhrases = {
  'leaflet.pageXOfY': 'Page {page} of {pages}',
  'leaflet.inThisLeaflet': 'In this leaflet',
  'leaflet.pageReference': 'page {page}',
  'leaflet.whatYouCanDo': 'What you can do',
  'leaflet.howToGetHelp': 'How to get help',
  'leaflet.readOnline': 'Read this guide online: scan the code with a phone camera, or type this address: ',
  'leaflet.qrAlt': 'QR code linking to {url}',
  'leaflet.neutralTitle': 'Information',
  'leaflet.largePrintTitle': '{title} (large print)',
  'leaflet.revision': 'Leaflet revision {revision}.',
  'leaflet.freeAndConfidential': 'Free and confidential.',
  'leaflet.free': 'Free.',
  'leaflet.confidential': 'Confidential.',
  'leaflet.openHours': 'Open {hours}.',
  'leaflet.contactText': 'Text',
  'leaflet.noteOpen': 'open {hours}',
  'leaflet.noteFreeToCall': 'free to call',
  'leaflet.linkCall': 'Call {number}',
  'leaflet.linkText': 'Send a text message: {text}',
  'leaflet.linkEmail': 'Email {address}',
  'leaflet.linkWeb': 'Open the web page {address}',
  'leaflet.blankPage': 'This page is intentionally blank',
} as const

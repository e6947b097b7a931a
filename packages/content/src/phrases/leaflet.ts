// English defaults for the leaflet's fixed words (LEAFLET-LANG owns this file; starting set by CONTENT-LANG).
export const leafletPhrases = {
  'leaflet.pageXOfY': 'Page {page} of {pages}',
  'leaflet.inThisLeaflet': 'In this leaflet',
  'leaflet.whatYouCanDo': 'What you can do',
  'leaflet.howToGetHelp': 'How to get help',
  'leaflet.readOnline': 'Read this guide online: scan the code with a phone camera, or type this address: ',
  'leaflet.qrAlt': 'QR code linking to {url}',
  'leaflet.neutralTitle': 'Information',
} as const

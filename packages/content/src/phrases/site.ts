// English defaults for the website's fixed words (WEB-LANG owns this file; starting set by CONTENT-LANG).
export const sitePhrases = {
  'site.exitThisPage': 'Exit this page',
  'site.skipToContent': 'Skip to main content',
  'site.guides': 'Guides',
  'site.organisations': 'Organisations',
  'site.search': 'Search',
  'site.emailMeThisAdvice': 'Email me this advice',
  'site.thereIsAProblem': 'There is a problem',
  'site.yourEmailAddress': 'Your email address',
  'site.printOrKeep': 'Print or keep this advice',
  'site.downloadLeaflet': 'Download the leaflet (PDF, {size})',
  'site.downloadLargePrintLeaflet': 'Download the large-print leaflet (PDF, {size})',
} as const

// Every schema type the Studio knows, in one list for sanity.config.ts.
import { area } from './documents/area'
import { guide } from './documents/guide'
import { organisation } from './documents/organisation'
import { phraseCatalogue } from './documents/phraseCatalogue'
import { siteSettings } from './documents/siteSettings'
import { emailContact } from './objects/emailContact'
import { phoneContact } from './objects/phoneContact'
import { section } from './objects/section'
import { smsContact } from './objects/smsContact'
import { step } from './objects/step'
import { translationStatus } from './objects/translationStatus'
import { websiteContact } from './objects/websiteContact'

export const schemaTypes = [
  guide,
  organisation,
  area,
  siteSettings,
  phraseCatalogue,
  section,
  step,
  translationStatus,
  phoneContact,
  smsContact,
  websiteContact,
  emailContact,
]
